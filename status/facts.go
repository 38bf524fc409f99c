package status

import (
	"time"

	corev1 "k8s.io/api/core/v1"
)

// PodFacts is what the kubelet knows of the pod apart from its containers.
type PodFacts struct {
	// Pod is the pod with the API server's defaults applied (podspec.Input.Pod). Its spec
	// decides the containers' roles, restart policies, readiness gates and QoS class.
	Pod *corev1.Pod
	// PodIPs are the sandbox's addresses, primary first; HostIPs the node's (the engine's).
	PodIPs  []string
	HostIPs []string
	// SandboxReady says the pause container runs with its network set up
	// (PodReadyToStartContainers, §1.1).
	SandboxReady bool
	// Deleting says the pod is being terminated (Ctrl-C, `podrun down`, a Flyte primary that
	// ended). Once nothing runs any more, the phase becomes terminal by exit codes (§3.1).
	// A deletionTimestamp on Pod means the same.
	Deleting bool
	// Eviction, when set, fails the pod whatever its containers did, as the kubelet's pod sync
	// handlers do (activeDeadlineSeconds → DeadlineExceeded, ephemeral storage → Evicted).
	Eviction *Eviction
	// StartTime is when the kubelet first acknowledged the pod; zero means "as in Previous, or
	// Now".
	StartTime time.Time
	// Now is the time of this status: a condition whose status changes takes it as its
	// lastTransitionTime.
	Now time.Time
	// Previous is the last status computed for this pod, if any: unchanged conditions keep
	// their lastTransitionTime, and a terminal phase never changes again.
	Previous *corev1.PodStatus
}

// Eviction is a kubelet decision that fails the pod: reason and message go to the status.
type Eviction struct {
	Reason  string
	Message string
}

func (f PodFacts) deleting() bool {
	return f.Deleting || f.Pod.DeletionTimestamp != nil
}

// generation is the pod's metadata.generation, which the API server sets to 1 on create.
func (f PodFacts) generation() int64 {
	if f.Pod.Generation == 0 {
		return 1
	}
	return f.Pod.Generation
}
