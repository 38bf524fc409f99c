package warnings

import "fmt"

// checkEnv: env, envFrom and valueFrom are emulated from the input (§7). podrun sees only the
// ConfigMaps and Secrets of the input, and fills node fields from the local engine.
func checkEnv(p *pass) {
	for _, r := range p.containers() {
		for i, ef := range r.c.EnvFrom {
			path := index(r.path+".envFrom", i)
			if c := ef.ConfigMapRef; c != nil {
				optionalSourceFor(p, "env.optional-source-absent", path+".configMapRef", "ConfigMap", c.Name, c.Optional, p.hasConfigMap(c.Name), "its variables are not set")
			}
			if s := ef.SecretRef; s != nil {
				optionalSourceFor(p, "env.optional-source-absent", path+".secretRef", "Secret", s.Name, s.Optional, p.hasSecret(s.Name), "its variables are not set")
			}
		}
		for i, e := range r.c.Env {
			vf := e.ValueFrom
			if vf == nil {
				continue
			}
			path := index(r.path+".env", i) + ".valueFrom"
			switch {
			case vf.ConfigMapKeyRef != nil:
				c := vf.ConfigMapKeyRef
				optionalSourceFor(p, "env.optional-source-absent", path+".configMapKeyRef", "ConfigMap", c.Name, c.Optional, p.hasConfigMap(c.Name), e.Name+" is not set")
			case vf.SecretKeyRef != nil:
				s := vf.SecretKeyRef
				optionalSourceFor(p, "env.optional-source-absent", path+".secretKeyRef", "Secret", s.Name, s.Optional, p.hasSecret(s.Name), e.Name+" is not set")
			case vf.FileKeyRef != nil:
				p.add("env.file-key-ref", path+".fileKeyRef", r.name(),
					fmt.Sprintf("a cluster (EnvFiles) reads %s from key %q of file %q in volume %q; podrun does not, so the variable is not set", e.Name, vf.FileKeyRef.Key, vf.FileKeyRef.Path, vf.FileKeyRef.VolumeName), "")
			case vf.FieldRef != nil:
				nodeField(p, r, path+".fieldRef", e.Name, vf.FieldRef.FieldPath)
			}
		}
	}
	// optionalSource leaves Container empty; env warnings belong to their container.
	for i := range p.out {
		w := &p.out[i]
		if w.Code == "env.optional-source-absent" && w.Container == "" {
			w.Container = containerOf(p, w.Path)
		}
	}
}

// nodeField: the downward API's node fields (§7.4) describe a cluster node; locally they can
// only describe the engine's host.
func nodeField(p *pass, r containerRef, path, name, field string) {
	switch field {
	case "spec.nodeName", "status.hostIP", "status.hostIPs":
		p.add("env.node-field", path, r.name(),
			fmt.Sprintf("%s gets %s from the local engine, not from a cluster node", name, field), "")
	}
}

// containerOf names the container a path points into ("" for the pod).
func containerOf(p *pass, path string) string {
	for _, r := range p.containers() {
		if len(path) > len(r.path) && path[:len(r.path)] == r.path && (path[len(r.path)] == '.' || path[len(r.path)] == '[') {
			return r.name()
		}
	}
	return ""
}
