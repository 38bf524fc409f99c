package plan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	yaml "sigs.k8s.io/yaml/goyaml.v3"
)

// octal is a file mode rendered as octal digits (an integer to YAML readers).
type octal string

// secretMask stands for a Secret's value in renderings.
const secretMask = "<secret>"

// YAML renders the plan for --dry-run and golden tests: every field in declaration order, only
// non-zero ones, deterministic. It never shows a secret: volume file content is shown as its
// size, and in containers every value that came from a Secret — SecretEnv variables, and their
// values wherever $(VAR) expansion carried them — reads <secret>.
func (p *Plan) YAML() []byte {
	raw, err := json.Marshal(p)
	if err != nil { // the plan holds only marshalable values
		panic(fmt.Sprintf("plan: render: %v", err))
	}
	root, err := decodeTree(raw)
	if err != nil {
		panic(fmt.Sprintf("plan: render: %v", err))
	}
	root.set("GracePeriod", &tree{scalar: p.GracePeriod.String()})
	for i, v := range root.get("Volumes").items() {
		for j, f := range v.get("Files").items() {
			file := p.Volumes[i].Files[j]
			if d := f.get("Data"); d != nil {
				d.scalar = fmt.Sprintf("<%d bytes>", len(file.Data))
			}
			if m := f.get("Mode"); m != nil && file.Mode != 0 {
				m.scalar = octal(fmt.Sprintf("%#o", file.Mode)) // 0640, as manifests write modes
			}
		}
	}
	maskSecrets(root.get("Sandbox"), p.Sandbox)
	// The manifest label is the whole pod again, for `podrun get`: shown as its size.
	if l := root.get("Sandbox").get("Config").get("Labels").get(LabelManifest); l != nil {
		l.scalar = "<the pod, as JSON>"
	}
	for i, c := range root.get("Init").items() {
		maskSecrets(c, p.Init[i])
	}
	for i, c := range root.get("Containers").items() {
		maskSecrets(c, p.Containers[i])
	}
	root.prune(false)
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(root.node()); err != nil {
		panic(fmt.Sprintf("plan: render: %v", err))
	}
	return out.Bytes()
}

// maskSecrets replaces, in one container's rendering, every SecretEnv variable's value and every
// occurrence of such a value where expansion may have carried it (command, args, other
// variables, subPathExpr paths).
func maskSecrets(t *tree, c Container) {
	if t == nil || len(c.SecretEnv) == 0 || c.Config == nil {
		return
	}
	secret := map[string]bool{}
	for _, n := range c.SecretEnv {
		secret[n] = true
	}
	var values []string
	for _, kv := range c.Config.Env {
		name, value, _ := strings.Cut(kv, "=")
		if secret[name] && value != "" {
			values = append(values, value)
		}
	}
	// Longest first, so a value that contains another is masked whole.
	sort.Slice(values, func(i, j int) bool { return len(values[i]) > len(values[j]) })
	for _, e := range t.get("Config").get("Env").items() {
		if name, _, _ := strings.Cut(e.scalar.(string), "="); secret[name] {
			e.scalar = name + "=" + secretMask
		}
	}
	mask := func(s string) string {
		for _, v := range values {
			s = strings.ReplaceAll(s, v, secretMask)
		}
		return s
	}
	// Only where $(VAR) expansion reaches: env, command, args and subPathExpr mounts.
	cfg, host := t.get("Config"), t.get("Host")
	for _, reached := range []*tree{cfg.get("Env"), cfg.get("Entrypoint"), cfg.get("Cmd"), t.get("SubPathMounts"), host.get("Binds"), host.get("Mounts")} {
		if reached != nil {
			reached.walkStrings(mask)
		}
	}
}

// tree is decoded JSON that keeps the order of object keys (Go's maps would lose it).
type tree struct {
	kind   treeKind
	keys   []string // object keys
	vals   []*tree  // object values, or array items
	scalar any      // string, json.Number, bool or nil
}

type treeKind int

const (
	treeScalar treeKind = iota
	treeObject
	treeArray
)

func decodeTree(raw []byte) (*tree, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	return decodeValue(dec)
}

func decodeValue(dec *json.Decoder) (*tree, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return &tree{scalar: tok}, nil
	}
	t := &tree{kind: treeObject}
	if d == '[' {
		t.kind = treeArray
	}
	for dec.More() {
		if t.kind == treeObject {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			t.keys = append(t.keys, k.(string))
		}
		v, err := decodeValue(dec)
		if err != nil {
			return nil, err
		}
		t.vals = append(t.vals, v)
	}
	_, err = dec.Token() // the closing delimiter
	return t, err
}

func (t *tree) get(key string) *tree {
	if t == nil {
		return nil
	}
	for i, k := range t.keys {
		if k == key {
			return t.vals[i]
		}
	}
	return nil
}

func (t *tree) set(key string, v *tree) {
	for i, k := range t.keys {
		if k == key {
			t.vals[i] = v
			return
		}
	}
}

func (t *tree) items() []*tree {
	if t == nil || t.kind != treeArray {
		return nil
	}
	return t.vals
}

func (t *tree) walkStrings(f func(string) string) {
	if s, ok := t.scalar.(string); ok {
		t.scalar = f(s)
	}
	for _, v := range t.vals {
		v.walkStrings(f)
	}
}

// setKeys hold sets (map[string]struct{}): their entries are kept although empty.
var setKeys = map[string]bool{"ExposedPorts": true, "Volumes": true}

// prune drops null, "", false, 0 and empty objects and arrays from objects, and reports whether
// t itself is empty. Array items are all kept (an empty argument is an argument).
func (t *tree) prune(keepEntries bool) (empty bool) {
	switch t.kind {
	case treeArray:
		zeros := true // an array of zero numbers (ConsoleSize [0, 0]) says nothing
		for _, v := range t.vals {
			_, isString := v.scalar.(string)
			zeros = zeros && v.kind == treeScalar && !isString && v.prune(false)
			v.prune(false)
		}
		return len(t.vals) == 0 || zeros
	case treeObject:
		var keys []string
		var vals []*tree
		for i, k := range t.keys {
			if t.vals[i].prune(setKeys[k]) && !keepEntries {
				continue
			}
			keys, vals = append(keys, k), append(vals, t.vals[i])
		}
		t.keys, t.vals = keys, vals
		return len(keys) == 0
	}
	switch s := t.scalar.(type) {
	case nil:
		return true
	case string:
		return s == ""
	case bool:
		return !s
	case json.Number:
		return s == "0"
	case octal:
		return false
	}
	return false
}

var yaml11Bools = map[string]bool{
	"y": true, "Y": true, "yes": true, "Yes": true, "YES": true, "n": true, "N": true, "no": true, "No": true, "NO": true,
	"on": true, "On": true, "ON": true, "off": true, "Off": true, "OFF": true,
}

// node converts the tree to a YAML node; strings that would read as another type are quoted by
// the encoder.
func (t *tree) node() *yaml.Node {
	switch t.kind {
	case treeArray:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for _, v := range t.vals {
			n.Content = append(n.Content, v.node())
		}
		return n
	case treeObject:
		n := &yaml.Node{Kind: yaml.MappingNode}
		for i, k := range t.keys {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}, t.vals[i].node())
		}
		return n
	}
	switch s := t.scalar.(type) {
	case string:
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
		if yaml11Bools[s] { // YAML 1.1 readers would take them for booleans
			n.Style = yaml.DoubleQuotedStyle
		}
		return n
	case json.Number:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: s.String()}
	case octal:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: string(s)}
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(s)}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
}
