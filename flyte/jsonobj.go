package flyte

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// obj is a protobuf-JSON object. protojson accepts a field by its lowerCamelCase JSON name or
// by its original snake_case name, so every lookup tries both (§1.4).
type obj map[string]any

// snake turns a lowerCamelCase field name into the proto field name: k8sPod → k8s_pod.
func snake(camel string) string {
	var b strings.Builder
	for _, r := range camel {
		if unicode.IsUpper(r) {
			b.WriteByte('_')
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// key returns the key under which field camel is present (camel or snake_case), or "".
func (o obj) key(camel string) string {
	if _, ok := o[camel]; ok {
		return camel
	}
	if s := snake(camel); s != camel {
		if _, ok := o[s]; ok {
			return s
		}
	}
	return ""
}

// get returns the field's value; a JSON null counts as absent, as protojson treats it.
func (o obj) get(camel string) (any, bool) {
	k := o.key(camel)
	if k == "" || o[k] == nil {
		return nil, false
	}
	return o[k], true
}

func (o obj) str(camel string) string {
	v, _ := o.get(camel)
	s, _ := v.(string)
	return s
}

func (o obj) object(camel string) (obj, bool) {
	v, _ := o.get(camel)
	m, ok := v.(map[string]any)
	return obj(m), ok
}

func (o obj) objects(camel string) []obj {
	v, _ := o.get(camel)
	list, _ := v.([]any)
	var out []obj
	for _, item := range list {
		if m, ok := item.(map[string]any); ok {
			out = append(out, obj(m))
		}
	}
	return out
}

func (o obj) strings(camel string) []string {
	v, _ := o.get(camel)
	list, _ := v.([]any)
	if list == nil {
		return nil
	}
	out := make([]string, 0, len(list))
	for _, item := range list {
		out = append(out, fmt.Sprint(item))
	}
	return out
}

func (o obj) stringMap(camel string) map[string]string {
	m, ok := o.object(camel)
	if !ok || len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		if s, ok := v.(string); ok {
			out[k] = s
		} else {
			out[k] = fmt.Sprint(v)
		}
	}
	return out
}

// int reads an integer field: protojson writes int32 as a number and int64 as a string.
func (o obj) int(camel string) (int64, error) {
	v, ok := o.get(camel)
	if !ok {
		return 0, nil
	}
	switch n := v.(type) {
	case float64:
		if n != math.Trunc(n) {
			return 0, fmt.Errorf("%s: %v is not an integer", camel, n)
		}
		return int64(n), nil
	case string:
		i, err := strconv.ParseInt(n, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%s: %q is not an integer", camel, n)
		}
		return i, nil
	}
	return 0, fmt.Errorf("%s: want an integer, got %T", camel, v)
}

// enumName reads a protojson enum: its name, or its number.
func enumName(v any, names []string) string {
	switch e := v.(type) {
	case string:
		return e
	case float64:
		if e >= 0 && int(e) < len(names) {
			return names[int(e)]
		}
		return fmt.Sprint(e)
	}
	return ""
}
