package flyte

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/podrun/podrun/podspec"
	"sigs.k8s.io/yaml"
)

// LoadOptions choose one task when a file holds several.
type LoadOptions struct {
	// Task names the task to load from a pyflyte package (.tgz) or a flytectl list: its full
	// name (workflows.pod_example.uses_redis) or its last part (uses_redis).
	Task string
	// Version picks a version from flytectl's list of versions; the newest by default.
	Version string
}

// IsTask reports, by content, whether data is a Flyte task in any supported form: flytectl's
// admin.Task JSON or YAML (or a list of them), a bare TaskTemplate or admin.TaskSpec in
// protobuf-JSON or YAML, a binary admin.TaskSpec or TaskTemplate (.pb), or a pyflyte package
// (.tgz) holding at least one task.
func IsTask(data []byte) bool {
	if isGzip(data) {
		entries, err := archiveTasks("", data)
		return err == nil && len(entries) > 0
	}
	if v, ok := textDocument(data); ok {
		return len(textCandidates(v)) > 0
	}
	_, ok := binaryTemplate(data)
	return ok
}

// Load decodes the task in data, from any form IsTask recognises, and resolves its pod spec and
// primary container by generation (§1.1). Errors name file and the field path.
func Load(file string, data []byte, o LoadOptions) (*Task, error) {
	var cands []candidate
	switch {
	case isGzip(data):
		var err error
		if cands, err = archiveTasks(file, data); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		if len(cands) == 0 {
			return nil, fmt.Errorf("%s: the package holds no task (no admin.TaskSpec .pb file)", file)
		}
	default:
		if v, ok := textDocument(data); ok {
			if cands = textCandidates(v); len(cands) == 0 {
				return nil, fmt.Errorf("%s: not a Flyte task: want flytectl's task JSON/YAML, a TaskTemplate or a TaskSpec", file)
			}
			break
		}
		c, ok := binaryTemplate(data)
		if !ok {
			return nil, fmt.Errorf("%s: not a Flyte task: neither JSON/YAML nor a binary admin.TaskSpec", file)
		}
		cands = []candidate{c}
	}
	c, err := choose(file, cands, o)
	if err != nil {
		return nil, err
	}
	t := &Task{File: file, Path: c.path}
	if err := c.fill(t); err != nil {
		if _, ok := err.(podspec.FieldError); ok {
			return nil, err
		}
		return nil, podspec.FieldError{File: file, Path: c.path, Msg: err.Error()}
	}
	if err := t.resolve(); err != nil {
		return nil, err
	}
	return t, nil
}

// candidate is one task a file holds, decoded only once chosen.
type candidate struct {
	path    string
	id      Identifier
	created time.Time
	fill    func(*Task) error
}

func isGzip(data []byte) bool { return len(data) > 2 && data[0] == 0x1f && data[1] == 0x8b }

// textDocument decodes JSON or YAML into plain values. Binary protobuf is not text: it is
// refused before the YAML parser can read it as a scalar.
func textDocument(data []byte) (any, bool) {
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return nil, false
	}
	js, err := yaml.YAMLToJSON(data)
	if err != nil {
		return nil, false
	}
	var v any
	if err := json.Unmarshal(js, &v); err != nil {
		return nil, false
	}
	switch v.(type) {
	case map[string]any, []any:
		return v, true
	}
	return nil, false
}

// textCandidates finds the task templates of a protobuf-JSON document: an admin.Task (or a
// list, as flytectl prints several versions, §1.4), an admin.TaskSpec, a TaskCreateRequest,
// or a bare TaskTemplate.
func textCandidates(v any) []candidate {
	if list, ok := v.([]any); ok {
		var out []candidate
		for i, item := range list {
			m, ok := item.(map[string]any)
			if !ok {
				continue
			}
			for _, c := range objectCandidates(obj(m)) {
				c.path = joinPath(fmt.Sprintf("[%d]", i), c.path)
				out = append(out, c)
			}
		}
		return out
	}
	m, _ := v.(map[string]any)
	return objectCandidates(obj(m))
}

func objectCandidates(o obj) []candidate {
	var path string
	var tmpl obj
	if closure, ok := o.object("closure"); ok {
		ct, _ := closure.object("compiledTask")
		tmpl, _ = ct.object("template")
		path = o.key("closure") + "." + closure.key("compiledTask") + "." + ct.key("template")
	} else if t, ok := o.object("template"); ok && o.key("type") == "" {
		tmpl, path = t, "template"
	} else if spec, ok := o.object("spec"); ok && o.key("type") == "" {
		tmpl, _ = spec.object("template")
		path = "spec.template"
	} else if looksLikeTemplate(o) {
		tmpl = o
	}
	if tmpl == nil || tmpl.str("type") == "" {
		return nil
	}
	c := candidate{path: path, fill: func(t *Task) error { return templateFromJSON(t, tmpl) }}
	if id, ok := tmpl.object("id"); ok {
		c.id = Identifier{Name: id.str("name"), Version: id.str("version")}
	}
	if closure, ok := o.object("closure"); ok {
		c.created, _ = time.Parse(time.RFC3339Nano, closure.str("createdAt"))
	}
	return []candidate{c}
}

