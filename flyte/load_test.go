package flyte

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/structpb"
	"sigs.k8s.io/yaml"
)

const exampleJSON = "../examples/flyte/primary-overwritten.task.json"

// templateOf returns the TaskTemplate object inside flytectl's admin.Task JSON.
func templateOf(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v["closure"].(map[string]any)["compiledTask"].(map[string]any)["template"].(map[string]any)
}

// snakeKeys renames a template's protobuf fields to their proto names (k8s_pod, pod_spec…),
// leaving Struct and map contents alone, as protojson accepts either.
func snakeKeys(tmpl map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range tmpl {
		if k == "k8sPod" {
			pod := map[string]any{}
			for pk, pv := range v.(map[string]any) {
				pod[snake(pk)] = pv
			}
			v = pod
		}
		out[snake(k)] = v
	}
	return out
}

// taskSpecPB builds a binary admin.TaskSpec from the field table (§1.2): TaskSpec template = 1;
// TaskTemplate id = 1, type = 2, interface = 4, task_type_version = 7, config = 16,
// k8s_pod = 17; K8sPod metadata = 1, pod_spec = 2; Identifier resource_type = 1, project = 2,
// domain = 3, name = 4, version = 5.
func taskSpecPB(t *testing.T, tmpl map[string]any) []byte {
	t.Helper()
	pod := tmpl["k8sPod"].(map[string]any)
	spec, err := structpb.NewStruct(pod["podSpec"].(map[string]any))
	if err != nil {
		t.Fatal(err)
	}
	specPB, err := proto.MarshalOptions{Deterministic: true}.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	id := tmpl["id"].(map[string]any)
	var ident []byte
	ident = appendVarint(ident, 1, 1)
	for i, k := range []string{"project", "domain", "name", "version"} {
		ident = appendString(ident, protoNum(i+2), id[k].(string))
	}
	// interface: inputs {variables {"n": {type {simple: INTEGER}}}}, outputs {"o0": STRING}
	variable := func(name string, simple uint64) []byte {
		lt := appendVarint(nil, 1, simple)
		v := appendBytes(nil, 1, lt)
		entry := appendBytes(appendString(nil, 1, name), 2, v)
		return appendBytes(nil, 1, entry)
	}
	iface := appendBytes(nil, 1, variable("n", 1))
	iface = appendBytes(iface, 2, variable("o0", 3))
	var tt []byte
	tt = appendBytes(tt, 1, ident)
	tt = appendString(tt, 2, tmpl["type"].(string))
	tt = appendBytes(tt, 4, iface)
	tt = appendVarint(tt, 7, 2)
	tt = appendBytes(tt, 16, appendString(appendString(nil, 1, PrimaryContainerKey), 2, "primary"))
	tt = appendBytes(tt, 17, appendBytes(nil, 2, specPB))
	return appendBytes(appendBytes(nil, 1, tt), 2, appendString(nil, 1, "a description entity"))
}

func tarGz(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for _, name := range []string{"0_examples.pod.fetch_from_sidecar_1.pb", "1_examples.pod.wf_2.pb", "2_other.task_1.pb"} {
		b, ok := files[name]
		if !ok {
			continue
		}
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(b)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write(b)
	}
	tw.Close()
	zw.Close()
	return buf.Bytes()
}

