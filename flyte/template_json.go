package flyte

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

var resourceNames = []string{"UNKNOWN", "CPU", "GPU", "MEMORY", "STORAGE", "EPHEMERAL_STORAGE"}

// k8sResourceName maps core.Resources.ResourceName to the Kubernetes name propeller uses
// (ToK8sResourceRequirements; GPU becomes nvidia.com/gpu, §1.5, §3.7).
func k8sResourceName(enum string) string {
	switch enum {
	case "CPU":
		return "cpu"
	case "GPU":
		return "nvidia.com/gpu"
	case "MEMORY":
		return "memory"
	case "STORAGE":
		return "storage"
	case "EPHEMERAL_STORAGE":
		return "ephemeral-storage"
	}
	return strings.ToLower(enum)
}

// templateFromJSON fills t from a protobuf-JSON TaskTemplate (§1.4): flytectl's output, a bare
// template, or its YAML form.
func templateFromJSON(t *Task, o obj) error {
	if id, ok := o.object("id"); ok {
		t.ID = Identifier{Project: id.str("project"), Domain: id.str("domain"), Name: id.str("name"), Version: id.str("version")}
	}
	t.Type = o.str("type")
	v, err := o.int("taskTypeVersion")
	if err != nil {
		return t.fieldErr("taskTypeVersion", err.Error())
	}
	t.TaskTypeVersion = int(v)
	if m, ok := o.object("metadata"); ok {
		if err := metadataFromJSON(&t.Metadata, m); err != nil {
			return t.fieldErr("metadata."+err.path, err.msg)
		}
	}
	if i, ok := o.object("interface"); ok {
		t.Interface = Interface{Inputs: variablesFromJSON(i, "inputs"), Outputs: variablesFromJSON(i, "outputs")}
	}
	if c, ok := o.object("custom"); ok {
		t.Custom = c
	}
	if c, ok := o.object("container"); ok {
		t.Container = containerFromJSON(c)
	}
	if p, ok := o.object("k8sPod"); ok {
		k := &K8sPod{PrimaryContainerName: p.str("primaryContainerName")}
		if md, ok := p.object("metadata"); ok {
			k.Labels, k.Annotations = md.stringMap("labels"), md.stringMap("annotations")
		}
		if spec, ok := p.object("podSpec"); ok {
			k.PodSpec = spec
		}
		_, k.DataConfig = p.object("dataConfig")
		t.K8sPod = k
	}
	t.Config = o.stringMap("config")
	if sc, ok := o.object("securityContext"); ok {
		t.Secrets = len(sc.objects("secrets"))
	}
	if er, ok := o.object("extendedResources"); ok {
		if sm, ok := er.object("sharedMemory"); ok {
			t.SharedMemory = &SharedMemory{MountPath: sm.str("mountPath"), MountName: sm.str("mountName"), SizeLimit: sm.str("sizeLimit")}
		}
	}
	return nil
}

type pathErr struct{ path, msg string }

func metadataFromJSON(md *Metadata, m obj) *pathErr {
	if r, ok := m.object("runtime"); ok {
		md.RuntimeVersion = r.str("version")
	}
	if r, ok := m.object("retries"); ok {
		n, err := r.int("retries")
		if err != nil {
			return &pathErr{"retries.retries", err.Error()}
		}
		md.Retries = int(n)
	}
	if s := m.str("timeout"); s != "" {
		d, err := parseJSONDuration(s)
		if err != nil {
			return &pathErr{"timeout", err.Error()}
		}
		md.Timeout = d
	}
	if v, ok := m.get("interruptible"); ok {
		b, isBool := v.(bool)
		if !isBool {
			return &pathErr{"interruptible", fmt.Sprintf("want a boolean, got %v", v)}
		}
		md.Interruptible = &b
	}
	md.PodTemplateName = m.str("podTemplateName")
	if k, ok := m.object("metadata"); ok {
		md.Labels, md.Annotations = k.stringMap("labels"), k.stringMap("annotations")
	}
	return nil
}

// parseJSONDuration reads a protojson google.protobuf.Duration: "3600s", "1.5s".
func parseJSONDuration(s string) (time.Duration, error) {
	num, ok := strings.CutSuffix(s, "s")
	if !ok {
		return 0, fmt.Errorf("duration %q does not end in \"s\"", s)
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, fmt.Errorf("duration %q: not a number of seconds", s)
	}
	return time.Duration(f * float64(time.Second)), nil
}

func variablesFromJSON(i obj, which string) []Variable {
	vm, ok := i.object(which)
	if !ok {
		return nil
	}
	vars, _ := vm.object("variables")
	out := make([]Variable, 0, len(vars))
	for name, raw := range vars {
		v, _ := raw.(map[string]any)
		lt, _ := obj(v).object("type")
		out = append(out, Variable{Name: name, Type: literalTypeFromJSON(lt), Description: obj(v).str("description")})
	}
	sortVariables(out)
	return out
}

func sortVariables(v []Variable) { sort.Slice(v, func(i, j int) bool { return v[i].Name < v[j].Name }) }

func containerFromJSON(c obj) *Container {
	out := &Container{Image: c.str("image"), Command: c.strings("command"), Args: c.strings("args")}
	for _, kv := range c.objects("env") {
		out.Env = append(out.Env, KeyValue{Key: kv.str("key"), Value: kv.str("value")})
	}
	if r, ok := c.object("resources"); ok {
		out.Requests, out.Limits = resourceEntriesFromJSON(r.objects("requests")), resourceEntriesFromJSON(r.objects("limits"))
	}
	_, out.DataConfig = c.object("dataConfig")
	return out
}

func resourceEntriesFromJSON(list []obj) []ResourceEntry {
	var out []ResourceEntry
	for _, e := range list {
		name, _ := e.get("name")
		out = append(out, ResourceEntry{Name: k8sResourceName(enumName(name, resourceNames)), Value: e.str("value")})
	}
	return out
}
