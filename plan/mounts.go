package plan

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/mount"
	corev1 "k8s.io/api/core/v1"
)

// containerMounts maps a container's volumeMounts (§9.1). Engine volumes are mounted with
// NoCopy: a kubelet volume starts empty, where the engine would otherwise copy the image's files
// at the mount point into an empty volume. A subPath of an engine volume becomes a SubPathMount
// (the runner binds <the volume's mount point>/<subPath>); a subPath of a hostPath is simply a
// deeper host path.
func (b *builder) containerMounts(host *container.HostConfig, c *Container, ctr *corev1.Container, env *containerEnv) error {
	for _, m := range ctr.VolumeMounts {
		pv, ok := b.volumes[m.Name]
		if !ok {
			return fmt.Errorf("volumeMount %q: no such volume in the pod", m.Name)
		}
		sub, err := subPath(&m, env)
		if err != nil {
			return fmt.Errorf("volumeMount %q: %w", m.Name, err)
		}
		readOnly := m.ReadOnly || pv.readOnly
		switch {
		case pv.hostPath != nil:
			bindHostPath(host, pv.hostPath, sub, &m, readOnly)
		case sub != "":
			c.SubPathMounts = append(c.SubPathMounts, SubPathMount{Volume: pv.engine, SubPath: sub, Target: m.MountPath, ReadOnly: readOnly})
		default:
			host.Mounts = append(host.Mounts, mount.Mount{
				Type: mount.TypeVolume, Source: pv.engine, Target: m.MountPath, ReadOnly: readOnly,
				VolumeOptions: &mount.VolumeOptions{NoCopy: true},
			})
			// mountPropagation concerns host mounts; the engine refuses it on named volumes.
		}
	}
	return nil
}

// subPath is the mount's subPath, or its subPathExpr expanded with the container's complete
// environment; an undefined or empty variable there fails the container (§7.2).
func subPath(m *corev1.VolumeMount, env *containerEnv) (string, error) {
	if m.SubPathExpr == "" {
		return m.SubPath, nil
	}
	var missing []string
	out := expand(m.SubPathExpr, func(name string) (string, bool) {
		v := env.values[name]
		if v == "" && !slices.Contains(missing, name) {
			missing = append(missing, name)
		}
		return v, true
	})
	if len(missing) > 0 {
		sort.Strings(missing)
		return "", fmt.Errorf("subPathExpr %q: no value for %s", m.SubPathExpr, strings.Join(missing, ", "))
	}
	return out, nil
}

// bindHostPath mounts a hostPath. With no type or DirectoryOrCreate it goes to Binds, where the
// engine creates a missing source directory as the kubelet would; every other type goes to
// Mounts, where a missing source is an error (the runner's HostPathChecks report it first).
func bindHostPath(host *container.HostConfig, hp *corev1.HostPathVolumeSource, sub string, m *corev1.VolumeMount, readOnly bool) {
	src := hp.Path
	if sub != "" {
		src = path.Join(src, sub)
	}
	prop := propagation(m.MountPropagation)
	if hp.Type == nil || *hp.Type == corev1.HostPathUnset || *hp.Type == corev1.HostPathDirectoryOrCreate {
		var opts []string
		if readOnly {
			opts = append(opts, "ro")
		}
		if prop != "" {
			opts = append(opts, string(prop))
		}
		bind := src + ":" + m.MountPath
		if len(opts) > 0 {
			bind += ":" + strings.Join(opts, ",")
		}
		host.Binds = append(host.Binds, bind)
		return
	}
	mt := mount.Mount{Type: mount.TypeBind, Source: src, Target: m.MountPath, ReadOnly: readOnly}
	if prop != "" {
		mt.BindOptions = &mount.BindOptions{Propagation: prop}
	}
	host.Mounts = append(host.Mounts, mt)
}

// propagation maps mountPropagation (§9.1): None → rprivate, HostToContainer → rslave,
// Bidirectional → rshared; unset leaves the engine's default, rprivate.
func propagation(p *corev1.MountPropagationMode) mount.Propagation {
	if p == nil {
		return ""
	}
	switch *p {
	case corev1.MountPropagationHostToContainer:
		return mount.PropagationRSlave
	case corev1.MountPropagationBidirectional:
		return mount.PropagationRShared
	}
	return mount.PropagationRPrivate
}
