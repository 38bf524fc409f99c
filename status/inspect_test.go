package status

import (
	"testing"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/network"
	"github.com/podrun/podrun/plan"
	corev1 "k8s.io/api/core/v1"
)

const never = "0001-01-01T00:00:00Z"

// instance is one engine container of the pod, as ContainerInspect returns it.
func instance(id, name string, role plan.Role, attempt string, state container.State) container.InspectResponse {
	return container.InspectResponse{
		ContainerJSONBase: &container.ContainerJSONBase{ID: id, Created: "2026-03-01T09:59:59.5Z", Image: "sha256:feed", State: &state},
		Config: &container.Config{Image: "busybox:1.36", Labels: map[string]string{
			plan.LabelContainer: name, plan.LabelRole: string(role), plan.LabelAttempt: attempt}},
	}
}

func exited(code int, started, finished string) container.State {
	return container.State{Status: "exited", ExitCode: code, StartedAt: started, FinishedAt: finished}
}

func TestFromInspect(t *testing.T) {
	oom := exited(137, "2026-03-01T10:00:00Z", "2026-03-01T10:00:09Z")
	oom.OOMKilled = true
	startFailed := container.State{Status: "created", ExitCode: 127, StartedAt: never, FinishedAt: never,
		Error: `exec: "serve": executable file not found in $PATH`}
	tests := []struct {
		name      string
		instances []container.InspectResponse
		check     func(t *testing.T, o Observed)
	}{
		{"restarted: newest is State, the one before is Last", []container.InspectResponse{
			instance("aaa", "web", plan.RoleApp, "0", exited(1, "2026-03-01T10:00:00Z", "2026-03-01T10:00:05Z")),
			instance("bbb", "web", plan.RoleApp, "1", container.State{Status: "running", Running: true, StartedAt: "2026-03-01T10:00:06.25Z", FinishedAt: never}),
		}, func(t *testing.T, o Observed) {
			if o.State.Running == nil || o.RestartCount != 1 || o.ContainerID != "docker://bbb" {
				t.Errorf("state %+v restarts %d id %q", o.State, o.RestartCount, o.ContainerID)
			}
			if o.Last == nil || o.Last.ExitCode != 1 || o.Last.Reason != ReasonError || o.Last.ContainerID != "docker://aaa" {
				t.Errorf("last = %+v", o.Last)
			}
		}},
		{"exit 0 is Completed", []container.InspectResponse{
			instance("aaa", "job", plan.RoleApp, "0", exited(0, "2026-03-01T10:00:00Z", "2026-03-01T10:00:05Z")),
		}, func(t *testing.T, o Observed) {
			if tt := o.State.Terminated; tt == nil || tt.Reason != ReasonCompleted || tt.ExitCode != 0 || tt.FinishedAt.Second() != 5 {
				t.Errorf("state = %+v", o.State)
			}
		}},
		{"OOM is OOMKilled", []container.InspectResponse{instance("aaa", "job", plan.RoleApp, "0", oom)},
			func(t *testing.T, o Observed) {
				if tt := o.State.Terminated; tt == nil || tt.Reason != ReasonOOMKilled || tt.ExitCode != 137 {
					t.Errorf("state = %+v", o.State)
				}
			}},
		{"start failure is StartError 128", []container.InspectResponse{instance("aaa", "job", plan.RoleApp, "0", startFailed)},
			func(t *testing.T, o Observed) {
				tt := o.State.Terminated
				if tt == nil || tt.Reason != ReasonStartError || tt.ExitCode != 128 || tt.Message != startFailed.Error {
					t.Fatalf("state = %+v", o.State)
				}
				if tt.StartedAt.Unix() != 0 || tt.FinishedAt.IsZero() {
					t.Errorf("startedAt %v finishedAt %v, want the epoch and the creation time", tt.StartedAt, tt.FinishedAt)
				}
			}},
		{"created, never started", []container.InspectResponse{
			instance("aaa", "web", plan.RoleApp, "0", container.State{Status: "created", StartedAt: never, FinishedAt: never}),
		}, func(t *testing.T, o Observed) {
			if o.State.Waiting == nil || o.State.Waiting.Reason != "" {
				t.Errorf("state = %+v, want waiting for the default reason", o.State)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			obs := FromInspect(tc.instances, nil)
			if len(obs) != 1 {
				t.Fatalf("got %d observations, want 1", len(obs))
			}
			tc.check(t, obs[0])
		})
	}
}

func TestFromInspectSkipsPauseAndSorts(t *testing.T) {
	running := container.State{Running: true, StartedAt: "2026-03-01T10:00:00Z", FinishedAt: never}
	obs := FromInspect([]container.InspectResponse{
		instance("p", "", plan.RolePause, "0", running),
		instance("w", "web", plan.RoleApp, "0", running),
		instance("s", "proxy", plan.RoleSidecar, "0", running),
	}, map[string][]string{"sha256:feed": {"busybox@sha256:1234"}})
	if len(obs) != 2 || obs[0].Name != "proxy" || obs[1].Name != "web" {
		t.Fatalf("observations = %+v", obs)
	}
	if obs[0].Role != plan.RoleSidecar || obs[1].ImageID != "docker-pullable://busybox@sha256:1234" || obs[1].Image != "busybox:1.36" {
		t.Errorf("role %q imageID %q image %q", obs[0].Role, obs[1].ImageID, obs[1].Image)
	}
}

// TestCreatedInstanceReadsAsContainerCreating joins FromInspect and Compute.
func TestCreatedInstanceReadsAsContainerCreating(t *testing.T) {
	obs := FromInspect([]container.InspectResponse{
		instance("w", "web", plan.RoleApp, "0", container.State{Status: "created", StartedAt: never, FinishedAt: never}),
	}, nil)
	st := Compute(facts(testPod(corev1.RestartPolicyAlways, nil, "web")), obs)
	if w := st.ContainerStatuses[0].State.Waiting; w == nil || w.Reason != ReasonContainerCreating {
		t.Errorf("state = %+v, want ContainerCreating", st.ContainerStatuses[0].State)
	}
	if st.ContainerStatuses[0].ImageID != "docker://sha256:feed" {
		t.Errorf("imageID = %q", st.ContainerStatuses[0].ImageID)
	}
}

func TestSandboxFromInspect(t *testing.T) {
	pause := instance("p", "", plan.RolePause, "0", container.State{Running: true})
	pause.NetworkSettings = &container.NetworkSettings{Networks: map[string]*network.EndpointSettings{
		"bridge": {IPAddress: "172.17.0.5", GlobalIPv6Address: "fd00::5"},
	}}
	sb := SandboxFromInspect(pause)
	if !sb.Ready || len(sb.PodIPs) != 2 || sb.PodIPs[0] != "172.17.0.5" || sb.PodIPs[1] != "fd00::5" {
		t.Errorf("sandbox = %+v", sb)
	}
	pause.State.Running = false
	if sb := SandboxFromInspect(pause); sb.Ready || sb.PodIPs != nil {
		t.Errorf("stopped sandbox = %+v, want not ready and no IPs", sb)
	}
}
