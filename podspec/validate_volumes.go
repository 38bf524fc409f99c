package podspec

import (
	"path"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/validation"
)

// volumes checks the pod's volumes and returns them by name, for the mount checks.
func (v *validator) volumes(volumes []corev1.Volume) map[string]*corev1.Volume {
	byName := map[string]*corev1.Volume{}
	for i := range volumes {
		vol := &volumes[i]
		p := joinIndex("spec.volumes", i)
		switch {
		case vol.Name == "":
			v.add(joinField(p, "name"), "required")
		case byName[vol.Name] != nil:
			v.addf(joinField(p, "name"), "duplicate volume name %q: volume names must be unique", vol.Name)
		default:
			v.messages(joinField(p, "name"), vol.Name, validation.IsDNS1123Label(vol.Name))
			byName[vol.Name] = vol
		}
		// Defaulting gave a volume with no source an emptyDir (§0), so none is not an error here.
		if names := sourceNames(&vol.VolumeSource); len(names) > 1 {
			v.addf(p, "must have exactly one volume source, got %d: %s", len(names), strings.Join(names, ", "))
		}
		v.volumeSource(p, &vol.VolumeSource)
	}
	return byName
}

func (v *validator) volumeSource(p string, src *corev1.VolumeSource) {
	if s := src.ConfigMap; s != nil {
		v.objectName(joinField(p, "configMap.name"), s.Name)
		v.mode(joinField(p, "configMap.defaultMode"), s.DefaultMode)
		v.keyToPaths(joinField(p, "configMap.items"), s.Items)
	}
	if s := src.Secret; s != nil {
		v.objectName(joinField(p, "secret.secretName"), s.SecretName)
		v.mode(joinField(p, "secret.defaultMode"), s.DefaultMode)
		v.keyToPaths(joinField(p, "secret.items"), s.Items)
	}
	if s := src.DownwardAPI; s != nil {
		v.mode(joinField(p, "downwardAPI.defaultMode"), s.DefaultMode)
		v.downwardAPIFiles(joinField(p, "downwardAPI.items"), s.Items)
	}
	if s := src.Projected; s != nil {
		v.mode(joinField(p, "projected.defaultMode"), s.DefaultMode)
		v.projected(joinField(p, "projected"), s)
	}
	if s := src.HostPath; s != nil {
		if s.Path == "" {
			v.add(joinField(p, "hostPath.path"), "required")
		}
		if s.Type != nil {
			v.oneOf(joinField(p, "hostPath.type"), string(*s.Type), "", "DirectoryOrCreate", "Directory",
				"FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice")
		}
	}
	if s := src.EmptyDir; s != nil {
		medium := string(s.Medium)
		if !strings.HasPrefix(medium, "HugePages") {
			v.oneOf(joinField(p, "emptyDir.medium"), medium, "", "Memory", "HugePages")
		}
		if s.SizeLimit != nil && s.SizeLimit.Sign() < 0 {
			v.addf(joinField(p, "emptyDir.sizeLimit"), "must be greater than or equal to 0, got %s", s.SizeLimit.String())
		}
	}
}

// projected checks each source of a projected volume: exactly one kind per source.
func (v *validator) projected(p string, s *corev1.ProjectedVolumeSource) {
	for i, src := range s.Sources {
		sp := joinIndex(joinField(p, "sources"), i)
		n := 0
		for _, set := range []bool{src.ConfigMap != nil, src.Secret != nil, src.DownwardAPI != nil,
			src.ServiceAccountToken != nil, src.ClusterTrustBundle != nil, src.PodCertificate != nil} {
			if set {
				n++
			}
		}
		if n != 1 {
			v.addf(sp, "must have exactly one source (configMap, secret, downwardAPI, serviceAccountToken, ...), got %d", n)
		}
		if c := src.ConfigMap; c != nil {
			v.objectName(joinField(sp, "configMap.name"), c.Name)
			v.keyToPaths(joinField(sp, "configMap.items"), c.Items)
		}
		if c := src.Secret; c != nil {
			v.objectName(joinField(sp, "secret.name"), c.Name)
			v.keyToPaths(joinField(sp, "secret.items"), c.Items)
		}
		if c := src.DownwardAPI; c != nil {
			v.downwardAPIFiles(joinField(sp, "downwardAPI.items"), c.Items)
		}
		if t := src.ServiceAccountToken; t != nil && t.Path == "" {
			v.add(joinField(sp, "serviceAccountToken.path"), "required")
		}
	}
}

// keyToPaths checks the items of a configMap or secret volume: key, relative path, mode.
func (v *validator) keyToPaths(p string, items []corev1.KeyToPath) {
	for i, item := range items {
		ip := joinIndex(p, i)
		v.dataKey(joinField(ip, "key"), item.Key)
		v.relativePath(joinField(ip, "path"), item.Path, true)
		v.mode(joinField(ip, "mode"), item.Mode)
	}
}

