package flyte

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// decodePodSpec decodes a pod spec Struct as propeller's utils.UnmarshalStructToObj does
// (§1.2): json.Marshal, then encoding/json into corev1.PodSpec. Keys match field names
// case-insensitively and unknown keys are dropped without a word; dropped lists them (paths
// relative to the spec) so that podrun can say so.
func decodePodSpec(raw map[string]any) (*corev1.PodSpec, []string, error) {
	data, err := json.Marshal(raw)
	if err != nil {
		return nil, nil, err
	}
	var spec corev1.PodSpec
	if err := json.Unmarshal(data, &spec); err != nil {
		return nil, nil, err
	}
	var dropped []string
	droppedKeys(raw, reflect.TypeOf(spec), "", &dropped)
	sort.Strings(dropped)
	return &spec, dropped, nil
}

var (
	jsonUnmarshaler = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()
	textUnmarshaler = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
)

// droppedKeys walks v along type t with encoding/json's matching rules and records the keys
// that match no field.
func droppedKeys(v any, t reflect.Type, path string, out *[]string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler) {
		return // Quantity, IntOrString, Time…: decoded by their own rules
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		fields := jsonFields(t)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			ft, ok := fields[k]
			if !ok {
				for name, f := range fields {
					if strings.EqualFold(name, k) {
						ft, ok = f, true
						break
					}
				}
			}
			if !ok {
				*out = append(*out, joinPath(path, k))
				continue
			}
			droppedKeys(m[k], ft, joinPath(path, k), out)
		}
	case reflect.Slice:
		list, _ := v.([]any)
		for i, item := range list {
			droppedKeys(item, t.Elem(), fmt.Sprintf("%s[%d]", path, i), out)
		}
	case reflect.Map:
		m, _ := v.(map[string]any)
		for k, item := range m {
			droppedKeys(item, t.Elem(), fmt.Sprintf("%s[%s]", path, k), out)
		}
	}
}

// jsonFields maps a struct's JSON names to field types, promoting embedded (inline) structs.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		if f.Anonymous && name == "" {
			for k, v := range jsonFields(indirect(f.Type)) {
				if _, ok := out[k]; !ok {
					out[k] = v
				}
			}
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}

func indirect(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}
