package podspec

import (
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/validation"
)

// resources checks a container's requests and limits (§10): known resource names, no negative
// quantity, and no request above its limit (the API server's rule; after defaulting, a request
// left unset equals its limit).
func (v *validator) resources(path string, r *corev1.ResourceRequirements) {
	for _, set := range []struct {
		field string
		list  corev1.ResourceList
	}{{"limits", r.Limits}, {"requests", r.Requests}} {
		for _, name := range keysOf(set.list) {
			p := joinKey(joinField(path, set.field), name)
			q := set.list[corev1.ResourceName(name)]
			if msg := resourceNameProblem(name); msg != "" {
				v.add(p, msg)
			}
			if q.Sign() < 0 {
				v.addf(p, "must be greater than or equal to 0, got %s", q.String())
			}
		}
	}
	for _, name := range keysOf(r.Requests) {
		request := r.Requests[corev1.ResourceName(name)]
		limit, ok := r.Limits[corev1.ResourceName(name)]
		if ok && request.Cmp(limit) > 0 {
			v.addf(joinKey(joinField(path, "requests"), name), "must be less than or equal to the %s limit (%s), got %s", name, limit.String(), request.String())
		}
	}
}

// resourceNameProblem says what is wrong with a container resource name, or "".
func resourceNameProblem(name string) string {
	switch {
	case name == "cpu" || name == "memory" || name == "ephemeral-storage":
		return ""
	case strings.HasPrefix(name, "hugepages-"):
		if _, err := resource.ParseQuantity(strings.TrimPrefix(name, "hugepages-")); err != nil {
			return "invalid hugepages size in " + quote(name) + ": expected hugepages-<size> such as hugepages-2Mi"
		}
		return ""
	case strings.Contains(name, "/") && len(validation.IsQualifiedName(name)) == 0:
		return "" // an extended resource, e.g. example.com/gpu
	}
	return "unsupported resource name " + quote(name) + ": expected cpu, memory, ephemeral-storage, hugepages-<size> or an extended resource such as example.com/gpu"
}

func quote(s string) string { return `"` + s + `"` }
