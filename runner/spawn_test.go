package runner

import (
	"context"
	"strings"
	"testing"

	"github.com/podrun/podrun/plan"
)

// A panic in one of the worker's goroutines ends the run with an error, and the pod is still
// torn down: a bug in podrun must not leave containers behind.
func TestRunSurvivesAPanicInAWorkerGoroutine(t *testing.T) {
	f := newFake()
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		if c.Name == "app" {
			panic("boom")
		}
	}
	p := testPlan(f, plan.RestartNever, []plan.Container{ctr("side", plan.RoleSidecar)}, ctr("app", plan.RoleApp))
	_, err := Run(context.Background(), f, p, Options{})
	if err == nil || !strings.Contains(err.Error(), "internal error: boom") {
		t.Fatalf("Run = %v, want the panic as an internal error", err)
	}
	assertTornDown(t, f)
}
