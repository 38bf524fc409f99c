package warnings

// podSpecFields classifies PodSpec and the pod-level types it holds: scheduling, networking, security.
var podSpecFields = []Field{
	// PodSpec
	{"PodSpec.volumes", Emulated, "see Volume and VolumeSource"},
	{"PodSpec.initContainers", Emulated, "run one at a time in order; restartPolicy Always makes a native sidecar (§1.2, §1.3)"},
	{"PodSpec.containers", Emulated, "started in spec order after initialization (§1.4)"},
	{"PodSpec.ephemeralContainers", NotEmulated, "not run; the loader refuses them on create, as the API server does (lifecycle.ephemeral-container)"},
	{"PodSpec.restartPolicy", Emulated, "Never/OnFailure/Always with the kubelet's back-off (§2)"},
	{"PodSpec.terminationGracePeriodSeconds", Emulated, "stop signal, then SIGKILL after the grace period, at least 2 s (§4)"},
	{"PodSpec.activeDeadlineSeconds", NotEmulated, "not enforced (lifecycle.active-deadline); use --timeout"},
	{"PodSpec.dnsPolicy", Approximated, "None and Default are emulated; ClusterFirst has no cluster DNS to use (network.cluster-dns)"},
	{"PodSpec.nodeSelector", NotEmulated, "one node, no scheduler (scheduling.node-selector)"},
	{"PodSpec.serviceAccountName", NotEmulated, "no API server: no identity, no token (identity.service-account-token); visible to the downward API"},
	{"PodSpec.serviceAccount", NotEmulated, "deprecated alias of serviceAccountName (identity.service-account-token)"},
	{"PodSpec.automountServiceAccountToken", NotEmulated, "no token is mounted (identity.service-account-token)"},
	{"PodSpec.nodeName", NotEmulated, "one node, no scheduler (scheduling.node-name)"},
	{"PodSpec.hostNetwork", Approximated, "works, but the host is the engine's: on Docker Desktop a VM (network.host-network)"},
	{"PodSpec.hostPID", Approximated, "works, but the host is the engine's: on Docker Desktop a VM (network.host-pid)"},
	{"PodSpec.hostIPC", Approximated, "works, but the host is the engine's: on Docker Desktop a VM (network.host-ipc)"},
	{"PodSpec.shareProcessNamespace", Emulated, "containers join the pause container's PID namespace (§1.1)"},
	{"PodSpec.securityContext", Emulated, "see PodSecurityContext"},
	{"PodSpec.imagePullSecrets", NotEmulated, "the engine pulls with its own credentials (identity.image-pull-secret)"},
	{"PodSpec.hostname", Emulated, "set on the pause container, truncated to 63 characters (§9.5)"},
	{"PodSpec.subdomain", Approximated, "the FQDN is written to /etc/hosts, but no DNS record exists (network.subdomain)"},
	{"PodSpec.affinity", NotEmulated, "one node, no scheduler (scheduling.node-affinity, scheduling.pod-affinity)"},
	{"PodSpec.schedulerName", NotEmulated, "no scheduler (scheduling.scheduler-name)"},
	{"PodSpec.tolerations", NotEmulated, "the local node has no taints (scheduling.toleration)"},
	{"PodSpec.hostAliases", Emulated, "written to the pod's /etc/hosts (§9.6) by the engine, which resolves the same names; the file lacks the kubelet's header comments and lists one alias per line"},
	{"PodSpec.priorityClassName", NotEmulated, "nothing to preempt or evict locally (scheduling.priority)"},
	{"PodSpec.priority", NotEmulated, "nothing to preempt or evict locally (scheduling.priority)"},
	{"PodSpec.dnsConfig", Emulated, "merged into the pod's resolv.conf (§9.7)"},
	{"PodSpec.readinessGates", NotEmulated, "nothing sets the gate conditions (lifecycle.readiness-gate)"},
	{"PodSpec.runtimeClassName", NotEmulated, "the engine's default runtime is used (scheduling.runtime-class)"},
	{"PodSpec.enableServiceLinks", NotEmulated, "no Service variables are injected (network.service-links, network.service-link-env)"},
	{"PodSpec.preemptionPolicy", NotEmulated, "nothing to preempt locally (scheduling.preemption-policy)"},
	{"PodSpec.overhead", NotEmulated, "scheduling and quota only (resources.overhead)"},
	{"PodSpec.topologySpreadConstraints", NotEmulated, "one node (scheduling.topology-spread)"},
	{"PodSpec.setHostnameAsFQDN", NotEmulated, "the kernel hostname stays short (network.hostname-as-fqdn)"},
	{"PodSpec.os", NotEmulated, "scheduling and validation only (scheduling.os, scheduling.os-not-linux)"},
	{"PodSpec.hostUsers", NotEmulated, "false (user namespaces) is not emulated (security.host-users)"},
	{"PodSpec.schedulingGates", NotEmulated, "the pod starts at once (scheduling.scheduling-gate)"},
	{"PodSpec.resourceClaims", NotEmulated, "no DRA allocation (resources.resource-claim)"},
	{"PodSpec.resources", NotEmulated, "pod-level limits are not applied (resources.pod-level)"},
	{"PodSpec.hostnameOverride", NotEmulated, "the hostname stays spec.hostname or the pod name (network.hostname-override)"},
	{"PodSpec.schedulingGroup", NotEmulated, "no gang scheduling (scheduling.scheduling-group)"},
	{"PodSpec.evictionResponders", NotEmulated, "nothing evicts the pod locally (scheduling.eviction-responder)"},
	// PodSecurityContext
	{"PodSecurityContext.seLinuxOptions", NotEmulated, "no SELinux labels are applied (security.se-linux)"},
	{"PodSecurityContext.windowsOptions", NotApplicable, "Windows containers only (security.windows-options)"},
	{"PodSecurityContext.runAsUser", Emulated, "default user of every container (§11)"},
	{"PodSecurityContext.runAsGroup", Emulated, "default primary group of every container (§11)"},
	{"PodSecurityContext.runAsNonRoot", Emulated, "checked against runAsUser and the image's user before each container is created (§11)"},
	{"PodSecurityContext.supplementalGroups", Emulated, "added to every container's groups (§11)"},
	{"PodSecurityContext.supplementalGroupsPolicy", NotEmulated, "Strict is not emulated (security.supplemental-groups-policy)"},
	{"PodSecurityContext.fsGroup", Emulated, "added to every container's groups; the volumes podrun writes (emptyDir, configMap, secret, downwardAPI, projected) get its group, setgid directories and group-readable files (§9.3, §11)"},
	{"PodSecurityContext.sysctls", Emulated, "set on the pause container (§11); unsafe names warn (security.unsafe-sysctl)"},
	{"PodSecurityContext.fsGroupChangePolicy", Emulated, "podrun's volumes are fresh: both policies give the same ownership (§11)"},
	{"PodSecurityContext.seccompProfile", Emulated, "default seccomp profile of every container (§11); Localhost warns (security.seccomp-localhost)"},
	{"PodSecurityContext.appArmorProfile", NotEmulated, "the engine's default profile applies (security.app-armor)"},
	{"PodSecurityContext.seLinuxChangePolicy", NotEmulated, "no volume relabelling (security.se-linux)"},
	// Sysctl
	{"Sysctl.name", Emulated, "set on the pause container (§11); unsafe names warn (security.unsafe-sysctl)"},
	{"Sysctl.value", Emulated, "set on the pause container (§11); unsafe names warn (security.unsafe-sysctl)"},
	// Affinity
	{"Affinity.nodeAffinity", NotEmulated, "one node (scheduling.node-affinity)"},
	{"Affinity.podAffinity", NotEmulated, "no other pods (scheduling.pod-affinity)"},
	{"Affinity.podAntiAffinity", NotEmulated, "no other pods (scheduling.pod-affinity)"},
	// NodeAffinity
	{"NodeAffinity.requiredDuringSchedulingIgnoredDuringExecution", NotEmulated, "part of nodeAffinity (scheduling.node-affinity)"},
	{"NodeAffinity.preferredDuringSchedulingIgnoredDuringExecution", NotEmulated, "part of nodeAffinity (scheduling.node-affinity)"},
	// NodeSelector
	{"NodeSelector.nodeSelectorTerms", NotEmulated, "part of nodeAffinity (scheduling.node-affinity)"},
	// NodeSelectorTerm
	{"NodeSelectorTerm.matchExpressions", NotEmulated, "part of nodeAffinity (scheduling.node-affinity)"},
	{"NodeSelectorTerm.matchFields", NotEmulated, "part of nodeAffinity (scheduling.node-affinity)"},
	// NodeSelectorRequirement
	{"NodeSelectorRequirement.key", NotEmulated, "part of nodeAffinity (scheduling.node-affinity)"},
	{"NodeSelectorRequirement.operator", NotEmulated, "part of nodeAffinity (scheduling.node-affinity)"},
	{"NodeSelectorRequirement.values", NotEmulated, "part of nodeAffinity (scheduling.node-affinity)"},
	// PreferredSchedulingTerm
	{"PreferredSchedulingTerm.weight", NotEmulated, "part of nodeAffinity (scheduling.node-affinity)"},
	{"PreferredSchedulingTerm.preference", NotEmulated, "part of nodeAffinity (scheduling.node-affinity)"},
	// PodAffinity
	{"PodAffinity.requiredDuringSchedulingIgnoredDuringExecution", NotEmulated, "part of podAffinity (scheduling.pod-affinity)"},
	{"PodAffinity.preferredDuringSchedulingIgnoredDuringExecution", NotEmulated, "part of podAffinity (scheduling.pod-affinity)"},
	// PodAffinityTerm
	{"PodAffinityTerm.labelSelector", NotEmulated, "part of pod (anti-)affinity (scheduling.pod-affinity)"},
	{"PodAffinityTerm.namespaces", NotEmulated, "part of pod (anti-)affinity (scheduling.pod-affinity)"},
	{"PodAffinityTerm.topologyKey", NotEmulated, "part of pod (anti-)affinity (scheduling.pod-affinity)"},
	{"PodAffinityTerm.namespaceSelector", NotEmulated, "part of pod (anti-)affinity (scheduling.pod-affinity)"},
	{"PodAffinityTerm.matchLabelKeys", NotEmulated, "part of pod (anti-)affinity (scheduling.pod-affinity)"},
	{"PodAffinityTerm.mismatchLabelKeys", NotEmulated, "part of pod (anti-)affinity (scheduling.pod-affinity)"},
	// WeightedPodAffinityTerm
	{"WeightedPodAffinityTerm.weight", NotEmulated, "part of pod (anti-)affinity (scheduling.pod-affinity)"},
	{"WeightedPodAffinityTerm.podAffinityTerm", NotEmulated, "part of pod (anti-)affinity (scheduling.pod-affinity)"},
	// PodAntiAffinity
	{"PodAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution", NotEmulated, "part of podAntiAffinity (scheduling.pod-affinity)"},
	{"PodAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution", NotEmulated, "part of podAntiAffinity (scheduling.pod-affinity)"},
	// Toleration
	{"Toleration.key", NotEmulated, "part of tolerations (scheduling.toleration)"},
	{"Toleration.operator", NotEmulated, "part of tolerations (scheduling.toleration)"},
	{"Toleration.value", NotEmulated, "part of tolerations (scheduling.toleration)"},
	{"Toleration.effect", NotEmulated, "part of tolerations (scheduling.toleration)"},
	{"Toleration.tolerationSeconds", NotEmulated, "part of tolerations (scheduling.toleration)"},
	// HostAlias
	{"HostAlias.ip", Emulated, "written to the pod's /etc/hosts (§9.6)"},
	{"HostAlias.hostnames", Emulated, "written to the pod's /etc/hosts (§9.6)"},
	// PodDNSConfig
	{"PodDNSConfig.nameservers", Emulated, "written to the pause container's resolv.conf, merged as the kubelet does (§9.7)"},
	{"PodDNSConfig.searches", Emulated, "written to the pause container's resolv.conf, merged as the kubelet does (§9.7)"},
	{"PodDNSConfig.options", Emulated, "written to the pause container's resolv.conf, merged as the kubelet does (§9.7)"},
	// PodDNSConfigOption
	{"PodDNSConfigOption.name", Emulated, "resolv.conf options (§9.7)"},
	{"PodDNSConfigOption.value", Emulated, "resolv.conf options (§9.7)"},
	// PodReadinessGate
	{"PodReadinessGate.conditionType", NotEmulated, "part of readinessGates (lifecycle.readiness-gate)"},
	// TopologySpreadConstraint
	{"TopologySpreadConstraint.maxSkew", NotEmulated, "part of topologySpreadConstraints (scheduling.topology-spread)"},
	{"TopologySpreadConstraint.topologyKey", NotEmulated, "part of topologySpreadConstraints (scheduling.topology-spread)"},
	{"TopologySpreadConstraint.whenUnsatisfiable", NotEmulated, "part of topologySpreadConstraints (scheduling.topology-spread)"},
	{"TopologySpreadConstraint.labelSelector", NotEmulated, "part of topologySpreadConstraints (scheduling.topology-spread)"},
	{"TopologySpreadConstraint.minDomains", NotEmulated, "part of topologySpreadConstraints (scheduling.topology-spread)"},
	{"TopologySpreadConstraint.nodeAffinityPolicy", NotEmulated, "part of topologySpreadConstraints (scheduling.topology-spread)"},
	{"TopologySpreadConstraint.nodeTaintsPolicy", NotEmulated, "part of topologySpreadConstraints (scheduling.topology-spread)"},
	{"TopologySpreadConstraint.matchLabelKeys", NotEmulated, "part of topologySpreadConstraints (scheduling.topology-spread)"},
	// PodOS
	{"PodOS.name", NotEmulated, "scheduling and validation only (scheduling.os)"},
	// PodSchedulingGate
	{"PodSchedulingGate.name", NotEmulated, "part of schedulingGates (scheduling.scheduling-gate)"},
	// PodResourceClaim
	{"PodResourceClaim.name", NotEmulated, "part of resourceClaims (resources.resource-claim)"},
	{"PodResourceClaim.resourceClaimName", NotEmulated, "part of resourceClaims (resources.resource-claim)"},
	{"PodResourceClaim.resourceClaimTemplateName", NotEmulated, "part of resourceClaims (resources.resource-claim)"},
	// PodSchedulingGroup
	{"PodSchedulingGroup.podGroupName", NotEmulated, "part of schedulingGroup (scheduling.scheduling-group)"},
	// EvictionResponder
	{"EvictionResponder.name", NotEmulated, "part of evictionResponders (scheduling.eviction-responder)"},
	{"EvictionResponder.priority", NotEmulated, "part of evictionResponders (scheduling.eviction-responder)"},
}
