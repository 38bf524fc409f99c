package runner

import (
	"fmt"
	"time"

	"github.com/podrun/podrun/plan"
)

// The pod worker's decision, like the kubelet's computePodActions (§1–§4): a pure function from
// what has been observed to what must be done next. The worker calls it after every event and
// performs the actions; everything that can be decided without the engine is decided here.

// ctrState is what the worker has observed of a container's current instance.
type ctrState int

const (
	ctrNone     ctrState = iota // never started
	ctrStarting                 // a start was issued; not yet running, or its postStart hook runs (§6.1)
	ctrRunning                  // running, its postStart hook (if any) returned
	ctrExited                   // the latest instance exited (or failed to start)
)

// stopState is how far the worker went in stopping a container's current instance.
type stopState int

const (
	stopNone     stopState = iota
	stopGraceful           // stop signal sent, SIGKILL after the grace period (§4.2)
	stopKill               // SIGKILL sent
)

// ctrView is the decision-relevant part of one container: init containers first, then regular
// containers, in spec order.
type ctrView struct {
	Name       string
	Role       plan.Role
	Policy     plan.RestartPolicy // effective: see effectivePolicy
	State      ctrState
	ExitCode   int
	FinishedAt time.Time
	BackOff    backOff
	Stop       stopState
	// Started: running, and its startup probe succeeded or it has none (§1.3, §5).
	Started bool
	// PostStart says the container has a postStart hook: while it starts, later containers of
	// the same start loop wait (§1.4, §6.1).
	PostStart bool
	// Killed says the kubelet killed the current instance (liveness or startup probe failure,
	// postStart failure): it restarts unless the policy is Never, whatever its exit code (§2.1).
	Killed bool
}

// podView is what decide sees of the pod.
type podView struct {
	// Primary is the index of the Flyte primary container, or -1.
	Primary int
	// Terminating is set once the pod is being stopped: cancelled, completed (§4.4), failed.
	Terminating bool
	// Forced is set when grace periods ended (a second Ctrl-C): kill everything now.
	Forced bool
	Ctrs   []ctrView
}

// actionKind names one thing the worker must do.
type actionKind int

const (
	actStart   actionKind = iota // start (or restart) Ctrs[Ctr]; BackOff is its new entry
	actBackOff                   // Ctrs[Ctr] must wait Delay before it restarts (CrashLoopBackOff)
	actKillPod                   // nothing more may run: terminate the pod (§4.4, §1.2)
	actStop                      // stop Ctrs[Ctr] gracefully (§4.2)
	actKill                      // kill Ctrs[Ctr] now
	actDone                      // nothing runs any more: stop the sandbox, the pod is over
)

// action is one step decided for the worker.
type action struct {
	Kind    actionKind
	Ctr     int
	Delay   time.Duration
	BackOff backOff
	// Reason explains actKillPod, for the timeline.
	Reason string
}

func (a action) String() string {
	switch a.Kind {
	case actStart:
		return fmt.Sprintf("start %d", a.Ctr)
	case actBackOff:
		return fmt.Sprintf("back-off %d %s", a.Ctr, a.Delay)
	case actKillPod:
		return "kill pod: " + a.Reason
	case actStop:
		return fmt.Sprintf("stop %d", a.Ctr)
	case actKill:
		return fmt.Sprintf("kill %d", a.Ctr)
	default:
		return "done"
	}
}

// effectivePolicy is the restart policy the kubelet applies to a container (§2.1, §2.3):
// sidecars always restart; a regular init container under pod Always behaves as OnFailure, as
// init containers are never re-run after success (§1.2); otherwise the container's own policy,
// else the pod's.
func effectivePolicy(c plan.Container, pod plan.RestartPolicy) plan.RestartPolicy {
	if c.Role == plan.RoleSidecar {
		return plan.RestartAlways
	}
	p := c.RestartPolicy
	if p == "" {
		p = pod
	}
	if c.Role == plan.RoleInit && p == plan.RestartAlways {
		return plan.RestartOnFailure
	}
	return p
}

