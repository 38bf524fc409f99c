package runner

import (
	"testing"
	"time"

	"github.com/podrun/podrun/plan"
	corev1 "k8s.io/api/core/v1"
)

// stExitedAt is stExited with the instance's finish time, minutes after t0.
func stExitedAt(code int, minutes int) func(*ctrRun) {
	return func(c *ctrRun) {
		stExited(code, "Error")(c)
		c.last.FinishedAt = t0.Add(time.Duration(minutes) * time.Minute)
	}
}

// TestExitCode is run_api.go's Result.ExitCode contract (DESIGN.md's exit codes).
func TestExitCode(t *testing.T) {
	a, b := ctr("a", plan.RoleApp), ctr("b", plan.RoleApp)
	setup, proxy, main := ctr("setup", plan.RoleInit), ctr("proxy", plan.RoleSidecar), ctr("main", plan.RolePrimary)
	tests := []struct {
		name       string
		init, apps []plan.Container
		primary    string
		failedInit int
		states     []func(*ctrRun)
		phase      corev1.PodPhase
		want       int
	}{
		{name: "succeeded", apps: []plan.Container{a, b}, failedInit: -1,
			states: []func(*ctrRun){stExitedAt(0, 1), stExitedAt(0, 2)}, phase: corev1.PodSucceeded, want: 0},
		{name: "succeeded although a sidecar was killed", init: []plan.Container{proxy}, apps: []plan.Container{a}, failedInit: -1,
			states: []func(*ctrRun){stExitedAt(143, 2), stExitedAt(0, 1)}, phase: corev1.PodSucceeded, want: 0},
		{name: "first failed container in spec order, not in time", apps: []plan.Container{a, b}, failedInit: -1,
			states: []func(*ctrRun){stExitedAt(3, 5), stExitedAt(4, 1)}, phase: corev1.PodFailed, want: 3},
		{name: "a container that exited 0 did not fail the pod", apps: []plan.Container{a, b}, failedInit: -1,
			states: []func(*ctrRun){stExitedAt(0, 1), stExitedAt(137, 2)}, phase: corev1.PodFailed, want: 137},
		{name: "a sidecar's code never decides", init: []plan.Container{proxy}, apps: []plan.Container{a}, failedInit: -1,
			states: []func(*ctrRun){stExitedAt(9, 1), stExitedAt(2, 2)}, phase: corev1.PodFailed, want: 2},
		{name: "failed init container", init: []plan.Container{setup}, apps: []plan.Container{a}, failedInit: 0,
			states: []func(*ctrRun){stExitedAt(5, 1), stNone}, phase: corev1.PodFailed, want: 5},
		{name: "failed without a failing container", apps: []plan.Container{a}, failedInit: -1,
			states: []func(*ctrRun){stNone}, phase: corev1.PodFailed, want: 1},
		{name: "failed with every container at 0 (dead sandbox)", apps: []plan.Container{a}, failedInit: -1,
			states: []func(*ctrRun){stExitedAt(0, 1)}, phase: corev1.PodFailed, want: 1},
		{name: "primary decides", apps: []plan.Container{a, main}, primary: "main", failedInit: -1,
			states: []func(*ctrRun){stExitedAt(1, 1), stExitedAt(0, 2)}, phase: corev1.PodFailed, want: 0},
		{name: "primary failed", apps: []plan.Container{a, main}, primary: "main", failedInit: -1,
			states: []func(*ctrRun){stExitedAt(0, 1), stExitedAt(7, 2)}, phase: corev1.PodFailed, want: 7},
		{name: "primary never ran", init: []plan.Container{setup}, apps: []plan.Container{main}, primary: "main", failedInit: -1,
			states: []func(*ctrRun){stRunning, stNone}, phase: corev1.PodFailed, want: 1},
		{name: "init failure before the primary", init: []plan.Container{setup}, apps: []plan.Container{main}, primary: "main", failedInit: 0,
			states: []func(*ctrRun){stExitedAt(6, 1), stNone}, phase: corev1.PodFailed, want: 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := testWorker(t, plan.RestartNever, tc.init, tc.apps, tc.states...)
			w.p.Primary, w.failedInit = tc.primary, tc.failedInit
			if tc.primary != "" {
				w.primary = len(tc.init) + len(tc.apps) - 1
			}
			if got := w.exitCode(tc.phase); got != tc.want {
				t.Errorf("exit code %d, want %d", got, tc.want)
			}
		})
	}
}
