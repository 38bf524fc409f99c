package flyte

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/podrun/podrun/podspec"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

// The Pod propeller would create for each example task, in both forms (§3.2).
func TestPodGolden(t *testing.T) {
	for _, file := range []string{"primary-overwritten.task.json", "injected-primary.task.json", "several-sidecars.task.yaml", "labels-annotations.task.json"} {
		t.Run(file, func(t *testing.T) {
			task := mustLoad(t, file, readFile(t, filepath.Join("../examples/flyte", file)), LoadOptions{})
			pod, _, err := task.Pod(fixedOptions)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, strings.TrimSuffix(file, filepath.Ext(file))+".golden.yaml", renderPod(t, pod))
		})
	}
	sh := func(s string) []string { return []string{"sh", "-c", s} }
	pods := []struct {
		file string
		o    Override
	}{
		{"primary-overwritten.pod.yaml", Override{Primary: "primary", Image: "podrun/busybox:local", Args: sh("echo n={{.Inputs.n}} out={{.outputPrefix}}"),
			Requests: corev1.ResourceList{"cpu": resource.MustParse("500m"), "memory": resource.MustParse("256Mi")}}},
		{"injected-primary.pod.yaml", Override{Primary: "primary", Image: "podrun/busybox:local", Args: sh("echo primary")}},
		{"several-sidecars.pod.yaml", Override{Primary: "main"}},
		{"labels-annotations.pod.yaml", Override{Primary: "primary"}},
	}
	for _, p := range pods {
		t.Run(p.file, func(t *testing.T) {
			in, err := podspec.Load(p.file, readFile(t, filepath.Join("../examples/flyte", p.file)))
			if err != nil {
				t.Fatal(err)
			}
			task, err := AsTask(p.file, in.Raw, p.o)
			if err != nil {
				t.Fatal(err)
			}
			pod, _, err := task.Pod(fixedOptions)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, strings.TrimSuffix(p.file, ".yaml")+".golden.yaml", renderPod(t, pod))
		})
	}
}

// sidecarTask is a v2 sidecar task with the given containers (primary "primary").
func sidecarTask(t *testing.T, typ string, spec string) *Task {
	t.Helper()
	doc := `{"id": {"project": "p", "domain": "d", "name": "wf.my_task", "version": "v1"}, "type": "` + typ + `", "taskTypeVersion": 2,
	  "k8sPod": {"metadata": {"labels": {"team": "ml", "project": "spoof"}, "annotations": {"a": "pod"}}, "podSpec": ` + spec + `},
	  "metadata": {"metadata": {"labels": {"team": "task"}, "annotations": {"a": "task"}}},
	  "config": {"primary_container_name": "primary"}}`
	return mustLoad(t, "t.json", []byte(doc), LoadOptions{})
}