// shouldRestart is §2.1's table for an exited container. A container the kubelet killed
// (liveness, startup or postStart failure) is restarted, whatever its exit code, in the sync
// that killed it — so only when no back-off held it as it ended; if one did, later syncs decide
// by the exit code like for any exited container (an instance that exited 0 as it was being
// killed is not restarted under OnFailure).
func shouldRestart(c ctrView) bool {
	if c.Killed && c.Policy != plan.RestartNever && c.BackOff.remaining(c.FinishedAt, c.FinishedAt) <= 0 {
		return true
	}
	switch c.Policy {
	case plan.RestartAlways:
		return true
	case plan.RestartOnFailure:
		return c.ExitCode != 0
	default:
		return false
	}
}

func isInitRole(r plan.Role) bool { return r == plan.RoleInit || r == plan.RoleSidecar }

// alive reports whether a container has an instance that is, or is about to be, running.
func alive(c ctrView) bool { return c.State == ctrStarting || c.State == ctrRunning }

// decide returns the actions that bring the pod closer to its spec at now.
func decide(p podView, now time.Time) []action {
	if p.Terminating {
		return decideTermination(p)
	}
	acts, initialized := decideInit(p, now)
	if !initialized {
		return acts
	}
	regular := decideRegular(p, now)
	if len(regular) == 1 && regular[0].Kind == actKillPod {
		return regular // sidecars are not restarted once the pod is done (§1.3)
	}
	return append(acts, regular...)
}

// decideInit walks the init sequence (§1.2, §1.3). It reports whether the pod is initialized;
// once a regular container has run, init containers are never re-run (§1.2), and sidecars
// restart on their own whenever they exit (§1.3).
func decideInit(p podView, now time.Time) ([]action, bool) {
	for _, c := range p.Ctrs {
		if !isInitRole(c.Role) && c.State != ctrNone {
			return decideSidecarRestarts(p, now), true
		}
	}
	var acts []action
	for i, c := range p.Ctrs {
		if !isInitRole(c.Role) {
			break
		}
		switch {
		case c.State == ctrStarting:
			return acts, false
		case c.Role == plan.RoleSidecar && c.State == ctrRunning && c.Started:
			continue // running and started: the next init container may start (§1.3)
		case c.Role == plan.RoleSidecar && c.State == ctrRunning:
			return acts, false // its startup probe has not succeeded yet (§1.3, pitfall 2)
		case c.Role == plan.RoleSidecar && c.State == ctrExited:
			// It was started once; its restarts do not hold the sequence back (§1.3).
			acts = append(acts, startOrBackOff(p.Ctrs, i, now))
		case c.Role == plan.RoleSidecar, c.State == ctrNone:
			return append(acts, action{Kind: actStart, Ctr: i}), false
		case c.State == ctrRunning:
			return acts, false
		case c.ExitCode == 0:
			continue // never re-run after success, even under Always (§1.2)
		case c.Policy == plan.RestartNever:
			reason := fmt.Sprintf("init container %q failed with exit code %d", c.Name, c.ExitCode)
			return []action{{Kind: actKillPod, Ctr: i, Reason: reason}}, false
		default:
			return append(acts, startOrBackOff(p.Ctrs, i, now)), false
		}
	}
	return acts, true
}

// decideSidecarRestarts restarts exited sidecars of an initialized pod, whatever the pod's
// restart policy (§1.3).
func decideSidecarRestarts(p podView, now time.Time) []action {
	var acts []action
	for i, c := range p.Ctrs {
		if c.Role == plan.RoleSidecar && c.State == ctrExited {
			acts = append(acts, startOrBackOff(p.Ctrs, i, now))
		}
	}
	return acts
}

