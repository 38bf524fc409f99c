//go:build integration

package integration

import (
	"context"
	"encoding/json"
	"net"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Helpers for tests that observe a pod from inside its containers (they print what they see)
// or from outside (podrun get, logs, the host's network).

// linesOf returns what container ctr printed, stdout and stderr lines alike, in order.
func linesOf(r result, ctr string) []string {
	var out []string
	for _, l := range strings.Split(stripPad(r.stdout), "\n") {
		if v, ok := strings.CutPrefix(l, ctr+" | "); ok {
			out = append(out, v)
		} else if v, ok := strings.CutPrefix(l, ctr+" ! "); ok {
			out = append(out, v)
		}
	}
	return out
}

// reported collects the "key=value" lines container ctr printed (the first value of a key wins).
func reported(r result, ctr string) map[string]string {
	kv := map[string]string{}
	for _, l := range linesOf(r, ctr) {
		if k, v, ok := strings.Cut(l, "="); ok {
			if _, seen := kv[k]; !seen {
				kv[k] = v
			}
		}
	}
	return kv
}

// expectReported checks the key=value lines a container printed.
func expectReported(t *testing.T, r result, ctr string, want map[string]string) {
	t.Helper()
	got := reported(r, ctr)
	for k, w := range want {
		if g, ok := got[k]; !ok {
			t.Errorf("%s did not report %s (want %q)", ctr, k, w)
		} else if g != w {
			t.Errorf("%s: %s = %q, want %q", ctr, k, g, w)
		}
	}
	if t.Failed() {
		t.Logf("output:\n%s", r)
	}
}

// runDetached starts a pod with `podrun run -d` and, at the end of the test, brings it down and
// checks that nothing of it remains.
func runDetached(t *testing.T, pod, manifest string, args ...string) {
	t.Helper()
	path := writeManifest(t, pod+".yaml", manifest)
	r := podrun(t, "", append(append([]string{"run", "-d"}, args...), path)...)
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

// getPod is `podrun get POD -o json`, decoded.
func getPod(t *testing.T, pod string) corev1.Pod {
	t.Helper()
	r := podrun(t, "", "get", pod, "-o", "json")
	if r.code != 0 {
		t.Fatalf("get %s: %s", pod, r)
	}
	var p corev1.Pod
	if err := json.Unmarshal([]byte(r.stdout), &p); err != nil {
		t.Fatalf("get %s -o json: %v\n%s", pod, err, r.stdout)
	}
	return p
}

// waitPod polls `podrun get` until cond holds. A detached pod is run by another process whose
// only outputs are its status and its containers' logs, so polling its status, bounded, is how
// the test observes it.
func waitPod(t *testing.T, pod, what string, cond func(*corev1.Pod) bool) corev1.Pod {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		p := getPod(t, pod)
		if cond(&p) {
			return p
		}
		if time.Now().After(deadline) {
			status, _ := json.MarshalIndent(p.Status, "", "  ")
			t.Fatalf("pod %s: never %s; last status:\n%s", pod, what, status)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func containerStatus(statuses []corev1.ContainerStatus, name string) *corev1.ContainerStatus {
	for i := range statuses {
		if statuses[i].Name == name {
			return &statuses[i]
		}
	}
	return nil
}

// freePort asks the kernel for a TCP port nobody listens on.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// cgroupVersion is the engine's cgroup version, "1" or "2".
func cgroupVersion(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	info, err := engine.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.CgroupVersion == "" {
		return "1" // engines before API 1.40 did not say, and had only v1
	}
	return info.CgroupVersion
}
