package plan

import (
	"reflect"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

func TestDefaultPullPolicy(t *testing.T) {
	tests := []struct {
		ref  string
		want PullPolicy
	}{
		{"busybox", PullAlways},
		{"busybox:latest", PullAlways},
		{"busybox:1.36", PullIfNotPresent},
		{"registry.local:5000/tools", PullAlways}, // the port is not a tag
		{"registry.local:5000/tools:1.2", PullIfNotPresent},
		{"registry.local:5000/tools:latest", PullAlways},
		{"busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", PullIfNotPresent},
		{"busybox:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", PullIfNotPresent},
	}
	for _, tc := range tests {
		if got := defaultPullPolicy(tc.ref); got != tc.want {
			t.Errorf("defaultPullPolicy(%q) = %s, want %s", tc.ref, got, tc.want)
		}
	}
}

func TestPlanImages(t *testing.T) {
	specs := func(policies ...string) []containerSpec {
		var out []containerSpec
		for i, p := range policies {
			c := &corev1.Container{Name: string(rune('a' + i)), Image: "img:1", ImagePullPolicy: corev1.PullPolicy(p)}
			out = append(out, containerSpec{ctr: c})
		}
		return out
	}
	tests := []struct {
		name     string
		policies []string
		pull     string
		want     PullPolicy
	}{
		{"one container keeps its policy", []string{"Never"}, "", PullNever},
		{"strictest wins: IfNotPresent over Never", []string{"Never", "IfNotPresent"}, "policy", PullIfNotPresent},
		{"strictest wins: Always over IfNotPresent", []string{"IfNotPresent", "Always", "Never"}, "", PullAlways},
		{"unset policy defaults by tag", []string{""}, "", PullIfNotPresent},
		{"--pull always", []string{"Never"}, "always", PullAlways},
		{"--pull missing", []string{"Always"}, "missing", PullIfNotPresent},
		{"--pull never", []string{"Always", "IfNotPresent"}, "never", PullNever},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			override, err := pullOverride(tc.pull)
			if err != nil {
				t.Fatal(err)
			}
			got := planImages(specs(tc.policies...), override)
			if len(got) != 1 || got[0].Policy != tc.want {
				t.Fatalf("images = %+v, want one with policy %s", got, tc.want)
			}
			if len(got[0].Containers) != len(tc.policies) {
				t.Errorf("containers = %v, want all %d", got[0].Containers, len(tc.policies))
			}
		})
	}
	if _, err := pullOverride("sometimes"); err == nil {
		t.Error("pullOverride(sometimes): want an error")
	}
}

func TestPlanImagesOrder(t *testing.T) {
	mk := func(name, image string) containerSpec {
		return containerSpec{ctr: &corev1.Container{Name: name, Image: image, ImagePullPolicy: corev1.PullIfNotPresent}}
	}
	got := planImages([]containerSpec{mk("i", "b:1"), mk("x", "a:1"), mk("y", "b:1")}, "")
	var refs []string
	for _, img := range got {
		refs = append(refs, img.Ref)
	}
	if want := []string{"b:1", "a:1"}; !reflect.DeepEqual(refs, want) {
		t.Errorf("refs = %v, want first-use order %v", refs, want)
	}
}
