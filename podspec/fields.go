package podspec

import (
	"reflect"
	"strings"
	"sync"
)

// structFields maps the JSON names of a struct's fields (inline-embedded structs flattened,
// as encoding/json does) to their types. The decoder, the type checker and the line index all
// need to know which keys a Kubernetes type has; this is computed once per type.
func structFields(t reflect.Type) map[string]reflect.Type {
	if cached, ok := fieldCache.Load(t); ok {
		return cached.(map[string]reflect.Type)
	}
	fields := map[string]reflect.Type{}
	collectFields(t, fields)
	fieldCache.Store(t, fields)
	return fields
}

var fieldCache sync.Map // reflect.Type → map[string]reflect.Type

func collectFields(t reflect.Type, into map[string]reflect.Type) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && indirectType(f.Type).Kind() == reflect.Struct {
			collectFields(indirectType(f.Type), into) // TypeMeta `json:",inline"`
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if _, taken := into[name]; !taken {
			into[name] = f.Type
		}
	}
}

// indirectType strips pointers: *T and **T are decoded like T.
func indirectType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// fieldNames lists a struct type's JSON field names, for "did you mean" suggestions.
func fieldNames(t reflect.Type) []string {
	fields := structFields(t)
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	return names
}
