package main

import (
	"github.com/podrun/podrun/internal/goldenfile"
	"os"
	"path/filepath"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/yaml"

	"github.com/docker/docker/api/types/system"

	"github.com/podrun/podrun/flyte"
	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/runner"
)

// flyteExamples are examples/flyte in both forms, with the flags each one's comment gives.
var flyteExamples = []struct {
	name string
	args []string // render's flags and the file; a command after "--"
}{
	{"injected-primary.task", []string{"../../examples/flyte/injected-primary.task.json"}},
	{"injected-primary.pod", []string{"--primary", "primary", "--image", "podrun/busybox:local", "../../examples/flyte/injected-primary.pod.yaml",
		"--", "sh", "-c", "echo primary injected by flytekit, task $FLYTE_INTERNAL_TASK_NAME, execution $FLYTE_INTERNAL_EXECUTION_ID"}},
	{"labels-annotations.task", []string{"../../examples/flyte/labels-annotations.task.json"}},
	{"labels-annotations.pod", []string{"--primary", "primary", "--project", "flytesnacks", "--domain", "development", "../../examples/flyte/labels-annotations.pod.yaml"}},
	{"primary-overwritten.task", []string{"--input", "n=3", "../../examples/flyte/primary-overwritten.task.json"}},
	{"primary-overwritten.pod", []string{"--primary", "primary", "--image", "podrun/busybox:local", "--cpu", "500m", "--memory", "256Mi",
		"--input", "n=3", "../../examples/flyte/primary-overwritten.pod.yaml", "--", "sh", "-c", "echo n={{.Inputs.n}} > {{.outputPrefix}}/x"}},
	{"several-sidecars.task", []string{"../../examples/flyte/several-sidecars.task.yaml"}},
	{"several-sidecars.pod", []string{"--primary", "main", "../../examples/flyte/several-sidecars.pod.yaml"}},
	{"other-project", []string{"--project", "ml", "--domain", "staging", "../../examples/flyte/injected-primary.task.json"}},
}

// TestRenderFlyteExamples: render prints, for every Flyte example in both forms, the Pod
// propeller would create (golden files), and it decodes strictly as a Kubernetes Pod.
func TestRenderFlyteExamples(t *testing.T) {
	for _, ex := range flyteExamples {
		t.Run(ex.name, func(t *testing.T) {
			code, out, errs := run(t, "", append([]string{"render"}, ex.args...)...)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, errs)
			}
			var pod corev1.Pod
			if err := yaml.UnmarshalStrict([]byte(out), &pod); err != nil {
				t.Fatalf("render output is not a strict Pod: %v", err)
			}
			if pod.Kind != "Pod" || pod.Spec.RestartPolicy != corev1.RestartPolicyNever {
				t.Errorf("kind %q, restartPolicy %q: want a Pod that Flyte made Never", pod.Kind, pod.Spec.RestartPolicy)
			}
			golden(t, filepath.Join("testdata", "render", ex.name+".golden.yaml"), []byte(out))
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	goldenfile.Check(t, path, got)
}

// TestFlyteFlagRefusals: Flyte options that would be silently ignored are refused (exit 2),
// before any engine is contacted.
func TestFlyteFlagRefusals(t *testing.T) {
	t.Setenv("DOCKER_HOST", "tcp://127.0.0.1:1")
	const task = "../../examples/flyte/injected-primary.task.json"
	const pod = "../../examples/sidecar-http.yaml"
	cases := []struct {
		name string
		args []string
		err  string
	}{
		{"input on a plain pod", []string{"run", "--input", "n=1", pod}, "--input is for Flyte tasks"},
		{"data dir on a plain pod", []string{"run", "--data-dir", "/tmp/x", pod}, "--data-dir is for Flyte tasks"},
		{"a command without --primary", []string{"run", pod, "--", "echo"}, "needs --primary"},
		{"primary on a task file", []string{"run", "--primary", "main", task}, "this file is a Flyte task"},
		{"env on a task file", []string{"render", "--env", "A=1", task}, "this file is a Flyte task"},
		{"task on a pod manifest", []string{"render", "--primary", "app", "--task", "x", pod}, "--task and --version choose a task"},
		{"an input the task does not declare", []string{"run", "--input", "x=1", task}, `the task has no input "x"`},
		{"a missing input", []string{"run", "../../examples/flyte/primary-overwritten.task.json"}, "missing input n (integer)"},
		{"a mistyped input", []string{"run", "--input", "n=three", "../../examples/flyte/primary-overwritten.task.json"}, "is not an integer"},
		{"both inputs forms", []string{"run", "--inputs", "in.pb", "--input", "n=1", "../../examples/flyte/primary-overwritten.task.json"}, "give the inputs one way"},
		{"cpu with requests", []string{"render", "--primary", "app", "--cpu", "1", "--requests", "cpu=1", pod}, "not both"},
		{"bad resources", []string{"render", "--primary", "app", "--limits", "cpu", pod}, "expected NAME=QUANTITY"},
		{"bad env", []string{"render", "--primary", "app", "--env", "A", pod}, "expected NAME=VALUE"},
		{"an absent primary without an image", []string{"render", "--primary", "nosuch", pod}, "give --image to inject it"},
		{"an unknown task in a file", []string{"check", "--task", "nosuch", "../../examples/flyte/several-sidecars.task.yaml"}, "nosuch"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, "", tc.args...)
			if code != 2 || !strings.Contains(out+errs, tc.err) {
				t.Fatalf("exit %d (want 2), output lacks %q:\n%s%s", code, tc.err, out, errs)
			}
		})
	}
}

