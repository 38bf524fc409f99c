package status

import (
	"encoding/json"
	"github.com/podrun/podrun/internal/goldenfile"
	"os"
	"path/filepath"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/yaml"
)

// TestPodObjectGolden prints a pod mid-life as `kubectl get pod -o json` would: init container
// done, sidecar and web serving, metrics crash-looping.
func TestPodObjectGolden(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "pod.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var pod corev1.Pod
	if err := yaml.UnmarshalStrict(raw, &pod); err != nil {
		t.Fatal(err)
	}
	at := func(d time.Duration) metav1.Time { return metav1.NewTime(t0.Add(d)) }
	metricsLast := &corev1.ContainerStateTerminated{ExitCode: 2, Reason: ReasonError,
		Message: "panic: listen tcp :9090: bind: address already in use", StartedAt: at(95 * time.Second),
		FinishedAt: at(96 * time.Second), ContainerID: "docker://c3a5e1f0b7d94a2c8e6f1b3d5a7c9e0f2b4d6f8a0c2e4a6b8d0f2a4c6e8b0d2f"}
	obs := []Observed{
		{Name: "migrate", Image: "shop:1.4.2", ImageID: "docker://sha256:5a1e9c7b3d2f4e6a8c0b2d4f6e8a0c2b4d6f8e0a2c4b6d8f0e2a4c6b8d0f2e4a",
			ContainerID: "docker://0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c",
			State: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 0, Reason: ReasonCompleted,
				StartedAt: at(2 * time.Second), FinishedAt: at(7 * time.Second)}}},
		{Name: "log-shipper", Image: "busybox:1.36", ImageID: "docker-pullable://busybox@sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7",
			ContainerID: "docker://1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d",
			State:       corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: at(8 * time.Second)}}},
		{Name: "web", Image: "shop:1.4.2", ImageID: "docker://sha256:5a1e9c7b3d2f4e6a8c0b2d4f6e8a0c2b4d6f8e0a2c4b6d8f0e2a4c6b8d0f2e4a",
			ContainerID: "docker://2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e",
			State:       corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: at(9 * time.Second)}}, Ready: ptr(true)},
		{Name: "metrics", Image: "shop-metrics:0.9", ImageID: "docker://sha256:7c9e1a3b5d7f9e1a3c5b7d9f1e3a5c7b9d1f3e5a7c9b1d3f5e7a9c1b3d5f7e9a",
			ContainerID: "docker://3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f",
			State: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 2, Reason: ReasonError,
				Message: "panic: listen tcp :9090: bind: address already in use", StartedAt: at(126 * time.Second), FinishedAt: at(127 * time.Second)}},
			Last: metricsLast, RestartCount: 3, BackOff: 40 * time.Second},
	}
	f := PodFacts{Pod: &pod, PodIPs: []string{"172.17.0.5"}, HostIPs: []string{"192.168.1.10"}, SandboxReady: true,
		StartTime: t0.Add(time.Second), Now: t0.Add(130 * time.Second)}
	got, err := json.MarshalIndent(PodObject(&pod, Compute(f, obs)), "", "    ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "pod.json.golden")
	goldenfile.Check(t, golden, got)
}

func TestPodObjectLeavesInputAlone(t *testing.T) {
	p := testPod(corev1.RestartPolicyAlways, nil, "web")
	obj := PodObject(p, corev1.PodStatus{Phase: corev1.PodRunning})
	if obj.Kind != "Pod" || obj.APIVersion != "v1" || obj.Generation != 1 || obj.Status.Phase != corev1.PodRunning {
		t.Errorf("object = %s/%s generation %d phase %s", obj.APIVersion, obj.Kind, obj.Generation, obj.Status.Phase)
	}
	if p.Kind != "" || p.Status.Phase != "" || p.Generation != 0 {
		t.Error("PodObject changed its input")
	}
}
