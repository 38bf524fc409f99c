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

func TestNonRootRefusal(t *testing.T) {
	pod := plan.PodMeta{Name: "pod", Namespace: "default", UID: "u1"}
	where := ` (pod: "pod_default(u1)", container: web)`
	tests := []struct {
		name      string
		nonRoot   bool
		user      string // the plan's Config.User (runAsUser[:runAsGroup])
		imageUser string
		want      string
	}{
		{"not asked", false, "", "", ""},
		{"runAsUser non-root", true, "1000", "", ""},
		{"runAsUser with group", true, "1000:3000", "root", ""},
		{"runAsUser 0", true, "0", "1000", "container's runAsUser breaks non-root policy" + where},
		{"runAsUser 0 with group", true, "0:10", "", "container's runAsUser breaks non-root policy" + where},
		{"image without USER runs as root", true, "", "", "container has runAsNonRoot and image will run as root" + where},
		{"image USER 0", true, "", "0", "container has runAsNonRoot and image will run as root" + where},
		{"image USER 0:1000", true, "", "0:1000", "container has runAsNonRoot and image will run as root" + where},
		{"image USER numeric", true, "", "65532", ""},
		{"image USER numeric with group", true, "", "65532:65532", ""},
		{"image USER name", true, "", "nobody", "container has runAsNonRoot and image has non-numeric user (nobody), cannot verify user is non-root" + where},
		{"image USER root by name", true, "", "root:root", "container has runAsNonRoot and image has non-numeric user (root), cannot verify user is non-root" + where},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := ctr("web", plan.RoleApp)
			c.RunAsNonRoot, c.Config.User = tc.nonRoot, tc.user
			if got := nonRootRefusal(c, tc.imageUser, pod); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// A container the kubelet refuses (runAsNonRoot, image runs as root) is never created: the
// containers before it run, it shows Waiting/CreateContainerConfigError, and the run ends with a
// ContainerConfigError naming it, after teardown.
func TestRunRefusesRootUnderRunAsNonRoot(t *testing.T) {
	f := newFake()
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		if c.Name == "setup" {
			f.exit(c, 0)
		}
	}
	web := ctr("web", plan.RoleApp)
	web.RunAsNonRoot = true
	ok := ctr("ok", plan.RoleApp)
	ok.RunAsNonRoot, ok.Config.User = true, "1000"
	p := testPlan(f, plan.RestartNever, []plan.Container{ctr("setup", plan.RoleInit)}, web, ok)
	var rec recorder
	res, err := Run(context.Background(), f, p, rec.options())
	var cfgErr *ContainerConfigError
	if !errors.As(err, &cfgErr) || cfgErr.Container != "web" {
		t.Fatalf("err %v, want a ContainerConfigError for web", err)
	}
	if want := `create container "web": CreateContainerConfigError: container has runAsNonRoot and image will run as root`; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("message %q", err)
	}
	if created := f.callsOf("ContainerCreate"); slices.Contains(created, "pod-r1-web") {
		t.Errorf("web was created: %v", created)
	}
	if f.index("ContainerStart", "pod-r1-setup") < 0 {
		t.Error("the init container before it did not run")
	}
	if got := f.callsOf("ImageInspect"); !slices.Contains(got, "busybox") {
		t.Errorf("the image's user was not inspected: %v", got)
	}
	// While the pod still ran, its status said why web waits.
	var seen bool
	for _, s := range rec.statuses {
		for _, cs := range s.ContainerStatuses {
			if w := cs.State.Waiting; cs.Name == "web" && w != nil && w.Reason == "CreateContainerConfigError" &&
				w.Message == cfgErr.Message {
				seen = true
			}
		}
	}
	if !seen {
		t.Error("no status showed web Waiting/CreateContainerConfigError")
	}
	if res.Containers[1].Reason != "CreateContainerConfigError" || res.Containers[1].Ran {
		t.Errorf("web's result %+v", res.Containers[1])
	}
	if res.Phase != corev1.PodFailed {
		t.Errorf("phase %s, want Failed", res.Phase)
	}
	assertTornDown(t, f)
}

// An image with a numeric non-root USER passes; the inspect happens only when the plan has no
// user of its own.
func TestRunAllowsNonRootImageUser(t *testing.T) {
	f := newFake()
	f.imageUsers["busybox"] = "65532"
	f.onStart = exitAllApps(0)
	web := ctr("web", plan.RoleApp)
	web.RunAsNonRoot = true
	p := testPlan(f, plan.RestartNever, nil, web)
	res, err := Run(context.Background(), f, p, Options{})
	if err != nil || res.Phase != corev1.PodSucceeded {
		t.Fatalf("phase %s, err %v", res.Phase, err)
	}
}
