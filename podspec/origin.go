package podspec

import "strings"

// Origin says where in File the pod was read from, so that messages about the pod can name
// the field as the user wrote it (spec.template.spec.containers[0] in a Deployment).
type Origin struct {
	// Kind of the object the pod came from: Pod, PodSpec (a bare spec), or a workload kind
	// (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob). "" means a Pod.
	Kind string
	// Document is the 1-based number of the YAML document in File (0 when unknown).
	Document int
	// Path is where the pod template (its metadata and spec) sits in the document:
	// "" for a Pod, "spec.template" for a Deployment, "items[2]" for a Pod inside a List.
	Path string
}

const kindPodSpec = "PodSpec"

// FilePath turns a path in the Pod (spec.containers[0].image) into the path of the same field
// in the document as written.
func (o Origin) FilePath(podPath string) string {
	if o.Kind == kindPodSpec {
		if podPath == "spec" {
			return ""
		}
		if rest, ok := strings.CutPrefix(podPath, "spec."); ok {
			return joinField(o.Path, rest)
		}
		return podPath // metadata of a bare spec is not in the file
	}
	return joinField(o.Path, podPath)
}

// podPath is the inverse of FilePath; ok is false for fields outside the pod template.
func (o Origin) podPath(filePath string) (string, bool) {
	rel := filePath
	if o.Path != "" {
		var ok bool
		if rel, ok = strings.CutPrefix(filePath, o.Path+"."); !ok {
			return "", false
		}
	}
	if o.Kind == kindPodSpec {
		return joinField("spec", rel), true
	}
	return rel, true
}
