package podspec

import (
	"fmt"
	"sort"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/validation"
)

// loadConfigMap reads a ConfigMap that travels with the pod, checked as the API server would.
func (l *loader) loadConfigMap(o object) {
	cm := &corev1.ConfigMap{}
	lines, _ := l.decode(o, cm)
	ok := l.checkName(o, lines, "ConfigMap", cm.Name)
	ok = l.checkKeys(o, lines, "data", keysOf(cm.Data)) && ok
	ok = l.checkKeys(o, lines, "binaryData", keysOf(cm.BinaryData)) && ok
	for _, k := range keysOf(cm.BinaryData) {
		if _, dup := cm.Data[k]; dup {
			p := joinKey(joinPath(o.path, "binaryData"), k)
			l.add(FieldError{Line: lineAt(lines, p), Path: p, Msg: fmt.Sprintf("key %q is also in data: a key may be in data or binaryData, not both", k)})
			ok = false
		}
	}
	if ok {
		l.configMaps[cm.Name] = cm
	}
}

// loadSecret reads a Secret; stringData is merged over data (and dropped), as the API server
// does on write, and the type defaults to Opaque.
func (l *loader) loadSecret(o object) {
	s := &corev1.Secret{}
	lines, _ := l.decode(o, s)
	ok := l.checkName(o, lines, "Secret", s.Name)
	ok = l.checkKeys(o, lines, "data", keysOf(s.Data)) && ok
	ok = l.checkKeys(o, lines, "stringData", keysOf(s.StringData)) && ok
	if !ok {
		return
	}
	if len(s.StringData) > 0 && s.Data == nil {
		s.Data = map[string][]byte{}
	}
	for k, v := range s.StringData {
		s.Data[k] = []byte(v)
	}
	s.StringData = nil
	if s.Type == "" {
		s.Type = corev1.SecretTypeOpaque
	}
	l.secrets[s.Name] = s
}

// checkName checks the name of a ConfigMap or Secret: present, a DNS-1123 subdomain, and not
// used twice in the file for the same kind.
func (l *loader) checkName(o object, lines map[string]int, kind, name string) bool {
	path := joinPath(o.path, "metadata.name")
	line := lineAt(lines, path)
	if name == "" {
		l.add(FieldError{Line: line, Path: path, Msg: fmt.Sprintf("required: a %s needs a name for the pod to refer to it", kind)})
		return false
	}
	ok := true
	for _, msg := range validation.IsDNS1123Subdomain(name) {
		l.add(FieldError{Line: line, Path: path, Msg: fmt.Sprintf("invalid name %q: %s", name, msg)})
		ok = false
	}
	key := kind + "/" + name
	if first, dup := l.firstSeen[key]; dup {
		l.add(FieldError{Line: line, Path: path, Msg: fmt.Sprintf(
			"a second %s named %q (the first is at line %d): names must be unique", kind, name, first)})
		return false
	}
	l.firstSeen[key] = line
	return ok
}

// checkKeys checks that every key of a data map can be a file name in a volume.
func (l *loader) checkKeys(o object, lines map[string]int, field string, keys []string) bool {
	ok := true
	for _, k := range keys {
		p := joinKey(joinPath(o.path, field), k)
		for _, msg := range validation.IsConfigMapKey(k) {
			l.add(FieldError{Line: lineAt(lines, p), Path: p, Msg: fmt.Sprintf("invalid key %q: %s", k, msg)})
			ok = false
		}
	}
	return ok
}

// keysOf returns a map's keys, sorted, so that problems are reported in a stable order.
func keysOf[K ~string, V any](m map[K]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, string(k))
	}
	sort.Strings(keys)
	return keys
}
