package runner

import (
	"context"
	"fmt"
	"time"

	"github.com/podrun/podrun/plan"
	"golang.org/x/sync/errgroup"
	corev1 "k8s.io/api/core/v1"
)

// The pod worker: one goroutine owns every container's state. Instances, log followers, stops
// and back-off timers run in goroutines of one errgroup and only report to the worker through
// its inbox; on each report the worker asks decide what to do and does it.

// reportKind names what a goroutine tells the worker.
type reportKind int

const (
	repStarted       reportKind = iota // an instance is running
	repExited                          // an instance exited, or could not start
	repTimer                           // a back-off wait ended
	repFailed                          // podrun or the engine failed: end the run with Err
	repRefused                         // the kubelet would refuse to create the instance: Err says why
	repSandboxExited                   // the pause container exited with Exit.Code (§1.1)
	repProbe                           // a probe failed (Published nil) or published a result (§5)
	repHookFailed                      // the postStart hook failed: Err says how (§6.1)
	repInternal                        // a goroutine of podrun's panicked: Err says where
)

type report struct {
	Kind    reportKind
	Ctr     int
	Attempt int
	ID      string
	At      time.Time
	Exit    exitInfo
	Err     error
	// Probe, Published and Message describe a repProbe.
	Probe     probeKind
	Published *bool
	Message   string
}

// ctrRun is the worker's record of one container.
type ctrRun struct {
	spec     plan.Container // resolved: run-time fields substituted, subPath binds added
	view     ctrView
	attempt  int      // attempt number of the latest instance; -1 before the first
	ids      []string // engine IDs by attempt, as far as known
	created  *created // the first instance, created ahead of its start
	armed    bool     // a back-off timer is pending: CrashLoopBackOff (§2.2)
	started  time.Time
	last     *exitInfo // the newest instance's end, or the one before while a new one runs
	previous *exitInfo // the end before last
	lost     string    // why the newest instance was lost: not created, or its end unobserved
	// lostReason is the waiting reason of an instance that was never created:
	// CreateContainerError unless set (CreateContainerConfigError).
	lostReason string
	// refused is the kubelet's refusal to create the container (runAsNonRoot, §11): it never
	// starts; trying ends the run with a ContainerConfigError.
	refused  string
	ranOnce  bool
	firstRun time.Time
	// ready is the readiness probe's published result for the current instance (§5).
	ready bool
	// preStopDone is closed when the preStop hook started at termination start returned
	// (sidecars, §4.2); nil when none was started.
	preStopDone <-chan struct{}
}

// worker runs the pod once the sandbox is up.
type worker struct {
	ctx    context.Context // live even after the caller's context ends: termination needs it
	cancel context.CancelFunc
	g      *errgroup.Group
	eng    Engine
	p      *plan.Plan
	pod    *corev1.Pod // the defaulted pod the status is computed against
	n      *notifier
	now    func() time.Time
	inbox  chan report

	sandboxID string
	keep      bool // the run's objects stay after it (--keep): the sandbox is stopped, not removed
	addrs     podAddresses
	net       netProber // network probes and lifecycle httpGet (§5, §6.3)
	// termMountpoint is the engine-side directory of the termination-message volume (§3.4);
	// empty when no container has a terminationMessagePath.
	termMountpoint string
	podReady       bool // the pod's Ready condition, for the PodReady event
	startTime      time.Time
	ctrs           []*ctrRun
	primary        int

	terminating bool
	forced      bool
	termStart   time.Time
	ended       bool
	endReason   string
	failedInit  int // the init container whose failure ended the pod, or -1
	// sandboxLost says why the pause container is gone while the pod ran; sandboxFailed that
	// its death ended the pod, which then fails (§1.1).
	sandboxLost   string
	sandboxFailed bool
	err           error
	published     *corev1.PodStatus // the last status published
	phase         corev1.PodPhase   // its phase, for the PodPhase event
}

// send delivers a report unless the worker is gone.
func (w *worker) send(r report) {
	select {
	case w.inbox <- r:
	case <-w.ctx.Done():
	}
}

