package plan

import (
	"github.com/docker/docker/api/types/container"
	corev1 "k8s.io/api/core/v1"
)

// The kubelet's CPU conversions (§10, pkg/kubelet/cm/helpers_linux.go).
const (
	minShares     = 2
	maxShares     = 262144
	sharesPerCPU  = 1024
	cpuPeriod     = 100000 // µs, the kubelet's default CFS period
	minQuotaValue = 1000   // µs
)

// cpuShares is the kubelet's MilliCPUToShares: requests.cpu×1024/1000, clamped to [2, 262144];
// no request gives the minimum, 2.
func cpuShares(milli int64) int64 {
	if milli == 0 {
		return minShares
	}
	return min(max(milli*sharesPerCPU/1000, minShares), maxShares)
}

// cpuQuota is the kubelet's MilliCPUToQuota for the default 100 ms period: limits.cpu×100 µs,
// at least 1 ms; no limit gives 0 (unlimited).
func cpuQuota(milli int64) int64 {
	if milli == 0 {
		return 0
	}
	return max(milli*cpuPeriod/1000, minQuotaValue)
}

// resources maps a container's requests and limits onto the engine's cgroup settings (§10).
// A container without its own cpu or memory limit takes the pod-level limit (spec.resources,
// PodLevelResources); swap stays off, as under the kubelet's default NoSwap.
func resources(ctr *corev1.Container, pod *corev1.Pod) container.Resources {
	var r container.Resources
	requests, limits := effectiveResources(ctr)
	var podLimits corev1.ResourceList
	if pod.Spec.Resources != nil {
		podLimits = pod.Spec.Resources.Limits
	}
	r.CPUShares = cpuShares(requests.Cpu().MilliValue())
	cpuLimit, ok := limits[corev1.ResourceCPU]
	if !ok {
		cpuLimit, ok = podLimits[corev1.ResourceCPU]
	}
	if ok && !cpuLimit.IsZero() {
		r.CPUPeriod = cpuPeriod
		r.CPUQuota = cpuQuota(cpuLimit.MilliValue())
	}
	memLimit, ok := limits[corev1.ResourceMemory]
	if !ok {
		memLimit, ok = podLimits[corev1.ResourceMemory]
	}
	if ok && !memLimit.IsZero() {
		r.Memory = memLimit.Value()
		r.MemorySwap = r.Memory // memory+swap = memory: no swap
	}
	return r
}

// effectiveResources applies the API server's default that a request equals the limit when only
// the limit is set (§0), so an undefaulted pod plans the same as a defaulted one.
func effectiveResources(ctr *corev1.Container) (requests, limits corev1.ResourceList) {
	requests = corev1.ResourceList{}
	for name, q := range ctr.Resources.Limits {
		requests[name] = q
	}
	for name, q := range ctr.Resources.Requests {
		requests[name] = q
	}
	return requests, ctr.Resources.Limits
}
