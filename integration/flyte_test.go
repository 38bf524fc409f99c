//go:build integration

package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeOutputsPB is a shell command writing outputs.pb = {o0: "hello"} (a LiteralMap) into the
// directory {{.outputPrefix}} names, as flytekit would after the task's function returned.
const writeOutputsPB = `printf '\012\021\012\002o0\022\013\012\011\012\007\032\005hello' > {{.outputPrefix}}/outputs.pb`

// flyteTask is a sidecar (v2) TaskTemplate in protobuf-JSON: primary runs script, a busybox
// HTTP sidecar serves on localhost:8080 and only a signal ends it.
func flyteTask(script, inputs, outputs string) string {
	q := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) }
	return `{
  "id": {"resourceType": "TASK", "project": "flytesnacks", "domain": "development", "name": "it.flyte_task", "version": "v1"},
  "type": "sidecar",
  "metadata": {"runtime": {"type": "FLYTE_SDK", "version": "1.16.24", "flavor": "python"}},
  "interface": {"inputs": {` + inputs + `}, "outputs": {` + outputs + `}},
  "k8sPod": {"podSpec": {"containers": [
    {"name": "primary", "image": "` + testImage + `", "command": [], "args": ["sh", "-c", "` + q(script) + `"],
     "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"cpu": "100m", "memory": "64Mi"}}},
    {"name": "web", "image": "` + testImage + `",
     "command": ["sh", "-c", "mkdir -p /www && echo hello from the sidecar > /www/index.html && trap 'exit 0' TERM; httpd -f -p 8080 -h /www & wait"]}
  ]}},
  "taskTypeVersion": 2,
  "config": {"primary_container_name": "primary"}
}`
}

// fetch waits for the sidecar and prints its page.
const fetch = `for i in 1 2 3 4 5 6 7 8 9 10; do page=$(wget -q -O- http://localhost:8080/) && break; sleep 0.3; done; echo "sidecar says: $page"`

// TestIntegrationFlytePrimaryEndsTheTask: the task ends when its primary exits 0, while the HTTP
// sidecar still serves: podrun exits 0 at once, says what a cluster would have left running,
// and leaves nothing behind.
func TestIntegrationFlytePrimaryEndsTheTask(t *testing.T) {
	t.Parallel()
	task := writeManifest(t, "task.json", flyteTask(fetch, "", ""))
	start := time.Now()
	r := podrun(t, "", "run", task)
	if r.code != 0 {
		t.Fatalf("want exit 0, got %s", r)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("the run took %s: it must end when the primary does, not wait for the sidecar", d)
	}
	for _, want := range []string{"primary | sidecar says: hello from the sidecar"} {
		if !strings.Contains(stripPad(r.stdout), want) {
			t.Errorf("stdout lacks %q\n%s", want, r)
		}
	}
	for _, want := range []string{"task it.flyte_task (execution a", "flytesnacks/development): Success",
		"podrun stopped web when the primary ended", "on a cluster they would keep running until the pod is garbage-collected"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q\n%s", want, r)
		}
	}
}

// TestIntegrationFlytePrimaryExitCode: a primary that exits 3 gives podrun's exit 3, with
// Flyte's reason and message, the termination message included (§3.8).
func TestIntegrationFlytePrimaryExitCode(t *testing.T) {
	t.Parallel()
	task := writeManifest(t, "task.json", flyteTask(fetch+"; echo disk full > /dev/termination-log; exit 3", "", ""))
	r := podrun(t, "", "run", task)
	if r.code != 3 {
		t.Fatalf("want exit 3, got %s", r)
	}
	for _, want := range []string{"RetryableFailure [USER] Error", "[primary] terminated with exit code (3). Reason [Error]. Message:", "disk full"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q\n%s", want, r)
		}
	}
}

// TestIntegrationFlyteInjectedPrimary: a Pod manifest with only a busybox sidecar, run with
// --primary and --image: the primary is injected with the command after "--", and the task
// ends with it.
func TestIntegrationFlyteInjectedPrimary(t *testing.T) {
	t.Parallel()
	pod := writeManifest(t, "pod.yaml", `apiVersion: v1
kind: Pod
metadata: {name: it-injected}
spec:
  containers:
  - name: sidecar
    image: `+testImage+`
    command: ["sh", "-c", "trap 'exit 0' TERM; echo sidecar up; sleep 3600 & wait"]
`)
	r := podrun(t, "", "run", "--primary", "primary", "--image", testImage, pod, "--",
		"sh", "-c", "echo injected as $FLYTE_INTERNAL_TASK_NAME in $FLYTE_INTERNAL_EXECUTION_PROJECT")
	if r.code != 0 {
		t.Fatalf("want exit 0, got %s", r)
	}
	if !strings.Contains(stripPad(r.stdout), "primary | injected as it-injected in flytesnacks") {
		t.Errorf("the injected primary did not run:\n%s", r)
	}
	if !strings.Contains(r.stderr, "task it-injected (execution") || !strings.Contains(r.stderr, "): Success") {
		t.Errorf("no task result:\n%s", r)
	}
}

