package podspec

import (
	"fmt"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func (l *loader) loadPod(o object) {
	pod := &corev1.Pod{}
	lines, failed := l.decode(o, pod)
	l.addPod(pod, Origin{Kind: "Pod", Document: o.doc.index, Path: o.path}, lines, failed, o)
}

// loadBareSpec reads a document that is a PodSpec on its own; the pod is named after the file.
func (l *loader) loadBareSpec(o object) {
	spec := &corev1.PodSpec{}
	lines, failed := l.decode(o, spec)
	pod := &corev1.Pod{
		TypeMeta:   metaPod,
		ObjectMeta: metav1.ObjectMeta{Name: nameFromFile(l.file)},
		Spec:       *spec,
	}
	l.addPod(pod, Origin{Kind: kindPodSpec, Document: o.doc.index, Path: o.path}, lines, failed, o)
}

// loadWorkload reads a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob (decoded
// strictly with its own type) and takes its pod template as the pod, named after the workload.
func (l *loader) loadWorkload(o object, kind string) {
	workload, at := newWorkload(kind)
	lines, failed := l.decode(o, workload)
	tmpl := podTemplate(workload)
	meta := workload.(metav1.Object)
	pod := &corev1.Pod{ObjectMeta: *tmpl.ObjectMeta.DeepCopy(), Spec: *tmpl.Spec.DeepCopy()}
	pod.Name = meta.GetName()
	if pod.Namespace == "" {
		pod.Namespace = meta.GetNamespace()
	}
	origin := Origin{Kind: kind, Document: o.doc.index, Path: joinPath(o.path, at)}
	if kind == "Job" || kind == "CronJob" {
		l.checkJobRestartPolicy(pod, origin, lines)
	}
	// The pod's name is the workload's: cite the workload's metadata.name.
	if line, ok := lines[joinPath(o.path, "metadata.name")]; ok {
		lines[origin.FilePath("metadata.name")] = line
	}
	l.addPod(pod, origin, lines, failed, o)
}

// newWorkload returns an empty object of a workload kind and the path of its pod template.
func newWorkload(kind string) (any, string) {
	switch kind {
	case "Deployment":
		return &appsv1.Deployment{}, "spec.template"
	case "StatefulSet":
		return &appsv1.StatefulSet{}, "spec.template"
	case "DaemonSet":
		return &appsv1.DaemonSet{}, "spec.template"
	case "ReplicaSet":
		return &appsv1.ReplicaSet{}, "spec.template"
	case "Job":
		return &batchv1.Job{}, "spec.template"
	case "CronJob":
		return &batchv1.CronJob{}, "spec.jobTemplate.spec.template"
	}
	panic("podspec: no workload type for kind " + kind) // apiVersions and this switch disagree
}

func podTemplate(workload any) *corev1.PodTemplateSpec {
	switch w := workload.(type) {
	case *appsv1.Deployment:
		return &w.Spec.Template
	case *appsv1.StatefulSet:
		return &w.Spec.Template
	case *appsv1.DaemonSet:
		return &w.Spec.Template
	case *appsv1.ReplicaSet:
		return &w.Spec.Template
	case *batchv1.Job:
		return &w.Spec.Template
	case *batchv1.CronJob:
		return &w.Spec.JobTemplate.Spec.Template
	}
	panic(fmt.Sprintf("podspec: no pod template in %T", workload))
}

// checkJobRestartPolicy applies the Job API's own rule: its pods may not restart Always
// (batch/v1 validation), and the template must say so explicitly.
func (l *loader) checkJobRestartPolicy(pod *corev1.Pod, origin Origin, lines map[string]int) {
	policy := pod.Spec.RestartPolicy
	if policy == corev1.RestartPolicyOnFailure || policy == corev1.RestartPolicyNever {
		return
	}
	path := origin.FilePath("spec.restartPolicy")
	l.add(FieldError{Line: lineAt(lines, path), Path: path, Msg: fmt.Sprintf(
		"must be OnFailure or Never in a %s's pod template, got %q", origin.Kind, policy)})
}

var metaPod = metav1.TypeMeta{APIVersion: "v1", Kind: "Pod"}

// addPod records a pod found in the file; Load refuses a file with more than one.
func (l *loader) addPod(pod *corev1.Pod, origin Origin, fileLines map[string]int, failed []string, o object) {
	lines := map[string]int{}
	for path, line := range fileLines {
		if p, ok := origin.podPath(path); ok {
			lines[p] = line
		}
	}
	line := nodeLine(o.node, o.doc)
	lines[""] = line
	if origin.Kind == kindPodSpec {
		lines["spec"] = line
	}
	pod.TypeMeta = metaPod
	l.pods = append(l.pods, &podSource{pod: pod, origin: origin, lines: lines, line: line, failed: failed})
}
