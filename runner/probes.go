package runner

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/probe"
)

// Probe workers (§5), one per container instance and probe type, as the kubelet's prober
// workers: the first attempt at once, then every period; attempts before initialDelay skipped;
// a result published only after failureThreshold/successThreshold identical results in a row;
// liveness and readiness only once the container is started; the startup worker stops at its
// threshold, the liveness worker after publishing a failure (the container is then killed and
// a new instance gets new workers). Workers only report to the pod worker, which decides.

// probeKind names a probe type as the kubelet's events do.
type probeKind string

const (
	probeStartup   probeKind = "Startup"
	probeLiveness  probeKind = "Liveness"
	probeReadiness probeKind = "Readiness"
)

// maxProbeErrors is how often the kubelet retries a prober error (not a failure) before it
// discards the attempt without counting it.
const maxProbeErrors = 3

// startProbes starts the probe workers of one running instance; ctx ends with the instance.
func (w *worker) startProbes(ctx context.Context, i, attempt int, spec plan.Container, id string, startedAt time.Time) {
	ps := spec.Probes
	if ps == nil {
		return
	}
	started := make(chan struct{})
	if ps.Startup == nil {
		close(started)
	} else {
		w.probeLoop(ctx, i, attempt, probeStartup, ps.Startup, spec, id, startedAt, nil, started)
	}
	if ps.Liveness != nil {
		w.probeLoop(ctx, i, attempt, probeLiveness, ps.Liveness, spec, id, startedAt, started, nil)
	}
	if ps.Readiness != nil {
		w.probeLoop(ctx, i, attempt, probeReadiness, ps.Readiness, spec, id, startedAt, started, nil)
	}
}

// probeLoop runs one probe worker: it waits for gate (the startup probe's success), and closes
// onSuccess once it publishes success.
func (w *worker) probeLoop(ctx context.Context, i, attempt int, kind probeKind, p *plan.Probe, spec plan.Container,
	id string, startedAt time.Time, gate <-chan struct{}, onSuccess chan struct{}) {
	w.spawn(func() error {
		if gate != nil {
			select {
			case <-gate:
			case <-ctx.Done():
				return nil
			}
		}
		tick := time.NewTicker(p.Period)
		defer tick.Stop()
		// The initial results (§5): readiness Failure, liveness Success, startup Unknown.
		var published *bool
		switch kind {
		case probeReadiness:
			published = ptr(false)
		case probeLiveness:
			published = ptr(true)
		}
		successes, failures := 0, 0
		for {
			if time.Since(startedAt) >= p.InitialDelay {
				ok, msg, err := w.probeOnce(ctx, spec, id, p)
				if ctx.Err() != nil {
					return nil
				}
				switch {
				case err != nil:
					// A prober error: not counted (§5).
				case ok:
					successes, failures = successes+1, 0
				default:
					successes, failures = 0, failures+1
					w.send(report{Kind: repProbe, Ctr: i, Attempt: attempt, Probe: kind, Message: msg})
				}
				var result *bool
				switch {
				case successes >= p.SuccessThreshold && !is(published, true):
					result = ptr(true)
				case failures >= p.FailureThreshold && !is(published, false):
					result = ptr(false)
				}
				if result != nil {
					published = result
					w.send(report{Kind: repProbe, Ctr: i, Attempt: attempt, Probe: kind, Published: result, Message: msg})
					if *result && onSuccess != nil {
						close(onSuccess)
						onSuccess = nil
					}
					if kind == probeStartup || kind == probeLiveness && !*result {
						return nil // startup is done; a failed liveness waits for the next instance
					}
				}
			}
			select {
			case <-tick.C:
			case <-ctx.Done():
				return nil
			}
		}
	})
}

// probeOnce runs one attempt: ok, the failure's message, or a prober error (retried up to
// maxProbeErrors times within the attempt, then reported as err).
func (w *worker) probeOnce(ctx context.Context, spec plan.Container, id string, p *plan.Probe) (bool, string, error) {
	var err error
	for range maxProbeErrors {
		var ok bool
		var msg string
		ok, msg, err = w.probeAttempt(ctx, spec, id, p)
		if err == nil || ctx.Err() != nil {
			return ok, msg, err
		}
	}
	return false, "", err
}

