package podspec

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation"
)

// ConfigMaps and Secrets given outside the manifest (issue 5 point 6): built from files,
// directories, env files and literals exactly as `kubectl create configmap|secret generic NAME
// --from-file --from-env-file --from-literal` builds them (k8s.io/kubectl pkg/cmd/create,
// create_configmap.go and create_secret.go), or read from manifests that hold such objects.
// The caller reads the files; everything here takes their contents as values.

// DataKind is the kind of object a source adds to: ConfigMap or Secret.
type DataKind string

const (
	KindConfigMap DataKind = "ConfigMap"
	KindSecret    DataKind = "Secret"
)

// DirEntry is one entry of a directory given as a source, in the order os.ReadDir lists them.
type DirEntry struct {
	Name string
	// Regular is false for subdirectories, symlinks, devices…: kubectl skips them
	// (item.Type().IsRegular() on os.ReadDir's entries, so a symlink is skipped too).
	Regular bool
	Data    []byte // a regular file's content
}

// External collects the ConfigMaps and Secrets of every source, and where each was defined.
// Sources naming the same object add keys to it, as several --from-file flags of one kubectl
// create do; an object defined both by sources and by a manifest file is an error.
type External struct {
	configMaps map[string]*corev1.ConfigMap
	secrets    map[string]*corev1.Secret
	// where says, per "Kind/name", where the object was first defined: the flag as written, or
	// "file:line" for an object read from a manifest.
	where map[string]string
	// fromManifest marks the objects read whole from a manifest: no source may add to them.
	fromManifest map[string]bool
}

// NewExternal returns an empty collection.
func NewExternal() *External {
	return &External{
		configMaps:   map[string]*corev1.ConfigMap{},
		secrets:      map[string]*corev1.Secret{},
		where:        map[string]string{},
		fromManifest: map[string]bool{},
	}
}

// Empty reports whether no source added anything.
func (x *External) Empty() bool { return x == nil || len(x.where) == 0 }

// ParseFileSource splits a --from-file source, `[KEY=]PATH`, as kubectl's ParseFileSource
// does: without a key, the key is the path's base name; a key name cannot contain '='.
func ParseFileSource(source string) (key, filePath string, err error) {
	switch n := strings.Count(source, "="); {
	case n == 0:
		return path.Base(source), source, nil
	case n == 1 && strings.HasPrefix(source, "="):
		return "", "", fmt.Errorf("key name for file path %v missing", strings.TrimPrefix(source, "="))
	case n == 1 && strings.HasSuffix(source, "="):
		return "", "", fmt.Errorf("file path for key name %v missing", strings.TrimSuffix(source, "="))
	case n > 1:
		return "", "", errors.New("key names or file paths cannot contain '='")
	default:
		key, filePath, _ = strings.Cut(source, "=")
		return key, filePath, nil
	}
}

// ParseLiteralSource splits a --from-literal source, `KEY=VALUE`, as kubectl does: the value
// may contain '='.
func ParseLiteralSource(source string) (key, value string, err error) {
	key, value, ok := strings.Cut(source, "=")
	if !ok || key == "" {
		return "", "", fmt.Errorf("invalid literal source %v, expected key=value", source)
	}
	return key, value, nil
}

// AddFile adds one file under key (kubectl --from-file=[key=]file). A ConfigMap keeps valid
// UTF-8 in data and anything else in binaryData; a Secret keeps the bytes. from names the
// source in messages (the flag as written).
func (x *External) AddFile(kind DataKind, name, key string, data []byte, from string) error {
	if err := x.object(kind, name, from); err != nil {
		return err
	}
	if err := x.addKey(kind, name, key, data); err != nil {
		return fmt.Errorf("%s: %w", from, err)
	}
	return nil
}

// AddDir adds every regular file of a directory, each under its own name (kubectl
// --from-file=dir): other entries are skipped; a file whose name is not a valid key is an
// error, as in kubectl, not skipped.
func (x *External) AddDir(kind DataKind, name string, entries []DirEntry, from string) error {
	if err := x.object(kind, name, from); err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Regular {
			continue
		}
		if err := x.addKey(kind, name, e.Name, e.Data); err != nil {
			return fmt.Errorf("%s: %w", from, err)
		}
	}
	return nil
}