// loop runs the pod until nothing runs any more. Cancellation of ctx (the caller's) starts a
// graceful termination (§4.2); force kills at once.
func (w *worker) loop(ctx context.Context, force <-chan struct{}) {
	cancelled := ctx.Done()
	for {
		if w.step() {
			w.publish()
			return
		}
		w.publish()
		select {
		case r := <-w.inbox:
			w.handle(r)
		case <-cancelled:
			cancelled = nil
			w.terminate("cancelled: " + context.Cause(ctx).Error())
		case <-force:
			force = nil
			w.forced = true
			w.terminate("forced")
		}
	}
}

// step decides and acts until decide has nothing new; it reports whether the pod is over.
func (w *worker) step() bool {
	for {
		again := false
		for _, a := range decide(w.podView(), w.now()) {
			switch a.Kind {
			case actDone:
				w.finish()
				return true
			case actKillPod:
				if a.Ctr >= 0 && a.Ctr < len(w.p.Init) {
					w.failedInit = a.Ctr
				}
				w.terminate(a.Reason)
				again = true
			default:
				w.apply(a)
			}
		}
		if !again {
			return false
		}
	}
}

func (w *worker) podView() podView {
	v := podView{Primary: w.primary, Terminating: w.terminating, Forced: w.forced}
	v.Ctrs = make([]ctrView, len(w.ctrs))
	for i, c := range w.ctrs {
		v.Ctrs[i] = c.view
	}
	return v
}

// terminate begins the pod's termination; nothing restarts from now on (§4.3).
func (w *worker) terminate(reason string) {
	if w.terminating {
		return
	}
	w.terminating = true
	w.termStart = w.now()
	w.endReason = reason
	w.n.event(Event{Kind: EventKilling, Message: "pod: " + reason})
	if w.forced {
		return
	}
	// Sidecars' preStop hooks run at termination start, concurrently with the other
	// containers' (pitfall 5); only their stop signals wait, in reverse order (§4.2).
	for _, c := range w.ctrs {
		if c.spec.Role == plan.RoleSidecar && c.spec.PreStop != nil && c.view.State == ctrRunning && c.view.Stop == stopNone {
			c.preStopDone = w.runPreStop(c.spec, c.attempt, c.ids[c.attempt], w.p.GracePeriod)
		}
	}
}

// fail records the run's first error and ends the pod.
func (w *worker) fail(err error) {
	if w.err == nil {
		w.err = err
	}
	w.terminate(err.Error())
}

// abandon ends the run after an internal error: podrun can no longer trust its view of the
// containers (the goroutine that followed one of them is gone), so it stops waiting for them
// and lets teardown remove them by force.
func (w *worker) abandon(err error) {
	if w.err == nil {
		w.err = err
	}
	for _, c := range w.ctrs {
		if c.view.State != ctrExited {
			c.view.State, c.lost = ctrExited, "podrun internal error"
		}
	}
	w.terminate("podrun internal error")
}

// handle records a report.
func (w *worker) handle(r report) {
	switch {
	case r.Kind == repSandboxExited:
		w.sandboxExited(r.Exit.Code)
		return
	case r.Kind == repInternal:
		w.abandon(r.Err)
		return
	case r.Ctr < 0:
		if r.Kind == repFailed {
			w.fail(r.Err)
		}
		return
	}
	c := w.ctrs[r.Ctr]
	switch r.Kind {
	case repTimer:
		c.armed = false
		return
	case repProbe:
		if r.Attempt == c.attempt {
			w.probeResult(r.Ctr, r)
		}
		return
	case repHookFailed:
		if r.Attempt == c.attempt && c.view.State == ctrStarting {
			w.setID(c, r.Attempt, r.ID)
			w.killInstance(r.Ctr, "FailedPostStartHook", w.p.GracePeriod)
		}
		return
	case repFailed, repRefused:
		if r.Attempt == c.attempt && c.view.State != ctrExited {
			c.view.State = ctrExited // lost: teardown removes whatever is left of it
			c.lost = r.Err.Error()
			if r.Kind == repRefused {
				c.lost, c.lostReason = c.refused, reasonCreateContainerConfigError
			}
		}
		w.fail(r.Err)
		return
	}
	if r.Attempt != c.attempt {
		return
	}
	w.setID(c, r.Attempt, r.ID)
	role := c.spec.Role
	switch r.Kind {
	case repStarted:
		c.view.State, c.started, c.ranOnce = ctrRunning, r.At, true
		// Started at once without a startup probe (§1.3, §5).
		c.view.Started = c.spec.Probes == nil || c.spec.Probes.Startup == nil
		if c.firstRun.IsZero() {
			c.firstRun = r.At
		}
		w.n.event(Event{Time: r.At, Kind: EventStarted, Container: c.spec.Name, Role: role, Attempt: r.Attempt})
	case repExited:
		e := r.Exit
		c.previous, c.last = c.last, &e
		c.view.State, c.view.ExitCode, c.view.FinishedAt = ctrExited, e.Code, e.FinishedAt
		w.n.event(Event{Time: e.FinishedAt, Kind: EventExited, Container: c.spec.Name, Role: role,
			Attempt: r.Attempt, ExitCode: e.Code, Message: exitMessage(e)})
	}
}

