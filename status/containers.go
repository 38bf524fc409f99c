package status

import (
	"fmt"
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// maxTerminationMessages is the byte budget the kubelet shares among all containers' termination
// messages (§3.4: 12288 / number of containers, head kept).
const maxTerminationMessages = 12288

// containerStatuses builds the API statuses of one container list (init or regular) the way the
// kubelet's convertToAPIContainerStatuses and probe manager do (§3.2, §3.3): every container in
// the spec gets a status, observed or not. Init statuses stay in spec order; regular ones are
// sorted by name, as the kubelet sorts them.
func containerStatuses(f PodFacts, specs []corev1.Container, obs map[string]Observed, isInit bool) []corev1.ContainerStatus {
	if len(specs) == 0 {
		return nil
	}
	statuses := make([]corev1.ContainerStatus, 0, len(specs))
	for i := range specs {
		statuses = append(statuses, containerStatus(f, &specs[i], obs, isInit))
	}
	if !isInit {
		slices.SortFunc(statuses, func(a, b corev1.ContainerStatus) int { return strings.Compare(a.Name, b.Name) })
	}
	return statuses
}

func containerStatus(f PodFacts, c *corev1.Container, obs map[string]Observed, isInit bool) corev1.ContainerStatus {
	wait := defaultWaiting(f.Pod)
	st := corev1.ContainerStatus{
		Name:         c.Name,
		Image:        c.Image,
		State:        corev1.ContainerState{Waiting: &wait},
		VolumeMounts: volumeMountStatuses(c),
	}
	o, ok := obs[c.Name]
	if ok {
		applyObserved(&st, o, wait, f.Pod)
	}
	if ok && o.ContainerID != "" {
		// In-place resize reports the resources the running instance was given; podrun never
		// resizes, so they are the spec's.
		st.Resources = c.Resources.DeepCopy()
		st.AllocatedResources = c.Resources.Requests.DeepCopy()
	}
	running := st.State.Running != nil
	started := running && (o.Started == nil || *o.Started)
	st.Started = &started
	if isInit && !isSidecar(c) {
		// A regular init container is ready once it has exited 0 (§3.2).
		st.Ready = st.State.Terminated != nil && st.State.Terminated.ExitCode == 0
	} else {
		st.Ready = started && (o.Ready == nil || *o.Ready)
	}
	return st
}

// applyObserved copies what the runner saw of the container's instances into its status.
func applyObserved(st *corev1.ContainerStatus, o Observed, wait corev1.ContainerStateWaiting, pod *corev1.Pod) {
	if o.Image != "" {
		st.Image = o.Image
	}
	st.ImageID = o.ImageID
	st.ContainerID = o.ContainerID
	st.RestartCount = int32(o.RestartCount)
	state := o.State.DeepCopy()
	switch {
	case state.Running != nil || state.Terminated != nil:
		st.State = *state
	case state.Waiting != nil && state.Waiting.Reason != "":
		st.State = *state
	}
	if t := st.State.Terminated; t != nil && t.ContainerID == "" {
		t.ContainerID = o.ContainerID
	}
	if o.Last != nil {
		st.LastTerminationState = corev1.ContainerState{Terminated: o.Last.DeepCopy()}
	}
	if o.BackOff > 0 && st.State.Terminated != nil {
		// The kubelet shows a container it holds back as waiting, its last run as lastState (§2.2).
		st.LastTerminationState = st.State
		st.State = corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{
			Reason: ReasonCrashLoopBackOff,
			Message: fmt.Sprintf("back-off %s restarting failed container=%s pod=%s_%s(%s)",
				o.BackOff, st.Name, pod.Name, pod.Namespace, pod.UID),
		}}
	}
}

// defaultWaiting is the state of a container the kubelet has not started: ContainerCreating, or
// PodInitializing in a pod with init containers (§3.3).
func defaultWaiting(pod *corev1.Pod) corev1.ContainerStateWaiting {
	if len(pod.Spec.InitContainers) > 0 {
		return corev1.ContainerStateWaiting{Reason: ReasonPodInitializing}
	}
	return corev1.ContainerStateWaiting{Reason: ReasonContainerCreating}
}

// volumeMountStatuses mirror the container's mounts (RecursiveReadOnlyMounts, GA 1.33). The
// engine cannot make read-only mounts recursive through cri-dockerd, so read-only mounts report
// recursiveReadOnly Disabled, as the kubelet does when the runtime lacks support.
func volumeMountStatuses(c *corev1.Container) []corev1.VolumeMountStatus {
	var out []corev1.VolumeMountStatus
	for _, m := range c.VolumeMounts {
		s := corev1.VolumeMountStatus{Name: m.Name, MountPath: m.MountPath, ReadOnly: m.ReadOnly}
		if m.ReadOnly {
			disabled := corev1.RecursiveReadOnlyDisabled
			s.RecursiveReadOnly = &disabled
		}
		out = append(out, s)
	}
	return out
}

// normalize does what the kubelet's status manager does before publishing: times to whole
// seconds, termination messages cut to their share of the pod's budget (§3.4).
func normalize(pod *corev1.Pod, statuses []corev1.ContainerStatus) {
	n := len(pod.Spec.Containers) + len(pod.Spec.InitContainers) + len(pod.Spec.EphemeralContainers)
	budget := maxTerminationMessages
	if n > 0 {
		budget /= n
	}
	for i := range statuses {
		normalizeState(&statuses[i].State, budget)
		normalizeState(&statuses[i].LastTerminationState, budget)
	}
}

func normalizeState(s *corev1.ContainerState, budget int) {
	if s.Running != nil {
		s.Running.StartedAt = s.Running.StartedAt.Rfc3339Copy()
	}
	if t := s.Terminated; t != nil {
		t.StartedAt = t.StartedAt.Rfc3339Copy()
		t.FinishedAt = t.FinishedAt.Rfc3339Copy()
		if len(t.Message) > budget {
			t.Message = t.Message[:budget]
		}
	}
}
