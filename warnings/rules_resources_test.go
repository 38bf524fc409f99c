package warnings

import "testing"

func resourceRulesCases() []ruleCase {
	res := func(r string) string { return appC("    resources:\n" + r) }
	return []ruleCase{
		{name: "cpu and memory limits are emulated", pod: res("      limits: {cpu: '1', memory: 1Gi}\n      requests: {cpu: 500m}\n"), want: nil},
		{name: "memory request", pod: res("      requests: {memory: 1Gi}\n"), want: []string{`resources.unreserved-request@spec.containers[0].resources.requests["memory"]#app`}},
		{name: "ephemeral storage", pod: res("      requests: {ephemeral-storage: 1Gi}\n      limits: {ephemeral-storage: 2Gi}\n"),
			want: []string{`resources.unreserved-request@spec.containers[0].resources.requests["ephemeral-storage"]#app`, `resources.ephemeral-storage@spec.containers[0].resources.limits["ephemeral-storage"]#app`}},
		{name: "gpu once, at the limit", pod: res("      requests: {nvidia.com/gpu: 1}\n      limits: {nvidia.com/gpu: 1}\n"),
			want: []string{`resources.extended-resource@spec.containers[0].resources.limits["nvidia.com/gpu"]#app`}},
		{name: "extended request only", pod: res("      requests: {example.com/foo: 1}\n"),
			want: []string{`resources.extended-resource@spec.containers[0].resources.requests["example.com/foo"]#app`}},
		{name: "hugepages", pod: res("      limits: {hugepages-1Gi: 2Gi, memory: 1Gi}\n"),
			want: []string{`resources.hugepages@spec.containers[0].resources.limits["hugepages-1Gi"]#app`}},
		{name: "claims", pod: res("      claims: [{name: gpu}]\n") + "  resourceClaims: [{name: gpu, resourceClaimName: c}]\n",
			want: []string{"resources.resource-claim@spec.containers[0].resources.claims[0]#app", "resources.resource-claim@spec.resourceClaims[0]"}},
		{name: "pod level", pod: app("  resources: {limits: {cpu: '1'}}\n"), want: []string{"resources.pod-level@spec.resources"}},
		{name: "resize policy", pod: appC("    resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]\n"), want: []string{"resources.resize-policy@spec.containers[0].resizePolicy#app"}},
		{name: "overhead", pod: app("  overhead: {cpu: 100m}\n"), want: []string{"resources.overhead@spec.overhead"}},
	}
}

func TestResourceRules(t *testing.T) { runRuleCases(t, resourceRulesCases()) }