// TestIntegrationFlyteDataPaths: {{.input}} is a readable inputs.pb and {{.outputPrefix}} a
// writable directory; the outputs.pb the container writes is decoded and printed, written to
// --outputs-dir, and kept in --data-dir.
func TestIntegrationFlyteDataPaths(t *testing.T) {
	t.Parallel()
	script := `test -r {{.input}} && echo "inputs: $(wc -c < {{.input}}) bytes, n={{.Inputs.n}}" && ` + writeOutputsPB
	task := writeManifest(t, "task.json", flyteTask(script,
		`"variables": {"n": {"type": {"simple": "INTEGER"}}}`, `"variables": {"o0": {"type": {"simple": "STRING"}}}`))
	for _, mode := range []string{"volume", "data-dir"} {
		t.Run(mode, func(t *testing.T) {
			outDir := filepath.Join(t.TempDir(), "out")
			args := []string{"run", "--input", "n=42", "--outputs-dir", outDir}
			dataDir := filepath.Join(t.TempDir(), "data")
			if mode == "data-dir" {
				args = append(args, "--data-dir", dataDir)
			}
			r := podrun(t, "", append(args, task)...)
			if r.code != 0 {
				t.Fatalf("want exit 0, got %s", r)
			}
			if !strings.Contains(stripPad(r.stdout), "primary | inputs: 13 bytes, n=42") {
				t.Errorf("the primary did not read its inputs:\n%s", r)
			}
			if !strings.Contains(r.stderr, `"o0": "hello"`) || !strings.Contains(r.stderr, "): Success") {
				t.Errorf("outputs not printed:\n%s", r)
			}
			if got, err := os.ReadFile(filepath.Join(outDir, "outputs.json")); err != nil || !strings.Contains(string(got), `"o0": "hello"`) {
				t.Errorf("--outputs-dir outputs.json: %q, %v", got, err)
			}
			if mode == "data-dir" {
				for _, f := range []string{"inputs.pb", "0/outputs.pb"} {
					if _, err := os.Stat(filepath.Join(dataDir, f)); err != nil {
						t.Errorf("--data-dir keeps %s: %v", f, err)
					}
				}
			}
		})
	}
	// The task declares o0: a primary that writes nothing fails it (OutputsNotFound, §3.9),
	// though the primary's exit code, podrun's, stays 0.
	empty := writeManifest(t, "empty.json", flyteTask("true", "", `"variables": {"o0": {"type": {"simple": "STRING"}}}`))
	r := podrun(t, "", "run", empty)
	if r.code != 0 || !strings.Contains(r.stderr, "OutputsNotFound") {
		t.Errorf("want exit 0 and OutputsNotFound, got %s", r)
	}
}

// TestIntegrationFlyteExamplesRun: every example in examples/flyte runs, in both forms (the
// serialized task, and the Pod manifest with the flags its comment gives).
func TestIntegrationFlyteExamplesRun(t *testing.T) {
	t.Parallel()
	dir := "examples/flyte/"
	cases := []struct {
		name string
		args []string
		want []string // on stdout
	}{
		{"injected-primary.task", []string{dir + "injected-primary.task.json"}, []string{"primary | primary injected by flytekit, task examples.pod.injected_primary"}},
		{"injected-primary.pod", []string{"--primary", "primary", "--image", testImage, dir + "injected-primary.pod.yaml", "--",
			"sh", "-c", "echo primary injected by flytekit, task $FLYTE_INTERNAL_TASK_NAME"}, []string{"primary | primary injected by flytekit, task injected-primary"}},
		{"labels-annotations.task", []string{dir + "labels-annotations.task.json"}, []string{"FLYTE_INTERNAL_TASK_NAME=examples.pod.labelled"}},
		{"labels-annotations.pod", []string{"--primary", "primary", "--project", "flytesnacks", "--domain", "development", dir + "labels-annotations.pod.yaml"},
			[]string{"FLYTE_INTERNAL_EXECUTION_PROJECT=flytesnacks", `team="ml"`}},
		{"primary-overwritten.task", []string{"--input", "n=3", dir + "primary-overwritten.task.json"}, []string{"n=3", "sidecar says: hello from the sidecar"}},
		{"primary-overwritten.pod", []string{"--primary", "primary", "--image", testImage, "--cpu", "500m", "--memory", "256Mi", "--input", "n=3",
			dir + "primary-overwritten.pod.yaml", "--", "sh", "-c", fetch + "; echo n={{.Inputs.n}}; " + writeOutputsPB},
			[]string{"primary | sidecar says: hello from the sidecar", "primary | n=3"}},
		{"several-sidecars.task", []string{dir + "several-sidecars.task.yaml"}, []string{"main | one", "main | two"}},
		{"several-sidecars.pod", []string{"--primary", "main", dir + "several-sidecars.pod.yaml"}, []string{"main | one", "main | two"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := podrun(t, "", append([]string{"run"}, tc.args...)...)
			if r.code != 0 || !strings.Contains(r.stderr, "): Success") {
				t.Fatalf("want exit 0 and a successful task, got %s", r)
			}
			for _, w := range tc.want {
				if !strings.Contains(stripPad(r.stdout), w) {
					t.Errorf("stdout lacks %q\n%s", w, r)
				}
			}
		})
	}
}
