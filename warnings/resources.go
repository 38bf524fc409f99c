package warnings

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// checkResources: cpu and memory limits become CFS quota and a memory limit, cpu requests
// become shares and the QoS class becomes oom_score_adj (§10). Nothing else is reproduced.
func checkResources(p *pass) {
	s := &p.pod.Spec
	for _, r := range p.containers() {
		containerResources(p, r)
		for i, c := range r.c.Resources.Claims {
			p.add("resources.resource-claim", index(r.path+".resources.claims", i), r.name(),
				fmt.Sprintf("a cluster gives the container the devices of resource claim %q; podrun allocates none", c.Name), "")
		}
		if len(r.c.ResizePolicy) > 0 {
			p.add("resources.resize-policy", r.path+".resizePolicy", r.name(),
				"resizePolicy says how a cluster applies in-place resizes; without an API server the pod's resources never change", "")
		}
	}
	for i, c := range s.ResourceClaims {
		p.add("resources.resource-claim", index("spec.resourceClaims", i), "",
			fmt.Sprintf("a cluster allocates resource claim %q (DRA) before the pod starts; podrun allocates none", c.Name), "")
	}
	if s.Resources != nil && (len(s.Resources.Limits) > 0 || len(s.Resources.Requests) > 0 || len(s.Resources.Claims) > 0) {
		p.add("resources.pod-level", "spec.resources", "",
			"a cluster puts the pod in a cgroup with these limits, and containers without their own limits share them; podrun applies container limits only",
			"set limits on the containers for a local run")
	}
	if len(s.Overhead) > 0 {
		p.add("resources.overhead", "spec.overhead", "",
			"overhead is added by a RuntimeClass for scheduling and quota; it limits nothing", "")
	}
}

// containerResources classifies each resource the container lists. cpu is emulated both ways;
// memory limits are, memory requests only set the QoS class. Hugepages and extended resources
// are reported once per name: at the limit when one is set, else at the request.
func containerResources(p *pass, r containerRef) {
	res := &r.c.Resources
	for _, n := range slices.Sorted(maps.Keys(res.Requests)) {
		q := res.Requests[n]
		path := key(r.path+".resources.requests", string(n))
		switch n {
		case corev1.ResourceMemory:
			p.add("resources.unreserved-request", path, r.name(),
				fmt.Sprintf("a cluster reserves %s of memory on the node for the container; the engine reserves nothing (the request still sets the QoS class, hence oom_score_adj)", q.String()), "")
		case corev1.ResourceEphemeralStorage:
			p.add("resources.unreserved-request", path, r.name(),
				fmt.Sprintf("a cluster reserves %s of local storage on the node for the container; the engine reserves nothing", q.String()), "")
		}
	}
	if q, ok := res.Limits[corev1.ResourceEphemeralStorage]; ok {
		p.add("resources.ephemeral-storage", key(r.path+".resources.limits", string(corev1.ResourceEphemeralStorage)), r.name(),
			fmt.Sprintf("a cluster evicts the pod when the container's writable layer and logs exceed %s; podrun does not limit them", q.String()), "")
	}
	names := map[corev1.ResourceName]bool{}
	for n := range res.Limits {
		names[n] = true
	}
	for n := range res.Requests {
		names[n] = true
	}
	for _, n := range slices.Sorted(maps.Keys(names)) {
		if n == corev1.ResourceCPU || n == corev1.ResourceMemory || n == corev1.ResourceEphemeralStorage {
			continue
		}
		field, q := "limits", res.Limits[n]
		if _, limited := res.Limits[n]; !limited {
			field, q = "requests", res.Requests[n]
		}
		path := key(r.path+".resources."+field, string(n))
		if strings.HasPrefix(string(n), corev1.ResourceHugePagesPrefix) {
			p.add("resources.hugepages", path, r.name(),
				fmt.Sprintf("a cluster lets the container use %s of %s; podrun sets no hugetlb allowance", q.String(), n), "")
			continue
		}
		p.add("resources.extended-resource", path, r.name(), extendedMessage(n, q.String()), extendedHint(n))
	}
}

func extendedMessage(n corev1.ResourceName, q string) string {
	if isGPU(n) {
		return fmt.Sprintf("a cluster schedules the pod on a node with %s %s and its device plugin gives the container the GPU(s); podrun has no GPU passthrough in this build: the container sees no GPU", q, n)
	}
	return fmt.Sprintf("a cluster schedules the pod on a node that advertises %s %s and its device plugin attaches it; podrun provides no such resource", q, n)
}

func extendedHint(n corev1.ResourceName) string {
	if isGPU(n) {
		return "code that needs the GPU will fail or fall back to CPU; use --allow resources.extended-resource if it copes"
	}
	return ""
}

func isGPU(n corev1.ResourceName) bool {
	s := string(n)
	return strings.Contains(s, "gpu") || strings.HasPrefix(s, "nvidia.com/") || strings.HasPrefix(s, "amd.com/") || strings.HasPrefix(s, "gpu.intel.com/")
}
