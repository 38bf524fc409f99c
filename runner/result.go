package runner

import (
	"time"

	"github.com/podrun/podrun/plan"
	corev1 "k8s.io/api/core/v1"
)

// result summarises the ended pod (run_api.go's Result): the status is the last one published,
// so Result and OnStatus never disagree.
func (w *worker) result() Result {
	if w.published == nil {
		w.publish()
	}
	status := *w.published.DeepCopy()
	res := Result{Phase: status.Phase, Status: status}
	for _, c := range w.ctrs {
		cr := ContainerResult{Name: c.spec.Name, Role: c.spec.Role, Restarts: max(c.attempt, 0), Ran: c.ranOnce}
		if c.last != nil {
			cr.ExitCode, cr.Reason, cr.Finished = c.last.Code, c.last.Reason, c.last.FinishedAt
			cr.Started = c.last.StartedAt
		} else if c.view.State == ctrRunning {
			cr.Started = c.started
		}
		res.Containers = append(res.Containers, cr)
	}
	res.ExitCode = w.exitCode(res.Phase)
	return res
}

// exitCode is the pod's result by DESIGN.md: the failed init container's code; else the
// primary's; else 0 when the pod succeeded; else the code of the regular container that failed
// it first (1 when none did, e.g. a pod that never got to run its containers).
func (w *worker) exitCode(phase corev1.PodPhase) int {
	if w.failedInit >= 0 && w.ctrs[w.failedInit].last != nil {
		return w.ctrs[w.failedInit].last.Code
	}
	if w.primary >= 0 {
		if last := w.ctrs[w.primary].last; last != nil {
			return last.Code
		}
		return 1
	}
	if phase == corev1.PodSucceeded {
		return 0
	}
	code, first := 1, time.Time{}
	for _, c := range w.ctrs {
		if c.spec.Role == plan.RoleSidecar || c.last == nil || c.last.Code == 0 {
			continue
		}
		if first.IsZero() || c.last.FinishedAt.Before(first) {
			code, first = c.last.Code, c.last.FinishedAt
		}
	}
	return code
}
