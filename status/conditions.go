package status

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// conditions generates the kubelet-owned pod conditions in the kubelet's order (§3.2; the
// kubelet's status/generate.go): PodReadyToStartContainers, Initialized, Ready, ContainersReady,
// PodScheduled. Transition times follow the status manager: a condition whose status is as in
// the previous status keeps its time, any other takes now.
func conditions(f PodFacts, init, app []corev1.ContainerStatus, phase corev1.PodPhase) []corev1.PodCondition {
	containersReady := containersReadyCondition(f.Pod, init, app, phase)
	conds := []corev1.PodCondition{
		sandboxCondition(f.SandboxReady),
		initializedCondition(f.Pod, init, app, phase),
		readyCondition(f.Pod, containersReady),
		containersReady,
		{Type: corev1.PodScheduled, Status: corev1.ConditionTrue},
	}
	var previous []corev1.PodCondition
	if f.Previous != nil {
		previous = f.Previous.Conditions
	}
	now := metav1.NewTime(f.Now).Rfc3339Copy()
	for i := range conds {
		conds[i].ObservedGeneration = f.generation()
		conds[i].LastTransitionTime = now
		for _, p := range previous {
			if p.Type == conds[i].Type && p.Status == conds[i].Status {
				conds[i].LastTransitionTime = p.LastTransitionTime
			}
		}
	}
	return conds
}

func sandboxCondition(ready bool) corev1.PodCondition {
	c := corev1.PodCondition{Type: corev1.PodReadyToStartContainers, Status: corev1.ConditionFalse}
	if ready {
		c.Status = corev1.ConditionTrue
	}
	return c
}

// initializedCondition: every regular init container exited 0 and every sidecar started; once
// a regular container has run, the pod stays initialized even while sidecars restart.
func initializedCondition(pod *corev1.Pod, init, app []corev1.ContainerStatus, phase corev1.PodPhase) corev1.PodCondition {
	c := corev1.PodCondition{Type: corev1.PodInitialized, Status: corev1.ConditionTrue}
	if phase == corev1.PodSucceeded {
		c.Reason = ReasonPodCompleted
		return c
	}
	if anyRegularStarted(app) {
		return c
	}
	var incomplete []string
	for i := range pod.Spec.InitContainers {
		ic := &pod.Spec.InitContainers[i]
		st, _ := find(init, ic.Name)
		done := st.Ready
		if isSidecar(ic) {
			done = st.Started != nil && *st.Started
		}
		if !done {
			incomplete = append(incomplete, ic.Name)
		}
	}
	if len(incomplete) > 0 {
		c.Status = corev1.ConditionFalse
		c.Reason = ReasonContainersNotInitialized
		c.Message = fmt.Sprintf("containers with incomplete status: %s", incomplete)
	}
	return c
}

func anyRegularStarted(app []corev1.ContainerStatus) bool {
	for _, st := range app {
		if st.State.Running != nil || st.State.Terminated != nil {
			return true
		}
	}
	return false
}

// containersReadyCondition: every sidecar and regular container is ready. Terminal pods are
// never ready, with the phase as the reason.
func containersReadyCondition(pod *corev1.Pod, init, app []corev1.ContainerStatus, phase corev1.PodPhase) corev1.PodCondition {
	c := corev1.PodCondition{Type: corev1.ContainersReady, Status: corev1.ConditionFalse}
	switch phase {
	case corev1.PodSucceeded:
		c.Reason = ReasonPodCompleted
		return c
	case corev1.PodFailed:
		c.Reason = ReasonPodFailed
		return c
	}
	var unready []string
	for i := range pod.Spec.InitContainers {
		if st, _ := find(init, pod.Spec.InitContainers[i].Name); isSidecar(&pod.Spec.InitContainers[i]) && !st.Ready {
			unready = append(unready, st.Name)
		}
	}
	for i := range pod.Spec.Containers {
		if st, _ := find(app, pod.Spec.Containers[i].Name); !st.Ready {
			unready = append(unready, st.Name)
		}
	}
	if len(unready) > 0 {
		c.Reason = ReasonContainersNotReady
		c.Message = fmt.Sprintf("containers with unready status: %s", unready)
		return c
	}
	c.Status = corev1.ConditionTrue
	return c
}

// readyCondition is ContainersReady and every readiness gate. Nothing outside podrun sets the
// gates' conditions, so a pod with gates is never ready, as on a cluster with no controller
// for them.
func readyCondition(pod *corev1.Pod, containersReady corev1.PodCondition) corev1.PodCondition {
	c := corev1.PodCondition{Type: corev1.PodReady, Status: containersReady.Status,
		Reason: containersReady.Reason, Message: containersReady.Message}
	if c.Status != corev1.ConditionTrue {
		return c
	}
	var unready []string
	for _, g := range pod.Spec.ReadinessGates {
		unready = append(unready, fmt.Sprintf("corresponding condition of pod readiness gate %q does not exist.", string(g.ConditionType)))
	}
	if len(unready) > 0 {
		c.Status = corev1.ConditionFalse
		c.Reason = ReasonReadinessGatesNotReady
		c.Message = strings.Join(unready, ", ")
	}
	return c
}
