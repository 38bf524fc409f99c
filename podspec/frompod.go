package podspec

import corev1 "k8s.io/api/core/v1"

// FromPod makes the Input of a pod built in memory rather than read from a manifest: the Pod a
// Flyte task gives (flyte.Task.Pod). It is defaulted and validated exactly as Load does, so plan
// and run see a normal Input. base says where the pod comes from: its File names the source in
// messages, its Origin turns the pod's paths into the file's (a task's spec sits at
// closure.compiledTask.template.k8sPod.podSpec: Origin{Kind: "PodSpec", Path: that}), and its
// Lines, ConfigMaps and Secrets carry over (a Pod manifest run as a task keeps them). base.Raw
// and base.Pod are ignored; pod is not modified.
func FromPod(base Input, pod *corev1.Pod) (*Input, error) {
	in := base
	in.Raw = pod.DeepCopy()
	in.Pod = pod.DeepCopy()
	Default(in.Pod)
	if errs := Validate(&in); len(errs) > 0 {
		return nil, errs
	}
	return &in, nil
}

// Decode reads a manifest as Load does (strictly, with lines and origin, the ConfigMaps and
// Secrets beside the pod) but neither defaults nor validates the pod: Raw is set, Pod is nil.
// It serves a caller that builds another pod from the one written (a Pod manifest run as a
// Flyte task, whose primary container the task completes: its image may be missing until then)
// and validates that pod with FromPod.
func Decode(file string, data []byte) (*Input, error) {
	l := newLoader(file)
	for _, doc := range splitDocuments(data) {
		l.loadDocument(doc)
	}
	src := l.onlyPod()
	if len(l.errs) > 0 || src == nil {
		return nil, l.sorted()
	}
	return &Input{
		File:        file,
		Raw:         src.pod,
		ConfigMaps:  l.configMaps,
		Secrets:     l.secrets,
		ObjectLines: l.firstSeen,
		Lines:       src.lines,
		Origin:      src.origin,
	}, nil
}
