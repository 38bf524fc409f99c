package plan

import (
	corev1 "k8s.io/api/core/v1"
)

// The kubelet's OOM score adjustments (§10, pkg/kubelet/qos/policy.go).
const (
	guaranteedOOMScoreAdj = -997
	besteffortOOMScoreAdj = 1000
	// engineOOMScoreFloor is the lowest score podrun asks for. Lowering a process's score below
	// its parent's needs CAP_SYS_RESOURCE, which engines in a user namespace or a container
	// (rootless Docker, CI sandboxes, this project's machines) lack: runc then fails the start
	// with "can't get final child's PID from pipe", so every Guaranteed pod would fail.
	// containerd's restrict_oom_score_adj clamps for the same reason. 0 keeps the kubelet's
	// order among the pod's containers (Guaranteed 0 < Burstable ≥ 3 < BestEffort 1000).
	engineOOMScoreFloor = 0
)

// podQOS is the pod's QoS class (ComputePodQOS): only cpu and memory count; pod-level
// resources, when set, decide alone (PodLevelResources); requests default to limits (§0).
func podQOS(pod *corev1.Pod) corev1.PodQOSClass {
	requests, limits := corev1.ResourceList{}, corev1.ResourceList{}
	guaranteed := true
	add := func(req, lim corev1.ResourceList) {
		for _, name := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
			if q, ok := req[name]; ok && q.Sign() > 0 {
				sum := requests[name]
				sum.Add(q)
				requests[name] = sum
			}
			q, ok := lim[name]
			if !ok || q.Sign() <= 0 {
				guaranteed = false
				continue
			}
			sum := limits[name]
			sum.Add(q)
			limits[name] = sum
		}
	}
	if r := pod.Spec.Resources; r != nil && (len(r.Requests) > 0 || len(r.Limits) > 0) {
		add(withDefaultRequests(r.Requests, r.Limits), r.Limits)
	} else {
		for _, list := range [][]corev1.Container{pod.Spec.Containers, pod.Spec.InitContainers} {
			for i := range list {
				req, lim := effectiveResources(&list[i])
				add(req, lim)
			}
		}
	}
	if len(requests) == 0 && len(limits) == 0 {
		return corev1.PodQOSBestEffort
	}
	if guaranteed && len(requests) == len(limits) {
		for name, req := range requests {
			if lim := limits[name]; lim.Cmp(req) != 0 {
				return corev1.PodQOSBurstable
			}
		}
		return corev1.PodQOSGuaranteed
	}
	return corev1.PodQOSBurstable
}

func withDefaultRequests(requests, limits corev1.ResourceList) corev1.ResourceList {
	out := corev1.ResourceList{}
	for n, q := range limits {
		out[n] = q
	}
	for n, q := range requests {
		out[n] = q
	}
	return out
}

// oomScoreAdj is the kubelet's GetContainerOOMScoreAdjust (§10): Guaranteed −997 (raised to
// engineOOMScoreFloor, see there), BestEffort 1000, Burstable 1000 − 1000×memoryRequest/nodeMemory
// clamped to [3, 999], a native sidecar's score capped at the one of the regular container with
// the smallest memory request. An unknown node memory (0) counts as unbounded, which gives
// Burstable containers 999.
func oomScoreAdj(qos corev1.PodQOSClass, pod *corev1.Pod, ctr *corev1.Container, sidecar bool, nodeMemory int64) int {
	switch qos {
	case corev1.PodQOSGuaranteed:
		return max(guaranteedOOMScoreAdj, engineOOMScoreFloor)
	case corev1.PodQOSBestEffort:
		return besteffortOOMScoreAdj
	}
	score := burstableScore(memoryRequest(ctr), nodeMemory)
	if sidecar {
		score = min(score, burstableScore(minRegularMemoryRequest(pod), nodeMemory))
	}
	if score < 1000+guaranteedOOMScoreAdj {
		return 1000 + guaranteedOOMScoreAdj
	}
	if score == besteffortOOMScoreAdj {
		return score - 1 // Burstable survives BestEffort
	}
	return score
}

func burstableScore(request, nodeMemory int64) int {
	if nodeMemory <= 0 {
		return 1000
	}
	if request >= nodeMemory {
		return 0 // and 1000×request cannot overflow below
	}
	return int(1000 - 1000*request/nodeMemory)
}

func memoryRequest(ctr *corev1.Container) int64 {
	req, _ := effectiveResources(ctr)
	return req.Memory().Value()
}

func minRegularMemoryRequest(pod *corev1.Pod) int64 {
	var least int64
	for i := range pod.Spec.Containers {
		m := memoryRequest(&pod.Spec.Containers[i])
		if i == 0 || m < least {
			least = m
		}
	}
	return least
}