// decideRegular starts regular containers in spec order, all in one pass (§1.4), restarts them
// by §2.1, and ends the pod when none is running or due to start (§4.4) or when the primary
// ended for good (a Flyte task is decided by its primary; Flyte then deletes the pod).
func decideRegular(p podView, now time.Time) []action {
	var acts []action
	due := false
	// blocked: an earlier container's postStart hook runs; the start loop waits for it (§6.1).
	blocked := false
	for i, c := range p.Ctrs {
		if isInitRole(c.Role) {
			continue
		}
		switch {
		case c.State == ctrNone:
			if !blocked {
				acts = append(acts, action{Kind: actStart, Ctr: i})
			}
			due = true
		case alive(c):
			due = true
		case shouldRestart(c):
			if !blocked {
				acts = append(acts, startOrBackOff(p.Ctrs, i, now))
			}
			due = true
		}
		if c.State == ctrStarting && c.PostStart || len(acts) > 0 && acts[len(acts)-1].Ctr == i && acts[len(acts)-1].Kind == actStart && c.PostStart {
			blocked = true
		}
	}
	if p.Primary >= 0 {
		c := p.Ctrs[p.Primary]
		// Propeller ends the task on the pod status that shows the primary terminated; the
		// kubelet publishes it once its start loop is through, so every start already issued
		// completes first (a sidecar still being started shows as Running, not as missing).
		if c.State == ctrExited && !shouldRestart(c) && !startsInFlight(p) {
			reason := fmt.Sprintf("primary container %q exited with code %d", c.Name, c.ExitCode)
			return []action{{Kind: actKillPod, Ctr: p.Primary, Reason: reason}}
		}
	}
	if !due {
		return []action{{Kind: actKillPod, Ctr: -1, Reason: "all containers completed"}}
	}
	return acts
}

// startsInFlight reports whether a regular container's start was issued and has not returned.
func startsInFlight(p podView) bool {
	for _, c := range p.Ctrs {
		if !isInitRole(c.Role) && c.State == ctrStarting {
			return true
		}
	}
	return false
}

// startOrBackOff starts Ctrs[i] now, or says how long CrashLoopBackOff holds it (§2.2). The
// first start of a container never waits; a restart waits by the entry of its last finish.
func startOrBackOff(ctrs []ctrView, i int, now time.Time) action {
	c := ctrs[i]
	if c.State == ctrNone {
		return action{Kind: actStart, Ctr: i}
	}
	if d := c.BackOff.remaining(c.FinishedAt, now); d > 0 {
		return action{Kind: actBackOff, Ctr: i, Delay: d}
	}
	return action{Kind: actStart, Ctr: i, BackOff: c.BackOff.next(c.FinishedAt, now)}
}

// decideTermination stops what still runs (§4.2, §4.3): nothing restarts; init and regular
// containers are stopped at once and concurrently; sidecars only after every other container
// has exited, one at a time in reverse spec order; with Forced everything is killed now.
func decideTermination(p podView) []action {
	var acts []action
	others := false
	for i, c := range p.Ctrs {
		switch {
		case p.Forced && c.State == ctrRunning && c.Stop != stopKill:
			acts = append(acts, action{Kind: actKill, Ctr: i})
		case c.Role == plan.RoleSidecar:
		case alive(c):
			others = true
			if c.State == ctrRunning && c.Stop == stopNone {
				acts = append(acts, action{Kind: actStop, Ctr: i})
			}
		}
	}
	if !others && !p.Forced {
		for i := len(p.Ctrs) - 1; i >= 0; i-- {
			c := p.Ctrs[i]
			if c.Role != plan.RoleSidecar || !alive(c) {
				continue
			}
			if c.State == ctrRunning && c.Stop == stopNone {
				acts = append(acts, action{Kind: actStop, Ctr: i})
			}
			break // earlier sidecars wait for this one (§4.2 step 2)
		}
	}
	for _, c := range p.Ctrs {
		if alive(c) {
			return acts
		}
	}
	return append(acts, action{Kind: actDone, Ctr: -1})
}
