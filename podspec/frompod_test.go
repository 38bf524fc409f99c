package podspec

import (
	"errors"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// TestFromPod: a pod built in memory is defaulted and validated like a loaded one, and its
// errors name the field as it sits in the source file (a Flyte task's pod spec).
func TestFromPod(t *testing.T) {
	const spec = "closure.compiledTask.template.k8sPod.podSpec"
	base := Input{File: "task.json", Origin: Origin{Kind: kindPodSpec, Path: spec}}
	pod := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "a4lmk5ws6qkfbhx94dxc-n0-0", Namespace: "flytesnacks-development"},
		Spec: corev1.PodSpec{Containers: []corev1.Container{
			{Name: "primary", Image: "busybox"},
			{Name: "web", Image: "busybox"},
		}},
	}
	in, err := FromPod(base, pod)
	if err != nil {
		t.Fatal(err)
	}
	if in.Raw.Spec.RestartPolicy != "" || in.Pod.Spec.RestartPolicy != corev1.RestartPolicyAlways {
		t.Errorf("Raw must stay as given and Pod be defaulted: raw %q, pod %q", in.Raw.Spec.RestartPolicy, in.Pod.Spec.RestartPolicy)
	}
	if in.File != "task.json" || in.Origin.Path != spec {
		t.Errorf("the base's file and origin are lost: %+v", in)
	}
	if pod.Spec.RestartPolicy != "" {
		t.Error("FromPod modified its argument")
	}

	pod.Spec.Containers[1].Name = "primary"
	_, err = FromPod(base, pod)
	var list ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("a duplicate container name: want an ErrorList, got %v", err)
	}
	if got, want := list[0].Path, spec+".containers[1].name"; got != want || list[0].File != "task.json" {
		t.Errorf("error at %s %q, want task.json %q: %v", list[0].File, got, want, err)
	}
}

// TestDecodeDoesNotValidate: Decode reads what Load reads, but a pod that is only complete once
// a Flyte task fills in its primary (no image yet) is not refused, and nothing is defaulted.
func TestDecodeDoesNotValidate(t *testing.T) {
	const manifest = `apiVersion: v1
kind: Pod
metadata: {name: task}
spec:
  containers:
  - name: primary
  - name: web
    image: busybox
`
	if _, err := Load("pod.yaml", []byte(manifest)); err == nil {
		t.Fatal("Load accepts a container without an image: the test proves nothing")
	}
	in, err := Decode("pod.yaml", []byte(manifest))
	if err != nil {
		t.Fatal(err)
	}
	if in.Pod != nil || in.Raw.Spec.RestartPolicy != "" || in.Line("spec.containers[1].image") != 8 {
		t.Errorf("Decode: pod %v, restartPolicy %q, line %d", in.Pod, in.Raw.Spec.RestartPolicy, in.Line("spec.containers[1].image"))
	}
	if _, err := Decode("pod.yaml", []byte("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containerz: []}\n")); err == nil {
		t.Error("Decode must stay strict about unknown fields")
	}
}
