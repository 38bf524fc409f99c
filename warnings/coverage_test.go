package warnings

import (
	"reflect"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/podrun/podrun/podspec"
)

// TestEveryDepartureWarns is the strongest guarantee the classification gives: for each field
// classified approximated or not-emulated, a pod with just that field set (through reflection,
// on the shortest route from the Pod) must produce a warning at that field, at one of its
// ancestors or inside it.
func TestEveryDepartureWarns(t *testing.T) {
	routes := shortestRoutes()
	for _, f := range Classification() {
		if f.Class != Approximated && f.Class != NotEmulated {
			continue
		}
		t.Run(f.Name, func(t *testing.T) {
			pod, path := podWithField(t, routes, f.Name)
			ws := Analyze(&podspec.Input{File: "synthetic.yaml", Raw: pod, Pod: pod})
			for _, w := range ws {
				if related(w.Path, path) {
					return
				}
			}
			t.Errorf("%s set at %s: no warning at or around it; got %v", f.Name, path, codesOf(ws))
		})
	}
}

// departureValues are the values of the fields whose departure needs one value rather than any
// (hostUsers: true is the default behaviour, false is the departure).
var departureValues = map[string]any{
	"PodSpec.hostUsers":           new(false),
	"PodSpec.dnsPolicy":           corev1.DNSClusterFirst,
	"EmptyDirVolumeSource.medium": corev1.StorageMediumHugePages,
}

// related: a warning covers a field when one path lies at or below the other. The bare roots
// (spec, metadata) cover nothing.
func related(warning, field string) bool {
	if warning == "spec" || warning == "metadata" || warning == "" {
		return false
	}
	return within(field, warning) || within(warning, field)
}

func within(path, base string) bool {
	return path == base || strings.HasPrefix(path, base) && (path[len(base)] == '.' || path[len(base)] == '[')
}

func codesOf(ws []Warning) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = string(w.Code) + "@" + w.Path
	}
	return out
}

// jsonField is a field as JSON sees it, with the Go index path through inline structs.
type jsonField struct {
	name  string
	index []int
	typ   reflect.Type
}

func jsonFields(ty reflect.Type) []jsonField {
	var out []jsonField
	for i := 0; i < ty.NumField(); i++ {
		sf := ty.Field(i)
		name := jsonName(sf)
		if name == "-" || !sf.IsExported() {
			continue
		}
		if name == "" && sf.Anonymous {
			for _, inner := range jsonFields(sf.Type) {
				inner.index = append([]int{i}, inner.index...)
				out = append(out, inner)
			}
			continue
		}
		out = append(out, jsonField{name: name, index: []int{i}, typ: sf.Type})
	}
	return out
}

// ownerOf maps type.field names to the Go type that declares the field (inline types too).
func declaringType(ty reflect.Type, name string) reflect.Type {
	for i := 0; i < ty.NumField(); i++ {
		sf := ty.Field(i)
		if sf.Anonymous && jsonName(sf) == "" {
			if d := declaringType(sf.Type, name); d != nil {
				return d
			}
		}
		if jsonName(sf) == name {
			return ty
		}
	}
	return nil
}

// shortestRoutes finds, breadth first, the shortest chain of fields from the Pod to every
// struct type. Init containers are not used as routes (spec.containers is, and comes first
// among same-length routes, before ephemeral containers), nor the status.
func shortestRoutes() map[reflect.Type][]jsonField {
	pod := reflect.TypeFor[corev1.Pod]()
	routes := map[reflect.Type][]jsonField{pod: nil}
	queue := []reflect.Type{pod}
	for len(queue) > 0 {
		ty := queue[0]
		queue = queue[1:]
		for _, f := range jsonFields(ty) {
			if ty == reflect.TypeFor[corev1.PodSpec]() && f.name == "initContainers" ||
				ty == pod && f.name == "status" {
				continue
			}
			next := elemType(f.typ)
			if isLeaf(next) {
				continue
			}
			// Inline types are reachable at the same place as their host.
			for _, inline := range inlineTypes(next) {
				if _, ok := routes[inline]; !ok {
					routes[inline] = append(append([]jsonField(nil), routes[ty]...), f)
					queue = append(queue, inline)
				}
			}
		}
	}
	return routes
}