// AddLiteral adds one key and value (kubectl --from-literal=key=value).
func (x *External) AddLiteral(kind DataKind, name, key, value, from string) error {
	if err := x.object(kind, name, from); err != nil {
		return err
	}
	if err := x.addText(kind, name, key, value); err != nil {
		return fmt.Errorf("%s: %w", from, err)
	}
	return nil
}

// AddEnvFile adds the KEY=VALUE lines of an env file (kubectl --from-env-file, rules in
// envfile.go). getenv gives the value of a line that holds a KEY alone, as kubectl takes it
// from its own environment (nil: every such value is empty).
func (x *External) AddEnvFile(kind DataKind, name, file string, data []byte, getenv func(string) string, from string) error {
	if err := x.object(kind, name, from); err != nil {
		return err
	}
	err := parseEnvFile(file, data, getenv, func(key, value string) error {
		return x.addText(kind, name, key, value)
	})
	if err != nil {
		return fmt.Errorf("%s: %w", from, err)
	}
	return nil
}

// AddManifest reads ConfigMaps and Secrets from a manifest (YAML or JSON, one or more
// documents, or a v1 List), checked as the pod's own manifest checks them. A pod or a workload
// in it is an error: the pod comes from the FILE argument.
func (x *External) AddManifest(file string, data []byte) error {
	l := newLoader(file)
	for _, doc := range splitDocuments(data) {
		l.loadDocument(doc)
	}
	for _, p := range l.pods {
		l.add(FieldError{Line: p.line, Msg: fmt.Sprintf("%s: a file of ConfigMaps and Secrets holds no pod (the pod is the FILE argument)",
			describeObject(p.origin.Kind, p.pod.Name, p.origin.Document, p.line))})
	}
	if len(l.configMaps) == 0 && len(l.secrets) == 0 && len(l.errs) == 0 {
		l.add(FieldError{Msg: "no ConfigMap or Secret found: expected v1 ConfigMap or Secret objects (to make one from this file, give NAME=" + file + ")"})
	}
	if len(l.errs) > 0 {
		return l.sorted()
	}
	for _, name := range keysOf(l.configMaps) {
		if err := x.whole(KindConfigMap, name, fmt.Sprintf("%s:%d", file, l.firstSeen["ConfigMap/"+name])); err != nil {
			return err
		}
		x.configMaps[name] = l.configMaps[name]
	}
	for _, name := range keysOf(l.secrets) {
		if err := x.whole(KindSecret, name, fmt.Sprintf("%s:%d", file, l.firstSeen["Secret/"+name])); err != nil {
			return err
		}
		x.secrets[name] = l.secrets[name]
	}
	return nil
}

// Join adds the collected objects to the input's, as if the manifest held them; an object that
// the manifest defines too is an error naming both places.
func Join(in *Input, x *External) error {
	if x.Empty() {
		return nil
	}
	var errs []string
	if in.ConfigMaps == nil {
		in.ConfigMaps = map[string]*corev1.ConfigMap{}
	}
	if in.Secrets == nil {
		in.Secrets = map[string]*corev1.Secret{}
	}
	for _, name := range keysOf(x.configMaps) {
		if _, dup := in.ConfigMaps[name]; dup {
			errs = append(errs, twice(KindConfigMap, name, in.placeOf(KindConfigMap, name), x.where[string(KindConfigMap)+"/"+name]))
			continue
		}
		in.ConfigMaps[name] = x.configMaps[name]
	}
	for _, name := range keysOf(x.secrets) {
		if _, dup := in.Secrets[name]; dup {
			errs = append(errs, twice(KindSecret, name, in.placeOf(KindSecret, name), x.where[string(KindSecret)+"/"+name]))
			continue
		}
		in.Secrets[name] = x.secrets[name]
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "\n"))
	}
	return nil
}

// placeOf is where the input's manifest defines an object: "file:line", or the file.
func (in *Input) placeOf(kind DataKind, name string) string {
	if line := in.ObjectLines[string(kind)+"/"+name]; line > 0 {
		return fmt.Sprintf("%s:%d", in.File, line)
	}
	return in.File
}

func twice(kind DataKind, name, first, second string) string {
	return fmt.Sprintf("%s %q is defined twice, in %s and by %s: give each name once", kind, name, first, second)
}

