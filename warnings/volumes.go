package warnings

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// checkVolumes: emptyDir, hostPath, configMap, secret, downwardAPI and projected volumes of
// those are emulated from the input (§9); every other source has no local equivalent.
func checkVolumes(p *pass) {
	for i := range p.pod.Spec.Volumes {
		v := &p.pod.Spec.Volumes[i]
		path := index("spec.volumes", i)
		if code, field, ok := unsupportedSource(&v.VolumeSource); ok {
			p.add(code, path+"."+field, "",
				fmt.Sprintf("volume %q: %s; podrun cannot provide it, so the containers do not get this data", v.Name, sourceMeaning(field)),
				"replace the volume with a hostPath or an emptyDir for local runs")
			continue
		}
		emptyDir(p, v, path)
		if s := v.Secret; s != nil {
			optionalSource(p, "volume.optional-source-absent", path+".secret", "Secret", s.SecretName, s.Optional, p.hasSecret(s.SecretName))
			fileOwners(p, path+".secret", s.Items, s.DefaultUser)
		}
		if c := v.ConfigMap; c != nil {
			optionalSource(p, "volume.optional-source-absent", path+".configMap", "ConfigMap", c.Name, c.Optional, p.hasConfigMap(c.Name))
			fileOwners(p, path+".configMap", c.Items, c.DefaultUser)
		}
		if d := v.DownwardAPI; d != nil {
			downwardOwners(p, path+".downwardAPI", d.Items, d.DefaultUser)
		}
		if pr := v.Projected; pr != nil {
			projected(p, v.Name, path+".projected", pr)
		}
	}
	for _, r := range p.containers() {
		mounts(p, r)
	}
}

// unsupportedSource names the code and JSON field of a volume source podrun does not emulate.
func unsupportedSource(s *corev1.VolumeSource) (Code, string, bool) {
	switch {
	case s.PersistentVolumeClaim != nil:
		return "volume.persistent-volume-claim", "persistentVolumeClaim", true
	case s.Ephemeral != nil:
		return "volume.ephemeral", "ephemeral", true
	case s.CSI != nil:
		return "volume.csi", "csi", true
	case s.Image != nil:
		return "volume.image", "image", true
	case s.GitRepo != nil:
		return "volume.git-repo", "gitRepo", true
	case s.GCEPersistentDisk != nil:
		return "volume.gce-persistent-disk", "gcePersistentDisk", true
	case s.AWSElasticBlockStore != nil:
		return "volume.aws-elastic-block-store", "awsElasticBlockStore", true
	case s.AzureDisk != nil:
		return "volume.azure-disk", "azureDisk", true
	case s.AzureFile != nil:
		return "volume.azure-file", "azureFile", true
	case s.Cinder != nil:
		return "volume.cinder", "cinder", true
	case s.VsphereVolume != nil:
		return "volume.vsphere-volume", "vsphereVolume", true
	case s.PhotonPersistentDisk != nil:
		return "volume.photon-persistent-disk", "photonPersistentDisk", true
	case s.PortworxVolume != nil:
		return "volume.portworx-volume", "portworxVolume", true
	case s.ScaleIO != nil:
		return "volume.scale-io", "scaleIO", true
	case s.StorageOS != nil:
		return "volume.storageos", "storageos", true
	case s.Flocker != nil:
		return "volume.flocker", "flocker", true
	case s.Quobyte != nil:
		return "volume.quobyte", "quobyte", true
	case s.Glusterfs != nil:
		return "volume.glusterfs", "glusterfs", true
	case s.CephFS != nil:
		return "volume.cephfs", "cephfs", true
	case s.RBD != nil:
		return "volume.rbd", "rbd", true
	case s.NFS != nil:
		return "volume.nfs", "nfs", true
	case s.ISCSI != nil:
		return "volume.iscsi", "iscsi", true
	case s.FC != nil:
		return "volume.fc", "fc", true
	case s.FlexVolume != nil:
		return "volume.flex-volume", "flexVolume", true
	}
	return "", "", false
}

func sourceMeaning(field string) string {
	switch field {
	case "persistentVolumeClaim":
		return "a cluster mounts the PersistentVolume bound to the claim"
	case "ephemeral":
		return "a cluster provisions a claim from the template for the pod's lifetime"
	case "csi":
		return "a cluster asks the CSI driver for an inline volume"
	case "image":
		return "a cluster mounts the image's content read-only"
	case "gitRepo":
		return "a cluster clones the repository into the volume"
	}
	return "a cluster attaches this " + field + " storage"
}

// emptyDir: medium Memory is a tmpfs sized by sizeLimit, as on a cluster; on disk, sizeLimit is
// enforced by eviction (§9.2), which podrun does not do.
func emptyDir(p *pass, v *corev1.Volume, path string) {
	e := v.EmptyDir
	if e == nil {
		return
	}
	if e.SizeLimit != nil && e.Medium != corev1.StorageMediumMemory {
		p.add("volume.empty-dir-size-limit", path+".emptyDir.sizeLimit", "",
			fmt.Sprintf("a cluster evicts the pod when volume %q grows beyond %s; podrun does not limit it", v.Name, e.SizeLimit.String()), "")
	}
	if strings.HasPrefix(string(e.Medium), string(corev1.StorageMediumHugePages)) {
		p.add("resources.hugepages", path+".emptyDir.medium", "",
			fmt.Sprintf("a cluster backs volume %q with hugepages; podrun provides no hugepages", v.Name), "")
	}
	if e.Mode != nil {
		p.add("volume.empty-dir-mode", path+".emptyDir.mode", "",
			fmt.Sprintf("a cluster creates volume %q with mode %#o; podrun creates it 0777", v.Name, *e.Mode), "")
	}
}