// probeAttempt runs the probe once. A failure while the instance is no longer running is a
// prober error, not a failure: the instance's exit is what counts, and a probe racing with it
// must not make the kubelet's kill-and-restart of a container that already ended (§5).
func (w *worker) probeAttempt(ctx context.Context, spec plan.Container, id string, p *plan.Probe) (bool, string, error) {
	ok, msg, err := w.probeHandler(ctx, spec, id, p)
	if err == nil && !ok && ctx.Err() == nil {
		info, ierr := w.eng.ContainerInspect(ctx, id)
		if ierr != nil || info.ContainerJSONBase == nil || info.State == nil || !info.State.Running {
			return false, msg, errors.New("the container is not running")
		}
	}
	return ok, msg, err
}

func (w *worker) probeHandler(ctx context.Context, spec plan.Container, id string, p *plan.Probe) (bool, string, error) {
	if p.Handler.Exec == nil {
		res, msg, err := w.net.probe(ctx, p.Handler, p.Timeout)
		return res != probe.Failure, msg, err
	}
	// Exec probes: timeoutSeconds enforced (ExecProbeTimeout, §5); success iff exit 0.
	ectx, cancel := context.WithTimeout(ctx, p.Timeout)
	defer cancel()
	code, out, err := execIn(ectx, w.eng, id, p.Handler.Exec, spec.Config.Tty)
	switch {
	case errors.Is(err, errExecTimeout):
		return false, fmt.Sprintf("command %q timed out", strings.Join(p.Handler.Exec, " ")), nil
	case err != nil:
		return false, "", err
	case code != 0:
		return false, strings.TrimSpace(out), nil
	}
	return true, "", nil
}

func ptr[T any](v T) *T { return &v }

func is(p *bool, v bool) bool { return p != nil && *p == v }

// probeResult records a probe's report (§5): failures become Unhealthy events; a published
// startup success makes the container started; a published liveness or startup failure kills
// it for a restart; readiness only changes ready. During termination liveness and startup
// results are ignored (§4.3).
func (w *worker) probeResult(i int, r report) {
	c := w.ctrs[i]
	spec := c.spec
	ev := Event{Container: spec.Name, Role: spec.Role, Attempt: r.Attempt}
	if r.Published == nil {
		ev.Kind, ev.Message = EventUnhealthy, fmt.Sprintf("%s probe failed: %s", r.Probe, r.Message)
		w.n.event(ev)
		return
	}
	if c.view.State != ctrRunning {
		return
	}
	ok := *r.Published
	ev.Kind, ev.ExitCode = EventProbe, boolCode(ok)
	switch r.Probe {
	case probeStartup:
		if ok {
			c.view.Started = true
			ev.Message = "started: startup probe succeeded"
			w.n.event(ev)
			return
		}
		if w.terminating {
			return
		}
		ev.Message = "startup probe failed"
		w.n.event(ev)
		w.killInstance(i, fmt.Sprintf("Container %s failed startup probe, will be restarted", spec.Name), probeGrace(spec.Probes.Startup, w.p.GracePeriod))
	case probeLiveness:
		if ok || w.terminating {
			return
		}
		ev.Message = "liveness probe failed"
		w.n.event(ev)
		w.killInstance(i, fmt.Sprintf("Container %s failed liveness probe, will be restarted", spec.Name), probeGrace(spec.Probes.Liveness, w.p.GracePeriod))
	case probeReadiness:
		c.ready = ok
		ev.Message = "not ready: readiness probe failed"
		if ok {
			ev.Message = "ready: readiness probe succeeded"
		}
		w.n.event(ev)
	}
}

// probeGrace is the grace of a kill after a probe failure: the probe's own, else the pod's (§4.1).
func probeGrace(p *plan.Probe, pod time.Duration) time.Duration {
	if p != nil && p.TerminationGracePeriod > 0 {
		return p.TerminationGracePeriod
	}
	return pod
}

// killInstance kills a container's current instance the way the kubelet does outside pod
// termination (probe or postStart failure): preStop, stop signal, SIGKILL after grace; the
// instance then restarts unless its policy is Never (§2.1).
func (w *worker) killInstance(i int, why string, grace time.Duration) {
	c := w.ctrs[i]
	if c.view.Stop != stopNone || w.terminating {
		return
	}
	c.view.Stop, c.view.Killed = stopGraceful, true
	w.stopInstance(i, false, grace, why)
}
