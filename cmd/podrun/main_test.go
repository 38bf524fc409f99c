package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/podrun/podrun/podspec"
)

func TestExitCode(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, 0},
		{"pod result", podResult{code: 3}, 3},
		{"wrapped pod result", fmt.Errorf("x: %w", podResult{code: 42}), 42},
		{"input", inputError{errors.New("bad")}, 2},
		{"field errors", podspec.ErrorList{{File: "f", Msg: "m"}}, 2},
		{"interrupted", errInterrupted, 130},
		{"timeout", errTimeout, 124},
		{"deadline", fmt.Errorf("run: %w", context.DeadlineExceeded), 124},
		{"engine", errors.New("cannot reach the Docker engine"), 125},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := exitCode(tc.err); got != tc.want {
				t.Errorf("exitCode(%v) = %d, want %d", tc.err, got, tc.want)
			}
		})
	}
}

func TestInterspersedFlags(t *testing.T) {
	app := newApp(&env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}, log: newLogger(&bytes.Buffer{})})
	cases := []struct {
		in, want string
	}{
		{"podrun get web -o json", "podrun get -o json web"},
		{"podrun get -o json web", "podrun get -o json web"},
		{"podrun logs web app -f --previous", "podrun logs -f --previous web app"},
		{"podrun run pod.yaml --timeout 5s --keep", "podrun run --timeout 5s --keep pod.yaml"},
		{"podrun run - --pull=never", "podrun run --pull=never -"},
		{"podrun run pod.yaml -- echo --keep", "podrun run pod.yaml -- echo --keep"},
		{"podrun --help", "podrun --help"},
		{"podrun nosuch a -x", "podrun nosuch a -x"},
	}
	for _, tc := range cases {
		got := strings.Join(interspersed(app, strings.Fields(tc.in)), " ")
		if got != tc.want {
			t.Errorf("%q → %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAllowed(t *testing.T) {
	cases := []struct {
		code  string
		allow []string
		want  bool
	}{
		{"scheduling.node-selector", []string{"scheduling.node-selector"}, true},
		{"scheduling.node-selector", []string{"scheduling"}, true},
		{"scheduling.node-selector", []string{"scheduling.*"}, true},
		{"scheduling.node-selector", []string{"sched"}, false},
		{"scheduling.node-selector", []string{"volume"}, false},
		{"scheduling.node-selector", nil, false},
	}
	for _, tc := range cases {
		if got := allowed(tc.code, tc.allow); got != tc.want {
			t.Errorf("allowed(%q, %v) = %v, want %v", tc.code, tc.allow, got, tc.want)
		}
	}
}

// run calls Main with args and returns the exit code, stdout and stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(append([]string{"podrun"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func examples(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../examples/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	return files
}

func TestCheckExamplesHaveNoErrors(t *testing.T) {
	code, out, errs := run(t, "", append([]string{"check", "--output", "json"}, examples(t)...)...)
	if code != 0 {
		t.Fatalf("check examples: exit %d\n%s%s", code, out, errs)
	}
	var reports []checkReport
	if err := json.Unmarshal([]byte(out), &reports); err != nil {
		t.Fatalf("check --output json is not the documented array: %v\n%s", err, out)
	}
	if len(reports) != len(examples(t)) {
		t.Errorf("want one report per file, got %d", len(reports))
	}
	for _, r := range reports {
		if len(r.Errors) > 0 {
			t.Errorf("%s: %v", r.File, r.Errors)
		}
	}
}

const gpuPod = `apiVersion: v1
kind: Pod
metadata: {name: gpu}
spec:
  nodeSelector: {accelerator: a100}
  containers:
  - name: train
    image: podrun/busybox:local
    resources: {limits: {nvidia.com/gpu: 1}}
`

const badPod = `apiVersion: v1
kind: Pod
metadata: {name: bad}
spec:
  containers:
  - name: c
    image: podrun/busybox:local
    imagePullPolcy: Never
`

func TestCheckExitCodes(t *testing.T) {
	dir := t.TempDir()
	gpu := filepath.Join(dir, "gpu.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	for p, body := range map[string]string{gpu: gpuPod, bad: badPod} {
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name string
		args []string
		want int
		out  []string
	}{
		{"warnings without strict", []string{"check", gpu}, 0, []string{"scheduling.node-selector", "resources.extended-resource"}},
		{"warnings with strict", []string{"check", "--strict", gpu}, 1, nil},
		{"allowed under strict", []string{"check", "--strict", "--allow", "scheduling", "--allow", "resources.extended-resource", gpu}, 0, nil},
		{"invalid", []string{"check", bad, gpu}, 2, []string{"bad.yaml:8: spec.containers[0].imagePullPolcy"}},
		{"no files", []string{"check"}, 2, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, "", tc.args...)
			if code != tc.want {
				t.Fatalf("exit %d, want %d\n%s%s", code, tc.want, out, errs)
			}
			for _, w := range tc.out {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestRunRefusesBeforeTheEngine(t *testing.T) {
	// DOCKER_HOST points nowhere: a refusal must come before any engine contact.
	t.Setenv("DOCKER_HOST", "tcp://127.0.0.1:1")
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	gpu := filepath.Join(dir, "gpu.yaml")
	_ = os.WriteFile(bad, []byte(badPod), 0o644)
	_ = os.WriteFile(gpu, []byte(gpuPod), 0o644)
	cases := []struct {
		name string
		args []string
		want int
		err  string
	}{
		{"invalid manifest", []string{"run", bad}, 2, "imagePullPolcy"},
		{"strict with warnings", []string{"run", "--strict", gpu}, 2, "--strict"},
		{"bad pull flag", []string{"run", "--pull", "sometimes", gpu}, 2, "--pull"},
		{"missing file", []string{"run", filepath.Join(dir, "none.yaml")}, 2, "none.yaml"},
		{"two files", []string{"run", gpu, bad}, 2, "expected one"},
		{"no engine", []string{"run", "--allow", "scheduling", "--allow", "resources", gpu}, 125, "cannot reach the Docker engine"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, "", tc.args...)
			if code != tc.want || !strings.Contains(errs, tc.err) {
				t.Fatalf("exit %d (want %d), stderr lacks %q?\n%s%s", code, tc.want, tc.err, out, errs)
			}
		})
	}
}

func TestDryRunPrintsThePlanWithoutAnEngine(t *testing.T) {
	t.Setenv("DOCKER_HOST", "tcp://127.0.0.1:1")
	for _, f := range examples(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			code, out, errs := run(t, "", "run", "--dry-run", f)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, errs)
			}
			for _, want := range []string{"Sandbox:", "NetworkMode: container:podrun_POD_", "dev.podrun.run:"} {
				if !strings.Contains(out, want) {
					t.Errorf("plan lacks %q", want)
				}
			}
			if strings.Contains(out, "s3cr3t-t0ken") {
				t.Errorf("the dry run printed a secret")
			}
		})
	}
}

func TestRenderAndComposeOfExamples(t *testing.T) {
	for _, f := range examples(t) {
		for _, cmd := range []string{"render", "compose"} {
			t.Run(cmd+"/"+filepath.Base(f), func(t *testing.T) {
				code, out, errs := run(t, "", cmd, f)
				if code != 0 || out == "" {
					t.Fatalf("exit %d\n%s", code, errs)
				}
			})
		}
	}
}

func TestCommandsHaveHelpWithAnExample(t *testing.T) {
	app := newApp(&env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}, log: newLogger(&bytes.Buffer{})})
	for _, c := range app.Commands {
		if c.Hidden {
			continue
		}
		if c.Usage == "" || !strings.Contains(c.Description, "Example:") {
			t.Errorf("command %q lacks a usage line or an example in its help", c.Name)
		}
	}
	if !slices.ContainsFunc(app.Commands, func(c *cli.Command) bool { return c.Name == "run" }) {
		t.Error("no run command")
	}
}
