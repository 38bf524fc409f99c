package runner

import (
	"github.com/podrun/podrun/plan"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// podFromPlan is the pod the status is computed against when the caller did not pass the
// defaulted one (Options.Pod): what the plan keeps of the spec. Roles and restart policies are
// what phases and conditions depend on (§3.1, §3.2): a sidecar is an init container with
// restartPolicy Always, and a container-level policy is written only where the plan's effective
// one differs from what the pod's policy implies (§2.3).
func podFromPlan(p *plan.Plan) *corev1.Pod {
	pod := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{
			Name: p.Pod.Name, Namespace: p.Pod.Namespace, UID: types.UID(p.Pod.UID),
			Labels: p.Pod.Labels, Annotations: p.Pod.Annotations,
		},
		Spec: corev1.PodSpec{
			RestartPolicy: corev1.RestartPolicy(p.RestartPolicy),
			HostNetwork:   p.Sandbox.Host != nil && p.Sandbox.Host.NetworkMode.IsHost(),
		},
	}
	// A regular init container runs under OnFailure, or Never in a Never pod (§1.2).
	initDefault := plan.RestartOnFailure
	if p.RestartPolicy == plan.RestartNever {
		initDefault = plan.RestartNever
	}
	for _, c := range p.Init {
		ic := corev1.Container{Name: c.Name, Image: c.Image}
		switch {
		case c.Role == plan.RoleSidecar:
			ic.RestartPolicy = containerPolicy(plan.RestartAlways)
		case c.RestartPolicy != "" && c.RestartPolicy != initDefault:
			ic.RestartPolicy = containerPolicy(c.RestartPolicy)
		}
		pod.Spec.InitContainers = append(pod.Spec.InitContainers, ic)
	}
	for _, c := range p.Containers {
		ac := corev1.Container{Name: c.Name, Image: c.Image}
		if c.RestartPolicy != "" && c.RestartPolicy != p.RestartPolicy {
			ac.RestartPolicy = containerPolicy(c.RestartPolicy)
		}
		pod.Spec.Containers = append(pod.Spec.Containers, ac)
	}
	return pod
}

func containerPolicy(p plan.RestartPolicy) *corev1.ContainerRestartPolicy {
	cp := corev1.ContainerRestartPolicy(p)
	return &cp
}
