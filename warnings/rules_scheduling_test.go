package warnings

import "testing"

func schedulingRulesCases() []ruleCase {
	return []ruleCase{
		{name: "plain pod", pod: app(""), want: nil},
		{name: "nodeSelector", pod: app("  nodeSelector: {disktype: ssd}\n"), want: []string{"scheduling.node-selector@spec.nodeSelector"}},
		{name: "nodeName", pod: app("  nodeName: n1\n"), want: []string{"scheduling.node-name@spec.nodeName"}},
		{name: "node affinity", pod: app("  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms: [{matchExpressions: [{key: a, operator: Exists}]}]\n"),
			want: []string{"scheduling.node-affinity@spec.affinity.nodeAffinity"}},
		{name: "pod anti-affinity", pod: app("  affinity:\n    podAntiAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: h, labelSelector: {matchLabels: {a: b}}}]\n"),
			want: []string{"scheduling.pod-affinity@spec.affinity.podAntiAffinity"}},
		{name: "tolerations", pod: app("  tolerations: [{operator: Exists}]\n"), want: []string{"scheduling.toleration@spec.tolerations"}},
		{name: "topology spread", pod: app("  topologySpreadConstraints: [{maxSkew: 1, topologyKey: z, whenUnsatisfiable: DoNotSchedule}]\n"),
			want: []string{"scheduling.topology-spread@spec.topologySpreadConstraints"}},
		{name: "priority class", pod: app("  priorityClassName: high\n  priority: 1000\n"), want: []string{"scheduling.priority@spec.priorityClassName"}},
		{name: "priority alone", pod: app("  priority: 5\n"), want: []string{"scheduling.priority@spec.priority"}},
		{name: "priority zero is the default", pod: app("  priority: 0\n  preemptionPolicy: PreemptLowerPriority\n"), want: nil},
		{name: "preemption never", pod: app("  preemptionPolicy: Never\n"), want: []string{"scheduling.preemption-policy@spec.preemptionPolicy"}},
		{name: "default scheduler", pod: app("  schedulerName: default-scheduler\n"), want: nil},
		{name: "custom scheduler", pod: app("  schedulerName: volcano\n"), want: []string{"scheduling.scheduler-name@spec.schedulerName"}},
		{name: "scheduling gates", pod: app("  schedulingGates: [{name: a}, {name: b}]\n"), want: []string{"scheduling.scheduling-gate@spec.schedulingGates"}},
		{name: "scheduling group", pod: app("  schedulingGroup: {podGroupName: g}\n"), want: []string{"scheduling.scheduling-group@spec.schedulingGroup"}},
		{name: "runtime class", pod: app("  runtimeClassName: gvisor\n"), want: []string{"scheduling.runtime-class@spec.runtimeClassName"}},
		{name: "os linux", pod: app("  os: {name: linux}\n"), want: []string{"scheduling.os@spec.os.name"}},
		{name: "os windows", pod: app("  os: {name: windows}\n"), want: []string{"scheduling.os-not-linux@spec.os.name"}},
		{name: "eviction responders", pod: app("  evictionResponders: [{name: example.com/drain}]\n"), want: []string{"scheduling.eviction-responder@spec.evictionResponders"}},
	}
}

func identityRulesCases() []ruleCase {
	return []ruleCase{
		{name: "service account", pod: app("  serviceAccountName: sa\n"), want: []string{"identity.service-account-token@spec.serviceAccountName"}},
		{name: "deprecated serviceAccount", pod: app("  serviceAccount: sa\n"), want: []string{"identity.service-account-token@spec.serviceAccount"}},
		{name: "service account without token", pod: app("  serviceAccountName: sa\n  automountServiceAccountToken: false\n"), want: []string{"identity.service-account@spec.serviceAccountName"}},
		{name: "token requested", pod: app("  automountServiceAccountToken: true\n"), want: []string{"identity.service-account-token@spec.automountServiceAccountToken"}},
		{name: "no token, no account", pod: app("  automountServiceAccountToken: false\n"), want: nil},
		{name: "pull secrets", pod: app("  imagePullSecrets: [{name: regcred}]\n"), want: []string{"identity.image-pull-secret@spec.imagePullSecrets"}},
	}
}

func metadataRulesCases() []ruleCase {
	return []ruleCase{
		{name: "istio injection", pod: "metadata: {name: p, annotations: {sidecar.istio.io/inject: \"true\"}}\nspec: {containers: [{name: a, image: b}]}\n",
			want: []string{`metadata.injection-annotation@metadata.annotations["sidecar.istio.io/inject"]`}},
		{name: "istio injection label", pod: "metadata: {name: p, labels: {sidecar.istio.io/inject: \"true\"}}\nspec: {containers: [{name: a, image: b}]}\n",
			want: []string{`metadata.injection-annotation@metadata.labels["sidecar.istio.io/inject"]`}},
		{name: "injection disabled", pod: "metadata: {name: p, annotations: {sidecar.istio.io/inject: \"false\"}}\nspec: {containers: [{name: a, image: b}]}\n", want: nil},
		{name: "owner", pod: "metadata: {name: p, ownerReferences: [{apiVersion: batch/v1, kind: Job, name: j, uid: u}]}\nspec: {containers: [{name: a, image: b}]}\n",
			want: []string{"metadata.owner-reference@metadata.ownerReferences[0]"}},
		{name: "status", pod: "metadata: {name: p}\nspec: {containers: [{name: a, image: b}]}\nstatus: {phase: Running}\n", want: []string{"metadata.status@status"}},
	}
}

func TestSchedulingRules(t *testing.T) { runRuleCases(t, schedulingRulesCases()) }

func TestIdentityRules(t *testing.T) { runRuleCases(t, identityRulesCases()) }

func TestMetadataRules(t *testing.T) { runRuleCases(t, metadataRulesCases()) }
