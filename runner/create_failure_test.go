package runner

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/containerd/errdefs"
	"github.com/podrun/podrun/plan"
	corev1 "k8s.io/api/core/v1"
)

// An engine that refuses to create a container ends the run with that error; the last status
// shows the container Waiting/CreateContainerError (§3.3), what ran is stopped, and teardown
// removes everything.
func TestRunCreateFailureShowsCreateContainerError(t *testing.T) {
	f := newFake()
	f.containerCreate = func(name string) error {
		if name == "pod-r1-web" {
			return fmt.Errorf("%w: invalid mount config", errdefs.ErrInvalidArgument)
		}
		return nil
	}
	p := testPlan(f, plan.RestartNever, []plan.Container{ctr("proxy", plan.RoleSidecar)}, ctr("web", plan.RoleApp))
	var rec recorder
	res, err := Run(context.Background(), f, p, rec.options())
	if !errors.Is(err, errdefs.ErrInvalidArgument) || !strings.HasPrefix(err.Error(), `create container "web": `) {
		t.Fatalf("err %v, want the engine's error wrapped as create container \"web\"", err)
	}
	if len(rec.statuses) == 0 {
		t.Fatal("no status published")
	}
	last := rec.statuses[len(rec.statuses)-1]
	if !reflect.DeepEqual(last, res.Status) {
		t.Error("Result.Status differs from the last published status")
	}
	web := last.ContainerStatuses[0]
	if w := web.State.Waiting; w == nil || w.Reason != "CreateContainerError" || !strings.Contains(w.Message, "invalid mount config") {
		t.Errorf("web's state %+v, want Waiting/CreateContainerError with the engine's message", web.State)
	}
	if res.Phase != corev1.PodFailed {
		t.Errorf("phase %s, want Failed", res.Phase)
	}
	if res.Containers[1].Reason != "CreateContainerError" {
		t.Errorf("web's result reason %q", res.Containers[1].Reason)
	}
	if f.index("ContainerStop", "pod-r1-proxy") < 0 {
		t.Error("the running sidecar was not stopped")
	}
	assertTornDown(t, f)
}
