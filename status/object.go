package status

import corev1 "k8s.io/api/core/v1"

// PodObject is the pod as `kubectl get pod -o json` shows it: a copy of pod with apiVersion and
// kind set, metadata.generation as the API server sets it on create, and st as its status.
func PodObject(pod *corev1.Pod, st corev1.PodStatus) *corev1.Pod {
	out := pod.DeepCopy()
	out.APIVersion = "v1"
	out.Kind = "Pod"
	if out.Generation == 0 {
		out.Generation = 1
	}
	out.Status = *st.DeepCopy()
	return out
}
