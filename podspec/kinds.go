package podspec

import (
	"fmt"
	"strings"

	yaml3 "sigs.k8s.io/yaml/goyaml.v3"
)

// apiVersions lists the kinds podrun reads, with the apiVersion each must have. Workloads are
// read for their pod template only.
var apiVersions = map[string]string{
	"Pod":         "v1",
	"ConfigMap":   "v1",
	"Secret":      "v1",
	"List":        "v1",
	"Deployment":  "apps/v1",
	"StatefulSet": "apps/v1",
	"DaemonSet":   "apps/v1",
	"ReplicaSet":  "apps/v1",
	"Job":         "batch/v1",
	"CronJob":     "batch/v1",
}

const supportedKinds = "podrun reads only Pod, ConfigMap and Secret (v1), a List of them, " +
	"and the pod template of a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob"

// loadObject dispatches an object on its kind.
func (l *loader) loadObject(o object) {
	kind, kindOK := o.value["kind"].(string)
	apiVersion, versionOK := o.value["apiVersion"].(string)
	line := func(field string) int { return l.fieldLine(o, field) }
	if o.value["kind"] == nil && o.value["apiVersion"] == nil {
		if _, ok := o.value["containers"]; ok && o.path == "" {
			l.loadBareSpec(o)
			return
		}
		l.add(FieldError{Line: nodeLine(o.node, o.doc), Path: o.path, Msg: fmt.Sprintf(
			"document %d has no kind: expected a Kubernetes object, or a bare PodSpec with containers at top level", o.doc.index)})
		return
	}
	if !kindOK || kind == "" {
		l.add(FieldError{Line: line("kind"), Path: joinPath(o.path, "kind"), Msg: "must be a kind such as Pod; " + supportedKinds})
		return
	}
	want, known := apiVersions[kind]
	if !known {
		msg := fmt.Sprintf("kind %s is not supported: %s", kind, supportedKinds)
		l.add(FieldError{Line: line("kind"), Path: joinPath(o.path, "kind"), Msg: msg})
		return
	}
	if !versionOK || apiVersion != want {
		got := "it is missing"
		if o.value["apiVersion"] != nil {
			got = "got " + describe(o.value["apiVersion"])
		}
		l.add(FieldError{Line: line("apiVersion"), Path: joinPath(o.path, "apiVersion"),
			Msg: fmt.Sprintf("must be %q for kind %s, %s", want, kind, got)})
	}
	switch kind {
	case "Pod":
		l.loadPod(o)
	case "ConfigMap":
		l.loadConfigMap(o)
	case "Secret":
		l.loadSecret(o)
	case "List":
		l.loadList(o)
	default:
		l.loadWorkload(o, kind)
	}
}

// fieldLine is the line of a top-level field of an object (or of the object when it lacks it).
func (l *loader) fieldLine(o object, field string) int {
	if o.node != nil && o.node.Kind == yaml3.MappingNode {
		for i := 0; i+1 < len(o.node.Content); i += 2 {
			if o.node.Content[i].Value == field {
				return nodeLine(o.node.Content[i], o.doc)
			}
		}
	}
	return nodeLine(o.node, o.doc)
}

// loadList loads each item of a v1 List as if it were a document of its own.
func (l *loader) loadList(o object) {
	for key := range o.value {
		switch key {
		case "apiVersion", "kind", "metadata", "items":
		default:
			msg := "unknown field"
			if guess := closestName(key, []string{"apiVersion", "kind", "metadata", "items"}); guess != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", guess)
			}
			l.add(FieldError{Line: l.fieldLine(o, key), Path: joinPath(o.path, key), Msg: msg})
		}
	}
	items, ok := o.value["items"].([]any)
	if !ok && o.value["items"] != nil {
		l.add(FieldError{Line: l.fieldLine(o, "items"), Path: joinPath(o.path, "items"), Msg: "must be a list, got " + describe(o.value["items"])})
		return
	}
	itemNodes := mappingValue(o.node, "items")
	for i, item := range items {
		path := joinIndex(joinPath(o.path, "items"), i)
		var node *yaml3.Node
		if itemNodes != nil && i < len(itemNodes.Content) {
			node = itemNodes.Content[i]
		}
		m, ok := item.(map[string]any)
		if !ok {
			l.add(FieldError{Line: nodeLine(node, o.doc), Path: path, Msg: "must be a Kubernetes object, got " + describe(item)})
			continue
		}
		l.loadObject(object{doc: o.doc, node: node, value: m, path: path})
	}
}

// mappingValue returns the value node of key in a mapping node, or nil.
func mappingValue(n *yaml3.Node, key string) *yaml3.Node {
	if n == nil || n.Kind != yaml3.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			v := n.Content[i+1]
			if v.Kind == yaml3.AliasNode {
				v = v.Alias
			}
			return v
		}
	}
	return nil
}

// describeObject names an object in messages: `Pod "web" (document 2, line 14)`.
func describeObject(kind, name string, doc, line int) string {
	var b strings.Builder
	b.WriteString(kind)
	if name != "" {
		fmt.Fprintf(&b, " %q", name)
	}
	fmt.Fprintf(&b, " (document %d, line %d)", doc, line)
	return b.String()
}
