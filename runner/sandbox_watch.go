package runner

import (
	"errors"
	"fmt"

	"github.com/containerd/errdefs"
	"github.com/docker/docker/api/types/container"
	"github.com/podrun/podrun/status"
)

// ErrSandboxDied ends a run whose pause container exited while the pod ran (§1.1).
var ErrSandboxDied = errors.New("the pod's sandbox (pause container) exited")

// watchSandbox reports the pause container's exit to the worker. The kubelet notices a dead
// sandbox on its next sync; podrun waits on it like on any container.
func (w *worker) watchSandbox() {
	w.spawn(func() error {
		waitC, errC := w.eng.ContainerWait(w.ctx, w.sandboxID, container.WaitConditionNotRunning)
		r := report{Kind: repSandboxExited, Ctr: -1}
		select {
		case resp := <-waitC:
			r.Exit.Code = int(resp.StatusCode)
		case err := <-errC:
			if w.ctx.Err() != nil {
				return nil
			}
			if !errdefs.IsNotFound(err) { // a sandbox removed behind podrun's back died too
				w.send(report{Kind: repFailed, Ctr: -1, Err: fmt.Errorf("wait for sandbox: %w", err)})
				return nil
			}
			r.Exit.Code = exitStatusUnknown
		case <-w.ctx.Done():
			return nil
		}
		w.send(r)
		return nil
	})
}

// sandboxExited is the kubelet's answer to a dead sandbox (§1.1): every container is killed and
// the init containers would run again in a new sandbox — except under restartPolicy Never once
// containers ran, where the pod just ends. podrun never re-creates a sandbox (the pod's network,
// volumes and addresses would change under its containers): whatever the restart policy, the
// pod is killed, ends Failed, and the run returns ErrSandboxDied. The death of a sandbox podrun
// stops itself at the pod's end is no news.
func (w *worker) sandboxExited(code int) {
	if w.ended || w.sandboxLost != "" {
		return
	}
	w.sandboxLost = fmt.Sprintf("The pod's sandbox (pause container) exited with code %d; podrun does not re-create it: the pod was killed", code)
	w.n.event(Event{Kind: EventSandboxChanged, Message: w.sandboxLost})
	if w.terminating {
		return // already ending: its phase comes from the containers' exits as planned
	}
	w.sandboxFailed = true
	w.fail(fmt.Errorf("%w with code %d while the pod ran: the pod was killed", ErrSandboxDied, code))
}

// sandboxEviction fails the pod's status once its sandbox died while it ran, whatever the
// exit codes its killed containers report.
func (w *worker) sandboxEviction() *status.Eviction {
	if !w.sandboxFailed {
		return nil
	}
	return &status.Eviction{Message: w.sandboxLost}
}
