package warnings

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// podField is one field found by walking corev1.Pod: its owner type, JSON name and Go type.
type podField struct {
	owner reflect.Type
	name  string // Owner.json
	sf    reflect.StructField
}

var jsonMarshaler = reflect.TypeFor[json.Marshaler]()

// isLeaf reports whether a type serializes as a scalar (Quantity, Time, IntOrString…).
func isLeaf(t reflect.Type) bool {
	return t.Kind() != reflect.Struct || t.Implements(jsonMarshaler) || reflect.PointerTo(t).Implements(jsonMarshaler)
}

func elemType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	return t
}

func jsonName(sf reflect.StructField) string {
	return strings.Split(sf.Tag.Get("json"), ",")[0]
}

// walkPod lists every field reachable from corev1.Pod, each type once, except PodStatus
// (classified as a whole: Pod.status).
func walkPod(t *testing.T) []podField {
	var out []podField
	seen := map[reflect.Type]bool{}
	names := map[string]reflect.Type{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		ty = elemType(ty)
		if isLeaf(ty) || seen[ty] {
			return
		}
		seen[ty] = true
		if prev, ok := names[ty.Name()]; ok && prev != ty {
			t.Fatalf("two types named %s (%s, %s): the classification's type.field names would be ambiguous", ty.Name(), prev.PkgPath(), ty.PkgPath())
		}
		names[ty.Name()] = ty
		for i := 0; i < ty.NumField(); i++ {
			sf := ty.Field(i)
			name := jsonName(sf)
			if name == "-" || !sf.IsExported() {
				continue
			}
			if name == "" && sf.Anonymous {
				walk(sf.Type) // inline: its fields belong to the embedded type
				continue
			}
			out = append(out, podField{owner: ty, name: ty.Name() + "." + name, sf: sf})
			if ty == reflect.TypeFor[corev1.Pod]() && name == "status" {
				continue
			}
			walk(sf.Type)
		}
	}
	walk(reflect.TypeFor[corev1.Pod]())
	return out
}

func TestClassificationCoversEveryPodField(t *testing.T) {
	classified := map[string]Field{}
	for _, f := range Classification() {
		if _, dup := classified[f.Name]; dup {
			t.Errorf("%s is classified twice", f.Name)
		}
		if f.Note == "" {
			t.Errorf("%s has no note", f.Name)
		}
		if !validClass(f.Class) {
			t.Errorf("%s has unknown class %q", f.Name, f.Class)
		}
		classified[f.Name] = f
	}
	walked := map[string]bool{}
	for _, f := range walkPod(t) {
		walked[f.name] = true
		if _, ok := classified[f.name]; !ok {
			t.Errorf("%s (%s) is not classified: add it to a fields_*.go table, and a rule if it is not emulated", f.name, f.sf.Type)
		}
	}
	for name := range classified {
		if !walked[name] {
			t.Errorf("%s is classified but no longer exists in k8s.io/api: remove it", name)
		}
	}
}

func validClass(c Class) bool {
	for _, k := range Classes {
		if c == k {
			return true
		}
	}
	return false
}
