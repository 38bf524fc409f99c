//go:build integration

package integration

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// The same manifest ten times at once: an init container, a native sidecar on a pod-local port,
// a volume. Each run has its own names (the run id) and its own network namespace.
func TestIntegrationParallelRunsNeverCollide(t *testing.T) {
	t.Parallel()
	const n = 10
	results := make([]result, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = podrun(t, "", "run", "--output", "json", "examples/sidecar-http.yaml")
		}()
	}
	wg.Wait()
	runs := map[string]bool{}
	for i, r := range results {
		if r.code != 0 {
			t.Errorf("run %d: %s", i, r)
			continue
		}
		var start, last map[string]any
		sawPage := false
		sc := bufio.NewScanner(strings.NewReader(r.stdout))
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var ev map[string]any
			if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
				t.Fatalf("run %d: not JSON lines: %v\n%s", i, err, sc.Text())
			}
			if ev["type"] == "start" {
				start = ev
			}
			if ev["type"] == "log" && ev["container"] == "app" && ev["text"] == "app got: hello from the sidecar" {
				sawPage = true
			}
			last = ev
		}
		if start == nil || last["type"] != "result" || last["outcome"] != "succeeded" {
			t.Errorf("run %d: no start, or the last event is not a success: %v", i, last)
			continue
		}
		if !sawPage {
			t.Errorf("run %d: the app did not reach its own sidecar", i)
		}
		id := fmt.Sprint(start["run"])
		if runs[id] {
			t.Errorf("two runs share the id %s", id)
		}
		runs[id] = true
		if l := leftovers(id); l != "" {
			t.Errorf("run %s left:\n%s", id, l)
		}
	}
}

func TestIntegrationHostPortConflictIsRefusedBeforeAnythingStarts(t *testing.T) {
	t.Parallel()
	port := freePort(t)
	manifest := func(name string) string {
		return fmt.Sprintf(`
apiVersion: v1
kind: Pod
metadata: {name: %s}
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: web
    image: podrun/busybox:local
    command: [sh, -c, "trap 'exit 0' TERM; httpd -f -p 8080 & wait"]
    ports: [{containerPort: 8080, hostPort: %d}]
`, name, port)
	}
	runDetached(t, "it-port-first", manifest("it-port-first"))
	r := podrun(t, "", "run", writeManifest(t, "second.yaml", manifest("it-port-second")))
	if r.code != 125 {
		t.Fatalf("want exit 125, got %s", r)
	}
	for _, w := range []string{fmt.Sprintf("hostPort %d/tcp", port), "already published by pod it-port-first"} {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr lacks %q: %s", w, r)
		}
	}
	if n := podObjects(t, "it-port-second"); n != 0 {
		t.Errorf("the refused run created %d objects", n)
	}
}
