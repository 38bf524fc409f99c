//go:build integration

package integration

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// started runs podrun in the background and returns once a stdout line contains marker; the
// rest of stdout keeps being collected. The marker is the synchronisation: no sleeps.
type started struct {
	cmd    *exec.Cmd
	mu     sync.Mutex
	output strings.Builder
	seen   map[string]chan struct{} // markers waited for, closed when a line contains them
	done   chan struct{}
}

func startUntil(t *testing.T, marker string, args ...string) *started {
	t.Helper()
	cmd := exec.Command(podrunBin, args...)
	cmd.Dir = repoRoot
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &started{cmd: cmd, done: make(chan struct{}), seen: map[string]chan struct{}{}}
	go func() { // ends when podrun closes stdout; wait joins it
		defer close(s.done)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			s.mu.Lock()
			s.output.WriteString(sc.Text() + "\n")
			for m, ch := range s.seen {
				if strings.Contains(sc.Text(), m) {
					close(ch)
					delete(s.seen, m)
				}
			}
			s.mu.Unlock()
		}
		_, _ = io.Copy(io.Discard, stdout)
	}()
	if !s.waitFor(marker) {
		_ = cmd.Process.Kill()
		t.Fatalf("podrun never printed %q; stderr:\n%s", marker, stderr.String())
	}
	return s
}

// waitFor reports whether a line containing marker appears (before podrun ends or 2 minutes).
func (s *started) waitFor(marker string) bool {
	s.mu.Lock()
	if strings.Contains(s.output.String(), marker) {
		s.mu.Unlock()
		return true
	}
	ch := make(chan struct{})
	s.seen[marker] = ch
	s.mu.Unlock()
	select {
	case <-ch:
		return true
	case <-s.done:
		return strings.Contains(s.output.String(), marker)
	case <-time.After(2 * time.Minute):
		return false
	}
}

func (s *started) waitLine(t *testing.T, marker string) {
	t.Helper()
	if !s.waitFor(marker) {
		t.Fatalf("podrun never printed %q:\n%s", marker, s.output.String())
	}
}

// wait returns podrun's exit code and its whole stdout.
func (s *started) wait(t *testing.T) (int, string) {
	t.Helper()
	<-s.done
	err := s.cmd.Wait()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, s.output.String()
}

const trapPod = `
apiVersion: v1
kind: Pod
metadata: {name: %s}
spec:
  restartPolicy: Always
  terminationGracePeriodSeconds: 10
  containers:
  - name: app
    image: podrun/busybox:local
    command: [sh, -c, "trap 'echo got TERM; exit 0' TERM; echo ready; sleep 3600 & wait"]
`

func TestIntegrationCtrlCStopsGracefullyAndLeavesNothing(t *testing.T) {
	t.Parallel()
	path := writeManifest(t, "p.yaml", strings.Replace(trapPod, "%s", "it-ctrlc", 1))
	s := startUntil(t, "ready", "run", path)
	if err := s.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	code, out := s.wait(t)
	if code != 130 {
		t.Errorf("exit after Ctrl-C: want 130, got %d\n%s", code, out)
	}
	if !strings.Contains(out, "got TERM") {
		t.Errorf("the container was not sent SIGTERM before being removed:\n%s", out)
	}
	if n := podObjects(t, "it-ctrlc"); n != 0 {
		t.Errorf("Ctrl-C left %d objects:\n%s", n, leftovers(""))
	}
}

func TestIntegrationTimeoutExits124(t *testing.T) {
	t.Parallel()
	path := writeManifest(t, "p.yaml", strings.Replace(trapPod, "%s", "it-timeout", 1))
	r := podrun(t, "", "run", "--timeout", "3s", path)
	if r.code != 124 {
		t.Fatalf("want exit 124, got %s", r)
	}
	if !strings.Contains(r.stdout, "got TERM") {
		t.Errorf("timeout did not stop the pod gracefully:\n%s", r)
	}
	if n := podObjects(t, "it-timeout"); n != 0 {
		t.Errorf("timeout left %d objects", n)
	}
}

func TestIntegrationRefusedInputCreatesNothing(t *testing.T) {
	t.Parallel()
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-refused}
spec:
  containers:
  - name: app
    image: podrun/busybox:local
    imagePullPolcy: Never
  - name: app
    image: ""