// TestFlyteDryRunPlansPrimaryAndData: the plan of a Flyte run marks the primary (the runner ends
// the pod on it) and carries inputs.pb into the data volume mounted in every container.
func TestFlyteDryRunPlansPrimaryAndData(t *testing.T) {
	ff := flyteFlags{inputs: []string{"n=3"}}
	src, err := loadSource("../../examples/flyte/primary-overwritten.task.json", nil, ff, forRun)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := buildPlan(runFlags{pull: "policy"}, src, system.Info{})
	if err != nil {
		t.Fatal(err)
	}
	p := pr.plan
	if p.Primary != "primary" {
		t.Errorf("Plan.Primary = %q", p.Primary)
	}
	for _, c := range p.Containers {
		want := plan.RoleApp
		if c.Name == "primary" {
			want = plan.RolePrimary
		}
		if c.Role != want {
			t.Errorf("%s: role %s, want %s", c.Name, c.Role, want)
		}
		if !strings.Contains(strings.Join(c.Host.Binds, " ")+mountsOf(c), flyte.DefaultDataDir) {
			t.Errorf("%s does not mount the data directory %s", c.Name, flyte.DefaultDataDir)
		}
	}
	var files []plan.File
	for _, v := range p.Volumes {
		if v.Name == dataVolume {
			files = v.Files
		}
	}
	lm := flyte.LiteralMap{}
	for _, f := range files {
		if f.Path == "inputs.pb" {
			var err error
			if lm, err = flyte.DecodeLiteralMap(f.Data); err != nil {
				t.Fatal(err)
			}
		}
	}
	if lit, ok := lm["n"]; !ok || lit.Int != 3 {
		t.Errorf("inputs.pb holds %v, want n=3 (files %v)", lm, files)
	}
}

func mountsOf(c plan.Container) string {
	var b strings.Builder
	for _, m := range c.Host.Mounts {
		b.WriteString(" " + m.Target)
	}
	return b.String()
}

func ctrStatus(name string, code int32, running bool) corev1.ContainerStatus {
	if running {
		return corev1.ContainerStatus{Name: name, State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{}}}
	}
	reason := "Completed"
	if code != 0 {
		reason = "Error"
	}
	return corev1.ContainerStatus{Name: name, State: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: code, Reason: reason}}}
}

