package warnings

// volumeFields classifies Volume, every VolumeSource and the types they hold.
var volumeFields = []Field{
	// Volume
	{"Volume.name", Emulated, "names the volume in mounts and engine labels"},
	// VolumeSource
	{"VolumeSource.hostPath", Emulated, "a bind mount from the engine's host (on Docker Desktop, the VM's shared paths) (§9.4)"},
	{"VolumeSource.emptyDir", Emulated, "an engine volume per run, tmpfs for medium Memory (§9.2)"},
	{"VolumeSource.gcePersistentDisk", NotEmulated, "not available locally (volume.gce-persistent-disk)"},
	{"VolumeSource.awsElasticBlockStore", NotEmulated, "not available locally (volume.aws-elastic-block-store)"},
	{"VolumeSource.gitRepo", NotEmulated, "deprecated; nothing is cloned (volume.git-repo)"},
	{"VolumeSource.secret", Emulated, "copied once from the input (no live updates: nothing updates it locally) (§9.3)"},
	{"VolumeSource.nfs", NotEmulated, "not available locally (volume.nfs)"},
	{"VolumeSource.iscsi", NotEmulated, "not available locally (volume.iscsi)"},
	{"VolumeSource.glusterfs", NotEmulated, "not available locally (volume.glusterfs)"},
	{"VolumeSource.persistentVolumeClaim", NotEmulated, "no claim to bind (volume.persistent-volume-claim)"},
	{"VolumeSource.rbd", NotEmulated, "not available locally (volume.rbd)"},
	{"VolumeSource.flexVolume", NotEmulated, "not available locally (volume.flex-volume)"},
	{"VolumeSource.cinder", NotEmulated, "not available locally (volume.cinder)"},
	{"VolumeSource.cephfs", NotEmulated, "not available locally (volume.cephfs)"},
	{"VolumeSource.flocker", NotEmulated, "not available locally (volume.flocker)"},
	{"VolumeSource.downwardAPI", Emulated, "written once from the pod (§9.3)"},
	{"VolumeSource.fc", NotEmulated, "not available locally (volume.fc)"},
	{"VolumeSource.azureFile", NotEmulated, "not available locally (volume.azure-file)"},
	{"VolumeSource.configMap", Emulated, "copied once from the input (no live updates: nothing updates it locally) (§9.3)"},
	{"VolumeSource.vsphereVolume", NotEmulated, "not available locally (volume.vsphere-volume)"},
	{"VolumeSource.quobyte", NotEmulated, "not available locally (volume.quobyte)"},
	{"VolumeSource.azureDisk", NotEmulated, "not available locally (volume.azure-disk)"},
	{"VolumeSource.photonPersistentDisk", NotEmulated, "not available locally (volume.photon-persistent-disk)"},
	{"VolumeSource.projected", Emulated, "configMap, secret and downwardAPI sources; other sources warn"},
	{"VolumeSource.portworxVolume", NotEmulated, "not available locally (volume.portworx-volume)"},
	{"VolumeSource.scaleIO", NotEmulated, "not available locally (volume.scale-io)"},
	{"VolumeSource.storageos", NotEmulated, "not available locally (volume.storageos)"},
	{"VolumeSource.csi", NotEmulated, "no CSI driver (volume.csi)"},
	{"VolumeSource.ephemeral", NotEmulated, "no claim is provisioned (volume.ephemeral)"},
	{"VolumeSource.image", NotEmulated, "not emulated in this build (volume.image)"},
	// HostPathVolumeSource
	{"HostPathVolumeSource.path", Emulated, "a bind mount from the engine's host, with the kubelet's type checks (§9.4)"},
	{"HostPathVolumeSource.type", Emulated, "a bind mount from the engine's host, with the kubelet's type checks (§9.4)"},
	// EmptyDirVolumeSource
	{"EmptyDirVolumeSource.medium", Approximated, "Memory → a tmpfs shared by the pod's containers (§9.2); HugePages is not provided (resources.hugepages)"},
	{"EmptyDirVolumeSource.sizeLimit", Approximated, "the tmpfs size for medium Memory; on disk not enforced (volume.empty-dir-size-limit)"},
	{"EmptyDirVolumeSource.mode", NotEmulated, "the directory is 0777 (volume.empty-dir-mode)"},
	// GCEPersistentDiskVolumeSource
	{"GCEPersistentDiskVolumeSource.pdName", NotEmulated, "part of gcePersistentDisk (volume.gce-persistent-disk)"},
	{"GCEPersistentDiskVolumeSource.fsType", NotEmulated, "part of gcePersistentDisk (volume.gce-persistent-disk)"},
	{"GCEPersistentDiskVolumeSource.partition", NotEmulated, "part of gcePersistentDisk (volume.gce-persistent-disk)"},
	{"GCEPersistentDiskVolumeSource.readOnly", NotEmulated, "part of gcePersistentDisk (volume.gce-persistent-disk)"},
	// AWSElasticBlockStoreVolumeSource
	{"AWSElasticBlockStoreVolumeSource.volumeID", NotEmulated, "part of awsElasticBlockStore (volume.aws-elastic-block-store)"},
	{"AWSElasticBlockStoreVolumeSource.fsType", NotEmulated, "part of awsElasticBlockStore (volume.aws-elastic-block-store)"},
	{"AWSElasticBlockStoreVolumeSource.partition", NotEmulated, "part of awsElasticBlockStore (volume.aws-elastic-block-store)"},
	{"AWSElasticBlockStoreVolumeSource.readOnly", NotEmulated, "part of awsElasticBlockStore (volume.aws-elastic-block-store)"},
	// GitRepoVolumeSource
	{"GitRepoVolumeSource.repository", NotEmulated, "part of gitRepo (volume.git-repo)"},
	{"GitRepoVolumeSource.revision", NotEmulated, "part of gitRepo (volume.git-repo)"},
	{"GitRepoVolumeSource.directory", NotEmulated, "part of gitRepo (volume.git-repo)"},
	// SecretVolumeSource
	{"SecretVolumeSource.secretName", Emulated, "copied from the input into an engine volume with the kubelet's ..data layout (§9.3)"},
	{"SecretVolumeSource.items", Emulated, "copied from the input into an engine volume with the kubelet's ..data layout (§9.3)"},
	{"SecretVolumeSource.defaultMode", Emulated, "copied from the input into an engine volume with the kubelet's ..data layout (§9.3)"},
	{"SecretVolumeSource.optional", Emulated, "an optional Secret absent from the input gives an empty volume (volume.optional-source-absent)"},
	{"SecretVolumeSource.defaultUser", NotEmulated, "files are owned by root (volume.file-owner)"},
	// KeyToPath
	{"KeyToPath.key", Emulated, "projects one key to a file (§9.3)"},
	{"KeyToPath.path", Emulated, "projects one key to a file (§9.3)"},
	{"KeyToPath.mode", Emulated, "projects one key to a file (§9.3)"},
	{"KeyToPath.user", NotEmulated, "files are owned by root (volume.file-owner)"},
	// NFSVolumeSource
	{"NFSVolumeSource.server", NotEmulated, "part of nfs (volume.nfs)"},
	{"NFSVolumeSource.path", NotEmulated, "part of nfs (volume.nfs)"},
	{"NFSVolumeSource.readOnly", NotEmulated, "part of nfs (volume.nfs)"},
	// ISCSIVolumeSource
	{"ISCSIVolumeSource.targetPortal", NotEmulated, "part of iscsi (volume.iscsi)"},
	{"ISCSIVolumeSource.iqn", NotEmulated, "part of iscsi (volume.iscsi)"},
	{"ISCSIVolumeSource.lun", NotEmulated, "part of iscsi (volume.iscsi)"},
	{"ISCSIVolumeSource.iscsiInterface", NotEmulated, "part of iscsi (volume.iscsi)"},
	{"ISCSIVolumeSource.fsType", NotEmulated, "part of iscsi (volume.iscsi)"},
	{"ISCSIVolumeSource.readOnly", NotEmulated, "part of iscsi (volume.iscsi)"},
	{"ISCSIVolumeSource.portals", NotEmulated, "part of iscsi (volume.iscsi)"},
	{"ISCSIVolumeSource.chapAuthDiscovery", NotEmulated, "part of iscsi (volume.iscsi)"},
	{"ISCSIVolumeSource.chapAuthSession", NotEmulated, "part of iscsi (volume.iscsi)"},
	{"ISCSIVolumeSource.secretRef", NotEmulated, "part of iscsi (volume.iscsi)"},
	{"ISCSIVolumeSource.initiatorName", NotEmulated, "part of iscsi (volume.iscsi)"},
	// LocalObjectReference
	{"LocalObjectReference.name", Emulated, "names the referenced object; the class of the referencing field applies"},
	// GlusterfsVolumeSource
	{"GlusterfsVolumeSource.endpoints", NotEmulated, "part of glusterfs (volume.glusterfs)"},
	{"GlusterfsVolumeSource.path", NotEmulated, "part of glusterfs (volume.glusterfs)"},
	{"GlusterfsVolumeSource.readOnly", NotEmulated, "part of glusterfs (volume.glusterfs)"},
	// PersistentVolumeClaimVolumeSource
	{"PersistentVolumeClaimVolumeSource.claimName", NotEmulated, "part of persistentVolumeClaim (volume.persistent-volume-claim)"},
	{"PersistentVolumeClaimVolumeSource.readOnly", NotEmulated, "part of persistentVolumeClaim (volume.persistent-volume-claim)"},
	// RBDVolumeSource
	{"RBDVolumeSource.monitors", NotEmulated, "part of rbd (volume.rbd)"},
	{"RBDVolumeSource.image", NotEmulated, "part of rbd (volume.rbd)"},
	{"RBDVolumeSource.fsType", NotEmulated, "part of rbd (volume.rbd)"},
	{"RBDVolumeSource.pool", NotEmulated, "part of rbd (volume.rbd)"},
	{"RBDVolumeSource.user", NotEmulated, "part of rbd (volume.rbd)"},
	{"RBDVolumeSource.keyring", NotEmulated, "part of rbd (volume.rbd)"},
	{"RBDVolumeSource.secretRef", NotEmulated, "part of rbd (volume.rbd)"},
	{"RBDVolumeSource.readOnly", NotEmulated, "part of rbd (volume.rbd)"},
	// FlexVolumeSource
	{"FlexVolumeSource.driver", NotEmulated, "part of flexVolume (volume.flex-volume)"},
	{"FlexVolumeSource.fsType", NotEmulated, "part of flexVolume (volume.flex-volume)"},
	{"FlexVolumeSource.secretRef", NotEmulated, "part of flexVolume (volume.flex-volume)"},
	{"FlexVolumeSource.readOnly", NotEmulated, "part of flexVolume (volume.flex-volume)"},
	{"FlexVolumeSource.options", NotEmulated, "part of flexVolume (volume.flex-volume)"},
	// CinderVolumeSource
	{"CinderVolumeSource.volumeID", NotEmulated, "part of cinder (volume.cinder)"},
	{"CinderVolumeSource.fsType", NotEmulated, "part of cinder (volume.cinder)"},
	{"CinderVolumeSource.readOnly", NotEmulated, "part of cinder (volume.cinder)"},
	{"CinderVolumeSource.secretRef", NotEmulated, "part of cinder (volume.cinder)"},
	// CephFSVolumeSource
	{"CephFSVolumeSource.monitors", NotEmulated, "part of cephfs (volume.cephfs)"},
	{"CephFSVolumeSource.path", NotEmulated, "part of cephfs (volume.cephfs)"},
	{"CephFSVolumeSource.user", NotEmulated, "part of cephfs (volume.cephfs)"},
	{"CephFSVolumeSource.secretFile", NotEmulated, "part of cephfs (volume.cephfs)"},
	{"CephFSVolumeSource.secretRef", NotEmulated, "part of cephfs (volume.cephfs)"},
	{"CephFSVolumeSource.readOnly", NotEmulated, "part of cephfs (volume.cephfs)"},
	// FlockerVolumeSource
	{"FlockerVolumeSource.datasetName", NotEmulated, "part of flocker (volume.flocker)"},
	{"FlockerVolumeSource.datasetUUID", NotEmulated, "part of flocker (volume.flocker)"},
	// DownwardAPIVolumeSource
	{"DownwardAPIVolumeSource.items", Emulated, "written into an engine volume (§9.3)"},
	{"DownwardAPIVolumeSource.defaultMode", Emulated, "written into an engine volume (§9.3)"},
	{"DownwardAPIVolumeSource.defaultUser", NotEmulated, "files are owned by root (volume.file-owner)"},
	// DownwardAPIVolumeFile
	{"DownwardAPIVolumeFile.path", Emulated, "one downward API file (§7.4, §9.3)"},
	{"DownwardAPIVolumeFile.fieldRef", Emulated, "one downward API file (§7.4, §9.3)"},
	{"DownwardAPIVolumeFile.resourceFieldRef", Emulated, "one downward API file (§7.4, §9.3)"},
	{"DownwardAPIVolumeFile.mode", Emulated, "one downward API file (§7.4, §9.3)"},
	{"DownwardAPIVolumeFile.user", NotEmulated, "files are owned by root (volume.file-owner)"},
	// ObjectFieldSelector
	{"ObjectFieldSelector.apiVersion", Emulated, "downward API field (§7.4); node fields come from the local engine (env.node-field)"},
	{"ObjectFieldSelector.fieldPath", Emulated, "downward API field (§7.4); node fields come from the local engine (env.node-field)"},
	// ResourceFieldSelector
	{"ResourceFieldSelector.containerName", Emulated, "downward API resource value, ceil(quantity/divisor) (§7.4)"},
	{"ResourceFieldSelector.resource", Emulated, "downward API resource value, ceil(quantity/divisor) (§7.4)"},
	{"ResourceFieldSelector.divisor", Emulated, "downward API resource value, ceil(quantity/divisor) (§7.4)"},
	// FCVolumeSource
	{"FCVolumeSource.targetWWNs", NotEmulated, "part of fc (volume.fc)"},
	{"FCVolumeSource.lun", NotEmulated, "part of fc (volume.fc)"},
	{"FCVolumeSource.fsType", NotEmulated, "part of fc (volume.fc)"},
	{"FCVolumeSource.readOnly", NotEmulated, "part of fc (volume.fc)"},
	{"FCVolumeSource.wwids", NotEmulated, "part of fc (volume.fc)"},
	// AzureFileVolumeSource
	{"AzureFileVolumeSource.secretName", NotEmulated, "part of azureFile (volume.azure-file)"},
	{"AzureFileVolumeSource.shareName", NotEmulated, "part of azureFile (volume.azure-file)"},
	{"AzureFileVolumeSource.readOnly", NotEmulated, "part of azureFile (volume.azure-file)"},
	// ConfigMapVolumeSource
	{"ConfigMapVolumeSource.items", Emulated, "copied from the input into an engine volume with the kubelet's ..data layout (§9.3)"},
	{"ConfigMapVolumeSource.defaultMode", Emulated, "copied from the input into an engine volume with the kubelet's ..data layout (§9.3)"},
	{"ConfigMapVolumeSource.optional", Emulated, "an optional ConfigMap absent from the input gives an empty volume (volume.optional-source-absent)"},
	{"ConfigMapVolumeSource.defaultUser", NotEmulated, "files are owned by root (volume.file-owner)"},
	// VsphereVirtualDiskVolumeSource
	{"VsphereVirtualDiskVolumeSource.volumePath", NotEmulated, "part of vsphereVolume (volume.vsphere-volume)"},
	{"VsphereVirtualDiskVolumeSource.fsType", NotEmulated, "part of vsphereVolume (volume.vsphere-volume)"},
	{"VsphereVirtualDiskVolumeSource.storagePolicyName", NotEmulated, "part of vsphereVolume (volume.vsphere-volume)"},
	{"VsphereVirtualDiskVolumeSource.storagePolicyID", NotEmulated, "part of vsphereVolume (volume.vsphere-volume)"},
	// QuobyteVolumeSource
	{"QuobyteVolumeSource.registry", NotEmulated, "part of quobyte (volume.quobyte)"},
	{"QuobyteVolumeSource.volume", NotEmulated, "part of quobyte (volume.quobyte)"},
	{"QuobyteVolumeSource.readOnly", NotEmulated, "part of quobyte (volume.quobyte)"},
	{"QuobyteVolumeSource.user", NotEmulated, "part of quobyte (volume.quobyte)"},
	{"QuobyteVolumeSource.group", NotEmulated, "part of quobyte (volume.quobyte)"},
	{"QuobyteVolumeSource.tenant", NotEmulated, "part of quobyte (volume.quobyte)"},
	// AzureDiskVolumeSource
	{"AzureDiskVolumeSource.diskName", NotEmulated, "part of azureDisk (volume.azure-disk)"},
	{"AzureDiskVolumeSource.diskURI", NotEmulated, "part of azureDisk (volume.azure-disk)"},
	{"AzureDiskVolumeSource.cachingMode", NotEmulated, "part of azureDisk (volume.azure-disk)"},
	{"AzureDiskVolumeSource.fsType", NotEmulated, "part of azureDisk (volume.azure-disk)"},
	{"AzureDiskVolumeSource.readOnly", NotEmulated, "part of azureDisk (volume.azure-disk)"},
	{"AzureDiskVolumeSource.kind", NotEmulated, "part of azureDisk (volume.azure-disk)"},
	// PhotonPersistentDiskVolumeSource
	{"PhotonPersistentDiskVolumeSource.pdID", NotEmulated, "part of photonPersistentDisk (volume.photon-persistent-disk)"},
	{"PhotonPersistentDiskVolumeSource.fsType", NotEmulated, "part of photonPersistentDisk (volume.photon-persistent-disk)"},
	// ProjectedVolumeSource
	{"ProjectedVolumeSource.sources", Emulated, "configMap, secret and downwardAPI sources are emulated (§9.3)"},
	{"ProjectedVolumeSource.defaultMode", Emulated, "configMap, secret and downwardAPI sources are emulated (§9.3)"},
	{"ProjectedVolumeSource.defaultUser", NotEmulated, "files are owned by root (volume.file-owner)"},
	// VolumeProjection
	{"VolumeProjection.secret", Emulated, "one projected source"},
	{"VolumeProjection.downwardAPI", Emulated, "one projected source"},
	{"VolumeProjection.configMap", Emulated, "one projected source"},
	{"VolumeProjection.serviceAccountToken", Approximated, "no API server to issue a token: the file holds a placeholder (volume.service-account-token)"},
	{"VolumeProjection.clusterTrustBundle", NotEmulated, "no API server to read it from (volume.cluster-trust-bundle)"},
	{"VolumeProjection.podCertificate", NotEmulated, "no signer (volume.pod-certificate)"},
	// SecretProjection
	{"SecretProjection.items", Emulated, "copied from the input (§9.3)"},
	{"SecretProjection.optional", Emulated, "copied from the input (§9.3)"},
	// DownwardAPIProjection
	{"DownwardAPIProjection.items", Emulated, "written from the pod (§9.3)"},
	// ConfigMapProjection
	{"ConfigMapProjection.items", Emulated, "copied from the input (§9.3)"},
	{"ConfigMapProjection.optional", Emulated, "copied from the input (§9.3)"},
	// ServiceAccountTokenProjection
	{"ServiceAccountTokenProjection.audience", NotEmulated, "part of serviceAccountToken (volume.service-account-token)"},
	{"ServiceAccountTokenProjection.expirationSeconds", NotEmulated, "part of serviceAccountToken (volume.service-account-token)"},
	{"ServiceAccountTokenProjection.path", NotEmulated, "part of serviceAccountToken (volume.service-account-token)"},
	{"ServiceAccountTokenProjection.user", NotEmulated, "part of serviceAccountToken (volume.service-account-token)"},
	// ClusterTrustBundleProjection
	{"ClusterTrustBundleProjection.name", NotEmulated, "part of clusterTrustBundle (volume.cluster-trust-bundle)"},
	{"ClusterTrustBundleProjection.signerName", NotEmulated, "part of clusterTrustBundle (volume.cluster-trust-bundle)"},
	{"ClusterTrustBundleProjection.labelSelector", NotEmulated, "part of clusterTrustBundle (volume.cluster-trust-bundle)"},
	{"ClusterTrustBundleProjection.optional", NotEmulated, "part of clusterTrustBundle (volume.cluster-trust-bundle)"},
	{"ClusterTrustBundleProjection.path", NotEmulated, "part of clusterTrustBundle (volume.cluster-trust-bundle)"},
	{"ClusterTrustBundleProjection.user", NotEmulated, "part of clusterTrustBundle (volume.cluster-trust-bundle)"},
	// LabelSelector
	{"LabelSelector.matchLabels", NotEmulated, "selects pods or bundles for affinity, topology spread and clusterTrustBundle, none of which is emulated"},
	{"LabelSelector.matchExpressions", NotEmulated, "selects pods or bundles for affinity, topology spread and clusterTrustBundle, none of which is emulated"},
	// LabelSelectorRequirement
	{"LabelSelectorRequirement.key", NotEmulated, "part of a label selector (see LabelSelector)"},
	{"LabelSelectorRequirement.operator", NotEmulated, "part of a label selector (see LabelSelector)"},
	{"LabelSelectorRequirement.values", NotEmulated, "part of a label selector (see LabelSelector)"},
	// PodCertificateProjection
	{"PodCertificateProjection.signerName", NotEmulated, "part of podCertificate (volume.pod-certificate)"},
	{"PodCertificateProjection.keyType", NotEmulated, "part of podCertificate (volume.pod-certificate)"},
	{"PodCertificateProjection.maxExpirationSeconds", NotEmulated, "part of podCertificate (volume.pod-certificate)"},
	{"PodCertificateProjection.credentialBundlePath", NotEmulated, "part of podCertificate (volume.pod-certificate)"},
	{"PodCertificateProjection.keyPath", NotEmulated, "part of podCertificate (volume.pod-certificate)"},
	{"PodCertificateProjection.certificateChainPath", NotEmulated, "part of podCertificate (volume.pod-certificate)"},
	{"PodCertificateProjection.userAnnotations", NotEmulated, "part of podCertificate (volume.pod-certificate)"},
	{"PodCertificateProjection.user", NotEmulated, "part of podCertificate (volume.pod-certificate)"},
	// PortworxVolumeSource
	{"PortworxVolumeSource.volumeID", NotEmulated, "part of portworxVolume (volume.portworx-volume)"},
	{"PortworxVolumeSource.fsType", NotEmulated, "part of portworxVolume (volume.portworx-volume)"},
	{"PortworxVolumeSource.readOnly", NotEmulated, "part of portworxVolume (volume.portworx-volume)"},
	// ScaleIOVolumeSource
	{"ScaleIOVolumeSource.gateway", NotEmulated, "part of scaleIO (volume.scale-io)"},
	{"ScaleIOVolumeSource.system", NotEmulated, "part of scaleIO (volume.scale-io)"},
	{"ScaleIOVolumeSource.secretRef", NotEmulated, "part of scaleIO (volume.scale-io)"},
	{"ScaleIOVolumeSource.sslEnabled", NotEmulated, "part of scaleIO (volume.scale-io)"},
	{"ScaleIOVolumeSource.protectionDomain", NotEmulated, "part of scaleIO (volume.scale-io)"},
	{"ScaleIOVolumeSource.storagePool", NotEmulated, "part of scaleIO (volume.scale-io)"},
	{"ScaleIOVolumeSource.storageMode", NotEmulated, "part of scaleIO (volume.scale-io)"},
	{"ScaleIOVolumeSource.volumeName", NotEmulated, "part of scaleIO (volume.scale-io)"},
	{"ScaleIOVolumeSource.fsType", NotEmulated, "part of scaleIO (volume.scale-io)"},
	{"ScaleIOVolumeSource.readOnly", NotEmulated, "part of scaleIO (volume.scale-io)"},
	// StorageOSVolumeSource
	{"StorageOSVolumeSource.volumeName", NotEmulated, "part of storageos (volume.storageos)"},
	{"StorageOSVolumeSource.volumeNamespace", NotEmulated, "part of storageos (volume.storageos)"},
	{"StorageOSVolumeSource.fsType", NotEmulated, "part of storageos (volume.storageos)"},
	{"StorageOSVolumeSource.readOnly", NotEmulated, "part of storageos (volume.storageos)"},
	{"StorageOSVolumeSource.secretRef", NotEmulated, "part of storageos (volume.storageos)"},
	// CSIVolumeSource
	{"CSIVolumeSource.driver", NotEmulated, "part of csi (volume.csi)"},
	{"CSIVolumeSource.readOnly", NotEmulated, "part of csi (volume.csi)"},
	{"CSIVolumeSource.fsType", NotEmulated, "part of csi (volume.csi)"},
	{"CSIVolumeSource.volumeAttributes", NotEmulated, "part of csi (volume.csi)"},
	{"CSIVolumeSource.nodePublishSecretRef", NotEmulated, "part of csi (volume.csi)"},
	// EphemeralVolumeSource
	{"EphemeralVolumeSource.volumeClaimTemplate", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	// PersistentVolumeClaimTemplate
	{"PersistentVolumeClaimTemplate.metadata", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	{"PersistentVolumeClaimTemplate.spec", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	// PersistentVolumeClaimSpec
	{"PersistentVolumeClaimSpec.accessModes", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	{"PersistentVolumeClaimSpec.selector", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	{"PersistentVolumeClaimSpec.resources", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	{"PersistentVolumeClaimSpec.volumeName", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	{"PersistentVolumeClaimSpec.storageClassName", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	{"PersistentVolumeClaimSpec.volumeMode", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	{"PersistentVolumeClaimSpec.dataSource", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	{"PersistentVolumeClaimSpec.dataSourceRef", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	{"PersistentVolumeClaimSpec.volumeAttributesClassName", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	// VolumeResourceRequirements
	{"VolumeResourceRequirements.limits", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	{"VolumeResourceRequirements.requests", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	// TypedLocalObjectReference
	{"TypedLocalObjectReference.apiGroup", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	{"TypedLocalObjectReference.kind", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	{"TypedLocalObjectReference.name", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	// TypedObjectReference
	{"TypedObjectReference.apiGroup", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	{"TypedObjectReference.kind", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	{"TypedObjectReference.name", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	{"TypedObjectReference.namespace", NotEmulated, "part of ephemeral (volume.ephemeral)"},
	// ImageVolumeSource
	{"ImageVolumeSource.reference", NotEmulated, "part of image (volume.image)"},
	{"ImageVolumeSource.pullPolicy", NotEmulated, "part of image (volume.image)"},
}
