package plan

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
)

// containerEnv is a container's environment as the kubelet builds it (§7.1).
type containerEnv struct {
	names  []string // first-definition order
	values map[string]string
	// secret marks variables whose value comes from a Secret, directly or through $(VAR).
	secret map[string]bool
	// runtime lists the downward-API fields (status.podIP…) the values stand in for.
	runtime []string
}

func newContainerEnv() *containerEnv {
	return &containerEnv{values: map[string]string{}, secret: map[string]bool{}}
}

// set defines or overwrites a variable. The kubelet collects variables in a map and emits them
// in the map's (unspecified) order; podrun keeps the order in which names were first defined,
// so plans are deterministic and read in the order the manifest wrote them.
func (e *containerEnv) set(name, value string, secret bool) {
	if _, ok := e.values[name]; !ok {
		e.names = append(e.names, name)
	}
	e.values[name] = value
	e.secret[name] = secret
}

func (e *containerEnv) addRuntime(field string) {
	for _, f := range e.runtime {
		if f == field {
			return
		}
	}
	e.runtime = append(e.runtime, field)
}

// expand applies $(VAR) expansion over the variables defined so far (§7.2) and reports whether a
// Secret's value went into the result.
func (e *containerEnv) expand(s string) (string, bool) {
	tainted := false
	out := expand(s, func(name string) (string, bool) {
		v, ok := e.values[name]
		tainted = tainted || (ok && e.secret[name])
		return v, ok
	})
	return out, tainted
}

// list renders the environment for the engine: NAME=value in order.
func (e *containerEnv) list() []string {
	out := make([]string, len(e.names))
	for i, n := range e.names {
		out[i] = n + "=" + e.values[n]
	}
	return out
}

func (e *containerEnv) secretNames() []string {
	var out []string
	for _, n := range e.names {
		if e.secret[n] {
			out = append(out, n)
		}
	}
	return out
}

// buildEnv runs the kubelet's makeEnvironmentVariables (§7.1): envFrom sources in order (later
// overwrite earlier), then env entries in order, each value expanded against what is defined so
// far. podrun has no Services, so there are no service-link variables.
func (b *builder) buildEnv(ctr *corev1.Container) (*containerEnv, error) {
	env := newContainerEnv()
	for i := range ctr.EnvFrom {
		if err := b.addEnvFrom(env, &ctr.EnvFrom[i]); err != nil {
			return nil, err
		}
	}
	for i := range ctr.Env {
		if err := b.addEnvVar(env, ctr, &ctr.Env[i]); err != nil {
			return nil, fmt.Errorf("env %q: %w", ctr.Env[i].Name, err)
		}
	}
	return env, nil
}

func (b *builder) addEnvFrom(env *containerEnv, src *corev1.EnvFromSource) error {
	switch {
	case src.ConfigMapRef != nil:
		cm, ok := b.in.ConfigMaps[src.ConfigMapRef.Name]
		if !ok {
			if isOptional(src.ConfigMapRef.Optional) {
				return nil
			}
			return fmt.Errorf("envFrom: configMap %q not found", src.ConfigMapRef.Name)
		}
		for _, k := range sortedKeys(cm.Data) {
			env.set(src.Prefix+k, cm.Data[k], false)
		}
	case src.SecretRef != nil:
		s, ok := b.in.Secrets[src.SecretRef.Name]
		if !ok {
			if isOptional(src.SecretRef.Optional) {
				return nil
			}
			return fmt.Errorf("envFrom: secret %q not found", src.SecretRef.Name)
		}
		data := secretData(s)
		for _, k := range sortedKeys(data) {
			env.set(src.Prefix+k, string(data[k]), true)
		}
	}
	return nil
}

