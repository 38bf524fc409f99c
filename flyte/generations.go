package flyte

import (
	"fmt"

	"github.com/podrun/podrun/podspec"
	"sort"
	"strings"
)

// podPluginTypes are the task types propeller's pod plugin builds a pod for (§3.1).
var podPluginTypes = map[string]bool{TypeSidecar: true, TypePythonTask: true, TypeContainer: true, TypeRawContainer: true}

// resolve finds the pod spec and the primary container name where the task's generation keeps
// them (§1.1, plugin.BuildResource), failing with propeller's BadTaskSpecification messages.
func (t *Task) resolve() error {
	if !podPluginTypes[t.Type] {
		return t.fieldErr("type", fmt.Sprintf("task type %q is not run by Flyte's pod plugin; podrun runs sidecar, python-task, container and raw-container tasks", t.Type))
	}
	var raw map[string]any
	switch {
	case t.Type == TypeSidecar && t.TaskTypeVersion == 0:
		// Go's sidecarJob struct, decoded with encoding/json: keys match case-insensitively.
		if t.Custom == nil {
			return t.fieldErr("custom", "invalid TaskSpecification, nil custom: a version 0 sidecar task keeps its pod spec in custom.podSpec")
		}
		key := foldKey(t.Custom, "podSpec")
		spec, _ := t.Custom[key].(map[string]any)
		if spec == nil {
			return t.fieldErr("custom", "invalid TaskSpecification, nil PodSpec: custom has no podSpec")
		}
		raw, t.SpecPath = spec, joinPath(t.Path, "custom."+key)
		t.PrimaryName, _ = t.Custom[foldKey(t.Custom, "primaryContainerName")].(string)
		t.PodLabels = anyStringMap(t.Custom[foldKey(t.Custom, "labels")])
		t.PodAnnotations = anyStringMap(t.Custom[foldKey(t.Custom, "annotations")])
	case t.Type == TypeSidecar && t.TaskTypeVersion == 1:
		if t.Custom == nil {
			return t.fieldErr("custom", "Unable to unmarshal task custom: nil Struct Object passed (a version 1 sidecar task's custom is its pod spec)")
		}
		raw, t.SpecPath = t.Custom, joinPath(t.Path, "custom")
		if err := t.primaryFromConfig(); err != nil {
			return err
		}
	case t.K8sPod != nil:
		if t.K8sPod.PodSpec == nil {
			return t.fieldErr("k8sPod.podSpec", "Pod tasks with task type version > 1 should specify their target as a K8sPod with a defined pod spec")
		}
		raw, t.SpecPath = t.K8sPod.PodSpec, joinPath(t.Path, "k8sPod.podSpec")
		t.PodLabels, t.PodAnnotations = t.K8sPod.Labels, t.K8sPod.Annotations
		if err := t.primaryFromConfig(); err != nil {
			return err
		}
	case t.Container != nil:
		// BuildRawContainer: one container, named after the pod (§3.6); the name is known only
		// once the pod's name is (Task.Pod).
		return nil
	default:
		return t.fieldErr("", "invalid TaskSpecification, unable to determine Pod configuration: the template has neither a k8sPod nor a container target")
	}
	spec, dropped, err := decodePodSpec(raw)
	if err != nil {
		return podspec.FieldError{File: t.File, Path: t.SpecPath, Msg: "Unable to unmarshal task k8s pod: " + err.Error()}
	}
	t.PodSpec = spec
	for _, d := range dropped {
		t.Dropped = append(t.Dropped, joinPath(t.SpecPath, d))
	}
	return nil
}

// primaryFromConfig reads config["primary_container_name"] (getPrimaryContainerNameFromConfig).
func (t *Task) primaryFromConfig() error {
	if len(t.Config) == 0 {
		return t.fieldErr("config", fmt.Sprintf("invalid TaskSpecification, config needs to be non-empty and include missing [%s] key", PrimaryContainerKey))
	}
	name, ok := t.Config[PrimaryContainerKey]
	if !ok {
		return t.fieldErr("config", fmt.Sprintf("invalid TaskSpecification, config missing [%s] key in [%s]", PrimaryContainerKey, goMap(t.Config)))
	}
	t.PrimaryName = name
	return nil
}

// foldKey returns the key of m that encoding/json would match to name: exact, else the first
// case-insensitive match (in sorted order, for determinism).
func foldKey(m map[string]any, name string) string {
	if _, ok := m[name]; ok {
		return name
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.EqualFold(k, name) {
			return k
		}
	}
	return name
}

func anyStringMap(v any) map[string]string {
	m, _ := v.(map[string]any)
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, val := range m {
		out[k] = fmt.Sprint(val)
	}
	return out
}

// goMap prints a map as Go's %v does (sorted keys): map[a:b c:d].
func goMap(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ":" + m[k]
	}
	return "map[" + strings.Join(parts, " ") + "]"
}
