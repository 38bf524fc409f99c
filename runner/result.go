package runner

import corev1 "k8s.io/api/core/v1"

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
			cr.Message = c.last.Message
		} else if c.view.State == ctrRunning {
			cr.Started = c.started
		}
		if c.neverCreated() {
			cr.Reason = c.waitingReason()
		}
		res.Containers = append(res.Containers, cr)
	}
	res.ExitCode = w.exitCode(res.Phase)
	return res
}

// exitCode is the pod's result by DESIGN.md: the code of the init container whose failure ended
// the pod; else the primary's (1 when it never ran); else 0 when the pod succeeded; else the
// code of the first regular container, in spec order, whose last instance ended non-zero — the
// one a reader of the pod's status sees failed. 1 when none did (killed before it ran, or every
// container exited 0 and the pod failed all the same: a dead sandbox, §1.1).
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
	for _, c := range w.ctrs {
		if isInitRole(c.spec.Role) || c.last == nil || c.last.Code == 0 {
			continue
		}
		return c.last.Code
	}
	return 1
}
