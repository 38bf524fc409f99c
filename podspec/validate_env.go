package podspec

import (
	"regexp"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/validation"
)

// env checks a container's env and envFrom (§7).
func (v *validator) env(path string, c *corev1.Container) {
	for i, e := range c.Env {
		p := joinIndex(joinField(path, "env"), i)
		if e.Name == "" {
			v.add(joinField(p, "name"), "required")
		} else {
			v.messages(joinField(p, "name"), e.Name, validation.IsEnvVarName(e.Name))
		}
		if e.ValueFrom != nil {
			if e.Value != "" {
				v.add(joinField(p, "valueFrom"), "must not be set together with value: give one or the other")
			}
			v.envSource(joinField(p, "valueFrom"), e.ValueFrom)
		}
	}
	for i, from := range c.EnvFrom {
		p := joinIndex(joinField(path, "envFrom"), i)
		if from.Prefix != "" {
			v.messages(joinField(p, "prefix"), from.Prefix, validation.IsEnvVarName(from.Prefix))
		}
		switch {
		case from.ConfigMapRef != nil && from.SecretRef != nil:
			v.add(p, "must specify exactly one of configMapRef, secretRef, got both")
		case from.ConfigMapRef != nil:
			v.objectName(joinField(p, "configMapRef.name"), from.ConfigMapRef.Name)
		case from.SecretRef != nil:
			v.objectName(joinField(p, "secretRef.name"), from.SecretRef.Name)
		default:
			v.add(p, "must specify one of configMapRef, secretRef")
		}
	}
}

// envSource checks a valueFrom: exactly one source, each valid for an environment variable.
func (v *validator) envSource(path string, s *corev1.EnvVarSource) {
	n := 0
	for _, set := range []bool{s.FieldRef != nil, s.ResourceFieldRef != nil, s.ConfigMapKeyRef != nil, s.SecretKeyRef != nil, s.FileKeyRef != nil} {
		if set {
			n++
		}
	}
	if n != 1 {
		v.addf(path, "must specify exactly one of fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef, got %d", n)
	}
	if s.FieldRef != nil {
		v.fieldRef(joinField(path, "fieldRef"), s.FieldRef, envFieldPaths)
	}
	if s.ResourceFieldRef != nil {
		v.resourceFieldRef(joinField(path, "resourceFieldRef"), s.ResourceFieldRef, false)
	}
	if r := s.ConfigMapKeyRef; r != nil {
		v.objectName(joinField(path, "configMapKeyRef.name"), r.Name)
		v.dataKey(joinField(path, "configMapKeyRef.key"), r.Key)
	}
	if r := s.SecretKeyRef; r != nil {
		v.objectName(joinField(path, "secretKeyRef.name"), r.Name)
		v.dataKey(joinField(path, "secretKeyRef.key"), r.Key)
	}
	if s.FileKeyRef != nil {
		v.add(joinField(path, "fileKeyRef"), "not supported by podrun (EnvFiles is an alpha feature)")
	}
}

// The downward API fields an environment variable may read (§7.4), and those a volume may.
var (
	envFieldPaths = []string{"metadata.name", "metadata.namespace", "metadata.uid",
		"spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"}
	volumeFieldPaths = []string{"metadata.name", "metadata.namespace", "metadata.uid", "metadata.labels", "metadata.annotations"}
	subscriptedField = regexp.MustCompile(`^metadata\.(labels|annotations)\['(.*)'\]$`)
)

// fieldRef checks a downward-API field reference against the paths allowed where it is used.
func (v *validator) fieldRef(path string, f *corev1.ObjectFieldSelector, allowed []string) {
	if f.APIVersion != "v1" {
		v.addf(joinField(path, "apiVersion"), "unsupported value %q: must be v1", f.APIVersion)
	}
	p := joinField(path, "fieldPath")
	if m := subscriptedField.FindStringSubmatch(f.FieldPath); m != nil {
		// metadata.labels['key'] and metadata.annotations['key'] are allowed in both places.
		if msgs := validation.IsQualifiedName(strings.ToLower(m[2])); len(msgs) > 0 {
			v.messages(p, f.FieldPath, msgs)
		}
		return
	}
	for _, a := range allowed {
		if f.FieldPath == a {
			return
		}
	}
	if f.FieldPath == "" {
		v.add(p, "required")
		return
	}
	v.addf(p, "unsupported value %q: must be one of %s, metadata.labels['<key>'], metadata.annotations['<key>']",
		f.FieldPath, strings.Join(allowed, ", "))
}

// resourceFieldRef checks a reference to a container's requests or limits (§7.4); in a volume
// the container must be named.
func (v *validator) resourceFieldRef(path string, r *corev1.ResourceFieldSelector, inVolume bool) {
	if r.ContainerName == "" && inVolume {
		v.add(joinField(path, "containerName"), "required: a volume must name the container whose resources it reads")
	}
	if r.ContainerName != "" && !v.hasContainer(r.ContainerName) {
		v.addf(joinField(path, "containerName"), "no container named %q in the pod", r.ContainerName)
	}
	kind, name, _ := strings.Cut(r.Resource, ".")
	if (kind != "limits" && kind != "requests") || resourceNameProblem(name) != "" || strings.Contains(name, "/") {
		v.addf(joinField(path, "resource"), "unsupported value %q: must be limits.<r> or requests.<r> with <r> one of cpu, memory, ephemeral-storage, hugepages-<size>", r.Resource)
		return
	}
	if r.Divisor.IsZero() {
		return // defaults to 1
	}
	var allowed []string
	if name == "cpu" {
		allowed = []string{"1m", "1"}
	} else {
		allowed = []string{"1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei"}
	}
	for _, a := range allowed {
		if r.Divisor.Cmp(resource.MustParse(a)) == 0 {
			return
		}
	}
	v.addf(joinField(path, "divisor"), "unsupported value %q for %s: must be one of %s", r.Divisor.String(), name, strings.Join(allowed, ", "))
}

func (v *validator) hasContainer(name string) bool {
	for _, list := range [][]corev1.Container{v.pod.Spec.InitContainers, v.pod.Spec.Containers} {
		for _, c := range list {
			if c.Name == name {
				return true
			}
		}
	}
	return false
}

// objectName checks the name of a referenced ConfigMap or Secret.
func (v *validator) objectName(path, name string) {
	if name == "" {
		v.add(path, "required: the name of the object to read")
		return
	}
	v.messages(path, name, validation.IsDNS1123Subdomain(name))
}

// dataKey checks a key of a ConfigMap or Secret.
func (v *validator) dataKey(path, key string) {
	if key == "" {
		v.add(path, "required")
		return
	}
	v.messages(path, key, validation.IsConfigMapKey(key))
}
