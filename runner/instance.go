package runner

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/containerd/errdefs"
	"github.com/docker/docker/api/types/container"
	"github.com/podrun/podrun/plan"
)

// logDrainTimeout bounds how long an instance's exit waits for the last of its output, so the
// Exited event follows the container's last line without ever hanging on a stuck stream.
const logDrainTimeout = 2 * time.Second

// created is a container's first instance, created while earlier work runs (app containers are
// created while init containers run: creating is not starting).
type created struct {
	done chan struct{}
	id   string
	err  error
}

// precreate creates c's first instance in the background, unless the kubelet would refuse to.
func (w *worker) precreate(i int) {
	c := w.ctrs[i]
	if c.refused != "" {
		return
	}
	f := &created{done: make(chan struct{})}
	c.created = f
	w.spawn(func() error {
		defer close(f.done)
		f.id, f.err = w.create(c.spec, 0)
		return nil
	})
}

// create creates one instance of c, with its termination-message file (§3.4).
func (w *worker) create(c plan.Container, attempt int) (string, error) {
	bind, err := w.messageBind(c, attempt)
	if err != nil {
		return "", fmt.Errorf("create container %q: %w", c.Name, err)
	}
	host := c.Host
	if bind != "" {
		h := *host
		h.Binds = append(append([]string{}, host.Binds...), bind)
		host = &h
	}
	resp, err := w.eng.ContainerCreate(w.ctx, instanceConfig(c, attempt), host, nil, nil, instanceName(c, attempt))
	if err != nil {
		return "", fmt.Errorf("create container %q: %w", c.Name, err)
	}
	w.n.event(Event{Kind: EventCreated, Container: c.Name, Role: c.Role, Attempt: attempt})
	return resp.ID, nil
}

// startInstance starts the next instance of container i: the precreated first one, or a new
// container for a restart (every restart is a new instance, §3.3 restartCount). Only the
// previous instance is kept, for `logs --previous`.
func (w *worker) startInstance(i int, b backOff) {
	c := w.ctrs[i]
	c.attempt++
	attempt := c.attempt
	if attempt > 0 {
		c.view.BackOff = b
	}
	c.view.State, c.view.Stop, c.lost = ctrStarting, stopNone, ""
	c.view.Started, c.view.Killed, c.ready, c.preStopDone = false, false, false, nil
	var stale string
	if attempt >= 2 && attempt-2 < len(c.ids) {
		stale = c.ids[attempt-2]
	}
	spec, first := c.spec, c.created
	if c.refused != "" {
		// The kubelet's CreateContainerConfigError (§3.3): retried by a cluster for ever, the end
		// of the run for podrun (see ContainerConfigError).
		err := &ContainerConfigError{Container: spec.Name, Message: c.refused}
		w.spawn(func() error {
			w.send(report{Kind: repRefused, Ctr: i, Attempt: attempt, Err: err})
			return nil
		})
		return
	}
	w.spawn(func() error {
		id, err := w.instanceID(spec, attempt, first)
		if err != nil {
			w.send(report{Kind: repFailed, Ctr: i, Attempt: attempt, Err: err})
			return nil
		}
		w.removeInstance(spec, attempt-2, stale)
		w.runInstance(i, attempt, spec, id)
		return nil
	})
}

func (w *worker) instanceID(spec plan.Container, attempt int, first *created) (string, error) {
	if attempt > 0 || first == nil {
		return w.create(spec, attempt)
	}
	select {
	case <-first.done:
		return first.id, first.err
	case <-w.ctx.Done():
		return "", w.ctx.Err()
	}
}

// removeInstance removes an instance older than the previous one.
func (w *worker) removeInstance(spec plan.Container, attempt int, id string) {
	if id == "" {
		return
	}
	err := w.eng.ContainerRemove(w.ctx, id, container.RemoveOptions{Force: true, RemoveVolumes: true})
	if err == nil || isGone(err) {
		w.n.event(Event{Kind: EventRemoved, Container: spec.Name, Role: spec.Role, Attempt: attempt})
	}
}

