package warnings

// metaFields classifies the Pod object and its metadata: what the API server keeps, and what podrun reads.
var metaFields = []Field{
	// TypeMeta
	{"TypeMeta.kind", Emulated, "Pod, or a bare PodSpec or workload template read by the loader"},
	{"TypeMeta.apiVersion", Emulated, "checked by the loader"},
	// Pod
	{"Pod.metadata", Emulated, "see ObjectMeta"},
	{"Pod.spec", Emulated, "see PodSpec"},
	{"Pod.status", NotApplicable, "status is not read: podrun reports the status of its own run (metadata.status)"},
	// ObjectMeta
	{"ObjectMeta.name", Emulated, "names the pod, its hostname (§9.5) and the downward API (§7.4)"},
	{"ObjectMeta.generateName", NotApplicable, "podrun requires a name; with a name set, generateName is ignored, as on a cluster"},
	{"ObjectMeta.namespace", Emulated, "downward API, FQDN and labels; \"default\" when unset"},
	{"ObjectMeta.selfLink", NotApplicable, "API server bookkeeping"},
	{"ObjectMeta.uid", NotApplicable, "assigned by the API server; podrun assigns its own per run"},
	{"ObjectMeta.resourceVersion", NotApplicable, "API server bookkeeping"},
	{"ObjectMeta.generation", NotApplicable, "API server bookkeeping"},
	{"ObjectMeta.creationTimestamp", NotApplicable, "API server bookkeeping"},
	{"ObjectMeta.deletionTimestamp", NotApplicable, "API server bookkeeping"},
	{"ObjectMeta.deletionGracePeriodSeconds", NotApplicable, "API server bookkeeping; terminationGracePeriodSeconds applies (§4.1)"},
	{"ObjectMeta.labels", Emulated, "downward API (§7.4) and the labels shown by podrun get"},
	{"ObjectMeta.annotations", Emulated, "downward API (§7.4); sidecar-injection annotations warn (metadata.injection-annotation)"},
	{"ObjectMeta.ownerReferences", NotApplicable, "no controller manages the pod locally (metadata.owner-reference)"},
	{"ObjectMeta.finalizers", NotApplicable, "there is no API object to hold back from deletion"},
	{"ObjectMeta.managedFields", NotApplicable, "server-side apply bookkeeping"},
	// OwnerReference
	{"OwnerReference.apiVersion", NotApplicable, "controller bookkeeping; no controller manages the pod locally (metadata.owner-reference)"},
	{"OwnerReference.kind", NotApplicable, "controller bookkeeping; no controller manages the pod locally (metadata.owner-reference)"},
	{"OwnerReference.name", NotApplicable, "controller bookkeeping; no controller manages the pod locally (metadata.owner-reference)"},
	{"OwnerReference.uid", NotApplicable, "controller bookkeeping; no controller manages the pod locally (metadata.owner-reference)"},
	{"OwnerReference.controller", NotApplicable, "controller bookkeeping; no controller manages the pod locally (metadata.owner-reference)"},
	{"OwnerReference.blockOwnerDeletion", NotApplicable, "controller bookkeeping; no controller manages the pod locally (metadata.owner-reference)"},
	// ManagedFieldsEntry
	{"ManagedFieldsEntry.manager", NotApplicable, "server-side apply bookkeeping of the API server"},
	{"ManagedFieldsEntry.operation", NotApplicable, "server-side apply bookkeeping of the API server"},
	{"ManagedFieldsEntry.apiVersion", NotApplicable, "server-side apply bookkeeping of the API server"},
	{"ManagedFieldsEntry.time", NotApplicable, "server-side apply bookkeeping of the API server"},
	{"ManagedFieldsEntry.fieldsType", NotApplicable, "server-side apply bookkeeping of the API server"},
	{"ManagedFieldsEntry.fieldsV1", NotApplicable, "server-side apply bookkeeping of the API server"},
	{"ManagedFieldsEntry.subresource", NotApplicable, "server-side apply bookkeeping of the API server"},
}