// looksLikeTemplate tells a bare TaskTemplate from other YAML (a Kubernetes object has
// apiVersion and kind, and no string "type" beside a target or interface).
func looksLikeTemplate(o obj) bool {
	if o.key("apiVersion") != "" || o.key("kind") != "" {
		return false
	}
	if _, ok := o.get("type"); !ok {
		return false
	}
	for _, k := range []string{"k8sPod", "container", "custom", "interface", "taskTypeVersion", "config", "id"} {
		if o.key(k) != "" {
			return true
		}
	}
	return false
}

var taskTypeRE = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)

// binaryTemplate recognises a binary admin.TaskSpec (template = 1), as pyflyte serialize and
// package write (§1.4), or a bare core.TaskTemplate.
func binaryTemplate(data []byte) (candidate, bool) {
	m, err := parseMessage(data)
	if err != nil || len(m) == 0 {
		return candidate{}, false
	}
	if f, ok, err := m.last(1, 2); err == nil && ok {
		if id, ok := templateIdentity(f.b); ok {
			return candidate{path: "template", id: id, fill: func(t *Task) error { return templateFromPB(t, f.b) }}, true
		}
	}
	if id, ok := templateIdentity(data); ok {
		return candidate{id: id, fill: func(t *Task) error { return templateFromPB(t, data) }}, true
	}
	return candidate{}, false
}

// templateIdentity checks that b is a TaskTemplate: a task type, and an id (when present)
// whose resource type is TASK (1) or unset.
func templateIdentity(b []byte) (Identifier, bool) {
	m, err := parseMessage(b)
	if err != nil {
		return Identifier{}, false
	}
	typ, err := m.str(2)
	if err != nil || !taskTypeRE.MatchString(typ) {
		return Identifier{}, false
	}
	idm, _, err := m.sub(1)
	if err != nil {
		return Identifier{}, false
	}
	if rt, ok, err := idm.varint(1); err != nil || (ok && rt != 1) {
		return Identifier{}, false
	}
	id, err := identifierFromPB(idm)
	return id, err == nil
}

// choose picks the task o names among cands: by name (--task), then by version (--version),
// else the newest version (flytectl lists newest first, so the first wins a tie).
func choose(file string, cands []candidate, o LoadOptions) (candidate, error) {
	if o.Task != "" {
		var named []candidate
		for _, c := range cands {
			if c.id.Name == o.Task || strings.HasSuffix(c.id.Name, "."+o.Task) {
				named = append(named, c)
			}
		}
		if len(named) == 0 {
			return candidate{}, fmt.Errorf("%s: no task named %q; it holds: %s", file, o.Task, taskNames(cands))
		}
		cands = named
	}
	if names := distinctNames(cands); len(names) > 1 {
		if o.Task != "" {
			return candidate{}, fmt.Errorf("%s: %q is ambiguous; choose one with --task: %s", file, o.Task, strings.Join(names, ", "))
		}
		return candidate{}, fmt.Errorf("%s: holds %d tasks; choose one with --task: %s", file, len(names), strings.Join(names, ", "))
	}
	if o.Version != "" {
		var versioned []candidate
		var versions []string
		for _, c := range cands {
			versions = append(versions, c.id.Version)
			if c.id.Version == o.Version {
				versioned = append(versioned, c)
			}
		}
		if len(versioned) == 0 {
			return candidate{}, fmt.Errorf("%s: no version %q; versions: %s", file, o.Version, strings.Join(versions, ", "))
		}
		cands = versioned
	}
	best := cands[0]
	for _, c := range cands[1:] {
		if c.created.After(best.created) {
			best = c
		}
	}
	return best, nil
}

func distinctNames(cands []candidate) []string {
	seen := map[string]bool{}
	var names []string
	for _, c := range cands {
		if !seen[c.id.Name] {
			seen[c.id.Name] = true
			names = append(names, c.id.Name)
		}
	}
	sort.Strings(names)
	return names
}

func taskNames(cands []candidate) string {
	names := distinctNames(cands)
	if len(names) == 0 {
		return "no tasks"
	}
	return strings.Join(names, ", ")
}