// runInstance starts one instance and follows it to its exit. The wait is registered before the
// start (docker/cli's order), so an instant exit cannot be missed. The postStart hook runs
// right after the start, the instance reported running only once it returned (§6.1); probes
// begin then. The exit is reported with the instance's termination message (§3.4).
func (w *worker) runInstance(i, attempt int, spec plan.Container, id string) {
	waitCtx, cancelWait := context.WithCancel(w.ctx)
	defer cancelWait()
	waitC, errC := w.eng.ContainerWait(waitCtx, id, container.WaitConditionNextExit)
	if err := w.eng.ContainerStart(w.ctx, id, container.StartOptions{}); err != nil {
		cancelWait()
		w.send(report{Kind: repExited, Ctr: i, Attempt: attempt, ID: id, Exit: w.startError(id, err)})
		return
	}
	started := w.now()
	logsDone, exited := make(chan struct{}), make(chan struct{})
	w.spawn(func() error {
		defer close(logsDone)
		emit := func(stderr bool, text string) {
			w.n.log(LogLine{Container: spec.Name, Attempt: attempt, Stderr: stderr, Text: text})
		}
		_ = followLogs(w.ctx, w.eng, id, spec.Config.Tty, exited, emit) // output is best effort
		return nil
	})
	// The instance's context: its hook and probes end with it.
	ictx, cancelInstance := context.WithCancel(w.ctx)
	defer cancelInstance()
	hookDone := w.postStart(ictx, i, attempt, spec, id, started)
	if hookDone == nil {
		w.send(report{Kind: repStarted, Ctr: i, Attempt: attempt, ID: id, At: started})
		w.startProbes(ictx, i, attempt, spec, id, started)
	}
	var code int
	for {
		select {
		case err := <-hookDone:
			hookDone = nil
			if err == nil {
				w.send(report{Kind: repStarted, Ctr: i, Attempt: attempt, ID: id, At: started})
				w.startProbes(ictx, i, attempt, spec, id, started)
			} else {
				w.send(report{Kind: repHookFailed, Ctr: i, Attempt: attempt, ID: id, Err: err})
			}
			continue
		case resp := <-waitC:
			code = int(resp.StatusCode)
			close(exited)
		case err := <-errC:
			if w.ctx.Err() != nil {
				return
			}
			w.send(report{Kind: repFailed, Ctr: i, Attempt: attempt, Err: fmt.Errorf("wait for container %q: %w", spec.Name, err)})
			return
		case <-w.ctx.Done():
			return
		}
		break
	}
	cancelInstance() // a postStart hook still running is aborted (§6.1)
	drain := time.NewTimer(logDrainTimeout)
	select {
	case <-logsDone:
	case <-drain.C:
	case <-w.ctx.Done():
	}
	drain.Stop()
	e := w.exitInfo(id, code, started)
	if msg := w.terminationMessage(spec, attempt, id, code); msg != "" {
		// Appended to any runtime message (§3.4).
		e.Message = strings.TrimPrefix(e.Message+": "+msg, ": ")
	}
	w.send(report{Kind: repExited, Ctr: i, Attempt: attempt, ID: id, Exit: e})
}

// postStart runs the instance's postStart hook and returns a channel that gives its result;
// nil when there is no hook.
func (w *worker) postStart(ctx context.Context, i, attempt int, spec plan.Container, id string, started time.Time) <-chan error {
	if spec.PostStart == nil {
		return nil
	}
	done := make(chan error, 1)
	w.n.event(Event{Time: started, Kind: EventPostStart, Container: spec.Name, Role: spec.Role, Attempt: attempt,
		Message: "running postStart hook: " + hookName(spec.PostStart)})
	w.spawn(func() error {
		err := w.runHook(ctx, spec, id, spec.PostStart)
		if ctx.Err() != nil {
			return nil // the container ended first: nothing waits for the result
		}
		if err == nil {
			w.n.event(Event{Kind: EventPostStartDone, Container: spec.Name, Role: spec.Role, Attempt: attempt,
				Message: "postStart hook returned"})
		} else {
			w.n.event(Event{Kind: EventFailedHook, Container: spec.Name, Role: spec.Role, Attempt: attempt,
				Message: "FailedPostStartHook: " + err.Error()})
		}
		done <- err
		return nil
	})
	return done
}

// exitInfo completes an exit code with the engine's facts: times and OOM (§3.3, §3.5).
func (w *worker) exitInfo(id string, code int, started time.Time) exitInfo {
	e := exitInfo{Code: code, Reason: exitReason(code, false), StartedAt: started, FinishedAt: w.now()}
	info, err := w.eng.ContainerInspect(w.ctx, id)
	if err != nil || info.ContainerJSONBase == nil || info.State == nil {
		return e
	}
	e.Reason = exitReason(code, info.State.OOMKilled)
	if t, err := time.Parse(time.RFC3339Nano, info.State.StartedAt); err == nil && t.Year() > 1 {
		e.StartedAt = t
	}
	if t, err := time.Parse(time.RFC3339Nano, info.State.FinishedAt); err == nil && t.Year() > 1 {
		e.FinishedAt = t
	}
	return e
}

