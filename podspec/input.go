// Package podspec loads pod manifests (YAML or JSON, a Pod or a bare PodSpec, with the
// ConfigMaps and Secrets that travel with it), validates them in the API server's spirit and
// applies the defaults the API server would have set. It is pure: bytes in, values out.
package podspec

import (
	corev1 "k8s.io/api/core/v1"
)

// Input is what one manifest holds.
type Input struct {
	// File names the source in messages ("-" is stdin).
	File string
	// Raw is the pod exactly as written (before defaults): warnings read what the user set.
	Raw *corev1.Pod
	// Pod is the pod with the API server's defaults applied; plan and run read it.
	Pod *corev1.Pod
	// ConfigMaps and Secrets from the same input, by name.
	ConfigMaps map[string]*corev1.ConfigMap
	Secrets    map[string]*corev1.Secret
	// ObjectLines gives the line in File of each ConfigMap and Secret, keyed "ConfigMap/name" or
	// "Secret/name", so that a second definition from elsewhere (--configmap, --secret) can name
	// both places.
	ObjectLines map[string]int
	// Lines maps a field path (spec.containers[0].image) to its line in File, where known.
	// Paths are the Pod's (whatever the document's kind), written as the API server writes
	// them: list items "[0]", map keys "[key]" (metadata.labels[app]).
	Lines map[string]int
	// Origin says where in File the pod was read from (a Pod, a bare PodSpec, a workload's
	// template); Origin.FilePath turns a Pod path into the path as written.
	Origin Origin
}

// Line returns the line of path in File, or of its nearest ancestor that has one (a missing
// field is reported at the object that lacks it); 0 when nothing is known.
func (in *Input) Line(path string) int { return lineAt(in.Lines, path) }
