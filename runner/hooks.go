package runner

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/podrun/podrun/plan"
)

// Lifecycle hooks (§6): postStart right after the start, blocking the start loop; preStop
// before the stop signal, counting against the grace period. The kubelet runs exec hooks in
// the container without $(VAR) expansion, httpGet hooks from outside (status codes ignored,
// pitfall 10), sleep hooks as a timer.

// errInvalidHandler is a hook the kubelet cannot run (tcpSocket in a hook, §6.3).
var errInvalidHandler = errors.New("invalid handler: a lifecycle hook needs exec, httpGet or sleep")

// runHook runs one hook handler against instance id of c; nil when it succeeded.
func (w *worker) runHook(ctx context.Context, c plan.Container, id string, h *plan.Handler) error {
	switch {
	case h.Exec != nil:
		code, out, err := execIn(ctx, w.eng, id, h.Exec, c.Config.Tty)
		if err != nil {
			return err
		}
		if code != 0 {
			return fmt.Errorf("command %q exited with %d: %s", strings.Join(h.Exec, " "), code, strings.TrimSpace(out))
		}
		return nil
	case h.HTTPGet != nil:
		return w.net.lifecycleHTTP(ctx, *h.HTTPGet)
	case h.Sleep != nil:
		t := time.NewTimer(*h.Sleep)
		defer t.Stop()
		select {
		case <-t.C:
			return nil
		case <-ctx.Done():
			return errors.New("sleep interrupted: the container terminated")
		}
	}
	return errInvalidHandler
}

// hookName is how events and the timeline name a hook's handler.
func hookName(h *plan.Handler) string {
	switch {
	case h.Exec != nil:
		return "exec " + strings.Join(h.Exec, " ")
	case h.HTTPGet != nil:
		return "httpGet " + h.HTTPGet.Path
	case h.Sleep != nil:
		return "sleep " + h.Sleep.String()
	}
	return "invalid handler"
}

// runPreStop runs c's preStop hook, bounded by grace, and returns a channel closed once it
// returned or grace ran out (§4.2 step 1). A failure is an event; the stop goes on (§4.2).
func (w *worker) runPreStop(c plan.Container, attempt int, id string, grace time.Duration) <-chan struct{} {
	done := make(chan struct{})
	w.n.event(Event{Kind: EventPreStop, Container: c.Name, Role: c.Role, Attempt: attempt,
		Message: "running preStop hook: " + hookName(c.PreStop)})
	w.spawn(func() error {
		defer close(done)
		ctx, cancel := context.WithTimeout(w.ctx, grace)
		defer cancel()
		err := w.runHook(ctx, c, id, c.PreStop)
		switch {
		case errors.Is(ctx.Err(), context.DeadlineExceeded):
			w.n.event(Event{Kind: EventFailedHook, Container: c.Name, Role: c.Role, Attempt: attempt,
				Message: fmt.Sprintf("FailedPreStopHook: did not return within the grace period (%s)", grace)})
		case err != nil && w.ctx.Err() == nil:
			w.n.event(Event{Kind: EventFailedHook, Container: c.Name, Role: c.Role, Attempt: attempt,
				Message: "FailedPreStopHook: " + err.Error()})
		case err == nil:
			w.n.event(Event{Kind: EventPreStopDone, Container: c.Name, Role: c.Role, Attempt: attempt,
				Message: "preStop hook returned"})
		}
		return nil
	})
	return done
}
