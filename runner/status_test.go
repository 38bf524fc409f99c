package runner

import (
	"testing"

	"github.com/podrun/podrun/plan"
	corev1 "k8s.io/api/core/v1"
)

func TestPodPhase(t *testing.T) {
	exited := func(role plan.Role, policy plan.RestartPolicy, code int) ctrFacts {
		return ctrFacts{View: ctrView{Role: role, Policy: policy, State: ctrExited, ExitCode: code}, Last: &exitInfo{Code: code}}
	}
	running := func(role plan.Role) ctrFacts { return ctrFacts{View: ctrView{Role: role, State: ctrRunning}} }
	none := func(role plan.Role) ctrFacts { return ctrFacts{View: ctrView{Role: role}} }
	tests := []struct {
		name string
		f    podFacts
		want corev1.PodPhase
	}{
		{"init running", podFacts{Policy: plan.RestartNever, Ctrs: []ctrFacts{running(plan.RoleInit), none(plan.RoleApp)}}, corev1.PodPending},
		{"init failed under Never", podFacts{Policy: plan.RestartNever, Ctrs: []ctrFacts{exited(plan.RoleInit, plan.RestartNever, 1), none(plan.RoleApp)}}, corev1.PodFailed},
		{"init failed under OnFailure", podFacts{Policy: plan.RestartOnFailure, Ctrs: []ctrFacts{exited(plan.RoleInit, plan.RestartOnFailure, 1), none(plan.RoleApp)}}, corev1.PodPending},
		{"app running", podFacts{Policy: plan.RestartNever, Initialized: true, Ctrs: []ctrFacts{running(plan.RoleSidecar), running(plan.RoleApp)}}, corev1.PodRunning},
		{"apps done, sidecar stopping", podFacts{Policy: plan.RestartNever, Initialized: true, Terminal: true, Ctrs: []ctrFacts{running(plan.RoleSidecar), exited(plan.RoleApp, plan.RestartNever, 0)}}, corev1.PodRunning},
		{"succeeded; terminated sidecars ignored", podFacts{Policy: plan.RestartNever, Initialized: true, Terminal: true, Ctrs: []ctrFacts{exited(plan.RoleSidecar, plan.RestartAlways, 143), exited(plan.RoleApp, plan.RestartNever, 0)}}, corev1.PodSucceeded},
		{"one app failed under Never", podFacts{Policy: plan.RestartNever, Initialized: true, Ctrs: []ctrFacts{exited(plan.RoleApp, plan.RestartNever, 0), exited(plan.RoleApp, plan.RestartNever, 2)}}, corev1.PodFailed},
		{"Always with an exited app keeps Running", podFacts{Policy: plan.RestartAlways, Initialized: true, Ctrs: []ctrFacts{exited(plan.RoleApp, plan.RestartAlways, 0)}}, corev1.PodRunning},
		{"deleted while initializing", podFacts{Policy: plan.RestartAlways, Terminal: true, Ctrs: []ctrFacts{exited(plan.RoleInit, plan.RestartOnFailure, 137), none(plan.RoleApp)}}, corev1.PodFailed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := podPhase(tc.f); got != tc.want {
				t.Errorf("phase %s, want %s", got, tc.want)
			}
		})
	}
}

func TestContainerStatusInBackOff(t *testing.T) {
	c := ctrFacts{View: ctrView{Name: "a", Role: plan.RoleApp, State: ctrExited, ExitCode: 1},
		Restarts: 2, Last: &exitInfo{Code: 1, Reason: "Error"}, BackOffMsg: "back-off 20s restarting failed container=a"}
	s := containerStatus(c, true)
	if s.State.Waiting == nil || s.State.Waiting.Reason != "CrashLoopBackOff" {
		t.Fatalf("state %+v", s.State)
	}
	if s.LastTerminationState.Terminated == nil || s.LastTerminationState.Terminated.ExitCode != 1 || s.RestartCount != 2 {
		t.Errorf("last %+v restarts %d", s.LastTerminationState, s.RestartCount)
	}
}
