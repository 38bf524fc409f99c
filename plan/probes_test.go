package plan

import (
	"slices"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// Pitfall 9 (§5, §6.3): exec probes expand $(VAR) from literal env values only (valueFrom → "");
// lifecycle exec is not expanded. Named ports resolve against the container's ports.
func TestBuildProbesAndHooks(t *testing.T) {
	ctr := &corev1.Container{
		Name:  "web",
		Ports: []corev1.ContainerPort{{Name: "http", ContainerPort: 8080}},
		Env: []corev1.EnvVar{{Name: "LIT", Value: "x"},
			{Name: "REF", ValueFrom: &corev1.EnvVarSource{FieldRef: &corev1.ObjectFieldSelector{FieldPath: "metadata.name"}}}},
		LivenessProbe: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{Exec: &corev1.ExecAction{Command: []string{"check", "$(LIT)", "$(REF)", "$(NONE)", "$$(LIT)"}}},
			PeriodSeconds: 2, TimeoutSeconds: 1, SuccessThreshold: 1, FailureThreshold: 3},
		ReadinessProbe: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Port: intstr.FromString("http")}}},
		Lifecycle:      &corev1.Lifecycle{PreStop: &corev1.LifecycleHandler{Exec: &corev1.ExecAction{Command: []string{"echo", "$(LIT)"}}}},
	}
	ps := buildProbes(ctr)
	if got, want := ps.Liveness.Handler.Exec, []string{"check", "x", "", "$(NONE)", "$(LIT)"}; !slices.Equal(got, want) {
		t.Errorf("exec probe %q, want %q", got, want)
	}
	if ps.Liveness.Period != 2*time.Second || ps.Liveness.FailureThreshold != 3 {
		t.Errorf("timings %+v", ps.Liveness)
	}
	if g := ps.Readiness.Handler.HTTPGet; g.Port != 8080 || g.Path != "/" || g.Scheme != "HTTP" {
		t.Errorf("httpGet %+v", g)
	}
	if ps.Startup != nil {
		t.Error("no startup probe was given")
	}
	_, pre := buildHooks(ctr)
	if got := pre.Exec; !slices.Equal(got, []string{"echo", "$(LIT)"}) {
		t.Errorf("lifecycle exec %q must not be expanded", got)
	}
}