`
	path := writeManifest(t, "refused.yaml", manifest)
	r := podrun(t, "", "run", path)
	if r.code != 2 {
		t.Fatalf("want exit 2, got %s", r)
	}
	for _, want := range []string{"refused.yaml:9", "spec.containers[0].imagePullPolcy"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("error lacks %q:\n%s", want, r.stderr)
		}
	}
	if n := podObjects(t, "it-refused"); n != 0 {
		t.Errorf("refused input created %d objects", n)
	}
}

func TestIntegrationDryRunTouchesNothing(t *testing.T) {
	t.Parallel()
	// A pod name no other test uses, so that "nothing created" cannot be hidden by another run.
	example, err := os.ReadFile(filepath.Join(repoRoot, "examples", "sidecar-http.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	path := writeManifest(t, "dry.yaml", strings.Replace(string(example), "name: sidecar-http\n", "name: it-dry-run\n", 1))
	r := podrun(t, "", "run", "--dry-run", path)
	if r.code != 0 {
		t.Fatalf("dry run: %s", r)
	}
	for _, want := range []string{"podrun_POD_it-dry-run", "container:podrun_POD_it-dry-run"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("plan lacks %q:\n%s", want, r.stdout)
		}
	}
	if n := podObjects(t, "it-dry-run"); n != 0 {
		t.Errorf("dry run created %d objects", n)
	}
}

func TestIntegrationStdinManifest(t *testing.T) {
	t.Parallel()
	const manifest = `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"it-stdin"},
"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"podrun/busybox:local","command":["echo","from stdin"]}]}}`
	r := podrun(t, manifest, "run", "-")
	if r.code != 0 || !strings.Contains(r.stdout, "c | from stdin") {
		t.Fatalf("want exit 0 and the line, got %s", r)
	}
}

func TestIntegrationKeepThenDown(t *testing.T) {
	t.Parallel()
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-keep}
spec:
  restartPolicy: Never
  containers:
  - {name: c, image: podrun/busybox:local, command: [echo, kept]}
`
	path := writeManifest(t, "keep.yaml", manifest)
	r := podrun(t, "", "run", "--keep", path)
	if r.code != 0 {
		t.Fatalf("run --keep: %s", r)
	}
	if n := podObjects(t, "it-keep"); n == 0 {
		t.Fatalf("--keep kept nothing")
	}
	logs := podrun(t, "", "logs", "it-keep", "c")
	if logs.code != 0 || !strings.Contains(logs.stdout, "kept") {
		t.Errorf("logs of a kept pod: %s", logs)
	}
	d := podrun(t, "", "down", "it-keep")
	if d.code != 0 {
		t.Fatalf("down: %s", d)
	}
	if n := podObjects(t, "it-keep"); n != 0 {
		t.Errorf("down left %d objects", n)
	}
}

func TestIntegrationDetachedPod(t *testing.T) {
	t.Parallel()
	path := writeManifest(t, "p.yaml", strings.Replace(trapPod, "%s", "it-detach", 1))
	r := podrun(t, "", "run", "-d", path)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "it-detach" {
		t.Fatalf("run -d: want the pod's name, got %s", r)
	}
	t.Cleanup(func() { podrun(t, "", "down", "it-detach") })
	ps := podrun(t, "", "ps")
	if !strings.Contains(ps.stdout, "it-detach") {
		t.Errorf("ps does not list the detached pod:\n%s", ps)
	}
	get := podrun(t, "", "get", "it-detach", "-o", "json")
	if get.code != 0 || !strings.Contains(get.stdout, `"phase": "Running"`) {
		t.Errorf("get -o json: want phase Running, got %s", get)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	logs := exec.CommandContext(ctx, podrunBin, "logs", "it-detach", "app")
	out, err := logs.Output()
	if err != nil || !strings.Contains(string(out), "ready") {
		t.Errorf("logs: %v %s", err, out)
	}
	d := podrun(t, "", "down", "it-detach")
	if d.code != 0 {
		t.Fatalf("down: %s", d)
	}
	if n := podObjects(t, "it-detach"); n != 0 {
		t.Errorf("down left %d objects:\n%s", n, leftovers(""))
	}
}

func TestIntegrationSecondCtrlCForces(t *testing.T) {
	t.Parallel()
	// The container ignores SIGTERM and the grace period is long: only the second Ctrl-C ends
	// the run soon, by killing; teardown still removes everything.
	const manifest = `
apiVersion: v1
kind: Pod
metadata: {name: it-force}
spec:
  terminationGracePeriodSeconds: 120
  containers:
  - name: stubborn
    image: podrun/busybox:local
    command: [sh, -c, "trap 'echo ignoring TERM' TERM; echo ready; while true; do sleep 1; done"]
`
	path := writeManifest(t, "p.yaml", manifest)
	s := startUntil(t, "ready", "run", path)
	if err := s.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	// The container reporting SIGTERM is the event that says the graceful stop has begun.
	s.waitLine(t, "ignoring TERM")
	start := time.Now()
	if err := s.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	code, out := s.wait(t)
	if code != 130 {
		t.Errorf("exit after two Ctrl-C: want 130, got %d\n%s", code, out)
	}
	if took := time.Since(start); took > 60*time.Second {
		t.Errorf("the second Ctrl-C did not force the stop: podrun took %s more", took)
	}
	if n := podObjects(t, "it-force"); n != 0 {
		t.Errorf("forced stop left %d objects:\n%s", n, leftovers(""))
	}
}
