//go:build integration

package integration

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// §5 from inside the pod: podrun (a static build, as the suite's) copies itself into the
// sandbox and sends httpGet probes from the pod's network namespace to the pod IP, so they work
// where the host cannot reach the pod (Docker Desktop, remote engines). On a local Linux engine
// the host can reach it too, so the proof is the request's source address, logged by the
// server: from inside the pod it is the pod IP itself; from the host it would be the bridge's
// gateway. The probe names no host, so it goes to the pod IP, as the kubelet's does.
func TestIntegrationHTTPProbeLeavesFromInsideThePod(t *testing.T) {
	t.Parallel()
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-probe-inside}
spec:
  restartPolicy: Never
  terminationGracePeriodSeconds: 1
  containers:
  - name: web
    image: podrun/busybox:local
    command: [sh, -c, "echo pod-ip $(hostname -i); mkdir -p /www; echo ok > /www/ready; httpd -f -vv -p 8080 -h /www & sleep 3; kill %1"]
    readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 1}
`
	r := expectRun(t, "it-probe-inside", manifest, 0, "--timeline")
	out := stripPad(r.stdout + r.stderr)
	podIP := regexp.MustCompile(`web \| pod-ip (\S+)`).FindStringSubmatch(out)
	sources := regexp.MustCompile(`web ! \[(?:::ffff:)?([0-9.]+)\]:\d+: url:/ready`).FindAllStringSubmatch(out, -1)
	if podIP == nil || len(sources) == 0 {
		t.Fatalf("no pod IP or no probe request in the output:\n%s", r)
	}
	for _, s := range sources {
		if s[1] != podIP[1] {
			t.Errorf("a probe came from %s, not from inside the pod (%s)", s[1], podIP[1])
		}
	}
	if !strings.Contains(r.stderr, "ready: readiness probe succeeded") || strings.Contains(r.stderr, "ProbeFromHost") {
		t.Errorf("want the pod ready through the in-pod probe, without a fallback to the host:\n%s", r.stderr)
	}
}

// `podrun run -d --wait-ready` returns once the pod is Ready — here only after web's readiness
// probe passed (it serves after two seconds) and after a container crashed once and was
// restarted — and `podrun get -o json` shows the runner's view: ready and started, the restart
// count, the last state's exit code and termination message.
func TestIntegrationDetachedWaitReadyAndGetShowsProbesAndRestarts(t *testing.T) {
	t.Parallel()
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-wait-ready}
spec:
  terminationGracePeriodSeconds: 1
  volumes: [{name: rec, emptyDir: {}}]
  containers:
  - name: web
    image: podrun/busybox:local
    command: [sh, -c, "sleep 2; mkdir -p /www; echo ok > /www/ready; exec httpd -f -p 8080 -h /www"]
    readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 1}
    startupProbe: {tcpSocket: {port: 8080}, periodSeconds: 1, failureThreshold: 30}
  - name: flaky
    image: podrun/busybox:local
    command: [sh, -c, "if [ -f /rec/once ]; then exec sleep 3600; fi; touch /rec/once; echo bye > /dev/termination-log; exit 3"]
    volumeMounts: [{name: rec, mountPath: /rec}]
`
	start := time.Now()
	runDetached(t, "it-wait-ready", manifest, "--wait-ready")
	if d := time.Since(start); d < 2*time.Second {
		t.Errorf("run -d --wait-ready returned after %s, before web could be ready", d)
	}
	p := getPod(t, "it-wait-ready")
	if c := condition(&p, "Ready"); c == nil || c.Status != "True" {
		t.Errorf("pod not Ready when run -d --wait-ready returned: %+v", p.Status.Conditions)
	}
	web := containerStatus(p.Status.ContainerStatuses, "web")
	if web == nil || !web.Ready || web.Started == nil || !*web.Started {
		t.Errorf("web: %+v; want ready and started (its probes' results)", web)
	}
	flaky := containerStatus(p.Status.ContainerStatuses, "flaky")
	if flaky == nil || flaky.RestartCount != 1 || flaky.LastTerminationState.Terminated == nil ||
		flaky.LastTerminationState.Terminated.ExitCode != 3 || flaky.LastTerminationState.Terminated.Message != "bye\n" {
		t.Errorf("flaky: %+v; want 1 restart, the last state exit 3 with the message bye", flaky)
	}
}

// A detached Flyte task: the owner runs the pod its parent planned (the name printed is the
// task's pod), with the parent's inputs, and writes the outputs into --outputs-dir at the end.
func TestIntegrationDetachedFlyteTask(t *testing.T) {
	t.Parallel()
	script := `sleep 2; echo "n={{.Inputs.n}}"; ` + writeOutputsPB
	task := writeManifest(t, "task.json", flyteTask(script,
		`"variables": {"n": {"type": {"simple": "INTEGER"}}}`, `"variables": {"o0": {"type": {"simple": "STRING"}}}`))
	outDir := filepath.Join(t.TempDir(), "out")
	// --outputs-dir relative to the working directory, which the owner must not depend on.
	r := podrunIn(t, filepath.Dir(outDir), "run", "-d", "--input", "n=42", "--outputs-dir", "out", task)
	pod := strings.TrimSpace(r.stdout)
	if r.code != 0 || pod == "" {
		t.Fatalf("run -d on a Flyte task: %s", r)
	}
	if p := getPod(t, pod); p.Labels["execution-id"] == "" || !strings.HasPrefix(pod, p.Labels["execution-id"]) {
		t.Errorf("the printed name %s is not the owner's task pod (labels %v)", pod, p.Labels)
	}
	deadline := time.Now().Add(time.Minute)
	for {
		got, err := os.ReadFile(filepath.Join(outDir, "outputs.json"))
		if err == nil && strings.Contains(string(got), `"o0": "hello"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the owner never wrote outputs.json into --outputs-dir (%v, %q)", err, got)
		}
		time.Sleep(200 * time.Millisecond)
	}
	for time.Now().Before(deadline) && podObjects(t, pod) > 0 {
		time.Sleep(200 * time.Millisecond)
	}
	if n := podObjects(t, pod); n != 0 {
		t.Errorf("the finished task left %d objects:\n%s", n, leftovers(""))
	}
}

// podrunIn runs podrun to completion in directory dir.
func podrunIn(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(podrunBin, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("podrun %v: %v", args, err)
	}
	return result{code: cmd.ProcessState.ExitCode(), stdout: out.String(), stderr: errb.String()}
}
