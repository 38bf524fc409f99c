package podspec

import (
	"fmt"
	"reflect"

	yaml3 "sigs.k8s.io/yaml/goyaml.v3"
)

// lineIndex records, in one walk over a document's YAML node tree, the line of every field
// path present, and the duplicate keys (which the YAML→JSON conversion would silently drop:
// the last one wins there, so the user must hear about it). Types are followed alongside so
// that map keys are written "[key]" and struct fields ".field", as validation writes them.
type lineIndex struct {
	offset     int // file line of the document's first line, minus one
	lines      map[string]int
	duplicates []FieldError
}

func newLineIndex(firstLine int) *lineIndex {
	return &lineIndex{offset: firstLine - 1, lines: map[string]int{}}
}

// walk indexes node (of Go type t, nil when unknown) at path.
func (x *lineIndex) walk(node *yaml3.Node, t reflect.Type, path string) {
	for node != nil && (node.Kind == yaml3.DocumentNode || node.Kind == yaml3.AliasNode) {
		if node.Kind == yaml3.DocumentNode {
			if len(node.Content) == 0 {
				return
			}
			node = node.Content[0]
		} else {
			node = node.Alias
		}
	}
	if node == nil {
		return
	}
	if t != nil {
		t = indirectType(t)
	}
	switch node.Kind {
	case yaml3.MappingNode:
		x.walkMapping(node, t, path, map[string]int{}, true)
	case yaml3.SequenceNode:
		var elem reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			elem = t.Elem()
		}
		for i, item := range node.Content {
			p := joinIndex(path, i)
			x.record(p, item.Line)
			x.walk(item, elem, p)
		}
	}
}

// walkMapping indexes a mapping's keys. Keys merged in from an anchor are not explicit: a key
// written in the mapping itself keeps its own line.
func (x *lineIndex) walkMapping(node *yaml3.Node, t reflect.Type, path string, seen map[string]int, explicit bool) {
	for i := 0; i+1 < len(node.Content); i += 2 {
		key, value := node.Content[i], node.Content[i+1]
		if key.Value == "<<" && key.Tag == "!!merge" {
			x.walkMerge(value, t, path, seen)
			continue
		}
		p, ft := childPath(t, path, key.Value)
		if first, dup := seen[key.Value]; dup {
			x.duplicates = append(x.duplicates, FieldError{
				Line: key.Line + x.offset, Path: p,
				Msg: fmt.Sprintf("duplicate field (first set at line %d); YAML keys must be unique", first+x.offset),
			})
			continue
		}
		seen[key.Value] = key.Line
		if explicit {
			x.lines[p] = key.Line + x.offset
		} else {
			x.record(p, key.Line)
		}
		x.walk(value, ft, p)
	}
}

// walkMerge indexes the mappings merged in with `<<: *anchor`; keys set explicitly win.
func (x *lineIndex) walkMerge(value *yaml3.Node, t reflect.Type, path string, seen map[string]int) {
	if value.Kind == yaml3.AliasNode {
		value = value.Alias
	}
	sources := []*yaml3.Node{value}
	if value.Kind == yaml3.SequenceNode {
		sources = value.Content
	}
	for _, src := range sources {
		if src.Kind == yaml3.AliasNode {
			src = src.Alias
		}
		if src.Kind == yaml3.MappingNode {
			// Merged keys may be overridden, so they get their own "seen" set.
			x.walkMapping(src, t, path, map[string]int{}, false)
		}
	}
}

// childPath is the path and Go type of key below a value of type t at path.
func childPath(t reflect.Type, path, key string) (string, reflect.Type) {
	if t == nil {
		return joinField(path, key), nil
	}
	switch t.Kind() {
	case reflect.Map:
		return joinKey(path, key), t.Elem()
	case reflect.Struct:
		return joinField(path, key), structFields(t)[key]
	}
	return joinField(path, key), nil
}

func (x *lineIndex) record(path string, line int) {
	if _, ok := x.lines[path]; !ok {
		x.lines[path] = line + x.offset
	}
}
