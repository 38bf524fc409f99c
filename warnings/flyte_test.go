package warnings

import (
	"slices"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"

	"github.com/podrun/podrun/flyte"
	"github.com/podrun/podrun/podspec"
)

// flyteCase is a Flyte task (a serialized template, or a Pod manifest run with --primary) and
// the flyte-family warnings it must produce, as "code@path" ("code@path#container").
type flyteCase struct {
	name string
	task func(t *testing.T) *flyte.Task
	want []string
}

func loadTask(file, data string) func(t *testing.T) *flyte.Task {
	return func(t *testing.T) *flyte.Task {
		t.Helper()
		task, err := flyte.Load(file, []byte(data), flyte.LoadOptions{})
		if err != nil {
			t.Fatalf("load %s: %v", file, err)
		}
		return task
	}
}

func podTask(pod *corev1.Pod, o flyte.Override) func(t *testing.T) *flyte.Task {
	return func(t *testing.T) *flyte.Task {
		t.Helper()
		task, err := flyte.AsTask("pod.yaml", pod, o)
		if err != nil {
			t.Fatal(err)
		}
		return task
	}
}

func flyteCases() []flyteCase {
	const spec = "k8sPod.podSpec"
	overwritten := &corev1.Pod{Spec: corev1.PodSpec{Containers: []corev1.Container{
		{Name: "primary", Image: "old", Command: []string{"python"},
			Resources: corev1.ResourceRequirements{Limits: corev1.ResourceList{"cpu": resource.MustParse("1")}}},
		{Name: "web", Image: "web"}}}}
	sidecarOnly := &corev1.Pod{Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "web", Image: "web"}}}}
	return []flyteCase{
		{"a python-task pod template that departs everywhere", loadTask("t.json", `{"type": "python-task",
		  "metadata": {"retries": {"retries": 3}, "timeout": "600s", "podTemplateName": "gpu", "interruptible": true},
		  "securityContext": {"secrets": [{"group": "g", "key": "k"}]},
		  "k8sPod": {"podSpec": {"restart_policy": "Never", "restartPolicy": "OnFailure",
		    "containers": [{"name": "primary", "image": "i", "args": ["pyflyte-fast-execute", "--additional-distribution", "s3://b/fast.tar.gz", "--dest-dir", "{{ .dest_dir }}"],
		                    "env": [{"name": "A", "value": "1"}, {"name": "A", "value": "2"}]},
		                   {"name": "side"}]}},
		  "config": {"primary_container_name": "primary"}}`), []string{
			"flyte.dropped-key@" + spec + ".restart_policy",
			"flyte.sidecars-block-completion@" + spec + ".containers",
			"flyte.sidecar-no-image@" + spec + ".containers[1].image#side",
			"flyte.pod-template@metadata.podTemplateName",
			"flyte.restart-policy@" + spec + ".restartPolicy",
			"flyte.unknown-placeholder@" + spec + ".containers[0]#primary",
			"flyte.fast-registration@" + spec + ".containers[0].args#primary",
			"flyte.secrets@securityContext.secrets",
			"flyte.default-resources@" + spec + ".containers[0].resources#primary",
			"flyte.retries@metadata.retries",
			"flyte.timeout@metadata.timeout",
			"flyte.interruptible@metadata.interruptible",
			"flyte.duplicate-env@" + spec + ".containers[0].env#primary",
		}},
		{"a legacy sidecar task with copilot", loadTask("v0.json", `{"type": "sidecar",
		  "custom": {"podSpec": {"containers": [{"name": "main", "image": "i", "resources": {"requests": {"cpu": "1", "memory": "1Gi"}}}]},
		             "primaryContainerName": "main"},
		  "k8sPod": {"dataConfig": {"enabled": true}}}`), []string{
			"flyte.legacy-generation@taskTypeVersion",
			"flyte.copilot@",
		}},
		{"a pod run with --primary whose primary is overwritten", podTask(overwritten, flyte.Override{
			Image: "new", Args: []string{"true"}, Limits: corev1.ResourceList{"cpu": resource.MustParse("2")}}), []string{
			"flyte.primary-overwritten@spec.containers[0].image#primary",
			"flyte.primary-overwritten@spec.containers[0].command#primary",
			"flyte.primary-overwritten@spec.containers[0].resources#primary",
			"flyte.sidecars-left-running@spec.containers",
		}},
		{"a pod run with --primary that has only a sidecar", podTask(sidecarOnly, flyte.Override{Image: "task", Args: []string{"true"}}), []string{
			"flyte.primary-injected@spec.containers[1]#primary",
			"flyte.sidecars-left-running@spec.containers",
			"flyte.default-resources@spec.containers[1].resources#primary",
		}},
	}
}

func flyteWarnings(t *testing.T, task *flyte.Task) []Warning {
	t.Helper()
	pod, _, err := task.Pod(flyte.PodOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return AnalyzeTask(&podspec.Input{File: task.File, Raw: pod, Pod: pod}, task)
}

// TestFlyteFamily: a Flyte task's departures become warnings of the flyte family, at the path in
// the task's file, with the severity flyte.DepartureCodes documents.
func TestFlyteFamily(t *testing.T) {
	for _, tc := range flyteCases() {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, w := range flyteWarnings(t, tc.task(t)) {
				if w.Code.Family() != "flyte" {
					continue
				}
				s := string(w.Code) + "@" + w.Path
				if w.Container != "" {
					s += "#" + w.Container
				}
				got = append(got, s)
				if d, _ := Lookup(w.Code); d.Severity != w.Severity {
					t.Errorf("%s: severity %s, documented %s", w.Code, w.Severity, d.Severity)
				}
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %s; got %v", w, got)
				}
			}
		})
	}
}

// TestPlainPodHasNoFlyteWarnings: Analyze, and AnalyzeTask without a task, never run the family.
func TestPlainPodHasNoFlyteWarnings(t *testing.T) {
	pod := &corev1.Pod{Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "primary", Image: "i", Args: []string{"{{ .dest_dir }}"}}}}}
	in := &podspec.Input{File: "p.yaml", Raw: pod, Pod: pod}
	for _, ws := range [][]Warning{Analyze(in), AnalyzeTask(in, nil)} {
		for _, w := range ws {
			if w.Code.Family() == "flyte" {
				t.Errorf("plain pod: %s", w.Code)
			}
		}
	}
}

// flyteCodesEmitted lists the codes the flyte cases emit (TestEveryCodeIsEmittedAndDocumented).
func flyteCodesEmitted(t *testing.T) []Code {
	var out []Code
	for _, tc := range flyteCases() {
		for _, w := range flyteWarnings(t, tc.task(t)) {
			out = append(out, w.Code)
		}
	}
	return out
}
