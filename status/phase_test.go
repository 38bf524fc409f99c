package status

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// TestPhase walks every row of getPhase (§3.1), in its order.
func TestPhase(t *testing.T) {
	never := corev1.ContainerRestartPolicyNever
	initNever := initC("setup")
	initNever.RestartPolicy = &never
	tests := []struct {
		name     string
		pod      *corev1.Pod
		obs      []Observed
		deleting bool
		want     corev1.PodPhase
	}{
		// 1. A regular init container failed under Never.
		{"init failed, Never", testPod(corev1.RestartPolicyNever, []corev1.Container{initC("setup")}, "web"),
			[]Observed{obsExited("setup", 1)}, false, corev1.PodFailed},
		{"init waiting after failure, Never", testPod(corev1.RestartPolicyNever, []corev1.Container{initC("setup")}, "web"),
			[]Observed{obsBackOff("setup", 2, 0)}, false, corev1.PodFailed},
		{"init failed, OnFailure: retried, Pending", testPod(corev1.RestartPolicyOnFailure, []corev1.Container{initC("setup")}, "web"),
			[]Observed{obsBackOff("setup", 1, 1)}, false, corev1.PodPending},
		{"init failed, Always: retried, Pending", testPod(corev1.RestartPolicyAlways, []corev1.Container{initC("setup")}, "web"),
			[]Observed{obsExited("setup", 1)}, false, corev1.PodPending},
		{"init with container policy Never failed in an Always pod", testPod(corev1.RestartPolicyAlways, []corev1.Container{initNever}, "web"),
			[]Observed{obsExited("setup", 1)}, false, corev1.PodFailed},

		// 2. Initialization pending, or a container waiting.
		{"init running", testPod(corev1.RestartPolicyAlways, []corev1.Container{initC("setup")}, "web"),
			[]Observed{obsRunning("setup")}, false, corev1.PodPending},
		{"init not started", testPod(corev1.RestartPolicyAlways, []corev1.Container{initC("setup")}, "web"),
			nil, false, corev1.PodPending},
		{"sidecar running, not started", testPod(corev1.RestartPolicyAlways, []corev1.Container{sidecarC("proxy")}, "web"),
			[]Observed{{Name: "proxy", ContainerID: "docker://p", Started: ptr(false), State: obsRunning("proxy").State}}, false, corev1.PodPending},
		{"sidecar restarting after the pod initialized", testPod(corev1.RestartPolicyAlways, []corev1.Container{sidecarC("proxy")}, "web"),
			[]Observed{{Name: "proxy", ContainerID: "docker://p", Started: ptr(false), State: obsRunning("proxy").State}, obsRunning("web")},
			false, corev1.PodRunning},
		{"app container being created", testPod(corev1.RestartPolicyAlways, nil, "web", "worker"),
			[]Observed{obsRunning("web"), obsCreated("worker")}, false, corev1.PodPending},

		// 3. Everything started, something runs.
		{"running", testPod(corev1.RestartPolicyAlways, nil, "web"),
			[]Observed{obsRunning("web")}, false, corev1.PodRunning},
		{"sidecar still runs after the app finished", testPod(corev1.RestartPolicyNever, []corev1.Container{sidecarC("proxy")}, "job"),
			[]Observed{obsRunning("proxy"), obsExited("job", 0)}, false, corev1.PodRunning},

		// 4. Everything stopped.
		{"deleted, all exited 0 on SIGTERM: Succeeded even under Always", testPod(corev1.RestartPolicyAlways, nil, "web", "worker"),
			[]Observed{obsExited("web", 0), obsExited("worker", 0)}, true, corev1.PodSucceeded},
		{"deleted, one killed with 137: Failed", testPod(corev1.RestartPolicyAlways, nil, "web", "worker"),
			[]Observed{obsExited("web", 0), obsExited("worker", 137)}, true, corev1.PodFailed},
		{"Always: restarting", testPod(corev1.RestartPolicyAlways, nil, "web"),
			[]Observed{obsExited("web", 0)}, false, corev1.PodRunning},
		{"Always: in back-off", testPod(corev1.RestartPolicyAlways, nil, "web"),
			[]Observed{obsBackOff("web", 1, 3)}, false, corev1.PodRunning},
		{"OnFailure: all exited 0", testPod(corev1.RestartPolicyOnFailure, nil, "a", "b"),
			[]Observed{obsExited("a", 0), obsExited("b", 0)}, false, corev1.PodSucceeded},
		{"Never: all exited 0", testPod(corev1.RestartPolicyNever, nil, "a"),
			[]Observed{obsExited("a", 0)}, false, corev1.PodSucceeded},
		{"Never: one failed", testPod(corev1.RestartPolicyNever, nil, "a", "b"),
			[]Observed{obsExited("a", 0), obsExited("b", 3)}, false, corev1.PodFailed},
		{"OnFailure: one failed, restarting", testPod(corev1.RestartPolicyOnFailure, nil, "a", "b"),
			[]Observed{obsExited("a", 0), obsExited("b", 3)}, false, corev1.PodRunning},
		{"terminated sidecars are ignored", testPod(corev1.RestartPolicyNever, []corev1.Container{sidecarC("proxy")}, "job"),
			[]Observed{obsExited("proxy", 137), obsExited("job", 0)}, false, corev1.PodSucceeded},

		// 5. Otherwise Pending; a deleted pod whose containers never ran fails.
		{"deleted before anything ran", testPod(corev1.RestartPolicyAlways, nil, "web"),
			nil, true, corev1.PodFailed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := facts(tc.pod)
			f.Deleting = tc.deleting
			if got := Compute(f, tc.obs).Phase; got != tc.want {
				t.Errorf("phase = %s, want %s", got, tc.want)
			}
		})
	}
}