func (w *worker) setID(c *ctrRun, attempt int, id string) {
	if id == "" {
		return
	}
	for len(c.ids) <= attempt {
		c.ids = append(c.ids, "")
	}
	c.ids[attempt] = id
}

func exitMessage(e exitInfo) string {
	if e.Message != "" {
		return e.Reason + ": " + e.Message
	}
	return e.Reason
}

// apply performs one start, back-off, stop or kill.
func (w *worker) apply(a action) {
	c := w.ctrs[a.Ctr]
	switch a.Kind {
	case actStart:
		w.startInstance(a.Ctr, a.BackOff)
	case actBackOff:
		if c.armed {
			return
		}
		c.armed = true
		msg := "back-off " + a.Delay.Round(time.Second).String() + " restarting failed container=" + c.spec.Name
		w.n.event(Event{Kind: EventBackOff, Container: c.spec.Name, Role: c.spec.Role, Attempt: c.attempt, Message: msg})
		w.armTimer(a.Ctr, a.Delay)
	case actStop:
		c.view.Stop = stopGraceful
		w.stopInstance(a.Ctr, false, w.graceFor(c), "")
	case actKill:
		c.view.Stop = stopKill
		w.stopInstance(a.Ctr, true, 0, "")
	}
}

// graceFor is the grace period left for a container's stop (§4.2): the pod's G from the start
// of termination, sidecars getting what regular containers (and their own preStop hook, begun
// at termination start) left over. stopInstance applies the 2 s floor.
func (w *worker) graceFor(c *ctrRun) time.Duration {
	g := w.p.GracePeriod
	if c.spec.Role == plan.RoleSidecar {
		g -= w.now().Sub(w.termStart)
	}
	return max(g, 0)
}

// finish stops the sandbox once no container runs (§4.2 step 5). When the run's objects are
// about to be removed anyway, teardown's forced removal stops it, together with the removal of
// the other containers, instead of a kill that waits for its exit first.
func (w *worker) finish() {
	w.ended = true
	if !w.keep {
		return
	}
	w.n.event(Event{Kind: EventKilling, Container: w.p.Sandbox.Name, Role: plan.RolePause})
	err := w.eng.ContainerKill(w.ctx, w.sandboxID, "KILL")
	if err != nil && !isGone(err) && w.err == nil {
		w.err = fmt.Errorf("stop sandbox: %w", err)
	}
}

// publish reports the pod's status when it changed, and the phase when that changed. The status
// computed before is an input of the next, so terminal phases and transition times stick (§3.1).
func (w *worker) publish() {
	s := w.podStatus()
	w.published = s.DeepCopy()
	w.n.status(s)
	if s.Phase != w.phase {
		w.phase = s.Phase
		w.n.event(Event{Kind: EventPodPhase, Message: string(s.Phase)})
	}
	if ready := podReady(s); ready != w.podReady {
		w.podReady = ready
		msg := "pod is not ready"
		if ready {
			msg = "pod is ready: every container is ready"
		}
		w.n.event(Event{Kind: EventPodReady, Message: msg, ExitCode: boolCode(ready)})
	}
}

func podReady(s corev1.PodStatus) bool {
	for _, c := range s.Conditions {
		if c.Type == corev1.PodReady {
			return c.Status == corev1.ConditionTrue
		}
	}
	return false
}

func boolCode(b bool) int {
	if b {
		return 1
	}
	return 0
}
