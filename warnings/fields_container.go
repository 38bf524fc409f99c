package warnings

// containerFields classifies Container, EphemeralContainer and everything a container holds.
var containerFields = []Field{
	// Container
	{"Container.name", Emulated, "names the container in logs, labels and status"},
	{"Container.image", Emulated, "the engine's image reference"},
	{"Container.command", Emulated, "→ Entrypoint, $(VAR) expanded (§7.2, §8)"},
	{"Container.args", Emulated, "→ Cmd, $(VAR) expanded (§7.2, §8)"},
	{"Container.workingDir", Emulated, "§8"},
	{"Container.ports", Emulated, "hostPorts published on the pause container"},
	{"Container.envFrom", Emulated, "§7.1"},
	{"Container.env", Emulated, "§7.1, §7.2"},
	{"Container.resources", Approximated, "cpu/memory only (see ResourceRequirements)"},
	{"Container.resizePolicy", NotEmulated, "no in-place resize without an API server (resources.resize-policy)"},
	{"Container.restartPolicy", Approximated, "Always on an init container (native sidecar) is emulated; other container-level policies are not, and the loader refuses them in this build (lifecycle.container-restart-policy)"},
	{"Container.restartPolicyRules", NotEmulated, "not emulated; the loader refuses them in this build (lifecycle.restart-policy-rules)"},
	{"Container.volumeMounts", Emulated, "§9.1"},
	{"Container.volumeDevices", NotEmulated, "raw block volumes are not emulated (volume.block-device)"},
	{"Container.livenessProbe", Emulated, "run by podrun; failure kills and restarts the container (§5); network probes from inside the pod, at the pod IP (probe.from-host)"},
	{"Container.readinessProbe", Emulated, "run by podrun; sets ready, ContainersReady and Ready (§3.2, §5)"},
	{"Container.startupProbe", Emulated, "run by podrun; gates liveness, readiness and the next init container after a sidecar (§1.3, §5)"},
	{"Container.lifecycle", Emulated, "postStart, preStop and stopSignal (§4.2, §6)"},
	{"Container.terminationMessagePath", Emulated, "a fresh file per instance, its last 4096 bytes read after the exit (§3.4)"},
	{"Container.terminationMessagePolicy", Emulated, "FallbackToLogsOnError: the log's last 80 lines within 2048 bytes (§3.4)"},
	{"Container.imagePullPolicy", Emulated, "Always/IfNotPresent/Never, defaulted from the tag (§0); when an Always pull fails and the engine has the image, podrun runs it and says so where a cluster would fail (ErrImagePull)"},
	{"Container.securityContext", Emulated, "see SecurityContext"},
	{"Container.stdin", Emulated, "OpenStdin (§8)"},
	{"Container.stdinOnce", Emulated, "StdinOnce (§8)"},
	{"Container.tty", Emulated, "Tty (§8)"},
	// ContainerPort
	{"ContainerPort.name", Emulated, "names the port; probes and hooks resolve named ports (§5)"},
	{"ContainerPort.hostPort", Emulated, "hostPort is published on the pause container; container ports need no publishing (pod IP)"},
	{"ContainerPort.containerPort", Emulated, "hostPort is published on the pause container; container ports need no publishing (pod IP)"},
	{"ContainerPort.protocol", Emulated, "hostPort is published on the pause container; container ports need no publishing (pod IP)"},
	{"ContainerPort.hostIP", Emulated, "the address the host port binds on the engine's host"},
	// EnvFromSource
	{"EnvFromSource.prefix", Emulated, "§7.1: later sources overwrite earlier ones, prefix prepended"},
	{"EnvFromSource.configMapRef", Emulated, "§7.1: later sources overwrite earlier ones, prefix prepended"},
	{"EnvFromSource.secretRef", Emulated, "§7.1: later sources overwrite earlier ones, prefix prepended"},
	// ConfigMapEnvSource
	{"ConfigMapEnvSource.optional", Emulated, "from the input's ConfigMaps (§7.1); an absent optional one warns (env.optional-source-absent)"},
	// SecretEnvSource
	{"SecretEnvSource.optional", Emulated, "from the input's Secrets (§7.1); an absent optional one warns (env.optional-source-absent)"},
	// EnvVar
	{"EnvVar.name", Emulated, "§7.1, with $(VAR) expansion by the kubelet's rules (§7.2)"},
	{"EnvVar.value", Emulated, "§7.1, with $(VAR) expansion by the kubelet's rules (§7.2)"},
	{"EnvVar.valueFrom", Emulated, "§7.1, with $(VAR) expansion by the kubelet's rules (§7.2)"},
	// EnvVarSource
	{"EnvVarSource.fieldRef", Emulated, "§7.1"},
	{"EnvVarSource.resourceFieldRef", Emulated, "§7.1"},
	{"EnvVarSource.configMapKeyRef", Emulated, "§7.1"},
	{"EnvVarSource.secretKeyRef", Emulated, "§7.1"},
	{"EnvVarSource.fileKeyRef", NotEmulated, "not emulated; the loader refuses it in this build (env.file-key-ref)"},
	// ConfigMapKeySelector
	{"ConfigMapKeySelector.key", Emulated, "from the input's ConfigMaps (§7.1); an absent optional one warns (env.optional-source-absent)"},
	{"ConfigMapKeySelector.optional", Emulated, "from the input's ConfigMaps (§7.1); an absent optional one warns (env.optional-source-absent)"},
	// SecretKeySelector
	{"SecretKeySelector.key", Emulated, "from the input's Secrets (§7.1); an absent optional one warns (env.optional-source-absent)"},
	{"SecretKeySelector.optional", Emulated, "from the input's Secrets (§7.1); an absent optional one warns (env.optional-source-absent)"},
	// FileKeySelector
	{"FileKeySelector.volumeName", NotEmulated, "part of fileKeyRef (env.file-key-ref)"},
	{"FileKeySelector.path", NotEmulated, "part of fileKeyRef (env.file-key-ref)"},
	{"FileKeySelector.key", NotEmulated, "part of fileKeyRef (env.file-key-ref)"},
	{"FileKeySelector.optional", NotEmulated, "part of fileKeyRef (env.file-key-ref)"},
	// ResourceRequirements
	{"ResourceRequirements.limits", Approximated, "cpu → CFS quota, memory → memory limit (§10); ephemeral-storage, hugepages and extended resources warn"},
	{"ResourceRequirements.requests", Approximated, "cpu → shares, memory → QoS only (§10); memory and storage are not reserved (resources.unreserved-request)"},
	{"ResourceRequirements.claims", NotEmulated, "no DRA allocation (resources.resource-claim)"},
	// ResourceClaim
	{"ResourceClaim.name", NotEmulated, "part of resources.claims (resources.resource-claim)"},
	{"ResourceClaim.request", NotEmulated, "part of resources.claims (resources.resource-claim)"},
	// ContainerResizePolicy
	{"ContainerResizePolicy.resourceName", NotEmulated, "part of resizePolicy (resources.resize-policy)"},
	{"ContainerResizePolicy.restartPolicy", NotEmulated, "part of resizePolicy (resources.resize-policy)"},
	// ContainerRestartRule
	{"ContainerRestartRule.action", NotEmulated, "part of restartPolicyRules (lifecycle.restart-policy-rules)"},
	{"ContainerRestartRule.exitCodes", NotEmulated, "part of restartPolicyRules (lifecycle.restart-policy-rules)"},
	// ContainerRestartRuleOnExitCodes
	{"ContainerRestartRuleOnExitCodes.operator", NotEmulated, "part of restartPolicyRules (lifecycle.restart-policy-rules)"},
	{"ContainerRestartRuleOnExitCodes.values", NotEmulated, "part of restartPolicyRules (lifecycle.restart-policy-rules)"},
	// VolumeMount
	{"VolumeMount.name", Emulated, "bind of the volume at mountPath (§9.1)"},
	{"VolumeMount.readOnly", Emulated, "ro bind (§9.1)"},
	{"VolumeMount.recursiveReadOnly", NotEmulated, "only the mount itself is read-only (volume.recursive-read-only)"},
	{"VolumeMount.mountPath", Emulated, "bind of the volume at mountPath (§9.1)"},
	{"VolumeMount.subPath", Emulated, "bound from the volume at start (§9.1)"},
	{"VolumeMount.mountPropagation", Emulated, "None → rprivate, HostToContainer → rslave, Bidirectional → rshared (§9.1)"},
	{"VolumeMount.subPathExpr", Emulated, "expanded with the container's env (§7.2)"},
	{"VolumeMount.bindMountOptions", NotEmulated, "noexec/nodev/nosuid are not applied (volume.bind-mount-options)"},
	// VolumeDevice
	{"VolumeDevice.name", NotEmulated, "part of volumeDevices (volume.block-device)"},
	{"VolumeDevice.devicePath", NotEmulated, "part of volumeDevices (volume.block-device)"},
	// ProbeHandler
	{"ProbeHandler.exec", Emulated, "§5"},
	{"ProbeHandler.httpGet", Emulated, "§5"},
	{"ProbeHandler.tcpSocket", Emulated, "§5"},
	{"ProbeHandler.grpc", Emulated, "§5"},
	// ExecAction
	{"ExecAction.command", Emulated, "§5, §6.3"},
	// HTTPGetAction
	{"HTTPGetAction.path", Emulated, "§5, §6.3"},
	{"HTTPGetAction.port", Emulated, "§5, §6.3"},
	{"HTTPGetAction.host", Emulated, "§5, §6.3"},
	{"HTTPGetAction.scheme", Emulated, "§5, §6.3"},
	{"HTTPGetAction.httpHeaders", Emulated, "§5, §6.3"},
	{"HTTPGetAction.protocol", Approximated, "ignored: podrun's prober speaks HTTP/1.1 (§5)"},
	// HTTPHeader
	{"HTTPHeader.name", Emulated, "§5, §6.3"},
	{"HTTPHeader.value", Emulated, "§5, §6.3"},
	// TCPSocketAction
	{"TCPSocketAction.port", Emulated, "§5, §6.3"},
	{"TCPSocketAction.host", Emulated, "§5, §6.3"},
	// GRPCAction
	{"GRPCAction.port", Emulated, "§5"},
	{"GRPCAction.service", Emulated, "§5"},
	{"GRPCAction.mode", Approximated, "ignored: podrun's prober makes a plain health Check (§5)"},
	// Probe
	{"Probe.initialDelaySeconds", Emulated, "§5"},
	{"Probe.timeoutSeconds", Emulated, "§5"},
	{"Probe.periodSeconds", Emulated, "§5"},
	{"Probe.successThreshold", Emulated, "§5"},
	{"Probe.failureThreshold", Emulated, "§5"},
	{"Probe.terminationGracePeriodSeconds", Emulated, "§5"},
	// Lifecycle
	{"Lifecycle.postStart", Emulated, "blocks the start loop until it returns; failure kills the container (§6.1)"},
	{"Lifecycle.preStop", Emulated, "before the stop signal, within the grace period, 2 s minimum after it (§4.2)"},
	{"Lifecycle.stopSignal", Emulated, "the container's stop signal, else the image's STOPSIGNAL, else SIGTERM (§4.2)"},
	// LifecycleHandler
	{"LifecycleHandler.exec", Emulated, "§6.3"},
	{"LifecycleHandler.httpGet", Emulated, "§6.3"},
	{"LifecycleHandler.tcpSocket", Emulated, "fails as in the kubelet: not a valid hook handler (§6.3)"},
	{"LifecycleHandler.sleep", Emulated, "§6.3"},
	// SleepAction
	{"SleepAction.seconds", Emulated, "§6.3"},
	// SecurityContext
	{"SecurityContext.capabilities", Emulated, "§11"},
	{"SecurityContext.privileged", Emulated, "--privileged (§11)"},
	{"SecurityContext.seLinuxOptions", NotEmulated, "no SELinux labels are applied (security.se-linux)"},
	{"SecurityContext.windowsOptions", NotApplicable, "Windows containers only (security.windows-options)"},
	{"SecurityContext.runAsUser", Emulated, "§11"},
	{"SecurityContext.runAsGroup", Emulated, "§11"},
	{"SecurityContext.runAsNonRoot", Emulated, "checked against runAsUser and the image's user before the container is created (§11)"},
	{"SecurityContext.readOnlyRootFilesystem", Emulated, "read-only rootfs; mounts unaffected (§11)"},
	{"SecurityContext.allowPrivilegeEscalation", Emulated, "only an explicit false sets no_new_privs (§11)"},
	{"SecurityContext.procMount", NotEmulated, "Unmasked is not emulated; Default matches the engine (security.proc-mount)"},
	{"SecurityContext.seccompProfile", Emulated, "§11; Localhost warns (security.seccomp-localhost)"},
	{"SecurityContext.appArmorProfile", NotEmulated, "the engine's default profile applies (security.app-armor)"},
	// Capabilities
	{"Capabilities.add", Emulated, "cap-add/cap-drop on Docker's default set, the same 14 as the runtime default (§11)"},
	{"Capabilities.drop", Emulated, "cap-add/cap-drop on Docker's default set, the same 14 as the runtime default (§11)"},
	// SELinuxOptions
	{"SELinuxOptions.user", NotEmulated, "part of seLinuxOptions (security.se-linux)"},
	{"SELinuxOptions.role", NotEmulated, "part of seLinuxOptions (security.se-linux)"},
	{"SELinuxOptions.type", NotEmulated, "part of seLinuxOptions (security.se-linux)"},
	{"SELinuxOptions.level", NotEmulated, "part of seLinuxOptions (security.se-linux)"},
	// WindowsSecurityContextOptions
	{"WindowsSecurityContextOptions.gmsaCredentialSpecName", NotApplicable, "Windows containers only; the engine runs Linux containers (security.windows-options)"},
	{"WindowsSecurityContextOptions.gmsaCredentialSpec", NotApplicable, "Windows containers only; the engine runs Linux containers (security.windows-options)"},
	{"WindowsSecurityContextOptions.runAsUserName", NotApplicable, "Windows containers only; the engine runs Linux containers (security.windows-options)"},
	{"WindowsSecurityContextOptions.hostProcess", NotApplicable, "Windows containers only; the engine runs Linux containers (security.windows-options)"},
	// SeccompProfile
	{"SeccompProfile.type", Emulated, "RuntimeDefault → the engine's default profile, Unconfined → none; Localhost warns (security.seccomp-localhost)"},
	{"SeccompProfile.localhostProfile", Approximated, "read from this machine, relative to the manifest's directory, not the node's (security.seccomp-localhost)"},
	// AppArmorProfile
	{"AppArmorProfile.type", NotEmulated, "the engine's default profile applies (security.app-armor)"},
	{"AppArmorProfile.localhostProfile", NotEmulated, "the engine's default profile applies (security.app-armor)"},
	// EphemeralContainerCommon
	{"EphemeralContainerCommon.name", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.image", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.command", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.args", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.workingDir", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.ports", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.envFrom", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.env", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.resources", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.resizePolicy", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.restartPolicy", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.restartPolicyRules", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.volumeMounts", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.volumeDevices", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.livenessProbe", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.readinessProbe", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.startupProbe", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.lifecycle", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.terminationMessagePath", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.terminationMessagePolicy", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.imagePullPolicy", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.securityContext", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.stdin", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.stdinOnce", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	{"EphemeralContainerCommon.tty", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
	// EphemeralContainer
	{"EphemeralContainer.targetContainerName", NotEmulated, "ephemeral containers are not run (lifecycle.ephemeral-container)"},
}
