package runner

import (
	"time"

	"github.com/podrun/podrun/status"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// The pod's status is the status package's (kubelet-semantics.md §3); this file only says what
// the worker observed, in that package's terms.

// exitInfo is how one container instance ended.
type exitInfo struct {
	Code       int
	Reason     string // Completed, Error, OOMKilled, StartError (§3.3)
	Message    string
	StartedAt  time.Time
	FinishedAt time.Time
}

// podStatus is the pod's status as the kubelet would report it now.
func (w *worker) podStatus() corev1.PodStatus {
	obs := make([]status.Observed, 0, len(w.ctrs))
	for _, c := range w.ctrs {
		obs = append(obs, c.observed(w.terminating))
	}
	return status.Compute(w.podFacts(), obs)
}

// podFacts are the pod-level facts: the sandbox's addresses, whether termination began, and the
// last published status, so that condition transition times and terminal phases stick (§3.1).
func (w *worker) podFacts() status.PodFacts {
	f := status.PodFacts{
		Pod:          w.pod,
		SandboxReady: w.sandboxID != "" && !w.ended && w.sandboxLost == "",
		Eviction:     w.sandboxEviction(),
		Deleting:     w.terminating,
		StartTime:    w.startTime,
		Now:          w.now(),
		Previous:     w.published,
	}
	if w.addrs.PodIP != "" {
		f.PodIPs = []string{w.addrs.PodIP}
	}
	if w.addrs.HostIP != "" {
		f.HostIPs = []string{w.addrs.HostIP}
	}
	return f
}

// observed is what the worker knows of one container: its newest instance and the one before.
// Before its first start a container has no observed state, so the status package gives it the
// kubelet's default waiting reason, even when podrun already created it ahead of time.
func (c *ctrRun) observed(terminating bool) status.Observed {
	o := status.Observed{
		Name:         c.spec.Name,
		Role:         c.spec.Role,
		Image:        c.spec.Image,
		ContainerID:  status.ContainerID(c.currentID()),
		RestartCount: max(c.attempt, 0),
	}
	switch c.view.State {
	case ctrStarting:
		// Being created and started (or a restart of it): the kubelet's status shows the
		// instance waiting, the one before as lastState (§3.3), never as a container it lost.
		o.State.Waiting = &corev1.ContainerStateWaiting{Reason: status.ReasonContainerCreating}
		o.Last = terminated(c.last)
	case ctrRunning:
		o.State.Running = &corev1.ContainerStateRunning{StartedAt: metav1.NewTime(c.started)}
		o.Last = terminated(c.last)
		// Probe results, nil where there is no such probe (§3.2, §5).
		if ps := c.spec.Probes; ps != nil {
			if ps.Startup != nil {
				o.Started = ptr(c.view.Started)
			}
			if ps.Readiness != nil {
				o.Ready = ptr(c.ready)
			}
		}
	case ctrExited:
		switch {
		case c.neverCreated():
			// Never created: the kubelet's CreateContainerError.
			o.State.Waiting = &corev1.ContainerStateWaiting{Reason: c.waitingReason(), Message: c.lost}
			o.Last = terminated(c.last)
		case c.lost != "":
			// Its end was never observed (the engine failed while following it).
			o.State.Terminated = &corev1.ContainerStateTerminated{ExitCode: exitStatusUnknown,
				Reason: status.ReasonStatusUnknown, Message: c.lost}
			o.Last = terminated(c.last)
		default:
			o.State.Terminated = terminated(c.last)
			o.Last = terminated(c.previous)
		}
		if c.armed && !terminating {
			// The full back-off entry, as in the kubelet's message (§2.2).
			o.BackOff = c.view.BackOff.Delay
		}
	}
	if o.Last != nil {
		o.Last.ContainerID = status.ContainerID(c.idOf(c.attempt - 1))
	}
	return o
}

// The kubelet's reason for a container the runtime could not create, and the exit code it
// reports for an instance whose end it could not observe (§3.3).
const (
	reasonCreateContainerError = "CreateContainerError"
	exitStatusUnknown          = 137
)

// waitingReason is why an instance that was never created waits (§3.3).
func (c *ctrRun) waitingReason() string {
	if c.lostReason != "" {
		return c.lostReason
	}
	return reasonCreateContainerError
}

// neverCreated says the newest instance was lost before the engine created it.
func (c *ctrRun) neverCreated() bool { return c.lost != "" && c.currentID() == "" }

// currentID is the engine ID of the newest instance, once the worker has heard of it.
func (c *ctrRun) currentID() string { return c.idOf(c.attempt) }

// idOf is the engine ID of one instance, by attempt, as far as known.
func (c *ctrRun) idOf(attempt int) string {
	if attempt >= 0 && attempt < len(c.ids) {
		return c.ids[attempt]
	}
	return ""
}

// terminated is an instance's end in the API's form; nil for nil.
func terminated(e *exitInfo) *corev1.ContainerStateTerminated {
	if e == nil {
		return nil
	}
	return &corev1.ContainerStateTerminated{
		ExitCode:   int32(e.Code),
		Reason:     e.Reason,
		Message:    e.Message,
		StartedAt:  metav1.NewTime(e.StartedAt),
		FinishedAt: metav1.NewTime(e.FinishedAt),
	}
}