func TestPodRules(t *testing.T) {
	two := `{"containers": [{"name": "primary", "image": "i", "args": ["{{ .Input }}"], "env": [{"name": "FLYTE_ATTEMPT_NUMBER", "value": "user"}, {"name": "A", "value": "1"}]},
	                        {"name": "side", "image": "i", "command": ["{{$outputPrefix}}", "{{.perRetryUniqueKey}}"]}],
	         "initContainers": [{"name": "init", "image": "i", "args": ["{{.prevCheckpointPrefix}}", "{{.namespace}}"]}]}`
	one := `{"containers": [{"name": "primary", "image": "i"}], "restartPolicy": "OnFailure"}`
	task := sidecarTask(t, TypeSidecar, two)
	pod, primary, err := task.Pod(fixedOptions)
	if err != nil {
		t.Fatal(err)
	}
	c := pod.Spec.Containers
	checks := []struct {
		rule      string
		got, want any
	}{
		{"§3.2 the primary is named by config", primary, "primary"},
		{"§3.3 {{.input}} in the primary's args", c[0].Args[0], "/var/run/flyte/inputs.pb"},
		{"§3.3 $ form, no space, in a sidecar's command", c[1].Command[0], "/var/run/flyte/0"},
		{"§3.3 perRetryUniqueKey", c[1].Command[1], "a4lmk5ws6qkfbhx94dxc_n0_0"},
		{`§3.3 empty previous checkpoint is ""`, pod.Spec.InitContainers[0].Args[0], `""`},
		{"§3.3 namespace is project-domain", pod.Spec.InitContainers[0].Args[1], "flytesnacks-development"},
		{"§3.4 user env first", c[0].Env[0].Value, "user"},
		{"§3.4 Flyte env appended: last duplicate wins", envMap(c[0])["FLYTE_ATTEMPT_NUMBER"], "0"},
		{"§3.4 env reaches sidecars", envMap(c[1])["FLYTE_INTERNAL_EXECUTION_ID"], "a4lmk5ws6qkfbhx94dxc"},
		{"§3.4 env reaches init containers", envMap(pod.Spec.InitContainers[0])["FLYTE_INTERNAL_TASK_NAME"], "wf.my_task"},
		{"§3.4 workflow env", envMap(c[0])["FLYTE_INTERNAL_EXECUTION_WORKFLOW"], "flytesnacks:development:.flytegen.wf.my_task"},
		{"§3.4 task project is the task's", envMap(c[0])["FLYTE_INTERNAL_TASK_PROJECT"], "p"},
		{"§3.6 restartPolicy Never when empty", pod.Spec.RestartPolicy, corev1.RestartPolicyNever},
		{"§3.7 primary gets the default cpu request", c[0].Resources.Requests.Cpu().String(), "1"},
		{"§3.7 primary limit takes the request", c[0].Resources.Limits.Memory().String(), "1Gi"},
		{"§3.7 init containers merge like the primary", pod.Spec.InitContainers[0].Resources.Limits.Cpu().String(), "1"},
		{"§3.7 sidecars get no defaults", len(c[1].Resources.Requests), 0},
		{"§3.2.3 sidecar task: primary annotation", pod.Annotations[PrimaryContainerKey], "primary"},
		{"§3.5 default annotation", pod.Annotations["cluster-autoscaler.kubernetes.io/safe-to-evict"], "false"},
		{"§3.5 task metadata annotation wins over the pod's", pod.Annotations["a"], "task"},
		{"§3.5 task metadata label wins over the pod's", pod.Labels["team"], "task"},
		{"§3.5 execution labels win", pod.Labels["project"], "flytesnacks"},
		{"§3.5 task-name label sanitized", pod.Labels["task-name"], "wf-my-task"},
		{"§3.5 workflow-name label sanitized", pod.Labels["workflow-name"], "flytegen-wf-my-task"},
		{"§3.5 pod name", pod.Name, "a4lmk5ws6qkfbhx94dxc-n0-0"},
		{"§3.5 namespace", pod.Namespace, "flytesnacks-development"},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s: got %v, want %v", ch.rule, ch.got, ch.want)
		}
	}

	kept, _, err := sidecarTask(t, TypeSidecar, one).Pod(fixedOptions)
	if err != nil || kept.Spec.RestartPolicy != corev1.RestartPolicyOnFailure {
		t.Errorf("§3.6 a user's OnFailure is kept: %v, %v", kept.Spec.RestartPolicy, err)
	}

	// §3.2 step 3 / §3.11: who gets the primary annotation.
	annotation := []struct {
		typ, spec string
		want      bool
	}{
		{TypeSidecar, two, true},
		{TypePythonTask, one, true},
		{TypePythonTask, two, false},
		{TypeRawContainer, one, false},
	}
	for _, a := range annotation {
		p, _, err := sidecarTask(t, a.typ, a.spec).Pod(fixedOptions)
		if err != nil {
			t.Fatal(err)
		}
		if _, got := p.Annotations[PrimaryContainerKey]; got != a.want {
			t.Errorf("%s with %d containers: annotation = %v, want %v", a.typ, len(p.Spec.Containers), got, a.want)
		}
	}

	// §3.5: names longer than 50 characters are hashed; attempts change the name and checkpoints.
	o := fixedOptions
	o.ExecutionID = strings.Repeat("x", 48)
	if p, _, _ := task.Pod(o); p.Name != "f"+base32Encoder.EncodeToString(fnv32a(o.ExecutionID+"-n0-0")) || len(p.Name) != 8 {
		t.Errorf("long pod name = %q", p.Name)
	}
	o = fixedOptions
	o.Attempt = 2
	p2, _, _ := task.Pod(o)
	if p2.Name != "a4lmk5ws6qkfbhx94dxc-n0-2" || p2.Spec.InitContainers[0].Args[0] != "/var/run/flyte/raw/a4lmk5ws6qkfbhx94dxc-n0-1/_flytecheckpoints" ||
		envMap(p2.Spec.Containers[0])["FLYTE_ATTEMPT_NUMBER"] != "2" {
		t.Errorf("attempt 2: name %s, prev checkpoint %s", p2.Name, p2.Spec.InitContainers[0].Args[0])
	}
}

func fnv32a(s string) []byte {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return []byte{byte(h >> 24), byte(h >> 16), byte(h >> 8), byte(h)}
}