// object makes sure the named object exists, creating it as kubectl create would (a Secret of
// type Opaque, as `create secret generic`), and refuses to add to one read whole from a manifest.
func (x *External) object(kind DataKind, name, from string) error {
	id := string(kind) + "/" + name
	if first, ok := x.where[id]; ok {
		if x.fromManifest[id] {
			return errors.New(twice(kind, name, first, from))
		}
		return nil
	}
	if name == "" {
		return fmt.Errorf("%s: a %s needs a name: give NAME=…", from, kind)
	}
	if msgs := validation.IsDNS1123Subdomain(name); len(msgs) > 0 {
		return fmt.Errorf("%s: invalid %s name %q: %s", from, kind, name, strings.Join(msgs, "; "))
	}
	x.where[id] = from
	meta := metav1.ObjectMeta{Name: name}
	switch kind {
	case KindConfigMap:
		x.configMaps[name] = &corev1.ConfigMap{
			TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "ConfigMap"},
			ObjectMeta: meta, Data: map[string]string{}, BinaryData: map[string][]byte{},
		}
	case KindSecret:
		x.secrets[name] = &corev1.Secret{
			TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Secret"},
			ObjectMeta: meta, Type: corev1.SecretTypeOpaque, Data: map[string][]byte{},
		}
	default:
		return fmt.Errorf("%s: unknown kind %q", from, kind)
	}
	return nil
}

// whole records an object read from a manifest; it may not be defined anywhere else.
func (x *External) whole(kind DataKind, name, where string) error {
	id := string(kind) + "/" + name
	if first, ok := x.where[id]; ok {
		return errors.New(twice(kind, name, first, where))
	}
	x.where[id] = where
	x.fromManifest[id] = true
	return nil
}

// addKey adds a file's content: text to a ConfigMap's data, other bytes to its binaryData
// (kubectl's addKeyFromFileToConfigMap); bytes to a Secret.
func (x *External) addKey(kind DataKind, name, key string, data []byte) error {
	if kind == KindConfigMap && !utf8.Valid(data) {
		cm := x.configMaps[name]
		if err := checkNewConfigMapKey(cm, key); err != nil {
			return err
		}
		cm.BinaryData[key] = append([]byte(nil), data...)
		return nil
	}
	return x.addText(kind, name, key, string(data))
}

// addText adds a key with kubectl's checks and messages (validateNewConfigMap,
// addKeyFromLiteralToSecret).
func (x *External) addText(kind DataKind, name, key, value string) error {
	if kind == KindConfigMap {
		cm := x.configMaps[name]
		if err := checkNewConfigMapKey(cm, key); err != nil {
			return err
		}
		cm.Data[key] = value
		return nil
	}
	s := x.secrets[name]
	if msgs := validation.IsConfigMapKey(key); len(msgs) > 0 {
		return fmt.Errorf("%q is not valid key name for a Secret %s", key, strings.Join(msgs, ";"))
	}
	if _, dup := s.Data[key]; dup {
		return fmt.Errorf("cannot add key %s, another key by that name already exists", key)
	}
	s.Data[key] = []byte(value)
	return nil
}

func checkNewConfigMapKey(cm *corev1.ConfigMap, key string) error {
	if msgs := validation.IsConfigMapKey(key); len(msgs) > 0 {
		return fmt.Errorf("%q is not a valid key name for a ConfigMap: %s", key, strings.Join(msgs, ","))
	}
	if _, dup := cm.Data[key]; dup {
		return fmt.Errorf("cannot add key %q, another key by that name already exists in Data for ConfigMap %q", key, cm.Name)
	}
	if _, dup := cm.BinaryData[key]; dup {
		return fmt.Errorf("cannot add key %q, another key by that name already exists in BinaryData for ConfigMap %q", key, cm.Name)
	}
	return nil
}

// ConfigMapNames and SecretNames list what was collected, sorted (for messages and tests).
func (x *External) ConfigMapNames() []string { return keysOf(x.configMaps) }
func (x *External) SecretNames() []string    { return keysOf(x.secrets) }

// ConfigMap and Secret return a collected object, or nil.
func (x *External) ConfigMap(name string) *corev1.ConfigMap { return x.configMaps[name] }
func (x *External) Secret(name string) *corev1.Secret       { return x.secrets[name] }
