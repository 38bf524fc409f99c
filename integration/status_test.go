//go:build integration

package integration

import (
	"net"
	"path/filepath"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// Pod status like kubectl's (issue point 11, kubelet-semantics §3): `podrun get POD -o json` on
// a running pod, and --status-file for a finished one.

func condition(p *corev1.Pod, typ corev1.PodConditionType) *corev1.PodCondition {
	for i := range p.Status.Conditions {
		if p.Status.Conditions[i].Type == typ {
			return &p.Status.Conditions[i]
		}
	}
	return nil
}

func TestIntegrationGetRunningPodStatus(t *testing.T) {
	t.Parallel()
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-status}
spec:
  terminationGracePeriodSeconds: 2
  initContainers:
  - {name: setup, image: podrun/busybox:local, command: [sh, -c, "echo set up"]}
  - {name: side, image: podrun/busybox:local, restartPolicy: Always, command: [sh, -c, "trap 'exit 0' TERM; sleep 3600 & wait"]}
  containers:
  - name: app
    image: podrun/busybox:local
    command: [sh, -c, "echo ip=$(ip -4 addr show eth0 | sed -n 's/.*inet \\([0-9.]*\\)\\/.*/\\1/p'); trap 'exit 0' TERM; sleep 3600 & wait"]
`
	runDetached(t, "it-status", manifest)
	p := waitPod(t, "it-status", "ready", func(p *corev1.Pod) bool {
		c := condition(p, corev1.ContainersReady)
		return c != nil && c.Status == corev1.ConditionTrue
	})
	if p.Kind != "Pod" || p.APIVersion != "v1" || p.Name != "it-status" {
		t.Errorf("not the pod as a v1 Pod object: %s %s %s", p.APIVersion, p.Kind, p.Name)
	}
	if p.Status.Phase != corev1.PodRunning {
		t.Errorf("phase: want Running, got %q", p.Status.Phase)
	}
	for _, typ := range []corev1.PodConditionType{corev1.PodScheduled, corev1.PodInitialized, corev1.ContainersReady, corev1.PodReady} {
		if c := condition(&p, typ); c == nil || c.Status != corev1.ConditionTrue {
			t.Errorf("condition %s: want True, got %+v", typ, c)
		}
	}

	setup := containerStatus(p.Status.InitContainerStatuses, "setup")
	if setup == nil || setup.State.Terminated == nil || setup.State.Terminated.Reason != "Completed" ||
		setup.State.Terminated.ExitCode != 0 || !setup.Ready {
		t.Errorf("init container setup: want terminated Completed, exit 0, ready; got %+v", setup)
	}
	side := containerStatus(p.Status.InitContainerStatuses, "side")
	if side == nil || side.State.Running == nil || !side.Ready || side.Started == nil || !*side.Started {
		t.Errorf("native sidecar side: want running, started, ready; got %+v", side)
	}
	app := containerStatus(p.Status.ContainerStatuses, "app")
	if app == nil || app.State.Running == nil || !app.Ready || app.Started == nil || !*app.Started || app.RestartCount != 0 {
		t.Errorf("app: want running, started, ready, restartCount 0; got %+v", app)
	}
	if app != nil && !strings.HasPrefix(app.ContainerID, "docker://") {
		t.Errorf("app containerID: want docker://…, got %q", app.ContainerID)
	}
	if p.Status.QOSClass != corev1.PodQOSBestEffort {
		t.Errorf("qosClass: want BestEffort, got %q", p.Status.QOSClass)
	}

	// The podIP is the address the containers have.
	if net.ParseIP(p.Status.PodIP) == nil {
		t.Fatalf("podIP %q is not an IP address", p.Status.PodIP)
	}
	logs := podrun(t, "", "logs", "it-status", "app")
	if want := "ip=" + p.Status.PodIP; !strings.Contains(logs.stdout, want) {
		t.Errorf("podIP %s, but the app container sees:\n%s", p.Status.PodIP, logs)
	}
}

func TestIntegrationStatusFileOfSucceededPod(t *testing.T) {
	t.Parallel()
	// A pod whose containers all exited 0 under Never: Succeeded; Ready and ContainersReady
	// False with reason PodCompleted (§3.2); every container terminated Completed.
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-succeeded}
spec:
  restartPolicy: Never
  initContainers:
  - {name: setup, image: podrun/busybox:local, command: ["true"]}
  containers:
  - {name: a, image: podrun/busybox:local, command: ["true"]}
  - {name: b, image: podrun/busybox:local, command: ["true"]}
`
	statusFile := filepath.Join(t.TempDir(), "status.json")
	expectRun(t, "it-succeeded", manifest, 0, "--status-file", statusFile)
	p := readStatus(t, statusFile)
	if p.Status.Phase != corev1.PodSucceeded {
		t.Errorf("phase: want Succeeded, got %q", p.Status.Phase)
	}
	for _, typ := range []corev1.PodConditionType{corev1.ContainersReady, corev1.PodReady} {
		if c := condition(&p, typ); c == nil || c.Status != corev1.ConditionFalse || c.Reason != "PodCompleted" {
			t.Errorf("condition %s: want False with reason PodCompleted, got %+v", typ, c)
		}
	}
	if c := condition(&p, corev1.PodInitialized); c == nil || c.Status != corev1.ConditionTrue {
		t.Errorf("condition Initialized: want True, got %+v", c)
	}
	all := append(append([]corev1.ContainerStatus{}, p.Status.InitContainerStatuses...), p.Status.ContainerStatuses...)
	if len(all) != 3 {
		t.Fatalf("want 3 container statuses, got %d", len(all))
	}
	for _, cs := range all {
		if cs.State.Terminated == nil || cs.State.Terminated.Reason != "Completed" || cs.State.Terminated.ExitCode != 0 {
			t.Errorf("%s: want terminated Completed exit 0, got %+v", cs.Name, cs.State)
		}
	}
}

func TestIntegrationTerminationMessage(t *testing.T) {
	t.Parallel()
	// §3.4: the message is what the container wrote to terminationMessagePath; with
	// FallbackToLogsOnError and nothing written, a failed container's last log lines.
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-termmsg}
spec:
  restartPolicy: Never
  containers:
  - {name: file, image: podrun/busybox:local, command: [sh, -c, "printf 'all done' > /dev/termination-log"]}
  - name: custom
    image: podrun/busybox:local
    terminationMessagePath: /tmp/why
    command: [sh, -c, "printf 'custom path' > /tmp/why"]
  - name: fallback
    image: podrun/busybox:local
    terminationMessagePolicy: FallbackToLogsOnError
    command: [sh, -c, "echo first line; echo last words; exit 3"]
`
	statusFile := filepath.Join(t.TempDir(), "status.json")
	expectRun(t, "it-termmsg", manifest, 3, "--status-file", statusFile)
	p := readStatus(t, statusFile)
	for name, want := range map[string]string{"file": "all done", "custom": "custom path", "fallback": "first line\nlast words\n"} {
		cs := containerStatus(p.Status.ContainerStatuses, name)
		if cs == nil || cs.State.Terminated == nil {
			t.Errorf("%s: not terminated: %+v", name, cs)
			continue
		}
		if got := cs.State.Terminated.Message; got != want {
			t.Errorf("%s: termination message %q, want %q", name, got, want)
		}
	}
}