func exitReason(code int, oom bool) string {
	switch {
	case oom:
		return "OOMKilled"
	case code == 0:
		return "Completed"
	default:
		return "Error"
	}
}

// startError is the end of an instance the runtime could not start: the kubelet's StartError
// (§3.3), with the engine's exit code when it set one (126/127 for a command that cannot run).
func (w *worker) startError(id string, err error) exitInfo {
	now := w.now()
	e := exitInfo{Code: 128, Reason: "StartError", Message: err.Error(), StartedAt: now, FinishedAt: now}
	if info, ierr := w.eng.ContainerInspect(w.ctx, id); ierr == nil && info.ContainerJSONBase != nil &&
		info.State != nil && info.State.ExitCode != 0 {
		e.Code = info.State.ExitCode
	}
	return e
}

// stopInstance stops container i's running instance (§4.2): its preStop hook first (already
// started for a sidecar at termination start), whose time counts against grace; then the stop
// signal (lifecycle.stopSignal, else the image's STOPSIGNAL, else SIGTERM: the engine's own
// order, the plan sets Config.StopSignal), SIGKILL after what is left of grace, never under 2 s.
// With kill, SIGKILL at once and no hook. why says who asked, for the timeline.
func (w *worker) stopInstance(i int, kill bool, grace time.Duration, why string) {
	c := w.ctrs[i]
	id, attempt, spec, preStop := c.ids[c.attempt], c.attempt, c.spec, c.preStopDone
	if kill {
		w.n.event(Event{Kind: EventKilling, Container: spec.Name, Role: spec.Role, Attempt: attempt, Message: join(why, "SIGKILL")})
	}
	if !kill && preStop == nil && spec.PreStop != nil && grace > 0 {
		preStop = w.runPreStop(spec, attempt, id, grace)
	}
	begin := time.Now()
	w.spawn(func() error {
		var err error
		if kill {
			err = w.eng.ContainerKill(w.ctx, id, "KILL")
		} else {
			if preStop != nil {
				t := time.NewTimer(grace)
				select {
				case <-preStop:
				case <-t.C:
				case <-w.ctx.Done():
				}
				t.Stop()
			}
			// Whole seconds, as the kubelet subtracts them; the 2 s floor (§4.2 step 3, pitfall 6).
			secs := max(int(math.Ceil(grace.Seconds()))-int(time.Since(begin).Seconds()), minGraceSeconds)
			w.n.event(Event{Kind: EventKilling, Container: spec.Name, Role: spec.Role, Attempt: attempt,
				Message: join(why, fmt.Sprintf("%s, SIGKILL after %ds", stopSignalName(spec), secs))})
			err = w.eng.ContainerStop(w.ctx, id, container.StopOptions{Timeout: &secs})
		}
		if err != nil && !isGone(err) && w.ctx.Err() == nil {
			w.send(report{Kind: repFailed, Ctr: i, Attempt: attempt, Err: fmt.Errorf("stop container %q: %w", spec.Name, err)})
		}
		return nil
	})
}

// minGraceSeconds is the kubelet's minimumGracePeriodInSeconds (§4.2 step 3).
const minGraceSeconds = 2

// stopSignalName names the signal the engine sends: the container's StopSignal when the plan
// set one (lifecycle.stopSignal); else the image's STOPSIGNAL, which the engine applies, or
// SIGTERM.
func stopSignalName(c plan.Container) string {
	if c.Config != nil && c.Config.StopSignal != "" {
		return c.Config.StopSignal
	}
	return "stop signal (image STOPSIGNAL, else SIGTERM)"
}

func join(why, what string) string {
	if why == "" {
		return what
	}
	return why + ": " + what
}

// armTimer reports to the worker when container i's back-off ends.
func (w *worker) armTimer(i int, d time.Duration) {
	w.spawn(func() error {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
			w.send(report{Kind: repTimer, Ctr: i})
		case <-w.ctx.Done():
		}
		return nil
	})
}

// isGone reports an engine answer meaning the object is already gone or already stopped.
func isGone(err error) bool {
	return errdefs.IsNotFound(err) || errdefs.IsConflict(err) || errdefs.IsNotModified(err)
}