// addEnvVar adds one env entry. A valueFrom that resolves to nothing (an optional missing object
// or key) leaves the variable absent — not empty — and keeps any earlier value of the same name,
// as the kubelet's `continue` does (§7.1).
func (b *builder) addEnvVar(env *containerEnv, ctr *corev1.Container, v *corev1.EnvVar) error {
	if v.Value != "" || v.ValueFrom == nil {
		value, tainted := env.expand(v.Value)
		env.set(v.Name, value, tainted)
		return nil
	}
	from := v.ValueFrom
	switch {
	case from.FieldRef != nil:
		value, runtime, err := b.fieldValue(from.FieldRef.FieldPath)
		if err != nil {
			return err
		}
		if runtime {
			env.addRuntime(from.FieldRef.FieldPath)
		}
		env.set(v.Name, value, false)
	case from.ResourceFieldRef != nil:
		target, err := b.resourceContainer(from.ResourceFieldRef.ContainerName, ctr)
		if err != nil {
			return err
		}
		value, err := b.resourceValue(from.ResourceFieldRef, target)
		if err != nil {
			return err
		}
		env.set(v.Name, value, false)
	case from.ConfigMapKeyRef != nil:
		value, found, err := b.configMapKey(from.ConfigMapKeyRef)
		if err != nil || !found {
			return err
		}
		env.set(v.Name, value, false)
	case from.SecretKeyRef != nil:
		value, found, err := b.secretKey(from.SecretKeyRef)
		if err != nil || !found {
			return err
		}
		env.set(v.Name, value, true)
	}
	// fileKeyRef (alpha) reads a file an init container writes: no value exists at plan time,
	// so the variable stays absent; warnings report the field.
	return nil
}

// resourceContainer is the container a resourceFieldRef names, defaulting to the one it is in.
func (b *builder) resourceContainer(name string, self *corev1.Container) (*corev1.Container, error) {
	if name == "" || name == self.Name {
		return self, nil
	}
	if c := findContainer(b.pod, name); c != nil {
		return c, nil
	}
	return nil, fmt.Errorf("resourceFieldRef: no container %q in the pod", name)
}

func findContainer(pod *corev1.Pod, name string) *corev1.Container {
	for i := range pod.Spec.InitContainers {
		if pod.Spec.InitContainers[i].Name == name {
			return &pod.Spec.InitContainers[i]
		}
	}
	for i := range pod.Spec.Containers {
		if pod.Spec.Containers[i].Name == name {
			return &pod.Spec.Containers[i]
		}
	}
	return nil
}

// configMapKey reads a configMapKeyRef. found is false when an optional object or key is missing.
func (b *builder) configMapKey(ref *corev1.ConfigMapKeySelector) (value string, found bool, err error) {
	optional := isOptional(ref.Optional)
	cm, ok := b.in.ConfigMaps[ref.Name]
	if !ok {
		if optional {
			return "", false, nil
		}
		return "", false, fmt.Errorf("configMap %q not found", ref.Name)
	}
	value, ok = cm.Data[ref.Key]
	if !ok {
		if optional {
			return "", false, nil
		}
		return "", false, fmt.Errorf("configMap %q has no key %q", ref.Name, ref.Key)
	}
	return value, true, nil
}

// secretKey reads a secretKeyRef. found is false when an optional object or key is missing.
func (b *builder) secretKey(ref *corev1.SecretKeySelector) (value string, found bool, err error) {
	optional := isOptional(ref.Optional)
	s, ok := b.in.Secrets[ref.Name]
	if !ok {
		if optional {
			return "", false, nil
		}
		return "", false, fmt.Errorf("secret %q not found", ref.Name)
	}
	data, ok := secretData(s)[ref.Key]
	if !ok {
		if optional {
			return "", false, nil
		}
		return "", false, fmt.Errorf("secret %q has no key %q", ref.Name, ref.Key)
	}
	return string(data), true, nil
}

// secretData is a Secret's content as the API server stores it: stringData merged over data.
func secretData(s *corev1.Secret) map[string][]byte {
	if len(s.StringData) == 0 {
		return s.Data
	}
	out := make(map[string][]byte, len(s.Data)+len(s.StringData))
	for k, v := range s.Data {
		out[k] = v
	}
	for k, v := range s.StringData {
		out[k] = []byte(v)
	}
	return out
}

func isOptional(p *bool) bool { return p != nil && *p }
