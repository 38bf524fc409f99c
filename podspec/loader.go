package podspec

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"

	sjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
	yaml3 "sigs.k8s.io/yaml/goyaml.v3"

	corev1 "k8s.io/api/core/v1"
)

// loader collects what the documents of one file hold, and every problem found on the way.
type loader struct {
	file       string
	errs       ErrorList
	pods       []*podSource
	configMaps map[string]*corev1.ConfigMap
	secrets    map[string]*corev1.Secret
	firstSeen  map[string]int // "ConfigMap/name" → line, to report duplicates
}

// podSource is a pod found in the file, with what Load needs to build the Input.
type podSource struct {
	pod    *corev1.Pod
	origin Origin
	lines  map[string]int // by Pod path
	line   int            // line of the object in the file
	failed []string       // file paths that failed to decode: validation stays quiet there
}

// object is one Kubernetes object of a document: the document itself, or an item of a List.
type object struct {
	doc   document
	node  *yaml3.Node
	value map[string]any
	path  string // where the object sits in the document: "" or "items[3]"
}

func newLoader(file string) *loader {
	return &loader{
		file:       file,
		configMaps: map[string]*corev1.ConfigMap{},
		secrets:    map[string]*corev1.Secret{},
		firstSeen:  map[string]int{},
	}
}

func (l *loader) add(e FieldError) {
	e.File = l.file
	l.errs = append(l.errs, e)
}

// loadDocument parses one YAML (or JSON) document and loads the object it holds.
func (l *loader) loadDocument(doc document) {
	jsonData, err := yaml.YAMLToJSON(doc.data)
	if err != nil {
		l.add(yamlError(err, doc))
		return
	}
	var root yaml3.Node
	if err := yaml3.Unmarshal(doc.data, &root); err != nil {
		l.add(yamlError(err, doc))
		return
	}
	var value any
	if err := sjson.UnmarshalCaseSensitivePreserveInts(jsonData, &value); err != nil {
		l.add(FieldError{Line: doc.firstLine, Msg: fmt.Sprintf("document %d: %v", doc.index, err)})
		return
	}
	node := contentNode(&root)
	switch v := value.(type) {
	case nil:
		return // an empty document ("~" or "null")
	case map[string]any:
		l.loadObject(object{doc: doc, node: node, value: v})
	default:
		l.add(FieldError{Line: nodeLine(node, doc), Msg: fmt.Sprintf(
			"document %d is %s: expected a Kubernetes object (a mapping with kind and apiVersion) or a bare PodSpec", doc.index, describe(v))})
	}
}

// yamlLine finds the "line N" that YAML errors carry, relative to the document.
var yamlLine = regexp.MustCompile(`^(?:error converting YAML to JSON: )?yaml: line (\d+): `)

func yamlError(err error, doc document) FieldError {
	msg := err.Error()
	line := doc.firstLine
	if m := yamlLine.FindStringSubmatchIndex(msg); m != nil {
		n, _ := strconv.Atoi(msg[m[2]:m[3]])
		line = doc.firstLine + n - 1
		msg = msg[m[1]:]
	}
	return FieldError{Line: line, Msg: "invalid YAML: " + msg}
}

func contentNode(n *yaml3.Node) *yaml3.Node {
	if n.Kind == yaml3.DocumentNode && len(n.Content) > 0 {
		return n.Content[0]
	}
	return n
}

func nodeLine(n *yaml3.Node, doc document) int {
	if n == nil || n.Line == 0 {
		return doc.firstLine
	}
	return n.Line + doc.firstLine - 1
}

// decode decodes an object strictly into target, reporting problems with file paths and lines.
// It returns the object's line index (file paths) and the paths that failed to decode.
func (l *loader) decode(o object, target any) (lines map[string]int, failed []string) {
	idx := newLineIndex(o.doc.firstLine)
	idx.walk(o.node, reflect.TypeOf(target).Elem(), o.path)
	idx.lines[o.path] = nodeLine(o.node, o.doc)
	for _, e := range idx.duplicates {
		l.add(e)
	}
	for _, e := range decodeStrict(o.value, target) {
		e.Path = joinPath(o.path, e.Path)
		e.Line = lineAt(idx.lines, e.Path)
		failed = append(failed, e.Path)
		l.add(e)
	}
	return idx.lines, failed
}

// joinPath appends a path relative to an object to the object's own path.
func joinPath(base, rel string) string {
	if base == "" || rel == "" || rel[0] == '[' {
		return base + rel
	}
	return base + "." + rel
}
