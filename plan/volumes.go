package plan

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/docker/docker/api/types/volume"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

// podVolume is how one pod volume is realized on the engine.
type podVolume struct {
	// engine is the engine volume's name; empty for a hostPath.
	engine   string
	hostPath *corev1.HostPathVolumeSource
	// readOnly: configMap, secret, downwardAPI and projected volumes are always mounted
	// read-only (§9.1).
	readOnly bool
}

// planVolumes creates the engine volume of every pod volume but hostPath, which stays a bind
// mount and is recorded for the runner's type check (§9.4).
func (b *builder) planVolumes(p *Plan) error {
	for i := range b.pod.Spec.Volumes {
		v := &b.pod.Spec.Volumes[i]
		if v.HostPath != nil {
			b.volumes[v.Name] = &podVolume{hostPath: v.HostPath}
			typ := ""
			if v.HostPath.Type != nil {
				typ = string(*v.HostPath.Type)
			}
			p.HostPathChecks = append(p.HostPathChecks, HostPathCheck{Volume: v.Name, Path: v.HostPath.Path, Type: typ})
			continue
		}
		vol, err := b.engineVolume(v)
		if err != nil {
			return fmt.Errorf("volume %q: %w", v.Name, err)
		}
		b.volumes[v.Name] = &podVolume{engine: vol.Create.Name, readOnly: isProjection(vol.Source)}
		p.Volumes = append(p.Volumes, vol)
	}
	return nil
}

const sourceEmptyDir = "emptyDir"

// isProjection tells the volume kinds whose content podrun writes (§9.3); containers mount
// them read-only.
func isProjection(source string) bool {
	switch source {
	case "configMap", "secret", "downwardAPI", "projected":
		return true
	}
	return false
}

func (b *builder) engineVolume(v *corev1.Volume) (Volume, error) {
	vol := Volume{
		Name: v.Name,
		Create: volume.CreateOptions{
			Name:   volumeName(b.pod.Name, v.Name, b.opts.RunID),
			Driver: "local",
			Labels: b.volumeLabels(v.Name),
		},
	}
	var (
		files map[string]projectedFile
		err   error
	)
	switch src := &v.VolumeSource; {
	case src.ConfigMap != nil:
		vol.Source = "configMap"
		files, err = b.configMapFiles(src.ConfigMap.LocalObjectReference.Name, src.ConfigMap.Items, src.ConfigMap.Optional, modeOr(src.ConfigMap.DefaultMode, defaultFileMode))
	case src.Secret != nil:
		vol.Source = "secret"
		vol.Create.DriverOpts = tmpfsOpts(0) // the kubelet backs secret volumes with tmpfs (§9.3)
		files, err = b.secretFiles(src.Secret.SecretName, src.Secret.Items, src.Secret.Optional, modeOr(src.Secret.DefaultMode, defaultFileMode))
	case src.DownwardAPI != nil:
		vol.Source = "downwardAPI"
		files, err = b.downwardAPIFiles(src.DownwardAPI.Items, modeOr(src.DownwardAPI.DefaultMode, defaultFileMode))
	case src.Projected != nil:
		vol.Source = "projected"
		vol.Create.DriverOpts = tmpfsOpts(0) // projected volumes are tmpfs-backed too
		files, err = b.projectedFiles(src.Projected)
	default:
		vol.Source = sourceFallback(v)
		if src.EmptyDir != nil && src.EmptyDir.Medium == corev1.StorageMediumMemory {
			vol.Create.DriverOpts = tmpfsOpts(b.memoryVolumeSize(src.EmptyDir.SizeLimit))
		}
		vol.Files = []File{b.emptyDirRoot()}
		return vol, nil
	}
	if err != nil {
		return Volume{}, err
	}
	vol.Files = atomicLayout(files, b.fsGroup())
	return vol, nil
}

// sourceFallback names the source of a volume planned as an emptyDir: emptyDir itself (also for
// a volume with no source, the API server's default), or a kind podrun cannot provide
// (persistentVolumeClaim, ephemeral, nfs, image…): it gets an empty, pod-lived named volume in
// its place so the containers still start; warnings report the departure.
func sourceFallback(v *corev1.Volume) string {
	raw, _ := json.Marshal(v.VolumeSource)
	var kinds map[string]json.RawMessage
	_ = json.Unmarshal(raw, &kinds)
	for k := range kinds {
		return k // a valid volume has exactly one source
	}
	return sourceEmptyDir
}

// emptyDirRoot gives the volume root the emptyDir's mode, 0777 (§9.2), where the engine would
// leave a new volume 0755 and owned by root, unwritable to a container running as another user.
// Path "." is the volume root. With fsGroup the root also gets that group and setgid (§11).
func (b *builder) emptyDirRoot() File {
	root := File{Path: ".", Dir: true, Mode: 0o777}
	if g := b.fsGroup(); g != nil {
		root.Mode |= modeSetgid
		root.GID = *g
	}
	return root
}

// tmpfsOpts are the local driver's options for a tmpfs volume; size 0 leaves the kernel's
// default (half the memory). A tmpfs lives as long as it is mounted: the sandbox keeps every
// podrun volume mounted for the pod's life (see sandbox.go).
func tmpfsOpts(size int64) map[string]string {
	opts := map[string]string{"type": "tmpfs", "device": "tmpfs"}
	if size > 0 {
		opts["o"] = "size=" + strconv.FormatInt(size, 10)
	}
	return opts
}

// memoryVolumeSize is the kubelet's size for a memory-backed emptyDir (§9.2): the smallest of
// its sizeLimit, the pod's memory limit and the node's allocatable memory, where known.
func (b *builder) memoryVolumeSize(sizeLimit *resource.Quantity) int64 {
	size := b.opts.NodeMemory
	smaller := func(n int64) {
		if n > 0 && (size <= 0 || n < size) {
			size = n
		}
	}
	smaller(podMemoryLimit(b.pod))
	if sizeLimit != nil {
		smaller(sizeLimit.Value())
	}
	return size
}

// podMemoryLimit is the pod's memory limit as the kubelet's pod cgroup gets it: spec.resources
// when set, else — only when every container declares one — the larger of the sum over regular
// containers and sidecars and the largest regular init container's limit; 0 for no limit.
func podMemoryLimit(pod *corev1.Pod) int64 {
	if r := pod.Spec.Resources; r != nil {
		if q, ok := r.Limits[corev1.ResourceMemory]; ok {
			return q.Value()
		}
	}
	var sum, initMax int64
	for i := range pod.Spec.InitContainers {
		c := &pod.Spec.InitContainers[i]
		q, ok := c.Resources.Limits[corev1.ResourceMemory]
		if !ok {
			return 0
		}
		if isSidecar(c) {
			sum += q.Value()
		} else {
			initMax = max(initMax, q.Value())
		}
	}
	for i := range pod.Spec.Containers {
		q, ok := pod.Spec.Containers[i].Resources.Limits[corev1.ResourceMemory]
		if !ok {
			return 0
		}
		sum += q.Value()
	}
	return max(sum, initMax)
}

func (b *builder) fsGroup() *int64 {
	if sc := b.pod.Spec.SecurityContext; sc != nil {
		return sc.FSGroup
	}
	return nil
}

func (b *builder) volumeLabels(vol string) map[string]string {
	l := b.commonLabels()
	l[LabelVolume] = vol
	return l
}