// §1.1: the three generations, and propeller's errors for a missing pod spec or primary name.
func TestGenerations(t *testing.T) {
	spec := `{"containers": [{"name": "main", "image": "i"}, {"name": "side", "image": "i"}]}`
	cases := []struct {
		name, doc, primary, err string
	}{
		{"sidecar v0", `{"type": "sidecar", "custom": {"PodSpec": ` + spec + `, "primaryContainerName": "main", "labels": {"l": "v"}}}`, "main", ""},
		{"sidecar v1", `{"type": "sidecar", "taskTypeVersion": 1, "custom": ` + spec + `, "config": {"primary_container_name": "main"}}`, "main", ""},
		{"sidecar v2", `{"type": "sidecar", "taskTypeVersion": 2, "k8sPod": {"podSpec": ` + spec + `}, "config": {"primary_container_name": "main"}}`, "main", ""},
		{"python-task pod_template", `{"type": "python-task", "k8sPod": {"podSpec": ` + spec + `}, "config": {"primary_container_name": "main"}}`, "main", ""},
		{"v0 without custom", `{"type": "sidecar", "interface": {}}`, "", "custom: invalid TaskSpecification, nil custom"},
		{"v0 without podSpec", `{"type": "sidecar", "custom": {"primaryContainerName": "main"}}`, "", "invalid TaskSpecification, nil PodSpec"},
		{"v1 without custom", `{"type": "sidecar", "taskTypeVersion": 1, "config": {"primary_container_name": "main"}}`, "", "nil Struct Object passed"},
		{"v2 without pod spec", `{"type": "sidecar", "taskTypeVersion": 2, "k8sPod": {}, "config": {"primary_container_name": "main"}}`, "", "k8sPod.podSpec: Pod tasks with task type version > 1 should specify their target as a K8sPod with a defined pod spec"},
		{"v2 without config", `{"type": "sidecar", "taskTypeVersion": 2, "k8sPod": {"podSpec": ` + spec + `}}`, "", "config: invalid TaskSpecification, config needs to be non-empty and include missing [primary_container_name] key"},
		{"v2 config without the key", `{"type": "sidecar", "taskTypeVersion": 2, "k8sPod": {"podSpec": ` + spec + `}, "config": {"x": "y"}}`, "", "invalid TaskSpecification, config missing [primary_container_name] key in [map[x:y]]"},
		{"no target", `{"type": "python-task", "interface": {}}`, "", "unable to determine Pod configuration"},
		{"pod spec of the wrong shape", `{"type": "sidecar", "taskTypeVersion": 2, "k8sPod": {"podSpec": {"containers": "x"}}, "config": {"primary_container_name": "main"}}`, "", "k8sPod.podSpec: Unable to unmarshal task k8s pod"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			task, err := Load("t.json", []byte(c.doc), LoadOptions{})
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want it to say %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			pod, primary, err := task.Pod(fixedOptions)
			if err != nil {
				t.Fatal(err)
			}
			if primary != c.primary || len(pod.Spec.Containers) != 2 {
				t.Errorf("primary %q, %d containers", primary, len(pod.Spec.Containers))
			}
		})
	}
	// v0 labels are pod labels; a primary the spec lacks fails at build time (§3.2 step 2.3).
	v0 := mustLoad(t, "t.json", []byte(cases[0].doc), LoadOptions{})
	if p, _, _ := v0.Pod(fixedOptions); p.Labels["l"] != "v" {
		t.Errorf("v0 custom labels not on the pod: %v", p.Labels)
	}
	missing := mustLoad(t, "t.json", []byte(`{"type": "sidecar", "taskTypeVersion": 2, "k8sPod": {"podSpec": `+spec+`}, "config": {"primary_container_name": "primary"}}`), LoadOptions{})
	if _, _, err := missing.Pod(fixedOptions); err == nil || !strings.Contains(err.Error(), "k8sPod.podSpec.containers: invalid TaskSpecification, primary container [primary] not defined") {
		t.Errorf("missing primary: err = %v", err)
	}
}

// §3.6: a container target becomes one container named after the pod.
func TestContainerTarget(t *testing.T) {
	doc := `{"id": {"name": "wf.t", "version": "v1"}, "type": "python-task",
	  "container": {"image": "img", "args": ["pyflyte-execute", "--inputs", "{{.input}}"], "env": [{"key": "K", "value": "V"}],
	    "resources": {"requests": [{"name": "CPU", "value": "2"}], "limits": [{"name": "MEMORY", "value": "1Gi"}, {"name": "GPU", "value": "1"}]}}}`
	pod, primary, err := mustLoad(t, "t.json", []byte(doc), LoadOptions{}).Pod(fixedOptions)
	if err != nil {
		t.Fatal(err)
	}
	c := pod.Spec.Containers[0]
	if primary != pod.Name || c.Name != pod.Name || c.Args[2] != "/var/run/flyte/inputs.pb" || envMap(c)["K"] != "V" ||
		c.TerminationMessagePolicy != corev1.TerminationMessageFallbackToLogsOnError || pod.Annotations[PrimaryContainerKey] != pod.Name {
		t.Errorf("container target pod:\n%s", renderPod(t, pod))
	}
	if c.Resources.Limits.Cpu().String() != "2" || c.Resources.Requests.Memory().String() != "1Gi" || c.Resources.Limits["nvidia.com/gpu"] != resource.MustParse("1") {
		t.Errorf("§3.7 resources = %+v", c.Resources)
	}
}
