//go:build integration

package integration

import (
	"strings"
	"syscall"
	"testing"
)

const gcPod = `
apiVersion: v1
kind: Pod
metadata: {name: %s}
spec:
  terminationGracePeriodSeconds: 1
  volumes: [{name: scratch, emptyDir: {}}]
  containers:
  - name: app
    image: podrun/busybox:local
    volumeMounts: [{name: scratch, mountPath: /scratch}]
    command: [sh, -c, "trap 'exit 0' TERM; echo up; while true; do sleep 1; done"]
`

func TestIntegrationGCRemovesWhatAKilledPodrunLeft(t *testing.T) {
	t.Parallel()
	dead := startUntil(t, "app | up", "run", writeManifest(t, "dead.yaml", strings.Replace(gcPod, "%s", "it-gc-dead", 1)))
	live := startUntil(t, "app | up", "run", writeManifest(t, "live.yaml", strings.Replace(gcPod, "%s", "it-gc-live", 1)))
	t.Cleanup(func() {
		_ = live.cmd.Process.Signal(syscall.SIGINT)
		live.wait(t)
		if n := podObjects(t, "it-gc-live"); n != 0 {
			t.Errorf("the live run left %d objects after Ctrl-C", n)
		}
	})
	// kill -9: podrun cannot tear anything down.
	if err := dead.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	dead.wait(t)
	if n := podObjects(t, "it-gc-dead"); n == 0 {
		t.Fatal("the killed run left nothing: the test proves nothing")
	}

	dry := podrun(t, "", "gc", "--dry-run")
	if dry.code != 0 || !strings.Contains(dry.stdout, "it-gc-dead/") {
		t.Fatalf("gc --dry-run does not list the dead run: %s", dry)
	}
	if n := podObjects(t, "it-gc-dead"); n == 0 {
		t.Fatal("gc --dry-run removed something")
	}
	r := podrun(t, "", "gc")
	if r.code != 0 || !strings.Contains(r.stdout, "it-gc-dead/") {
		t.Fatalf("gc: %s", r)
	}
	if strings.Contains(r.stdout, "it-gc-live") {
		t.Errorf("gc removed a run whose podrun is alive: %s", r)
	}
	if n := podObjects(t, "it-gc-dead"); n != 0 {
		t.Errorf("gc left %d objects of the dead run:\n%s", n, leftovers(""))
	}
	if n := podObjects(t, "it-gc-live"); n == 0 {
		t.Error("gc removed the live run's objects")
	}
}

func TestIntegrationGCLeavesKeptPods(t *testing.T) {
	t.Parallel()
	const pod = `
apiVersion: v1
kind: Pod
metadata: {name: it-gc-kept}
spec:
  restartPolicy: Never
  containers: [{name: app, image: podrun/busybox:local, command: [echo, done]}]
`
	r := podrun(t, "", "run", "--keep", writeManifest(t, "kept.yaml", pod))
	if r.code != 0 {
		t.Fatalf("run --keep: %s", r)
	}
	t.Cleanup(func() { podrun(t, "", "down", "it-gc-kept") })
	// Its podrun has exited, but --keep asked for its objects to stay.
	if g := podrun(t, "", "gc"); g.code != 0 || strings.Contains(g.stdout, "it-gc-kept") {
		t.Fatalf("gc touched a kept pod: %s", g)
	}
	if n := podObjects(t, "it-gc-kept"); n == 0 {
		t.Fatal("gc removed a kept pod")
	}
	if d := podrun(t, "", "down", "it-gc-kept"); d.code != 0 || podObjects(t, "it-gc-kept") != 0 {
		t.Fatalf("down of the kept pod: %s", d)
	}
}
