package podspec

import (
	"reflect"
	"strconv"
	"strings"
)

// Field paths are written the way the API server writes them (k8s.io/apimachinery field.Path):
// struct fields joined by ".", list items as "[3]", map keys as "[key]", e.g.
// spec.containers[0].resources.limits[cpu].

func joinField(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func joinIndex(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

func joinKey(path, key string) string { return path + "[" + key + "]" }

// parentPath drops the last segment of a path: "a.b[2]" → "a.b", "a.b" → "a", "a" → "".
func parentPath(path string) string {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			return path[:i]
		}
	}
	if i := strings.LastIndexAny(path, ".]"); i >= 0 {
		if path[i] == ']' {
			if i+1 == len(path) {
				return "" // malformed: a "]" with no "["
			}
			return path[:i+1]
		}
		return path[:i]
	}
	return ""
}

// lastSegment is the final field name of a path ("imagePullPolcy" of "spec.containers[1].imagePullPolcy").
func lastSegment(path string) string {
	parent := parentPath(path)
	return strings.TrimPrefix(strings.TrimPrefix(path, parent), ".")
}

// isWithin reports whether path is base or lies below it.
func isWithin(path, base string) bool {
	if base == "" || path == base {
		return true
	}
	return strings.HasPrefix(path, base) && (path[len(base)] == '.' || path[len(base)] == '[')
}

// typeAt resolves the Go type found at a path below root, or nil when the path leaves the
// type (an unknown field).
func typeAt(root reflect.Type, path string) reflect.Type {
	t := indirectType(root)
	for path != "" {
		var seg string
		switch {
		case path[0] == '[':
			end := strings.IndexByte(path, ']')
			if end < 0 {
				return nil
			}
			path = path[end+1:]
			switch t.Kind() {
			case reflect.Slice, reflect.Array, reflect.Map:
				t = indirectType(t.Elem())
			default:
				return nil
			}
			continue
		case path[0] == '.':
			path = path[1:]
			continue
		default:
			end := strings.IndexAny(path, ".[")
			if end < 0 {
				end = len(path)
			}
			seg, path = path[:end], path[end:]
		}
		if t.Kind() != reflect.Struct {
			return nil
		}
		ft, ok := structFields(t)[seg]
		if !ok {
			return nil
		}
		t = indirectType(ft)
	}
	return t
}

// lineAt returns the line of path, or of its nearest ancestor that has one; 0 if none does.
func lineAt(lines map[string]int, path string) int {
	for {
		if line, ok := lines[path]; ok {
			return line
		}
		if path == "" {
			return 0
		}
		path = parentPath(path)
	}
}
