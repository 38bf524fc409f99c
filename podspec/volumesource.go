package podspec

import (
	"reflect"

	corev1 "k8s.io/api/core/v1"
)

// sourceNames lists the volume sources set on a volume by their JSON names (emptyDir,
// configMap, ...). Counted by reflection so that a source added to k8s.io/api is counted too.
func sourceNames(src *corev1.VolumeSource) []string {
	var names []string
	v := reflect.ValueOf(src).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		if f := v.Field(i); f.Kind() == reflect.Pointer && !f.IsNil() {
			names = append(names, jsonName(t.Field(i)))
		}
	}
	return names
}

func countSources(src *corev1.VolumeSource) int { return len(sourceNames(src)) }

func jsonName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	for i := 0; i < len(tag); i++ {
		if tag[i] == ',' {
			return tag[:i]
		}
	}
	if tag == "" {
		return f.Name
	}
	return tag
}