func (v *validator) downwardAPIFiles(p string, items []corev1.DownwardAPIVolumeFile) {
	for i, item := range items {
		ip := joinIndex(p, i)
		v.relativePath(joinField(ip, "path"), item.Path, true)
		v.mode(joinField(ip, "mode"), item.Mode)
		switch {
		case item.FieldRef != nil && item.ResourceFieldRef != nil:
			v.add(ip, "must specify exactly one of fieldRef, resourceFieldRef, got both")
		case item.FieldRef != nil:
			v.fieldRef(joinField(ip, "fieldRef"), item.FieldRef, volumeFieldPaths)
		case item.ResourceFieldRef != nil:
			v.resourceFieldRef(joinField(ip, "resourceFieldRef"), item.ResourceFieldRef, true)
		default:
			v.add(ip, "must specify one of fieldRef, resourceFieldRef")
		}
	}
}

// mode checks a file mode: 0–0777 (YAML often holds it in octal, 0644; JSON in decimal, 420).
func (v *validator) mode(p string, mode *int32) {
	if mode != nil && (*mode < 0 || *mode > 0o777) {
		v.addf(p, "must be a file mode between 0 and 0777 (octal) or 511 (decimal), got %d", *mode)
	}
}

// relativePath checks a path that must stay inside a volume: relative, and with no ".."
// element (§9.1, §9.3). required says whether it may be empty.
func (v *validator) relativePath(p, value string, required bool) {
	switch {
	case value == "":
		if required {
			v.add(p, "required")
		}
	case path.IsAbs(value):
		v.addf(p, "must be a relative path, got %q", value)
	case hasDotDot(value):
		v.addf(p, "must not contain '..', got %q", value)
	}
}

func hasDotDot(p string) bool {
	for _, elem := range strings.Split(p, "/") {
		if elem == ".." {
			return true
		}
	}
	return false
}

// mounts checks a container's volumeMounts and volumeDevices against the pod's volumes.
func (v *validator) mounts(p string, c *corev1.Container, volumes map[string]*corev1.Volume) {
	paths := map[string]string{}
	mounted := map[string]bool{}
	for i, m := range c.VolumeMounts {
		mp := joinIndex(joinField(p, "volumeMounts"), i)
		v.volumeRef(joinField(mp, "name"), m.Name, volumes)
		mounted[m.Name] = true
		v.absolutePath(joinField(mp, "mountPath"), m.MountPath, paths, mp)
		v.relativePath(joinField(mp, "subPath"), m.SubPath, false)
		v.relativePath(joinField(mp, "subPathExpr"), m.SubPathExpr, false)
		if m.SubPath != "" && m.SubPathExpr != "" {
			v.add(joinField(mp, "subPathExpr"), "must not be set together with subPath: give one or the other")
		}
		if m.MountPropagation != nil {
			v.oneOf(joinField(mp, "mountPropagation"), string(*m.MountPropagation), "None", "HostToContainer", "Bidirectional")
			privileged := c.SecurityContext != nil && c.SecurityContext.Privileged != nil && *c.SecurityContext.Privileged
			if *m.MountPropagation == corev1.MountPropagationBidirectional && !privileged {
				v.add(joinField(mp, "mountPropagation"), "Bidirectional requires a privileged container")
			}
		}
	}
	for i, d := range c.VolumeDevices {
		dp := joinIndex(joinField(p, "volumeDevices"), i)
		v.volumeRef(joinField(dp, "name"), d.Name, volumes)
		if mounted[d.Name] {
			v.addf(joinField(dp, "name"), "volume %q is already mounted with volumeMounts: a volume is a mount or a device, not both", d.Name)
		}
		v.absolutePath(joinField(dp, "devicePath"), d.DevicePath, paths, dp)
	}
}

func (v *validator) volumeRef(p, name string, volumes map[string]*corev1.Volume) {
	switch {
	case name == "":
		v.add(p, "required")
	case volumes[name] == nil:
		v.addf(p, "no volume named %q in spec.volumes", name)
	}
}

// absolutePath checks a mount or device path: absolute, and used once in the container.
func (v *validator) absolutePath(p, value string, used map[string]string, owner string) {
	switch {
	case value == "":
		v.add(p, "required")
		return
	case !path.IsAbs(value):
		v.addf(p, "must be an absolute path, got %q", value)
	}
	clean := path.Clean(value)
	if first, dup := used[clean]; dup {
		v.addf(p, "%q is already used by %s: mount paths must be unique in a container", value, v.in.Origin.FilePath(first))
		return
	}
	used[clean] = owner
}
