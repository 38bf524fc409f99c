//go:build integration

package integration

import (
	"path/filepath"
	"strings"
	"testing"
)

// Pitfall 2 / §1.3: the init container after a native sidecar starts only once the sidecar's
// startup probe (here an httpGet from podrun, at the pod IP) succeeded — not when it runs. The
// sidecar serves /ready only after a second; the containers record the order themselves.
func TestIntegrationSidecarStartupProbeGatesNextInit(t *testing.T) {
	t.Parallel()
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-startup-gate}
spec:
  restartPolicy: Never
  terminationGracePeriodSeconds: 2
  volumes: [{name: rec, emptyDir: {}}]
  initContainers:
  - name: side
    image: podrun/busybox:local
    restartPolicy: Always
    command: [sh, -c, "mkdir -p /www; sleep 1; echo side-ready >> /rec/order; echo ok > /www/ready; exec httpd -f -p 8080 -h /www"]
    startupProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 1, failureThreshold: 30}
    lifecycle: {postStart: {exec: {command: [sh, -c, "echo side-poststart >> /rec/order"]}}}
    volumeMounts: [{name: rec, mountPath: /rec}]
  - {name: after, image: podrun/busybox:local, command: [sh, -c, "echo after >> /rec/order"], volumeMounts: [{name: rec, mountPath: /rec}]}
  containers:
  - {name: app, image: podrun/busybox:local, command: [sh, -c, "cat /rec/order"], volumeMounts: [{name: rec, mountPath: /rec}]}
`
	r := expectRun(t, "it-startup-gate", manifest, 0, "--timeline")
	var order []string
	for _, l := range strings.Split(stripPad(r.stdout), "\n") {
		if v, ok := strings.CutPrefix(l, "app | "); ok {
			order = append(order, v)
		}
	}
	if len(order) != 3 || order[2] != "after" || !contains(order, "side-ready") || !contains(order, "side-poststart") {
		t.Fatalf("want side-ready and side-poststart before after, got %v\n%s", order, r)
	}
	if !strings.Contains(r.stderr, "timeline:") || !strings.Contains(r.stderr, "PostStartHookDone") || !strings.Contains(r.stderr, "started: startup probe succeeded") {
		t.Errorf("the timeline lacks the hook or the probe:\n%s", r.stderr)
	}
}

// §5, §2.1, §4.5, §3.4: a liveness failure runs preStop, kills and restarts the container (even
// under OnFailure); the second instance's termination message reaches the status.
func TestIntegrationLivenessRestartPreStopAndTerminationMessage(t *testing.T) {
	t.Parallel()
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-liveness}
spec:
  restartPolicy: OnFailure
  terminationGracePeriodSeconds: 5
  volumes: [{name: rec, emptyDir: {}}]
  containers:
  - name: web
    image: podrun/busybox:local
    command: [sh, -c, "echo start >> /rec/log; if [ $(grep -c start /rec/log) -ge 2 ]; then cat /rec/log > /dev/termination-log; exit 0; fi; exec sleep 3600"]
    livenessProbe: {exec: {command: [sh, -c, "[ $(grep -c start /rec/log) -ge 2 ]"]}, initialDelaySeconds: 1, periodSeconds: 1, failureThreshold: 1}
    lifecycle: {preStop: {exec: {command: [sh, -c, "echo prestop >> /rec/log"]}}}
    volumeMounts: [{name: rec, mountPath: /rec}]
`
	status := filepath.Join(t.TempDir(), "status.json")
	r := expectRun(t, "it-liveness", manifest, 0, "--status-file", status)
	pod := readStatus(t, status)
	for _, cs := range pod.Status.ContainerStatuses {
		switch cs.Name {
		case "web":
			if cs.RestartCount != 1 || cs.State.Terminated == nil || cs.State.Terminated.Message != "start\nprestop\nstart\n" {
				t.Errorf("web: restarts %d, state %+v; want 1 restart and the message start,prestop,start\n%s", cs.RestartCount, cs.State, r)
			}
		}
	}
}

// Pitfall 14 / §3.4: FallbackToLogsOnError takes the log's tail on a failure with no message.
func TestIntegrationTerminationMessageFallbackToLogs(t *testing.T) {
	t.Parallel()
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-fallback}
spec:
  restartPolicy: Never
  containers:
  - {name: job, image: podrun/busybox:local, terminationMessagePolicy: FallbackToLogsOnError, command: [sh, -c, "echo last words; exit 3"]}
`
	status := filepath.Join(t.TempDir(), "status.json")
	expectRun(t, "it-fallback", manifest, 3, "--status-file", status)
	cs := readStatus(t, status).Status.ContainerStatuses[0]
	if cs.State.Terminated == nil || cs.State.Terminated.Message != "last words\n" {
		t.Errorf("job: state %+v; want the log tail as message", cs.State)
	}
}
