package runner

import (
	"reflect"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// notifier calls the caller's callbacks one at a time, whichever goroutine reports: run_api.go
// promises callbacks are never called concurrently.
type notifier struct {
	mu   sync.Mutex
	opts Options
	now  func() time.Time
	last *corev1.PodStatus
}

func newNotifier(opts Options, now func() time.Time) *notifier {
	return &notifier{opts: opts, now: now}
}

// event stamps e with the time and hands it to OnEvent.
func (n *notifier) event(e Event) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if e.Time.IsZero() {
		e.Time = n.now()
	}
	if n.opts.OnEvent != nil {
		n.opts.OnEvent(e)
	}
}

// log hands one line of container output to OnLog.
func (n *notifier) log(l LogLine) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.opts.OnLog != nil {
		n.opts.OnLog(l)
	}
}

// status hands the pod's status to OnStatus when it differs from the last one reported, and
// reports whether it did.
func (n *notifier) status(s corev1.PodStatus) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.last != nil && reflect.DeepEqual(*n.last, s) {
		return false
	}
	n.last = s.DeepCopy()
	if n.opts.OnStatus != nil {
		n.opts.OnStatus(s)
	}
	return true
}
