package warnings

import "slices"

// Class is how podrun treats a field of the Pod.
type Class string

const (
	// Emulated: behaves as on a cluster.
	Emulated Class = "emulated"
	// Approximated: works, with a stated difference; setting it produces a warning.
	Approximated Class = "approximated"
	// NotEmulated: ignored by this build; setting it produces a warning.
	NotEmulated Class = "not-emulated"
	// NotApplicable: has no meaning without a cluster (bookkeeping, Windows); an info where
	// the user would care.
	NotApplicable Class = "not-applicable"
)

// Classes in the order documents list them.
var Classes = []Class{Emulated, Approximated, NotEmulated, NotApplicable}

// Field classifies one field of the Pod type and the types it holds, named type.field by its
// JSON name: PodSpec.nodeSelector, Container.livenessProbe, VolumeSource.awsElasticBlockStore.
// Fields of embedded (inline) structs belong to the embedded type (ProbeHandler.exec).
type Field struct {
	Name  string
	Class Class
	Note  string
}

// Classification is every field of corev1.Pod that podrun reads, in the order of the types'
// first appearance. A test walks the k8s.io/api types and fails on any field missing here, so a
// new field cannot be ignored silently; another sets each approximated or not-emulated field
// and checks that Analyze warns about it.
func Classification() []Field {
	return slices.Concat(metaFields, podSpecFields, containerFields, volumeFields)
}
