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
	// An image tagged :latest defaults to imagePullPolicy Always (§0): podrun tries to pull it
	// and, with no registry, fails before creating anything. --pull never runs the local copy.
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
	r := expectRun(t, "it-pullflag", manifest, 125)
	if !strings.Contains(r.stderr, "pull") || strings.Contains(r.stdout, "ran-local-image") {
		t.Errorf("without --pull, a :latest image must be pulled (and fail here):\n%s", r)
	}
	r = expectRun(t, "it-pullflag", manifest, 0, "--pull", "never")
	if !strings.Contains(r.stdout, "app | ran-local-image") {
		t.Errorf("--pull never did not run the local image:\n%s", r)
	}
}
