package status

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

// QOSClass is the pod's quality-of-service class as the API server computes it
// (pkg/apis/core/v1/helper/qos ComputePodQOS): only cpu and memory count, zero quantities are
// ignored, init containers count like regular ones, and pod-level resources, when set, replace
// the containers' (§10). A request the user left out is first defaulted from the limit, as the
// API server does before computing (§0), so raw and defaulted pods give the same class.
func QOSClass(pod *corev1.Pod) corev1.PodQOSClass {
	var sets []corev1.ResourceRequirements
	if pod.Spec.Resources != nil {
		sets = append(sets, *pod.Spec.Resources)
	} else {
		for _, c := range pod.Spec.Containers {
			sets = append(sets, c.Resources)
		}
		for _, c := range pod.Spec.InitContainers {
			sets = append(sets, c.Resources)
		}
	}
	requests, limits := corev1.ResourceList{}, corev1.ResourceList{}
	guaranteed := true
	for _, r := range sets {
		add(requests, withDefaultedRequests(r))
		found := add(limits, r.Limits)
		if !found[corev1.ResourceCPU] || !found[corev1.ResourceMemory] {
			guaranteed = false
		}
	}
	if len(requests) == 0 && len(limits) == 0 {
		return corev1.PodQOSBestEffort
	}
	if guaranteed && len(requests) == len(limits) {
		for name, req := range requests {
			if lim, ok := limits[name]; !ok || lim.Cmp(req) != 0 {
				guaranteed = false
				break
			}
		}
		if guaranteed {
			return corev1.PodQOSGuaranteed
		}
	}
	return corev1.PodQOSBurstable
}

// withDefaultedRequests is the requests with every missing one copied from its limit (§0).
func withDefaultedRequests(r corev1.ResourceRequirements) corev1.ResourceList {
	out := corev1.ResourceList{}
	for name, q := range r.Limits {
		out[name] = q
	}
	for name, q := range r.Requests {
		out[name] = q
	}
	return out
}

// add sums the positive cpu and memory quantities of list into total and says which it found.
func add(total, list corev1.ResourceList) map[corev1.ResourceName]bool {
	found := map[corev1.ResourceName]bool{}
	for name, q := range list {
		if name != corev1.ResourceCPU && name != corev1.ResourceMemory {
			continue
		}
		if q.Cmp(resource.Quantity{}) <= 0 {
			continue
		}
		found[name] = true
		sum := q.DeepCopy()
		if prev, ok := total[name]; ok {
			sum.Add(prev)
		}
		total[name] = sum
	}
	return found
}
