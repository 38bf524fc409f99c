package status

import (
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

var (
	t0  = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	now = t0.Add(5 * time.Minute)
)

func ptr[T any](v T) *T { return &v }

// testPod is a pod with the given restart policy, init containers and regular containers.
func testPod(policy corev1.RestartPolicy, init []corev1.Container, apps ...string) *corev1.Pod {
	p := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "demo", Namespace: "default", UID: "0a1b2c3d-0000-4000-8000-000000000001"},
		Spec:       corev1.PodSpec{RestartPolicy: policy, InitContainers: init},
	}
	for _, name := range apps {
		p.Spec.Containers = append(p.Spec.Containers, corev1.Container{Name: name, Image: "busybox:1.36"})
	}
	return p
}

func initC(name string) corev1.Container { return corev1.Container{Name: name, Image: "busybox:1.36"} }

func sidecarC(name string) corev1.Container {
	c := initC(name)
	c.RestartPolicy = ptr(corev1.ContainerRestartPolicyAlways)
	return c
}

func facts(p *corev1.Pod) PodFacts {
	return PodFacts{Pod: p, SandboxReady: true, PodIPs: []string{"172.17.0.5"}, HostIPs: []string{"192.168.1.10"}, Now: now}
}

// Observations, named by what the kubelet would see of the newest instance.

func obsRunning(name string) Observed {
	return Observed{Name: name, ContainerID: ContainerID("id-" + name),
		State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: metav1.NewTime(t0)}}}
}

func obsExited(name string, code int32) Observed {
	return Observed{Name: name, ContainerID: ContainerID("id-" + name), State: corev1.ContainerState{Terminated: term(code)}}
}

// obsBackOff is a container that exited with code and is held in CrashLoopBackOff.
func obsBackOff(name string, code int32, restarts int) Observed {
	o := obsExited(name, code)
	o.RestartCount = restarts
	o.BackOff = 20 * time.Second
	return o
}

func obsCreated(name string) Observed {
	return Observed{Name: name, ContainerID: ContainerID("id-" + name), State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{}}}
}

func term(code int32) *corev1.ContainerStateTerminated {
	reason := ReasonCompleted
	if code != 0 {
		reason = ReasonError
	}
	return &corev1.ContainerStateTerminated{ExitCode: code, Reason: reason,
		StartedAt: metav1.NewTime(t0), FinishedAt: metav1.NewTime(t0.Add(time.Minute))}
}

func condition(st corev1.PodStatus, typ corev1.PodConditionType) corev1.PodCondition {
	for _, c := range st.Conditions {
		if c.Type == typ {
			return c
		}
	}
	return corev1.PodCondition{}
}
