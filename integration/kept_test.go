//go:build integration

package integration

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// A kept pod shows, through podrun get after its podrun exited, the status its run computed —
// including what inspect data cannot rebuild, such as termination messages.
func TestIntegrationKeptPodKeepsItsFinalStatus(t *testing.T) {
	t.Parallel()
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-kept-status}
spec:
  restartPolicy: Never
  containers:
  - {name: a, image: podrun/busybox:local, command: [sh, -c, "echo all done > /dev/termination-log; exit 4"]}
`
	path := writeManifest(t, "kept.yaml", manifest)
	if r := podrun(t, "", "run", "--keep", path); r.code != 4 {
		t.Fatalf("run --keep: want exit 4, got %s", r)
	}
	t.Cleanup(func() { podrun(t, "", "down", "it-kept-status") })
	pod := getPod(t, "it-kept-status")
	if pod.Status.Phase != corev1.PodFailed || len(pod.Status.ContainerStatuses) != 1 {
		t.Fatalf("kept pod: phase %q, %d container statuses", pod.Status.Phase, len(pod.Status.ContainerStatuses))
	}
	term := pod.Status.ContainerStatuses[0].State.Terminated
	if term == nil || term.ExitCode != 4 || strings.TrimSpace(term.Message) != "all done" {
		t.Errorf("kept pod's container: %+v, want terminated with 4 and its termination message", pod.Status.ContainerStatuses[0].State)
	}
	if d := podrun(t, "", "down", "it-kept-status"); d.code != 0 {
		t.Fatalf("down: %s", d)
	}
	if n := podObjects(t, "it-kept-status"); n != 0 {
		t.Errorf("down left %d objects", n)
	}
}
