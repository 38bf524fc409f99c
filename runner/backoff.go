package runner

import "time"

// The kubelet's CrashLoopBackOff constants (§2.2): base 10 s, doubling, capped at 300 s; an entry
// untouched for twice the cap is forgotten, so a container that ran 10 minutes starts over.
const (
	backOffBase = 10 * time.Second
	backOffMax  = 300 * time.Second
)

// backOff is one container's back-off entry, as the kubelet's flowcontrol.Backoff keeps it per
// pod and container name (§2.2). The zero value is "no entry".
type backOff struct {
	Delay      time.Duration // the wait the next restart must respect
	LastUpdate time.Time     // when the entry last grew (the previous restart)
}

// expired reports whether the entry no longer applies to an instance that finished at finished:
// no entry yet, or the instance finished more than 2×max after the entry last grew.
func (b backOff) expired(finished time.Time) bool {
	return b.Delay == 0 || finished.Sub(b.LastUpdate) > 2*backOffMax
}

// remaining is how long a restart must still wait at now for an instance that finished at
// finished; zero or less means it may restart (the kubelet's IsInBackOffSince).
func (b backOff) remaining(finished, now time.Time) time.Duration {
	if b.expired(finished) {
		return 0
	}
	return b.Delay - now.Sub(finished)
}

// next is the entry after a restart at now (the kubelet's Next): a new or expired entry starts
// at the base delay, otherwise the delay doubles up to the cap.
func (b backOff) next(finished, now time.Time) backOff {
	d := backOffBase
	if !b.expired(finished) {
		d = min(2*b.Delay, backOffMax)
	}
	return backOff{Delay: d, LastUpdate: now}
}
