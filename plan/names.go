package plan

// Engine-side names. Every name carries the run id, so parallel runs of one pod never collide;
// the pod's namespace is in container names as cri-dockerd had it (k8s_<container>_<pod>_<ns>…).
// Pod, namespace, container and volume names are DNS labels or subdomains, so `_` separates
// them unambiguously and every name is valid for the engine ([a-zA-Z0-9][a-zA-Z0-9_.-]*).

// sandboxName is the pause container's name. "POD" cannot clash with a container name, which is
// a lower-case DNS label.
func sandboxName(pod, ns, runID string) string {
	return "podrun_POD_" + pod + "_" + ns + "_" + runID
}

// containerName is a container's name without the attempt suffix; the runner appends
// "_<attempt>" (0, 1, 2…) to each instance, as the kubelet keeps one per restart.
func containerName(ctr, pod, ns, runID string) string {
	return "podrun_" + ctr + "_" + pod + "_" + ns + "_" + runID
}

// volumeName is the engine volume backing a pod volume.
func volumeName(pod, vol, runID string) string {
	return "podrun_" + pod + "_" + vol + "_" + runID
}

// SandboxVolumeDir is where the sandbox mounts every podrun volume: /.podrun/volumes/<volume>.
const SandboxVolumeDir = "/.podrun/volumes"

// sandboxContainerLabel is the dev.podrun.container label of the sandbox, as cri-dockerd named it.
const sandboxContainerLabel = "POD"