// Every serialized form of one task loads into the same task and builds the same pod (§1.4).
func TestLoadEveryForm(t *testing.T) {
	data := readFile(t, exampleJSON)
	tmpl := templateOf(t, data)
	bare, _ := json.Marshal(tmpl)
	snakeJSON, _ := json.Marshal(snakeKeys(tmpl))
	yamlDoc, err := yaml.JSONToYAML(data)
	if err != nil {
		t.Fatal(err)
	}
	older := strings.Replace(strings.Replace(string(data), `"version": "v1"`, `"version": "v0"`, -1), "2026-01-15", "2025-01-15", 1)
	older = strings.Replace(older, "sidecar says", "old sidecar says", 1)
	list := "[" + older + "," + string(data) + "]"
	pb := taskSpecPB(t, tmpl)
	other := taskSpecPB(t, map[string]any{"id": map[string]any{"project": "p", "domain": "d", "name": "other.task", "version": "v1"},
		"type": "sidecar", "k8sPod": tmpl["k8sPod"]})
	// A workflow spec: its first field is a WorkflowTemplate whose id has resource type WORKFLOW.
	wf := appendBytes(nil, 1, appendBytes(nil, 1, appendVarint(nil, 1, 2)))
	tgz := tarGz(t, map[string][]byte{"0_examples.pod.fetch_from_sidecar_1.pb": pb, "1_examples.pod.wf_2.pb": wf, "2_other.task_1.pb": other})

	want := mustLoad(t, "task.json", data, LoadOptions{})
	wantPod, _, err := want.Pod(fixedOptions)
	if err != nil {
		t.Fatal(err)
	}
	forms := []struct {
		name, path string
		data       []byte
		opts       LoadOptions
	}{
		{"flytectl JSON", "closure.compiledTask.template", data, LoadOptions{}},
		{"flytectl YAML", "closure.compiledTask.template", yamlDoc, LoadOptions{}},
		{"bare template", "", bare, LoadOptions{}},
		{"snake_case template", "", snakeJSON, LoadOptions{}},
		{"flytectl list, newest", "[1].closure.compiledTask.template", []byte(list), LoadOptions{}},
		{"flytectl list, --version", "[1].closure.compiledTask.template", []byte(list), LoadOptions{Version: "v1"}},
		{"binary TaskSpec", "template", pb, LoadOptions{}},
		{"pyflyte package, --task short name", "0_examples.pod.fetch_from_sidecar_1.pb:template", tgz, LoadOptions{Task: "fetch_from_sidecar"}},
	}
	for _, f := range forms {
		t.Run(f.name, func(t *testing.T) {
			if !IsTask(f.data) {
				t.Fatal("IsTask = false")
			}
			task := mustLoad(t, "f", f.data, f.opts)
			if task.Path != f.path {
				t.Errorf("Path = %q, want %q", task.Path, f.path)
			}
			if task.ID.Name != "examples.pod.fetch_from_sidecar" || task.PrimaryName != "primary" || task.TaskTypeVersion != 2 {
				t.Errorf("task = %+v", task.ID)
			}
			if v, ok := task.Interface.Input("n"); !ok || v.Type.Simple != "INTEGER" {
				t.Errorf("input n = %+v", v)
			}
			pod, primary, err := task.Pod(fixedOptions)
			if err != nil {
				t.Fatal(err)
			}
			if primary != "primary" || !reflect.DeepEqual(pod.Spec, wantPod.Spec) || !reflect.DeepEqual(pod.Labels, wantPod.Labels) {
				t.Errorf("pod differs from the JSON form's:\n%s", renderPod(t, pod))
			}
		})
	}

	old := mustLoad(t, "list", []byte(list), LoadOptions{Version: "v0"})
	if old.ID.Version != "v0" || !strings.Contains(strings.Join(old.PodSpec.Containers[0].Args, " "), "old sidecar") {
		t.Errorf("--version v0 picked %s", old.ID.Version)
	}
}

func TestLoadChoosing(t *testing.T) {
	data := readFile(t, exampleJSON)
	tmpl := templateOf(t, data)
	pb := taskSpecPB(t, tmpl)
	other := taskSpecPB(t, map[string]any{"id": map[string]any{"project": "p", "domain": "d", "name": "other.fetch_from_sidecar", "version": "v1"},
		"type": "sidecar", "k8sPod": tmpl["k8sPod"]})
	tgz := tarGz(t, map[string][]byte{"0_examples.pod.fetch_from_sidecar_1.pb": pb, "2_other.task_1.pb": other})
	cases := []struct {
		name string
		data []byte
		opts LoadOptions
		want string
	}{
		{"several tasks, no --task", tgz, LoadOptions{}, "holds 2 tasks; choose one with --task: examples.pod.fetch_from_sidecar, other.fetch_from_sidecar"},
		{"ambiguous short name", tgz, LoadOptions{Task: "fetch_from_sidecar"}, `"fetch_from_sidecar" is ambiguous; choose one with --task: examples.pod.fetch_from_sidecar, other.fetch_from_sidecar`},
		{"unknown task", tgz, LoadOptions{Task: "nope"}, `no task named "nope"; it holds: examples.pod.fetch_from_sidecar, other.fetch_from_sidecar`},
		{"unknown version", data, LoadOptions{Version: "v9"}, `no version "v9"; versions: v1`},
		{"not a task", []byte("apiVersion: v1\nkind: Pod\n"), LoadOptions{}, "not a Flyte task"},
		{"not a pod task type", []byte(`{"type": "spark", "custom": {}}`), LoadOptions{}, `type: task type "spark" is not run by Flyte's pod plugin`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load("f.tgz", c.data, c.opts)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want it to say %q", err, c.want)
			}
		})
	}
	if task := mustLoad(t, "f.tgz", tgz, LoadOptions{Task: "examples.pod.fetch_from_sidecar"}); task.ID.Project != "flytesnacks" {
		t.Errorf("full name picked %+v", task.ID)
	}
}

func TestIsTask(t *testing.T) {
	cases := map[string]struct {
		data string
		want bool
	}{
		"pod manifest":     {"apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: [{name: a, image: b}]}\n", false},
		"bare pod spec":    {`{"containers": [{"name": "a", "image": "b"}]}`, false},
		"empty":            {"", false},
		"random bytes":     {"\x08\x96\x01\xff\xfe", false},
		"yaml template":    {"type: sidecar\ntaskTypeVersion: 2\nk8sPod: {podSpec: {containers: []}}\nconfig: {primary_container_name: primary}\n", true},
		"snake_case":       {`{"type": "python-task", "k8s_pod": {"pod_spec": {}}}`, true},
		"TaskSpec JSON":    {`{"template": {"type": "sidecar", "k8sPod": {}}}`, true},
		"gzip of nothing":  {"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x03\x00\x00\x00\x00\x00\x00\x00\x00\x00", false},
		"a list of things": {`[1, 2]`, false},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if got := IsTask([]byte(c.data)); got != c.want {
				t.Errorf("IsTask = %v, want %v", got, c.want)
			}
		})
	}
}
