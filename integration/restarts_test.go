//go:build integration

package integration

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// Restarts of a detached pod (issue points 4, 11, 12; kubelet-semantics §2): the background
// podrun process keeps the kubelet's loop running.

func TestIntegrationAlwaysRestartsExitZeroAndLogsPrevious(t *testing.T) {
	t.Parallel()
	// Under restartPolicy Always a container that exits 0 is restarted (a cluster's Job-less pod
	// never "completes"); the first restart is immediate (§2.2). The run counter lives in an
	// emptyDir, which survives restarts. The second run stays up, so the pod settles Running.
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-always}
spec:
  restartPolicy: Always
  terminationGracePeriodSeconds: 2
  volumes: [{name: state, emptyDir: {}}]
  containers:
  - name: app
    image: podrun/busybox:local
    volumeMounts: [{name: state, mountPath: /state}]
    command:
    - sh
    - -c
    - |
      n=$(( $(cat /state/runs 2>/dev/null || echo 0) + 1 ))
      echo $n > /state/runs
      echo "run $n"
      [ $n -ge 2 ] || exit 0
      trap 'exit 0' TERM
      sleep 3600 & wait
`
	runDetached(t, "it-always", manifest)
	p := waitPod(t, "it-always", "restarted and running", func(p *corev1.Pod) bool {
		cs := containerStatus(p.Status.ContainerStatuses, "app")
		return cs != nil && cs.RestartCount >= 1 && cs.State.Running != nil
	})
	app := containerStatus(p.Status.ContainerStatuses, "app")
	if app.RestartCount != 1 {
		t.Errorf("restartCount: want 1, got %d", app.RestartCount)
	}
	if last := app.LastTerminationState.Terminated; last == nil || last.ExitCode != 0 || last.Reason != "Completed" {
		t.Errorf("lastState: want terminated Completed exit 0, got %+v", app.LastTerminationState)
	}
	if p.Status.Phase != corev1.PodRunning {
		t.Errorf("phase: want Running, got %q", p.Status.Phase)
	}

	prev := podrun(t, "", "logs", "--previous", "it-always", "app")
	if prev.code != 0 || strings.TrimSpace(prev.stdout) != "run 1" {
		t.Errorf("logs --previous: want the first run's output, got %s", prev)
	}
	cur := podrun(t, "", "logs", "it-always", "app")
	if cur.code != 0 || strings.TrimSpace(cur.stdout) != "run 2" {
		t.Errorf("logs: want the current run's output, got %s", cur)
	}
}

func TestIntegrationLogsPreviousWithoutRestart(t *testing.T) {
	t.Parallel()
	// kubectl's error when there is no previous instance; a kept pod has exactly one.
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-noprevious}
spec:
  restartPolicy: Never
  containers:
  - {name: c, image: podrun/busybox:local, command: [echo, only-run]}
`
	path := writeManifest(t, "p.yaml", manifest)
	if r := podrun(t, "", "run", "--keep", path); r.code != 0 {
		t.Fatalf("run --keep: %s", r)
	}
	t.Cleanup(func() {
		podrun(t, "", "down", "it-noprevious")
		if n := podObjects(t, "it-noprevious"); n != 0 {
			t.Errorf("down left %d objects", n)
		}
	})
	r := podrun(t, "", "logs", "--previous", "it-noprevious", "c")
	if r.code == 0 || !strings.Contains(r.stderr, "previous terminated container") || strings.Contains(r.stdout, "only-run") {
		t.Errorf("logs --previous with no restart: want an error, got %s", r)
	}
}
