//go:build integration

package integration

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// expectRun runs a manifest in the foreground and checks the exit code, then that the run left
// nothing behind.
func expectRun(t *testing.T, pod, manifest string, wantCode int, args ...string) result {
	t.Helper()
	path := writeManifest(t, pod+".yaml", manifest)
	r := podrun(t, "", append(append([]string{"run"}, args...), path)...)
	if r.code != wantCode {
		t.Fatalf("podrun run %s: want exit %d, got %s", pod, wantCode, r)
	}
	if n := podObjects(t, pod); n != 0 {
		t.Fatalf("pod %s left %d objects on the engine:\n%s", pod, n, leftovers(""))
	}
	return r
}

func TestIntegrationExamplesRun(t *testing.T) {
	t.Parallel()
	cases := []struct {
		file string
		want []string // lines that must appear on stdout
	}{
		{"sidecar-http.yaml", []string{"app | app got: hello from the sidecar"}},
		{"init-volume.yaml", []string{"report | step 1: fetched", "report | step 2: transformed", "report | sum of 1..5 is 15"}},
		{"fetcher-shipper.yaml", []string{"fetcher | fetched 3 records", "shipper | record 3 fetched at"}},
		{"labels-annotations.yaml", []string{
			"show | pod labels-annotations: shop by payments in demo, $(NOT_EXPANDED)",
			"show | mode=production token-length=12",
			"show | settings file: currency=EUR",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			r := podrun(t, "", "run", filepath.Join("examples", tc.file))
			if r.code != 0 {
				t.Fatalf("want exit 0, got %s", r)
			}
			for _, w := range tc.want {
				if !strings.Contains(stripPad(r.stdout), w) {
					t.Errorf("stdout lacks %q\n%s", w, r)
				}
			}
		})
	}
}

// stripPad folds the padding podrun puts after container names ("app    | x" → "app | x").
func stripPad(s string) string { return regexp.MustCompile(` +([|!]) `).ReplaceAllString(s, " $1 ") }

func TestIntegrationStartOrderRecordedByContainers(t *testing.T) {
	t.Parallel()
	// Every container appends its name to a shared file when it starts; the last app container
	// prints the file once the others are done. The kubelet's order: init-1, init-2 strictly in
	// turn, the native sidecar in its place (before init-3), then the app containers.
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-order}
spec:
  restartPolicy: Never
  terminationGracePeriodSeconds: 2
  volumes: [{name: rec, emptyDir: {}}]
  initContainers:
  - {name: init-1, image: podrun/busybox:local, command: [sh, -c, "sleep 0.3; echo init-1 >> /rec/order"], volumeMounts: [{name: rec, mountPath: /rec}]}
  - {name: init-2, image: podrun/busybox:local, command: [sh, -c, "echo init-2 >> /rec/order"], volumeMounts: [{name: rec, mountPath: /rec}]}
  - {name: side, image: podrun/busybox:local, restartPolicy: Always, command: [sh, -c, "echo side >> /rec/order; exec sleep 3600"], volumeMounts: [{name: rec, mountPath: /rec}]}
  - {name: init-3, image: podrun/busybox:local, command: [sh, -c, "echo init-3 >> /rec/order"], volumeMounts: [{name: rec, mountPath: /rec}]}
  containers:
  - {name: app-a, image: podrun/busybox:local, command: [sh, -c, "echo app-a >> /rec/order"], volumeMounts: [{name: rec, mountPath: /rec}]}
  - name: app-b
    image: podrun/busybox:local
    command: [sh, -c, "echo app-b >> /rec/order; for i in $(seq 1 400); do [ $(wc -l < /rec/order) -ge 6 ] && break; sleep 0.05; done; cat /rec/order"]
    volumeMounts: [{name: rec, mountPath: /rec}]