func inlineTypes(ty reflect.Type) []reflect.Type {
	out := []reflect.Type{ty}
	for i := 0; i < ty.NumField(); i++ {
		if sf := ty.Field(i); sf.Anonymous && jsonName(sf) == "" {
			out = append(out, inlineTypes(sf.Type)...)
		}
	}
	return out
}

// podWithField builds a minimal pod with one container and the named field set; it returns the
// pod and the field's path.
func podWithField(t *testing.T, routes map[reflect.Type][]jsonField, name string) (*corev1.Pod, string) {
	t.Helper()
	pod := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "synthetic"},
		Spec:       corev1.PodSpec{Containers: []corev1.Container{{Name: "app", Image: "busybox:1.36"}}},
	}
	typeName, fieldName, _ := strings.Cut(name, ".")
	var owner reflect.Type
	for ty := range routes {
		if ty.Name() == typeName && declaringType(ty, fieldName) == ty {
			owner = ty
		}
	}
	if owner == nil {
		t.Fatalf("%s: no route from the Pod to %s", name, typeName)
	}
	v := reflect.ValueOf(pod).Elem()
	var path []string
	for _, step := range routes[owner] {
		v, path = descend(v.FieldByIndex(step.index), path, step.name)
	}
	for _, f := range jsonFields(v.Type()) {
		if f.name != fieldName {
			continue
		}
		target := v.FieldByIndex(f.index)
		if dv, ok := departureValues[name]; ok {
			target.Set(reflect.ValueOf(dv).Convert(target.Type()))
		} else {
			fill(target, 0)
		}
		return pod, renderSteps(append(path, f.name))
	}
	t.Fatalf("%s: field not found on %s", name, v.Type())
	return nil, ""
}

// descend enters a field: allocating pointers, taking (or adding) a list's first item.
func descend(f reflect.Value, path []string, name string) (reflect.Value, []string) {
	path = append(path, name)
	for {
		switch f.Kind() {
		case reflect.Pointer:
			if f.IsNil() {
				f.Set(reflect.New(f.Type().Elem()))
			}
			f = f.Elem()
		case reflect.Slice:
			if f.Len() == 0 {
				f.Set(reflect.Append(f, reflect.New(f.Type().Elem()).Elem()))
			}
			f = f.Index(0)
			path = append(path, "[0]")
		default:
			return f, path
		}
	}
}

func renderSteps(steps []string) string {
	var b strings.Builder
	for i, s := range steps {
		if i > 0 && !strings.HasPrefix(s, "[") {
			b.WriteByte('.')
		}
		b.WriteString(s)
	}
	return b.String()
}

// fill sets a value to something non-zero, recursively.
func fill(v reflect.Value, depth int) {
	switch v.Type() {
	case reflect.TypeFor[resource.Quantity]():
		v.Set(reflect.ValueOf(resource.MustParse("1")))
		return
	case reflect.TypeFor[intstr.IntOrString]():
		v.Set(reflect.ValueOf(intstr.FromInt32(8080)))
		return
	case reflect.TypeFor[metav1.Time]():
		v.Set(reflect.ValueOf(metav1.Unix(1, 0)))
		return
	case reflect.TypeFor[metav1.FieldsV1]():
		v.Set(reflect.ValueOf(*metav1.NewFieldsV1("{}")))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), depth)
	case reflect.Slice:
		e := reflect.New(v.Type().Elem()).Elem()
		fill(e, depth)
		v.Set(reflect.Append(reflect.MakeSlice(v.Type(), 0, 1), e))
	case reflect.Map:
		k := reflect.New(v.Type().Key()).Elem()
		fill(k, depth)
		e := reflect.New(v.Type().Elem()).Elem()
		fill(e, depth)
		m := reflect.MakeMap(v.Type())
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		if depth > 8 {
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), depth+1)
			}
		}
	}
}
