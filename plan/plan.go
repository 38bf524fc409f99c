// Package plan turns a loaded, validated and defaulted pod into the exact Docker objects that
// will run it. It is pure: values in, values out. Every decision that does not depend on the
// engine's answers is taken here, so that --dry-run shows what will happen and the runner stays
// a thin executor.
package plan

import (
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/volume"
)

// Role is what a container is for in the pod, in the kubelet's terms.
type Role string

const (
	RolePause   Role = "pause"   // the sandbox: owns the network, IPC and UTS namespaces
	RoleInit    Role = "init"    // a regular init container: runs to completion, one at a time
	RoleSidecar Role = "sidecar" // a native sidecar: an init container with restartPolicy Always
	RoleApp     Role = "app"     // a regular container
	RolePrimary Role = "primary" // the regular container whose exit decides a Flyte task
)

// RestartPolicy is a container's effective restart policy (pod policy, or Always for sidecars).
type RestartPolicy string

const (
	RestartAlways    RestartPolicy = "Always"
	RestartOnFailure RestartPolicy = "OnFailure"
	RestartNever     RestartPolicy = "Never"
)

// PullPolicy says when an image is pulled.
type PullPolicy string

const (
	PullAlways       PullPolicy = "Always"
	PullIfNotPresent PullPolicy = "IfNotPresent"
	PullNever        PullPolicy = "Never"
)

// Plan is every Docker object of one pod run, with its exact create configuration.
type Plan struct {
	RunID string
	Pod   PodMeta
	// Labels go on every object of the run (containers, volumes); each container adds its own.
	Labels        map[string]string
	RestartPolicy RestartPolicy
	// GracePeriod is terminationGracePeriodSeconds: SIGTERM, then SIGKILL after it.
	GracePeriod time.Duration
	Images      []Image
	Volumes     []Volume
	// HostPathChecks are the hostPath `type` checks the kubelet makes before the pod starts.
	HostPathChecks []HostPathCheck
	Sandbox        Container
	// Init holds regular init containers and native sidecars, in spec order.
	Init []Container
	// Containers holds the regular containers, in spec order.
	Containers []Container
	// Primary names the container whose exit ends the pod (Flyte); empty for a plain pod.
	Primary string
}

// PodMeta is what the downward API, status and labels need of the pod's metadata.
type PodMeta struct {
	Name        string
	Namespace   string
	UID         string
	Hostname    string
	Labels      map[string]string
	Annotations map[string]string
}

// Image is one image the pod needs, with the strictest pull policy any container asks for.
type Image struct {
	Ref        string
	Policy     PullPolicy
	Containers []string
}

// Volume is an engine-side volume podrun creates for a pod volume.
type Volume struct {
	// Name is the pod's name for the volume (spec.volumes[].name).
	Name string
	// Source is the kind of pod volume it backs: emptyDir, configMap, secret, downwardAPI,
	// projected; or a kind podrun stands in for with an empty volume (persistentVolumeClaim…).
	Source string
	// Create is the engine's create request (name, driver options, labels).
	Create volume.CreateOptions
	// Files is content podrun writes into the volume before any container uses it. It is copied
	// through the engine API, so a remote engine works the same as a local one.
	Files []File
}

// File is one entry podrun writes into a volume.
type File struct {
	Path string // relative to the volume root; "." is the root itself (its mode and group)
	Mode int64  // permission bits, with setgid (0o2000) where the kubelet sets it
	Data []byte
	// Link, when set, makes the entry a symlink to this target (the kubelet's ..data layout).
	Link string
	Dir  bool
	// GID owns the entry (fsGroup, §9.3/§11); 0 is root, as the engine's copy makes it anyway.
	GID int64
}

// HostPathCheck is a hostPath volume's type check (DirectoryOrCreate, File, Socket…).
type HostPathCheck struct {
	Volume string
	Path   string
	Type   string
}

// Container is one Docker container of the pod with its exact create configuration.
type Container struct {
	// Name is the pod's name for the container; DockerName the engine's.
	Name       string
	DockerName string
	Role       Role
	// Index is the position in spec.initContainers or spec.containers.
	Index         int
	Image         string
	RestartPolicy RestartPolicy
	Config        *container.Config
	Host          *container.HostConfig
	// RuntimeFields lists the downward-API fields (status.podIP, status.hostIP…) whose values
	// exist only once the sandbox runs. The plan writes them as Placeholder(field) in Config.Env,
	// Entrypoint and Cmd; the runner substitutes the real values before creating the container.
	RuntimeFields []string
	// SecretEnv names env vars whose values come from Secrets: renderings mask them.
	SecretEnv []string
	// SubPathMounts are volume subPath mounts, bound from the volume's engine-side mount point.
	SubPathMounts []SubPathMount
	// RunAsNonRoot asks the runner to refuse to create the container when its effective user
	// is root (the image's user counts when no runAsUser is set): CreateContainerConfigError, §11.
	RunAsNonRoot bool
	// TerminationMessagePath is where the container may write its termination message.
	TerminationMessagePath   string
	TerminationMessagePolicy string
	// Probes are the startup, liveness and readiness probes the runner runs (§5).
	Probes *Probes `json:",omitempty"`
	// PostStart and PreStop are the lifecycle hooks the runner runs (§6); nil when absent.
	PostStart *Handler `json:",omitempty"`
	PreStop   *Handler `json:",omitempty"`
}

// Placeholder is the text standing for a run-time downward-API field until the runner knows its
// value. It is readable in --dry-run output and cannot come from a user's manifest by accident
// (angle brackets and a colon never appear in the field values the kubelet substitutes).
func Placeholder(field string) string { return "<podrun:" + field + ">" }

// SubPathMount mounts one path inside a podrun volume at Target.
type SubPathMount struct {
	Volume   string // the engine's volume name
	SubPath  string
	Target   string
	ReadOnly bool
}