`
	r := expectRun(t, "it-order", manifest, 0)
	var order []string
	for _, l := range strings.Split(stripPad(r.stdout), "\n") {
		if v, ok := strings.CutPrefix(l, "app-b | "); ok {
			order = append(order, v)
		}
	}
	if len(order) != 6 {
		t.Fatalf("want 6 recorded starts, got %v\n%s", order, r)
	}
	if got := strings.Join(order[:4], ","); got != "init-1,init-2,side,init-3" {
		t.Errorf("init order: want init-1,init-2,side,init-3, got %s", got)
	}
	apps := order[4:]
	if !(contains(apps, "app-a") && contains(apps, "app-b")) {
		t.Errorf("app containers after init: got %v", apps)
	}
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func TestIntegrationExitCodeOfFailingContainer(t *testing.T) {
	t.Parallel()
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-exit}
spec:
  restartPolicy: Never
  containers:
  - {name: ok, image: podrun/busybox:local, command: [sh, -c, "exit 0"]}
  - {name: bad, image: podrun/busybox:local, command: [sh, -c, "echo failing >&2; exit 3"]}
`
	r := expectRun(t, "it-exit", manifest, 3)
	if !strings.Contains(stripPad(r.stdout), "bad ! failing") {
		t.Errorf("stderr line of bad not marked on stdout:\n%s", r)
	}
}

func TestIntegrationInitFailureUnderNeverStartsNoApp(t *testing.T) {
	t.Parallel()
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-initfail}
spec:
  restartPolicy: Never
  initContainers:
  - {name: setup, image: podrun/busybox:local, command: [sh, -c, "echo setting up; exit 7"]}
  containers:
  - {name: app, image: podrun/busybox:local, command: [sh, -c, "echo app ran"]}
`
	statusFile := filepath.Join(t.TempDir(), "status.json")
	r := expectRun(t, "it-initfail", manifest, 7, "--status-file", statusFile)
	if strings.Contains(r.stdout, "app ran") {
		t.Fatalf("app container ran after a failed init container:\n%s", r)
	}
	pod := readStatus(t, statusFile)
	if pod.Status.Phase != corev1.PodFailed {
		t.Errorf("phase: want Failed, got %q", pod.Status.Phase)
	}
	if len(pod.Status.InitContainerStatuses) != 1 || pod.Status.InitContainerStatuses[0].State.Terminated == nil ||
		pod.Status.InitContainerStatuses[0].State.Terminated.ExitCode != 7 {
		t.Errorf("init status: want terminated with 7, got %+v", pod.Status.InitContainerStatuses)
	}
	for _, cs := range pod.Status.ContainerStatuses {
		if cs.State.Running != nil || cs.State.Terminated != nil {
			t.Errorf("app container %s has state %+v; it must never have run", cs.Name, cs.State)
		}
	}
}

func readStatus(t *testing.T, path string) corev1.Pod {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("status file: %v", err)
	}
	var pod corev1.Pod
	if err := json.Unmarshal(data, &pod); err != nil {
		t.Fatalf("status file: %v\n%s", err, data)
	}
	if pod.Kind != "Pod" || pod.APIVersion != "v1" {
		t.Errorf("status file is not a v1 Pod object: kind %q apiVersion %q", pod.Kind, pod.APIVersion)
	}
	return pod
}

func TestIntegrationOnFailureRestartsUntilSuccess(t *testing.T) {
	t.Parallel()
	// The container fails on its first run and succeeds on its second; the emptyDir survives the
	// restart, as the kubelet keeps it for the pod's life. The first restart is immediate (§2.2).
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-onfailure}
spec:
  restartPolicy: OnFailure
  volumes: [{name: state, emptyDir: {}}]
  containers:
  - name: flaky
    image: podrun/busybox:local
    command: [sh, -c, "if [ -f /state/ran ]; then echo second run; exit 0; fi; touch /state/ran; echo first run; exit 1"]
    volumeMounts: [{name: state, mountPath: /state}]
`
	statusFile := filepath.Join(t.TempDir(), "status.json")
	r := expectRun(t, "it-onfailure", manifest, 0, "--status-file", statusFile)
	out := stripPad(r.stdout)
	if !strings.Contains(out, "flaky | first run") || !strings.Contains(out, "flaky | second run") {
		t.Fatalf("want both runs' output:\n%s", r)
	}
	pod := readStatus(t, statusFile)
	if pod.Status.Phase != corev1.PodSucceeded {
		t.Errorf("phase: want Succeeded, got %q", pod.Status.Phase)
	}
	if len(pod.Status.ContainerStatuses) != 1 || pod.Status.ContainerStatuses[0].RestartCount != 1 {
		t.Errorf("want restartCount 1, got %+v", pod.Status.ContainerStatuses)
	}
}
