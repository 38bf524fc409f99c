package podspec

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/intstr"
)

func TestDefaultPullPolicy(t *testing.T) {
	t.Parallel()
	tests := []struct{ image, want string }{
		{"busybox", "Always"},
		{"busybox:latest", "Always"},
		{"busybox:1.36", "IfNotPresent"},
		{"registry:5000/team/app", "Always"}, // the port is not a tag
		{"registry:5000/team/app:v2", "IfNotPresent"},
		{"localhost:5000/app:latest", "Always"},
		{"app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "IfNotPresent"},
		{"registry:5000/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "IfNotPresent"},
		{"app:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "Always"},
	}
	for _, tc := range tests {
		if got := defaultPullPolicy(tc.image); got != tc.want {
			t.Errorf("defaultPullPolicy(%q) = %s, want %s", tc.image, got, tc.want)
		}
	}
}

func TestDefault(t *testing.T) {
	t.Parallel()
	pod := &corev1.Pod{Spec: corev1.PodSpec{
		HostNetwork:    true,
		InitContainers: []corev1.Container{{Name: "init", Image: "busybox:1"}},
		Containers: []corev1.Container{{
			Name:  "web",
			Image: "nginx",
			Ports: []corev1.ContainerPort{{ContainerPort: 80}, {ContainerPort: 53, HostPort: 5353, Protocol: corev1.ProtocolUDP}},
			Resources: corev1.ResourceRequirements{
				Limits:   corev1.ResourceList{"cpu": resource.MustParse("500m"), "memory": resource.MustParse("1Gi")},
				Requests: corev1.ResourceList{"memory": resource.MustParse("256Mi")},
			},
			LivenessProbe: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Port: intstr.FromInt32(80)}}, PeriodSeconds: 5},
			Lifecycle:     &corev1.Lifecycle{PreStop: &corev1.LifecycleHandler{HTTPGet: &corev1.HTTPGetAction{Port: intstr.FromInt32(80), Path: "/quit"}}},
			Env:           []corev1.EnvVar{{Name: "POD", ValueFrom: &corev1.EnvVarSource{FieldRef: &corev1.ObjectFieldSelector{FieldPath: "metadata.name"}}}},
		}},
		Volumes: []corev1.Volume{
			{Name: "scratch"},
			{Name: "cfg", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{}}},
			{Name: "key", VolumeSource: corev1.VolumeSource{Secret: &corev1.SecretVolumeSource{DefaultMode: ptr[int32](0o400)}}},
			{Name: "host", VolumeSource: corev1.VolumeSource{HostPath: &corev1.HostPathVolumeSource{Path: "/data"}}},
		},
	}}
	Default(pod)
	s := pod.Spec
	check := func(what string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	check("namespace", pod.Namespace, "default")
	check("uid", string(pod.UID), "")
	check("restartPolicy", s.RestartPolicy, corev1.RestartPolicyAlways)
	check("terminationGracePeriodSeconds", *s.TerminationGracePeriodSeconds, int64(30))
	check("dnsPolicy", s.DNSPolicy, corev1.DNSClusterFirst)
	check("enableServiceLinks", *s.EnableServiceLinks, true)
	check("schedulerName", s.SchedulerName, "default-scheduler")
	check("securityContext set", s.SecurityContext != nil, true)
	check("no service-account volume", len(s.Volumes), 4)

	init := s.InitContainers[0]
	check("init imagePullPolicy", init.ImagePullPolicy, corev1.PullIfNotPresent)
	check("init terminationMessagePath", init.TerminationMessagePath, "/dev/termination-log")

	c := s.Containers[0]
	check("imagePullPolicy", c.ImagePullPolicy, corev1.PullAlways)
	check("terminationMessagePath", c.TerminationMessagePath, "/dev/termination-log")
	check("terminationMessagePolicy", c.TerminationMessagePolicy, corev1.TerminationMessageReadFile)
	check("port protocol", c.Ports[0].Protocol, corev1.ProtocolTCP)
	check("hostNetwork hostPort", c.Ports[0].HostPort, int32(80))
	check("explicit hostPort kept", c.Ports[1].HostPort, int32(5353))
	check("explicit protocol kept", c.Ports[1].Protocol, corev1.ProtocolUDP)
	cpu := c.Resources.Requests["cpu"]
	check("cpu request from limit", cpu.String(), "500m")
	mem := c.Resources.Requests["memory"]
	check("explicit memory request kept", mem.String(), "256Mi")
	p := c.LivenessProbe
	check("probe timeout", p.TimeoutSeconds, int32(1))
	check("probe period kept", p.PeriodSeconds, int32(5))
	check("probe success", p.SuccessThreshold, int32(1))
	check("probe failure", p.FailureThreshold, int32(3))
	check("probe initialDelay", p.InitialDelaySeconds, int32(0))
	check("httpGet path", p.HTTPGet.Path, "/")
	check("httpGet scheme", p.HTTPGet.Scheme, corev1.URISchemeHTTP)
	check("preStop path kept", c.Lifecycle.PreStop.HTTPGet.Path, "/quit")
	check("preStop scheme", c.Lifecycle.PreStop.HTTPGet.Scheme, corev1.URISchemeHTTP)
	check("fieldRef apiVersion", c.Env[0].ValueFrom.FieldRef.APIVersion, "v1")

	v := s.Volumes
	check("no source → emptyDir", v[0].EmptyDir != nil, true)
	check("configMap defaultMode", *v[1].ConfigMap.DefaultMode, int32(0o644))
	check("secret defaultMode kept", *v[2].Secret.DefaultMode, int32(0o400))
	check("hostPath type", *v[3].HostPath.Type, corev1.HostPathUnset)
	check("hostPath gets no emptyDir", v[3].EmptyDir == nil, true)
}

// TestDefaultKeepsExplicitValues checks that set fields are never overwritten.
func TestDefaultKeepsExplicitValues(t *testing.T) {
	t.Parallel()
	pod := &corev1.Pod{Spec: corev1.PodSpec{
		RestartPolicy:                 corev1.RestartPolicyNever,
		TerminationGracePeriodSeconds: ptr[int64](0),
		DNSPolicy:                     corev1.DNSDefault,
		EnableServiceLinks:            ptr(false),
		Containers:                    []corev1.Container{{Name: "a", Image: "busybox", ImagePullPolicy: corev1.PullNever}},
	}}
	pod.Namespace = "team"
	Default(pod)
	s := pod.Spec
	if s.RestartPolicy != corev1.RestartPolicyNever || *s.TerminationGracePeriodSeconds != 0 || s.DNSPolicy != corev1.DNSDefault ||
		*s.EnableServiceLinks || s.Containers[0].ImagePullPolicy != corev1.PullNever || pod.Namespace != "team" {
		t.Errorf("explicit values overwritten: %+v", s)
	}
}
