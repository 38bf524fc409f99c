//go:build integration

package integration

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/docker/docker/api/types/image"
)

// Images (issue point 8): pull policies decided before any container exists. No registry is
// reachable from the test machines, and none may be needed.

func TestIntegrationPullPolicyNeverWithAbsentImage(t *testing.T) {
	t.Parallel()
	// imagePullPolicy Never and the image is absent: ErrImageNeverPull in a cluster; podrun
	// fails the run (125) before creating anything, the other container's included.
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-neverpull}
spec:
  restartPolicy: Never
  volumes: [{name: scratch, emptyDir: {}}]
  containers:
  - {name: present, image: podrun/busybox:local, command: [echo, ran], volumeMounts: [{name: scratch, mountPath: /s}]}
  - {name: absent, image: "podrun/it-never-pulled:v1", imagePullPolicy: Never, command: [echo, ran]}
`
	r := expectRun(t, "it-neverpull", manifest, 125)
	if strings.Contains(r.stdout, "ran") {
		t.Errorf("a container ran although an image is missing:\n%s", r)
	}
	for _, want := range []string{"podrun/it-never-pulled:v1", "Never"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("error lacks %q:\n%s", want, r.stderr)
		}
	}
}

func TestIntegrationPullFlagOverridesPolicy(t *testing.T) {
	t.Parallel()
	// An image tagged :latest defaults to imagePullPolicy Always (§0): podrun tries to pull it.
	// With no registry the pull fails; a cluster would stop there (ErrImagePull), podrun runs
	// the engine's local copy and says so. An absent image still fails before anything is
	// created. --pull never runs the local copy without trying.
	ref := "podrun/it-pull-flag:latest"
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := engine.ImageTag(ctx, testImage, ref); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = engine.ImageRemove(context.Background(), ref, image.RemoveOptions{})
	})
	manifest := `
apiVersion: v1
kind: Pod
metadata: {name: it-pullflag}
spec:
  restartPolicy: Never
  containers:
  - {name: app, image: "podrun/it-pull-flag", command: [echo, ran-local-image]}
`
	r := expectRun(t, "it-pullflag", manifest, 0)
	if !strings.Contains(r.stdout, "app | ran-local-image") || !strings.Contains(r.stderr, "ErrImagePull") {
		t.Errorf("a failed Always pull must run the local copy and say what a cluster would do:\n%s", r)
	}
	absent := strings.Replace(manifest, "podrun/it-pull-flag", "podrun/it-pull-absent", 1)
	absent = strings.Replace(absent, "it-pullflag", "it-pullabsent", 1)
	r = expectRun(t, "it-pullabsent", absent, 125)
	if !strings.Contains(r.stderr, "pull image") || strings.Contains(r.stdout, "ran-local-image") {
		t.Errorf("an absent image whose pull fails must fail the run before anything starts:\n%s", r)
	}
	r = expectRun(t, "it-pullflag", manifest, 0, "--pull", "never")
	if !strings.Contains(r.stdout, "app | ran-local-image") || strings.Contains(strings.ToLower(r.stderr), "pulling") {
		t.Errorf("--pull never did not run the local image without pulling:\n%s", r)
	}
}
