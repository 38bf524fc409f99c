package warnings

// CodeDoc documents one warning code: its severity and what it means, in one line.
type CodeDoc struct {
	Code     Code
	Severity Severity
	Summary  string
}

const (
	warn = SeverityWarning
	info = SeverityInfo
)

// codeDocs is every code Analyze can emit. A test checks that each emitted code is listed here
// and that each listed code is emitted by some test case, so the list never goes stale. Codes are
// stable: a code is removed only when podrun starts emulating what it warns about.
var codeDocs = append([]CodeDoc{
	// scheduling.go: there is one node, the engine's host, and no scheduler.
	{"scheduling.node-selector", warn, "nodeSelector is ignored: the pod runs on the engine's host whatever its labels"},
	{"scheduling.node-name", warn, "nodeName is ignored: the pod runs on the engine's host"},
	{"scheduling.node-affinity", warn, "node affinity is ignored: the pod runs on the engine's host whatever its labels"},
	{"scheduling.pod-affinity", info, "pod affinity and anti-affinity are ignored: there are no other pods to place against"},
	{"scheduling.toleration", info, "tolerations are ignored: the local node has no taints"},
	{"scheduling.topology-spread", info, "topologySpreadConstraints are ignored: there is one node"},
	{"scheduling.priority", info, "priorityClassName and priority are ignored: nothing is preempted or evicted locally"},
	{"scheduling.preemption-policy", info, "preemptionPolicy is ignored: nothing is preempted locally"},
	{"scheduling.scheduler-name", info, "schedulerName is ignored: no scheduler places the pod"},
	{"scheduling.scheduling-gate", warn, "schedulingGates are ignored: the pod starts at once instead of waiting for the gates to be removed"},
	{"scheduling.scheduling-group", info, "schedulingGroup is ignored: no gang or workload scheduling locally"},
	{"scheduling.runtime-class", warn, "runtimeClassName is ignored: containers run with the engine's default runtime"},
	{"scheduling.os", info, "spec.os only constrains scheduling and validation; the engine runs Linux containers"},
	{"scheduling.os-not-linux", warn, "spec.os names an OS other than Linux: podrun runs Linux containers only"},
	{"scheduling.eviction-responder", info, "evictionResponders are ignored: nothing evicts the pod locally"},

	// identity.go: there is no API server, so no service account and no registry secrets.
	{"identity.service-account-token", warn, "no service account token is mounted: there is no API server to issue one"},
	{"identity.service-account", info, "serviceAccountName grants no identity locally; only the downward API sees it"},
	{"identity.image-pull-secret", info, "imagePullSecrets are ignored: the engine pulls with its own credentials"},

	// network.go: DNS, service links, host namespaces, hostname.
	{"network.cluster-dns", warn, "dnsPolicy asks for cluster DNS: there is none, names resolve with the engine's resolver"},
	{"network.cluster-dns-name", warn, "a value names a cluster Service (*.svc…): it does not resolve locally"},
	{"network.service-links", info, "enableServiceLinks: no Service environment variables are injected locally"},
	{"network.service-link-env", warn, "a $(…_SERVICE_HOST)-style reference expects a Service variable that podrun does not inject"},
	{"network.host-network", warn, "hostNetwork uses the engine host's network: on Docker Desktop a VM, not this machine"},
	{"network.host-pid", warn, "hostPID uses the engine host's PID namespace: on Docker Desktop a VM, not this machine"},
	{"network.host-ipc", warn, "hostIPC uses the engine host's IPC namespace: on Docker Desktop a VM, not this machine"},
	{"network.subdomain", info, "subdomain: the FQDN is written to /etc/hosts but no DNS record exists for other pods"},
	{"network.hostname-as-fqdn", warn, "setHostnameAsFQDN is not emulated: the kernel hostname stays the short name"},
	{"network.hostname-override", warn, "hostnameOverride is not emulated: the hostname is spec.hostname or the pod name"},

	// volumes.go: sources with no local equivalent and volume features not emulated.
	{"volume.persistent-volume-claim", warn, "persistentVolumeClaim: there is no claim to bind; the data is not there"},
	{"volume.ephemeral", warn, "ephemeral (generic ephemeral volume): no claim is provisioned"},
	{"volume.csi", warn, "csi: no CSI driver runs locally"},
	{"volume.image", warn, "image volumes are not emulated in this build"},
	{"volume.git-repo", warn, "gitRepo (deprecated) is not emulated: nothing is cloned"},
	{"volume.gce-persistent-disk", warn, "gcePersistentDisk: cloud disks are not available locally"},
	{"volume.aws-elastic-block-store", warn, "awsElasticBlockStore: cloud disks are not available locally"},
	{"volume.azure-disk", warn, "azureDisk: cloud disks are not available locally"},
	{"volume.azure-file", warn, "azureFile: cloud file shares are not mounted locally"},
	{"volume.cinder", warn, "cinder: cloud disks are not available locally"},
	{"volume.vsphere-volume", warn, "vsphereVolume: cloud disks are not available locally"},
	{"volume.photon-persistent-disk", warn, "photonPersistentDisk: cloud disks are not available locally"},
	{"volume.portworx-volume", warn, "portworxVolume: network storage is not mounted locally"},
	{"volume.scale-io", warn, "scaleIO: network storage is not mounted locally"},
	{"volume.storageos", warn, "storageos: network storage is not mounted locally"},
	{"volume.flocker", warn, "flocker: network storage is not mounted locally"},
	{"volume.quobyte", warn, "quobyte: network storage is not mounted locally"},
	{"volume.glusterfs", warn, "glusterfs: network storage is not mounted locally"},
	{"volume.cephfs", warn, "cephfs: network storage is not mounted locally"},
	{"volume.rbd", warn, "rbd: network storage is not mounted locally"},
	{"volume.nfs", warn, "nfs: network storage is not mounted locally"},
	{"volume.iscsi", warn, "iscsi: network storage is not mounted locally"},
	{"volume.fc", warn, "fc: fibre-channel storage is not mounted locally"},
	{"volume.flex-volume", warn, "flexVolume: no FlexVolume driver runs locally"},
	{"volume.service-account-token", warn, "a projected serviceAccountToken has no API server to issue it: the file holds a placeholder"},
	{"volume.cluster-trust-bundle", warn, "a projected clusterTrustBundle has no API server to read it from: the file is absent"},
	{"volume.pod-certificate", warn, "a projected podCertificate has no signer locally: the files are absent"},
	{"volume.empty-dir-size-limit", warn, "emptyDir sizeLimit on disk is enforced by eviction on a cluster, not at all locally"},
	{"volume.empty-dir-mode", warn, "emptyDir mode is not emulated: the directory is created 0777"},
	{"volume.file-owner", warn, "file owners (user/defaultUser) in projected files are not emulated: files are owned by root"},
	{"volume.optional-source-absent", warn, "an optional ConfigMap/Secret volume source is not in the input: the volume is empty"},
	{"volume.recursive-read-only", warn, "recursiveReadOnly is not emulated: sub-mounts of a read-only mount stay writable"},
	{"volume.bind-mount-options", warn, "bindMountOptions (noexec, nodev, nosuid) are not emulated"},
	{"volume.block-device", warn, "volumeDevices (raw block volumes) are not emulated: no device appears"},

	// resources.go: what cgroups on the engine can and cannot reproduce.
	{"resources.unreserved-request", info, "a memory or ephemeral-storage request reserves nothing locally (it still sets the QoS class)"},
	{"resources.ephemeral-storage", warn, "an ephemeral-storage limit is enforced by eviction on a cluster, not at all locally"},
	{"resources.hugepages", warn, "hugepages are not provided: the container gets no hugetlb allowance"},
	{"resources.extended-resource", warn, "extended resources (nvidia.com/gpu…) are not provided: no device passthrough in this build"},
	{"resources.resource-claim", warn, "dynamic resource claims are not allocated locally: no device is attached"},
	{"resources.pod-level", warn, "pod-level resources (spec.resources) are not emulated: only container limits apply"},
	{"resources.resize-policy", info, "resizePolicy is ignored: there is no in-place resize without an API server"},
	{"resources.overhead", info, "overhead is ignored: it only counts toward scheduling and quota"},

	// security.go: security features the engine does not apply as the kubelet would.
	{"security.se-linux", warn, "SELinux options are not applied: containers run with the engine's default labels"},
	{"security.app-armor", warn, "an AppArmor profile other than RuntimeDefault is not applied: the engine's default applies"},
	{"security.app-armor-default", info, "AppArmor RuntimeDefault: the engine's default profile applies where the host has AppArmor"},
	{"security.proc-mount", warn, "procMount Unmasked is not emulated: /proc stays masked"},
	{"security.windows-options", info, "windowsOptions have no effect on Linux containers"},
	{"security.host-users", warn, "hostUsers: false (user namespaces) is not emulated: container root is host root"},
	{"security.seccomp-localhost", warn, "a Localhost seccomp profile lives on the node: podrun reads it from beside the manifest"},
	{"security.supplemental-groups-policy", warn, "supplementalGroupsPolicy Strict is not emulated: the image's group memberships still apply"},
	{"security.unsafe-sysctl", warn, "an unsafe sysctl is refused by a default kubelet but applied by podrun"},

	// probes.go: where network probes leave from.
	{"probe.from-host", info, "network probes and httpGet hooks run inside the pod, at the pod IP, by podrun's own executable copied into the sandbox; a podrun that cannot copy itself (not a static Linux build for the engine's architecture) sends them from this machine, which fails where the engine's container network is out of reach (Docker Desktop, remote)"},

	// lifecycle.go: hooks, termination and container-level restart features not in this build.
	{"lifecycle.active-deadline", warn, "activeDeadlineSeconds is not enforced"},
	{"lifecycle.ephemeral-container", warn, "ephemeral containers are not run"},
	{"lifecycle.container-restart-policy", warn, "a container-level restartPolicy (other than a sidecar's Always) is not emulated"},
	{"lifecycle.restart-policy-rules", warn, "restartPolicyRules are not emulated"},
	{"lifecycle.readiness-gate", warn, "readinessGates are not emulated: nothing sets their conditions"},

	// env.go: environment sources podrun resolves differently.
	{"env.file-key-ref", warn, "fileKeyRef env vars are not emulated: the variable is not set"},
	{"env.optional-source-absent", warn, "an optional ConfigMap/Secret env source is not in the input: its variables are not set"},
	{"env.node-field", info, "a downward-API node field is filled from the local engine, not a cluster node"},

	// metadata.go: what admission and controllers would have done.
	{"metadata.injection-annotation", warn, "an annotation asks an admission webhook to inject a sidecar: nothing is injected locally"},
	{"metadata.owner-reference", info, "ownerReferences are ignored: no controller manages or retries the pod"},
	{"metadata.status", info, "status is ignored: podrun reports the status of its own run"},

	// flyte.go: a Flyte task run locally (flyte.DepartureCodes documents them).
}, flyteCodeDocs()...)

// Codes lists every code with its severity and summary, in documentation order.
func Codes() []CodeDoc { return append([]CodeDoc(nil), codeDocs...) }

var codeIndex = func() map[Code]CodeDoc {
	m := make(map[Code]CodeDoc, len(codeDocs))
	for _, d := range codeDocs {
		m[d.Code] = d
	}
	return m
}()

// Lookup returns a code's documentation; ok is false for an unknown code.
func Lookup(c Code) (CodeDoc, bool) {
	d, ok := codeIndex[c]
	return d, ok
}
