package runner

import (
	"time"

	"github.com/podrun/podrun/plan"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// The pod's status as the kubelet would report it, from what the worker observed. This is a
// minimal stand-in for the status package, kept behind podStatus so it can be swapped.

// exitInfo is how one container instance ended.
type exitInfo struct {
	Code       int
	Reason     string // Completed, Error, OOMKilled, StartError (§3.3)
	Message    string
	StartedAt  time.Time
	FinishedAt time.Time
}

// ctrFacts is what the status needs of one container.
type ctrFacts struct {
	View        ctrView
	Image       string
	ContainerID string
	Restarts    int
	Last        *exitInfo // the current instance's end, when it ended
	Previous    *exitInfo // the previous instance's end
	StartedAt   time.Time // the current instance's start
	BackOffMsg  string    // set while CrashLoopBackOff holds a restart
}

// podFacts is what the status needs of the pod.
type podFacts struct {
	Policy      plan.RestartPolicy
	Ctrs        []ctrFacts
	Addrs       podAddresses
	StartTime   time.Time
	Initialized bool
	// Terminal is set once the pod was killed (completed, failed, deleted): no container will
	// run again, so the phase is decided by exit codes (§3.1).
	Terminal bool
	Ended    bool // the sandbox is gone
}

// podStatus is the kubelet's status for the pod (§3).
func podStatus(f podFacts) corev1.PodStatus {
	s := corev1.PodStatus{
		Phase:  podPhase(f),
		PodIP:  f.Addrs.PodIP,
		HostIP: f.Addrs.HostIP,
	}
	if f.Addrs.PodIP != "" {
		s.PodIPs = []corev1.PodIP{{IP: f.Addrs.PodIP}}
	}
	if f.Addrs.HostIP != "" {
		s.HostIPs = []corev1.HostIP{{IP: f.Addrs.HostIP}}
	}
	if !f.StartTime.IsZero() {
		t := metav1.NewTime(f.StartTime)
		s.StartTime = &t
	}
	ready := true
	for _, c := range f.Ctrs {
		cs := containerStatus(c, f.Initialized)
		if isInitRole(c.View.Role) {
			s.InitContainerStatuses = append(s.InitContainerStatuses, cs)
			if c.View.Role == plan.RoleSidecar && !cs.Ready {
				ready = false
			}
			continue
		}
		s.ContainerStatuses = append(s.ContainerStatuses, cs)
		ready = ready && cs.Ready
	}
	s.Conditions = podConditions(f, s.Phase, ready)
	return s
}

func podConditions(f podFacts, phase corev1.PodPhase, ready bool) []corev1.PodCondition {
	cond := func(t corev1.PodConditionType, ok bool, reason string) corev1.PodCondition {
		st := corev1.ConditionFalse
		if ok {
			st = corev1.ConditionTrue
			reason = ""
		}
		return corev1.PodCondition{Type: t, Status: st, Reason: reason}
	}
	notReady := "ContainersNotReady"
	if phase == corev1.PodSucceeded {
		notReady = "PodCompleted"
	}
	return []corev1.PodCondition{
		cond(corev1.PodReadyToStartContainers, f.Addrs.PodIP != "" && !f.Ended, ""),
		cond(corev1.PodInitialized, f.Initialized, "ContainersNotInitialized"),
		cond(corev1.PodReady, ready, notReady),
		cond(corev1.ContainersReady, ready, notReady),
		cond(corev1.PodScheduled, true, ""),
	}
}

// containerStatus is one container's status (§3.2, §3.3).
func containerStatus(c ctrFacts, initialized bool) corev1.ContainerStatus {
	v := c.View
	cs := corev1.ContainerStatus{Name: v.Name, Image: c.Image, RestartCount: int32(c.Restarts)}
	if c.ContainerID != "" {
		cs.ContainerID = "docker://" + c.ContainerID
	}
	started := v.State == ctrRunning
	cs.Started = &started
	switch {
	case v.State == ctrRunning:
		cs.State.Running = &corev1.ContainerStateRunning{StartedAt: metav1.NewTime(c.StartedAt)}
		cs.Ready = true
	case v.State == ctrExited && c.BackOffMsg == "" && c.Last != nil:
		cs.State.Terminated = terminated(*c.Last, cs.ContainerID)
		cs.Ready = v.Role == plan.RoleInit && v.ExitCode == 0 // §3.2
	case c.BackOffMsg != "":
		cs.State.Waiting = &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff", Message: c.BackOffMsg}
	case v.Role == plan.RoleApp || v.Role == plan.RolePrimary:
		reason := "ContainerCreating"
		if !initialized {
			reason = "PodInitializing"
		}
		cs.State.Waiting = &corev1.ContainerStateWaiting{Reason: reason}
	default:
		cs.State.Waiting = &corev1.ContainerStateWaiting{Reason: "PodInitializing"}
	}
	last := c.Previous
	if cs.State.Terminated == nil && c.Last != nil {
		last = c.Last
	}
	if last != nil {
		cs.LastTerminationState.Terminated = terminated(*last, "")
	}
	return cs
}

func terminated(e exitInfo, id string) *corev1.ContainerStateTerminated {
	return &corev1.ContainerStateTerminated{
		ExitCode:    int32(e.Code),
		Reason:      e.Reason,
		Message:     e.Message,
		StartedAt:   metav1.NewTime(e.StartedAt),
		FinishedAt:  metav1.NewTime(e.FinishedAt),
		ContainerID: id,
	}
}

// podPhase is the kubelet's getPhase (§3.1).
func podPhase(f podFacts) corev1.PodPhase {
	var pendingInit, initFailed bool
	var running, waiting, stopped, succeeded int
	for _, c := range f.Ctrs {
		v := c.View
		switch v.Role {
		case plan.RoleInit:
			if v.State == ctrExited && v.ExitCode != 0 && v.Policy == plan.RestartNever {
				initFailed = true
			}
			if v.State != ctrExited || v.ExitCode != 0 {
				pendingInit = true
			}
		case plan.RoleSidecar:
			if v.State == ctrRunning {
				running++
			} else if v.State == ctrNone || (v.State == ctrStarting && c.Last == nil) {
				pendingInit = true // a sidecar that never started holds initialization (§1.3)
			}
		default:
			switch {
			case v.State == ctrRunning:
				running++
			case v.State == ctrExited:
				stopped++
				if v.ExitCode == 0 {
					succeeded++
				}
			case c.Last != nil: // waiting with a last termination
				stopped++
			default:
				waiting++
			}
		}
	}
	terminal := func() corev1.PodPhase {
		if stopped > 0 && stopped == succeeded && waiting == 0 {
			return corev1.PodSucceeded
		}
		return corev1.PodFailed
	}
	switch {
	case initFailed:
		return corev1.PodFailed
	case f.Terminal && running == 0:
		return terminal()
	case (pendingInit && !f.Initialized) || waiting > 0:
		return corev1.PodPending
	case running > 0:
		return corev1.PodRunning
	case stopped > 0 && f.Policy == plan.RestartAlways:
		return corev1.PodRunning
	case stopped > 0 && stopped == succeeded:
		return corev1.PodSucceeded
	case stopped > 0 && f.Policy == plan.RestartNever:
		return corev1.PodFailed
	case stopped > 0:
		return corev1.PodRunning
	}
	return corev1.PodPending
}
