//go:build integration

package integration

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// podrunWithEnv runs the binary to completion with the given stdin (may be empty) and the
// environment changed: vars are "KEY=value" to set, or "KEY" to remove.
func podrunWithEnv(t *testing.T, vars []string, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, podrunBin, args...)
	cmd.Dir = repoRoot
	cmd.Env = withEnv(os.Environ(), vars...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("podrun %v: %v", args, err)
		}
		code = ee.ExitCode()
	}
	return result{code: code, stdout: out.String(), stderr: errb.String()}
}

func withEnv(base []string, vars ...string) []string {
	out := make([]string, 0, len(base)+len(vars))
	drop := map[string]bool{}
	for _, v := range vars {
		k, _, _ := strings.Cut(v, "=")
		drop[k] = true
	}
	for _, kv := range base {
		k, _, _ := strings.Cut(kv, "=")
		if !drop[k] {
			out = append(out, kv)
		}
	}
	for _, v := range vars {
		if strings.Contains(v, "=") {
			out = append(out, v)
		}
	}
	return out
}

// foreground is a `podrun run` in progress, whose stdout the test reads line by line.
type foreground struct {
	cmd    *exec.Cmd
	lines  chan string
	stderr bytes.Buffer
}

// startForeground starts `podrun run` and returns once a stdout line contains want: the pod's
// own output says it is running, no sleep needed.
func startForeground(t *testing.T, want string, args ...string) *foreground {
	t.Helper()
	f := &foreground{cmd: exec.Command(podrunBin, append([]string{"run"}, args...)...), lines: make(chan string, 1000)}
	f.cmd.Dir = repoRoot
	f.cmd.Stderr = &f.stderr
	out, err := f.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(f.lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			f.lines <- sc.Text()
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	timeout := time.After(time.Minute)
	for {
		select {
		case l, ok := <-f.lines:
			if !ok {
				_ = f.cmd.Wait()
				t.Fatalf("podrun run ended before printing %q; stderr:\n%s", want, f.stderr.String())
			}
			if strings.Contains(l, want) {
				return f
			}
		case <-timeout:
			_ = f.cmd.Process.Kill()
			t.Fatalf("podrun run did not print %q within a minute; stderr:\n%s", want, f.stderr.String())
		}
	}
}

// runDetachedPod starts a pod with `podrun run -d` and ends it with `podrun down` when the test
// ends, checking that nothing of it remains.
func runDetachedPod(t *testing.T, pod, manifest string) {
	t.Helper()
	path := writeManifest(t, pod+".yaml", manifest)
	r := podrun(t, "", "run", "-d", path)
	if r.code != 0 || strings.TrimSpace(r.stdout) != pod {
		t.Fatalf("run -d %s: want exit 0 and the pod's name, got %s", pod, r)
	}
	t.Cleanup(func() {
		if d := podrun(t, "", "down", pod); d.code != 0 {
			t.Errorf("down %s: %s", pod, d)
		}
		if n := podObjects(t, pod); n != 0 {
			t.Errorf("pod %s left %d objects after down:\n%s", pod, n, leftovers(""))
		}
	})
}

// freeTCPPort is a port nothing listens on now.
func freeTCPPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
