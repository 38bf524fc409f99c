package flyte

import (
	"k8s.io/apimachinery/pkg/api/resource"

	corev1 "k8s.io/api/core/v1"
)

// Platform defaults of propeller's k8s plugin config (default-cpus, default-memory, §3.7).
var (
	defaultCPU    = resource.MustParse("1000m")
	defaultMemory = resource.MustParse("1024Mi")
)

// mergePrimaryResources is MergeExistingResources for the primary and init containers (§3.7):
// an unset request takes the limit, else the platform default (cpu and memory); an unset limit
// takes the request. No platform limits are configured locally, so nothing is clamped.
func mergePrimaryResources(r *corev1.ResourceRequirements) {
	sanitizeGPU(r)
	if r.Requests == nil {
		r.Requests = corev1.ResourceList{}
	}
	if r.Limits == nil {
		r.Limits = corev1.ResourceList{}
	}
	names := map[corev1.ResourceName]bool{corev1.ResourceCPU: true, corev1.ResourceMemory: true}
	for n := range r.Requests {
		names[n] = true
	}
	for n := range r.Limits {
		names[n] = true
	}
	for n := range names {
		_, hasReq := r.Requests[n]
		lim, hasLim := r.Limits[n]
		switch {
		case !hasReq && hasLim:
			r.Requests[n] = lim.DeepCopy()
		case !hasReq && n == corev1.ResourceCPU:
			r.Requests[n] = defaultCPU.DeepCopy()
		case !hasReq && n == corev1.ResourceMemory:
			r.Requests[n] = defaultMemory.DeepCopy()
		}
		if !hasLim {
			if req, ok := r.Requests[n]; ok {
				r.Limits[n] = req.DeepCopy()
			}
		}
	}
}

// sanitizeGPU renames a "gpu" resource to nvidia.com/gpu (SanitizeGPUResourceRequirements).
func sanitizeGPU(r *corev1.ResourceRequirements) {
	for _, list := range []corev1.ResourceList{r.Requests, r.Limits} {
		if q, ok := list["gpu"]; ok {
			delete(list, "gpu")
			list["nvidia.com/gpu"] = q
		}
	}
}

// resourceList turns task resource entries into a ResourceList, skipping unparsable values
// (flyteadmin validated them at registration, §1.6).
func resourceList(entries []ResourceEntry) corev1.ResourceList {
	if len(entries) == 0 {
		return nil
	}
	out := corev1.ResourceList{}
	for _, e := range entries {
		if q, err := resource.ParseQuantity(e.Value); err == nil {
			out[corev1.ResourceName(e.Name)] = q
		}
	}
	return out
}