// TestPhaseUnknownContainer covers row 5 directly: a container with no status at all.
func TestPhaseUnknownContainer(t *testing.T) {
	p := testPod(corev1.RestartPolicyAlways, nil, "web", "worker")
	app := []corev1.ContainerStatus{{Name: "web", State: corev1.ContainerState{Terminated: term(0)}}}
	if got := podPhase(&p.Spec, nil, app, false, true); got != corev1.PodPending {
		t.Errorf("phase = %s, want Pending", got)
	}
}

func TestPhaseNeverLeavesTerminal(t *testing.T) {
	p := testPod(corev1.RestartPolicyAlways, nil, "web")
	f := facts(p)
	f.Previous = &corev1.PodStatus{Phase: corev1.PodFailed, Reason: "DeadlineExceeded"}
	st := Compute(f, []Observed{obsRunning("web")})
	if st.Phase != corev1.PodFailed || st.Reason != "DeadlineExceeded" {
		t.Errorf("phase, reason = %s, %q; want Failed, DeadlineExceeded", st.Phase, st.Reason)
	}
}

func TestEvictionFailsThePod(t *testing.T) {
	f := facts(testPod(corev1.RestartPolicyAlways, nil, "web"))
	f.Eviction = &Eviction{Reason: "DeadlineExceeded", Message: "Pod was active on the node longer than the specified deadline"}
	st := Compute(f, []Observed{obsRunning("web")})
	if st.Phase != corev1.PodFailed || st.Reason != "DeadlineExceeded" || st.Message == "" {
		t.Errorf("got %s %q %q", st.Phase, st.Reason, st.Message)
	}
	if c := condition(st, corev1.PodReady); c.Status != corev1.ConditionFalse || c.Reason != ReasonPodFailed {
		t.Errorf("Ready = %s %s, want False PodFailed", c.Status, c.Reason)
	}
}

func TestDeletedBeforeRunMarksContainersUnknown(t *testing.T) {
	f := facts(testPod(corev1.RestartPolicyAlways, nil, "web", "worker"))
	f.Deleting = true
	st := Compute(f, []Observed{obsExited("web", 0)})
	if st.Phase != corev1.PodFailed {
		t.Fatalf("phase = %s, want Failed", st.Phase)
	}
	worker, _ := find(st.ContainerStatuses, "worker")
	if tt := worker.State.Terminated; tt == nil || tt.Reason != ReasonStatusUnknown || tt.ExitCode != 137 {
		t.Errorf("worker state = %+v, want ContainerStatusUnknown 137", worker.State)
	}
}
