package status

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

func res(kv ...string) corev1.ResourceList {
	l := corev1.ResourceList{}
	for i := 0; i < len(kv); i += 2 {
		l[corev1.ResourceName(kv[i])] = resource.MustParse(kv[i+1])
	}
	return l
}

func TestQOSClass(t *testing.T) {
	both := res("cpu", "500m", "memory", "128Mi")
	tests := []struct {
		name string
		app  []corev1.ResourceRequirements
		init []corev1.ResourceRequirements
		pod  *corev1.ResourceRequirements
		want corev1.PodQOSClass
	}{
		{"nothing set", []corev1.ResourceRequirements{{}}, nil, nil, corev1.PodQOSBestEffort},
		{"zero quantities ignored", []corev1.ResourceRequirements{{Requests: res("cpu", "0")}}, nil, nil, corev1.PodQOSBestEffort},
		{"non-compute resources ignored", []corev1.ResourceRequirements{{Limits: res("ephemeral-storage", "1Gi")}}, nil, nil, corev1.PodQOSBestEffort},
		{"requests equal limits", []corev1.ResourceRequirements{{Requests: both, Limits: both}}, nil, nil, corev1.PodQOSGuaranteed},
		{"limits only: requests default to them", []corev1.ResourceRequirements{{Limits: both}}, nil, nil, corev1.PodQOSGuaranteed},
		{"requests below limits", []corev1.ResourceRequirements{{Requests: res("cpu", "100m", "memory", "128Mi"), Limits: both}}, nil, nil, corev1.PodQOSBurstable},
		{"requests only", []corev1.ResourceRequirements{{Requests: both}}, nil, nil, corev1.PodQOSBurstable},
		{"cpu limit only", []corev1.ResourceRequirements{{Limits: res("cpu", "1")}}, nil, nil, corev1.PodQOSBurstable},
		{"one container without limits", []corev1.ResourceRequirements{{Limits: both}, {}}, nil, nil, corev1.PodQOSBurstable},
		{"init container without limits", []corev1.ResourceRequirements{{Limits: both}}, []corev1.ResourceRequirements{{}}, nil, corev1.PodQOSBurstable},
		{"init container guaranteed too", []corev1.ResourceRequirements{{Limits: both}}, []corev1.ResourceRequirements{{Limits: both}}, nil, corev1.PodQOSGuaranteed},
		{"pod-level resources replace the containers'", []corev1.ResourceRequirements{{}}, nil, &corev1.ResourceRequirements{Limits: both}, corev1.PodQOSGuaranteed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := &corev1.Pod{}
			for _, r := range tc.app {
				p.Spec.Containers = append(p.Spec.Containers, corev1.Container{Name: "c", Resources: r})
			}
			for _, r := range tc.init {
				p.Spec.InitContainers = append(p.Spec.InitContainers, corev1.Container{Name: "i", Resources: r})
			}
			p.Spec.Resources = tc.pod
			if got := QOSClass(p); got != tc.want {
				t.Errorf("QOSClass = %s, want %s", got, tc.want)
			}
		})
	}
}
