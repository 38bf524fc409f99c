package status

import (
	"time"

	"github.com/podrun/podrun/plan"
	corev1 "k8s.io/api/core/v1"
)

// Observed is what the runner (or `podrun get`, from engine inspect data) knows of one container
// of the pod: its newest instance, the one before, and the probe results the runner holds.
type Observed struct {
	Name string
	Role plan.Role
	// Image is the image as the pod spec names it (cri-dockerd reported Config.Image); empty
	// means the spec's.
	Image string
	// ImageID is the image's identity in the API's form: see ImageID.
	ImageID string
	// ContainerID is the newest instance in the API's form (see ContainerID); empty before the
	// first instance is created.
	ContainerID string
	// State is the newest instance's state. A zero State (no instance yet) and a Waiting state
	// with no reason (created, never started) both read as the kubelet's default waiting
	// reason: ContainerCreating, or PodInitializing in a pod with init containers (§3.3).
	State corev1.ContainerState
	// Last is the previous instance's termination, if there was one.
	Last *corev1.ContainerStateTerminated
	// RestartCount is the newest instance's attempt number (dev.podrun.attempt).
	RestartCount int
	// Started is the startup probe's verdict; nil when the container has no startup probe, so
	// that it counts as started as soon as it runs (§5).
	Started *bool
	// Ready is the readiness probe's last published result; nil when the container has no
	// readiness probe, so that it is ready whenever it runs and is started (§3.2). A runner
	// whose readiness probe has not yet succeeded passes false.
	Ready *bool
	// BackOff, when positive, says the runner holds the container in CrashLoopBackOff for this
	// long before its next start (§2.2); the newest instance's termination then moves to
	// lastState, as in the kubelet.
	BackOff time.Duration
}

// ContainerID is a Docker container id in the API's form, as cri-dockerd reported it.
func ContainerID(dockerID string) string {
	if dockerID == "" {
		return ""
	}
	return "docker://" + dockerID
}

// ImageID is an image's identity in the API's form, as cri-dockerd reported it: the first repo
// digest as docker-pullable://repo@sha256:… when the image came from a registry, else the local
// image id as docker://sha256:….
func ImageID(imageID string, repoDigests []string) string {
	if len(repoDigests) > 0 {
		return "docker-pullable://" + repoDigests[0]
	}
	if imageID == "" {
		return ""
	}
	return "docker://" + imageID
}
