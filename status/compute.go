package status

import (
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Compute is the pod's status as the kubelet would report it, from the pod's facts and what was
// observed of its containers (in any order; containers the spec does not name are ignored).
func Compute(f PodFacts, obs []Observed) corev1.PodStatus {
	byName := make(map[string]Observed, len(obs))
	for _, o := range obs {
		byName[o.Name] = o
	}
	spec := &f.Pod.Spec
	init := containerStatuses(f, spec.InitContainers, byName, true)
	app := containerStatuses(f, spec.Containers, byName, false)

	// The kubelet counts the pod initialized once a regular container of the current sandbox
	// exists, even while a sidecar restarts (HasAnyActiveRegularContainerStarted).
	initialized := false
	for _, c := range spec.Containers {
		initialized = initialized || byName[c.Name].ContainerID != ""
	}
	terminal := f.deleting() && !anyRunning(init) && !anyRunning(app)
	phase := podPhase(spec, init, app, terminal, initialized)
	if terminal && phase != corev1.PodSucceeded && phase != corev1.PodFailed {
		phase = terminatePod(app)
	}

	st := corev1.PodStatus{
		ObservedGeneration:    f.generation(),
		Phase:                 phase,
		InitContainerStatuses: init,
		ContainerStatuses:     app,
		QOSClass:              QOSClass(f.Pod),
		StartTime:             startTime(f),
	}
	if f.Previous != nil && isTerminal(f.Previous.Phase) {
		// Phases never leave Succeeded or Failed (§3.1).
		st.Phase, st.Reason, st.Message = f.Previous.Phase, f.Previous.Reason, f.Previous.Message
	}
	if f.Eviction != nil {
		st.Phase, st.Reason, st.Message = corev1.PodFailed, f.Eviction.Reason, f.Eviction.Message
	}
	st.Conditions = conditions(f, init, app, st.Phase)
	setIPs(&st, f)
	normalize(f.Pod, st.InitContainerStatuses)
	normalize(f.Pod, st.ContainerStatuses)
	return st
}

// terminatePod is what the kubelet's status manager does to a deleted pod whose phase is still
// not terminal (containers that never ran): every regular container without a termination gets
// one it cannot know the code of, and the pod fails (TerminatePod).
func terminatePod(app []corev1.ContainerStatus) corev1.PodPhase {
	if anyRegularStarted(app) {
		for i := range app {
			if app[i].State.Terminated == nil {
				app[i].State = corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
					ExitCode: 137,
					Reason:   ReasonStatusUnknown,
					Message:  "The container could not be located when the pod was terminated",
				}}
			}
		}
	}
	return corev1.PodFailed
}

func anyRunning(statuses []corev1.ContainerStatus) bool {
	for _, st := range statuses {
		if st.State.Running != nil {
			return true
		}
	}
	return false
}

func isTerminal(p corev1.PodPhase) bool {
	return p == corev1.PodSucceeded || p == corev1.PodFailed
}

// startTime is set once, when the kubelet first acknowledges the pod.
func startTime(f PodFacts) *metav1.Time {
	t := f.StartTime
	if t.IsZero() && f.Previous != nil && f.Previous.StartTime != nil {
		return f.Previous.StartTime.DeepCopy()
	}
	if t.IsZero() {
		t = f.Now
	}
	if t.IsZero() {
		return nil
	}
	mt := metav1.NewTime(t).Rfc3339Copy()
	return &mt
}

// setIPs fills hostIP(s) and podIP(s); a hostNetwork pod has the node's addresses (§7.4).
func setIPs(st *corev1.PodStatus, f PodFacts) {
	for _, ip := range f.HostIPs {
		st.HostIPs = append(st.HostIPs, corev1.HostIP{IP: ip})
	}
	if len(f.HostIPs) > 0 {
		st.HostIP = f.HostIPs[0]
	}
	podIPs := f.PodIPs
	if f.Pod.Spec.HostNetwork && len(podIPs) == 0 {
		podIPs = f.HostIPs
	}
	for _, ip := range podIPs {
		st.PodIPs = append(st.PodIPs, corev1.PodIP{IP: ip})
	}
	if len(podIPs) > 0 {
		st.PodIP = podIPs[0]
	}
}