// TestFlyteDecide: the task's result is decided on the status that reported the primary's end
// (§3.8), not on the final one, where podrun has stopped the sidecars; then error.pb and
// outputs.pb decide (§3.9).
func TestFlyteDecide(t *testing.T) {
	task, err := flyte.Load("t.json", []byte(`{"type": "sidecar", "taskTypeVersion": 2,
	  "interface": {"outputs": {"variables": {"o0": {"type": {"simple": "STRING"}}}}},
	  "k8sPod": {"podSpec": {"containers": [{"name": "primary", "image": "i"}, {"name": "web", "image": "i"}]}},
	  "config": {"primary_container_name": "primary"}}`), flyte.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pod, _, err := task.Pod(flyte.PodOptions{})
	if err != nil {
		t.Fatal(err)
	}
	outputs, _ := flyte.LiteralMap{"o0": {Kind: flyte.KindString, String: "hello"}}.Encode()
	errDoc := flyte.ErrorDocument{Code: "USER:ValueError", Message: "bad n", Kind: "NON_RECOVERABLE", Origin: "USER"}.Encode()
	primaryDone := corev1.PodStatus{Phase: corev1.PodRunning, ContainerStatuses: []corev1.ContainerStatus{ctrStatus("primary", 0, false), ctrStatus("web", 0, true)}}
	// The sidecar, stopped by podrun, exited 143: the final pod failed, which the task must not.
	final := corev1.PodStatus{Phase: corev1.PodFailed, ContainerStatuses: []corev1.ContainerStatus{ctrStatus("primary", 0, false), ctrStatus("web", 143, false)}}
	sidecarFailedFirst := corev1.PodStatus{Phase: corev1.PodFailed, ContainerStatuses: []corev1.ContainerStatus{ctrStatus("primary", 0, false), ctrStatus("web", 1, false)}}
	cases := []struct {
		name     string
		statuses []corev1.PodStatus // as published, in order; the last is the final one
		files    map[string][]byte
		phase    flyte.Phase
		code     string
		left     []string
	}{
		{"primary exits 0 while the sidecar serves", []corev1.PodStatus{primaryDone, final}, map[string][]byte{outputsFile: outputs}, flyte.PhaseSuccess, "", []string{"web"}},
		{"the sidecar had failed before the primary ended", []corev1.PodStatus{sidecarFailedFirst}, map[string][]byte{outputsFile: outputs}, flyte.PhaseRetryableFailure, "Interrupted", nil},
		{"error.pb fails a primary that exited 0", []corev1.PodStatus{primaryDone, final}, map[string][]byte{errorFile: errDoc, outputsFile: outputs}, flyte.PhasePermanentFailure, "USER:ValueError", []string{"web"}},
		{"declared outputs missing", []corev1.PodStatus{primaryDone, final}, nil, flyte.PhaseRetryableFailure, "OutputsNotFound", []string{"web"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fr := &flyteRun{task: task, primary: "primary", volume: dataVolume, paths: task.DataPaths(flyte.PodOptions{})}
			w := &flyteWatch{fr: fr}
			onStatus := w.onStatus(nil)
			for _, st := range tc.statuses {
				onStatus(st)
			}
			res := runner.Result{Status: tc.statuses[len(tc.statuses)-1], Collected: map[string][]byte{}}
			for name, data := range tc.files {
				res.Collected[fr.sandboxPath(name)] = data
			}
			r, err := w.decide(pod, res)
			if err != nil {
				t.Fatal(err)
			}
			if r.result.Phase != tc.phase || r.result.Code != tc.code {
				t.Errorf("result %+v, want %s %s", r.result, tc.phase, tc.code)
			}
			if strings.Join(r.leftRunning, ",") != strings.Join(tc.left, ",") {
				t.Errorf("left running %v, want %v", r.leftRunning, tc.left)
			}
			if tc.files[outputsFile] != nil && !strings.Contains(string(r.outputs), `"o0": "hello"`) {
				t.Errorf("outputs %s", r.outputs)
			}
			dir := t.TempDir()
			if err := r.writeOutputs(dir); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(dir, "outputs.json")); (err == nil) != (tc.files[outputsFile] != nil) {
				t.Errorf("--outputs-dir: outputs.json exists: %v, want %v", err == nil, tc.files[outputsFile] != nil)
			}
		})
	}
}

// TestInferredInputs: a Pod manifest declares no interface; --input values are typed by look.
func TestInferredInputs(t *testing.T) {
	got := inferredInputs(map[string]string{"n": "3", "x": "2.5", "b": "true", "s": "hello", "z": "007x"})
	want := map[string]string{"b": "BOOLEAN", "n": "INTEGER", "s": "STRING", "x": "FLOAT", "z": "STRING"}
	for i, v := range got {
		if want[v.Name] != v.Type.Simple {
			t.Errorf("%s: %s, want %s", v.Name, v.Type.Simple, want[v.Name])
		}
		if i > 0 && got[i-1].Name > v.Name {
			t.Error("inputs are not in name order")
		}
	}
}

// TestOverrideFlags: --cpu/--memory set request and limit alike (flytekit's Resources); the
// request and limit flags set each side; flytekit's names mem and gpu are accepted.
func TestOverrideFlags(t *testing.T) {
	o, err := flyteFlags{primary: "p", cpu: "500m", memory: "1Gi", env: []string{"A=1", "B=x=y"}}.override()
	if err != nil {
		t.Fatal(err)
	}
	if o.Requests.Cpu().String() != "500m" || o.Limits.Memory().String() != "1Gi" || len(o.Env) != 2 || o.Env[1].Value != "x=y" {
		t.Errorf("override %+v", o)
	}
	o, err = flyteFlags{primary: "p", requests: "cpu=1,mem=2Gi", limits: "gpu=1"}.override()
	if err != nil {
		t.Fatal(err)
	}
	if o.Requests.Memory().String() != "2Gi" || o.Limits.Name("nvidia.com/gpu", "").String() != "1" || o.Limits.Cpu().String() != "0" {
		t.Errorf("override %+v", o)
	}
}
