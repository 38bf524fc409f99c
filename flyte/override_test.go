package flyte

import (
	"reflect"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

// §2: flytekit's Pod plugin rules for the primary.
func TestPrimaryOverride(t *testing.T) {
	base := &corev1.Pod{Spec: corev1.PodSpec{Containers: []corev1.Container{
		{Name: "primary", Image: "old", Command: []string{"python"}, Args: []string{"app.py"},
			Env:       []corev1.EnvVar{{Name: "FOO", Value: "another-bar"}},
			Resources: corev1.ResourceRequirements{Limits: corev1.ResourceList{"memory": resource.MustParse("4Gi")}}},
		{Name: "side", Image: "s", Command: []string{"x"}},
	}}}
	o := Override{Image: "new", Args: []string{"sh", "-c", "true"}, Env: []corev1.EnvVar{{Name: "FOO", Value: "bar"}},
		Requests: corev1.ResourceList{"cpu": resource.MustParse("1")}}
	p, err := PrimaryOverride(base, o)
	if err != nil {
		t.Fatal(err)
	}
	c := p.Spec.Containers[0]
	if c.Image != "new" || !reflect.DeepEqual(c.Command, []string{}) || !reflect.DeepEqual(c.Args, o.Args) {
		t.Errorf("image/command/args = %q %q %q", c.Image, c.Command, c.Args)
	}
	if _, ok := c.Resources.Limits["memory"]; ok || c.Resources.Requests.Cpu().String() != "1" {
		t.Errorf("resources are not replaced wholesale: %+v", c.Resources)
	}
	if len(c.Env) != 2 || c.Env[0].Value != "bar" || c.Env[1].Value != "another-bar" {
		t.Errorf("env = %+v, want task env first, duplicates kept", c.Env)
	}
	if !reflect.DeepEqual(p.Spec.Containers[1], base.Spec.Containers[1]) || base.Spec.Containers[0].Image != "old" {
		t.Error("the sidecar changed, or the input pod was modified")
	}

	injected, err := PrimaryOverride(base, Override{Primary: "main", Image: "img"})
	if err != nil || len(injected.Spec.Containers) != 3 || injected.Spec.Containers[2].Name != "main" || injected.Spec.Containers[2].Image != "img" {
		t.Errorf("injected primary: %+v, %v", injected.Spec.Containers, err)
	}
	if _, err := PrimaryOverride(base, Override{Primary: "main"}); err == nil || !strings.Contains(err.Error(), "give --image") {
		t.Errorf("injecting without an image: err = %v", err)
	}
	kept, _ := PrimaryOverride(base, Override{})
	if !reflect.DeepEqual(kept.Spec, base.Spec) {
		t.Error("an empty override changed the pod")
	}
}