func projected(p *pass, name, path string, pr *corev1.ProjectedVolumeSource) {
	for j, src := range pr.Sources {
		sp := index(path+".sources", j)
		switch {
		case src.ServiceAccountToken != nil:
			p.add("volume.service-account-token", sp+".serviceAccountToken", "",
				fmt.Sprintf("volume %q: a cluster writes a service account token at %q; podrun has no API server to issue one, so the file holds a placeholder, not a token", name, src.ServiceAccountToken.Path), tokenHint)
		case src.ClusterTrustBundle != nil:
			p.add("volume.cluster-trust-bundle", sp+".clusterTrustBundle", "",
				fmt.Sprintf("volume %q: a cluster writes the ClusterTrustBundle certificates at %q; podrun has no API server to read them, so the file is absent", name, src.ClusterTrustBundle.Path), "")
		case src.PodCertificate != nil:
			p.add("volume.pod-certificate", sp+".podCertificate", "",
				fmt.Sprintf("volume %q: a cluster issues a pod certificate from signer %q; podrun has no signer, so the files are absent", name, src.PodCertificate.SignerName), "")
		case src.Secret != nil:
			optionalSource(p, "volume.optional-source-absent", sp+".secret", "Secret", src.Secret.Name, src.Secret.Optional, p.hasSecret(src.Secret.Name))
			fileOwners(p, sp+".secret", src.Secret.Items, nil)
		case src.ConfigMap != nil:
			optionalSource(p, "volume.optional-source-absent", sp+".configMap", "ConfigMap", src.ConfigMap.Name, src.ConfigMap.Optional, p.hasConfigMap(src.ConfigMap.Name))
			fileOwners(p, sp+".configMap", src.ConfigMap.Items, nil)
		case src.DownwardAPI != nil:
			downwardOwners(p, sp+".downwardAPI", src.DownwardAPI.Items, nil)
		}
	}
	if pr.DefaultUser != nil {
		p.add("volume.file-owner", path+".defaultUser", "", fileOwnerMessage, "")
	}
}

const fileOwnerMessage = "a cluster (AtomicWriteVolumeUserFields) makes this user the owner of the projected files; podrun leaves them owned by root"

func fileOwners(p *pass, path string, items []corev1.KeyToPath, defaultUser *int64) {
	if defaultUser != nil {
		p.add("volume.file-owner", path+".defaultUser", "", fileOwnerMessage, "")
	}
	for i, it := range items {
		if it.User != nil {
			p.add("volume.file-owner", index(path+".items", i)+".user", "", fileOwnerMessage, "")
		}
	}
}

func downwardOwners(p *pass, path string, items []corev1.DownwardAPIVolumeFile, defaultUser *int64) {
	if defaultUser != nil {
		p.add("volume.file-owner", path+".defaultUser", "", fileOwnerMessage, "")
	}
	for i, it := range items {
		if it.User != nil {
			p.add("volume.file-owner", index(path+".items", i)+".user", "", fileOwnerMessage, "")
		}
	}
}

// optionalSource warns when an optional ConfigMap or Secret is not in the input: podrun sees
// only the input, while a cluster would use the namespace's object if it exists (§9.3, §7.1).
// A required one that is missing is an input error (podspec), not a warning.
func optionalSource(p *pass, code Code, path, kind, name string, optional *bool, present bool) {
	optionalSourceFor(p, code, path, kind, name, optional, present, "the volume is empty")
}

// optionalSourceFor is optionalSource with the consequence spelled out ("FOO is not set").
func optionalSourceFor(p *pass, code Code, path, kind, name string, optional *bool, present bool, what string) {
	if present || optional == nil || !*optional {
		return
	}
	p.add(code, path, "",
		fmt.Sprintf("optional %s %q is not in the input: %s; a cluster would use the namespace's %s %q if it exists", kind, name, what, kind, name),
		fmt.Sprintf("add the %s to the manifest (a --- separated document) to run with it", kind))
}

func (p *pass) hasConfigMap(name string) bool { _, ok := p.in.ConfigMaps[name]; return ok }
func (p *pass) hasSecret(name string) bool    { _, ok := p.in.Secrets[name]; return ok }

// mounts: recursiveReadOnly, bindMountOptions and raw block devices are not emulated (§9.1).
func mounts(p *pass, r containerRef) {
	for i, m := range r.c.VolumeMounts {
		mp := index(r.path+".volumeMounts", i)
		if m.RecursiveReadOnly != nil && *m.RecursiveReadOnly != corev1.RecursiveReadOnlyDisabled {
			p.add("volume.recursive-read-only", mp+".recursiveReadOnly", r.name(),
				fmt.Sprintf("a cluster makes every mount below %s read-only too (recursiveReadOnly: %s); podrun makes only the mount itself read-only", m.MountPath, *m.RecursiveReadOnly), "")
		}
		if len(m.BindMountOptions) > 0 {
			p.add("volume.bind-mount-options", mp+".bindMountOptions", r.name(),
				fmt.Sprintf("a cluster mounts %s with %v; podrun mounts it without these options", m.MountPath, m.BindMountOptions), "")
		}
	}
	for i, d := range r.c.VolumeDevices {
		p.add("volume.block-device", index(r.path+".volumeDevices", i), r.name(),
			fmt.Sprintf("a cluster exposes the raw block volume %q at %s; podrun provides no device", d.Name, d.DevicePath), "")
	}
}
