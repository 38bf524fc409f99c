package runner

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/podrun/podrun/plan"
	corev1 "k8s.io/api/core/v1"
)

// exitSandbox ends the pod's pause container, as `docker kill` behind podrun's back would.
func (f *fakeEngine) exitSandbox(code int) {
	f.mu.Lock()
	var pause *fakeContainer
	for _, c := range f.containers {
		if c.Docker == "pod-r1-pause" {
			pause = c
		}
	}
	f.mu.Unlock()
	f.exit(pause, code)
}

// The pause container dies while the pod runs (§1.1): every container is stopped, the pod fails
// even though its containers exit 0 on SIGTERM, a SandboxChanged event says why, the run returns
// ErrSandboxDied, and teardown runs.
func TestRunSandboxDeathKillsThePod(t *testing.T) {
	for _, policy := range []plan.RestartPolicy{plan.RestartNever, plan.RestartAlways} {
		t.Run(string(policy), func(t *testing.T) {
			f := newFake()
			f.onStart = func(f *fakeEngine, c *fakeContainer) {
				if c.Name == "web" {
					f.exitSandbox(137)
				}
			}
			f.containerStop = func(c *fakeContainer) int { return 0 } // a graceful SIGTERM handler
			p := testPlan(f, policy, []plan.Container{ctr("proxy", plan.RoleSidecar)}, ctr("web", plan.RoleApp))
			var rec recorder
			res, err := Run(context.Background(), f, p, rec.options())
			if !errors.Is(err, ErrSandboxDied) {
				t.Fatalf("err %v, want ErrSandboxDied", err)
			}
			if res.Phase != corev1.PodFailed || res.ExitCode == 0 {
				t.Errorf("phase %s exit %d, want Failed and a non-zero code", res.Phase, res.ExitCode)
			}
			if !strings.Contains(res.Status.Message, "sandbox") {
				t.Errorf("status message %q does not say why", res.Status.Message)
			}
			for _, name := range []string{"pod-r1-web", "pod-r1-proxy"} {
				if f.index("ContainerStop", name) < 0 {
					t.Errorf("%s was not stopped", name)
				}
			}
			if n := len(f.callsOf("ContainerStart")); n != 3 {
				t.Errorf("%d starts, want 3: nothing restarts, no new sandbox", n)
			}
			if !slices.ContainsFunc(rec.events, func(e Event) bool { return e.Kind == EventSandboxChanged }) {
				t.Error("no SandboxChanged event")
			}
			for _, c := range res.Status.Conditions {
				if c.Type == corev1.PodReadyToStartContainers && c.Status != corev1.ConditionFalse {
					t.Error("PodReadyToStartContainers is not False")
				}
			}
			assertTornDown(t, f)
		})
	}
}

// Killing the sandbox at the pod's end is podrun's own doing, not a death.
func TestRunSandboxStopAtTheEndIsNoFailure(t *testing.T) {
	f := newFake()
	f.onStart = exitAllApps(0)
	p := testPlan(f, plan.RestartNever, nil, ctr("web", plan.RoleApp))
	var rec recorder
	res, err := Run(context.Background(), f, p, rec.options())
	if err != nil || res.Phase != corev1.PodSucceeded {
		t.Fatalf("phase %s, err %v", res.Phase, err)
	}
	if f.index("ContainerWait", "pod-r1-pause") < 0 {
		t.Error("the sandbox is not watched")
	}
	if slices.ContainsFunc(rec.events, func(e Event) bool { return e.Kind == EventSandboxChanged }) {
		t.Error("SandboxChanged at a normal end")
	}
}
