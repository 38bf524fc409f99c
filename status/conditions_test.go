package status

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestConditions(t *testing.T) {
	type want struct {
		status          corev1.ConditionStatus
		reason, message string
	}
	gated := testPod(corev1.RestartPolicyAlways, nil, "web")
	gated.Spec.ReadinessGates = []corev1.PodReadinessGate{{ConditionType: "example.com/lb"}}
	tests := []struct {
		name    string
		pod     *corev1.Pod
		obs     []Observed
		sandbox bool
		want    map[corev1.PodConditionType]want
	}{
		{"running, no probes", testPod(corev1.RestartPolicyAlways, nil, "web"), []Observed{obsRunning("web")}, true,
			map[corev1.PodConditionType]want{
				corev1.PodReadyToStartContainers: {corev1.ConditionTrue, "", ""},
				corev1.PodInitialized:            {corev1.ConditionTrue, "", ""},
				corev1.ContainersReady:           {corev1.ConditionTrue, "", ""},
				corev1.PodReady:                  {corev1.ConditionTrue, "", ""},
				corev1.PodScheduled:              {corev1.ConditionTrue, "", ""},
			}},
		{"sandbox not yet up", testPod(corev1.RestartPolicyAlways, nil, "web"), nil, false,
			map[corev1.PodConditionType]want{
				corev1.PodReadyToStartContainers: {corev1.ConditionFalse, "", ""},
				corev1.PodInitialized:            {corev1.ConditionTrue, "", ""},
				corev1.ContainersReady:           {corev1.ConditionFalse, ReasonContainersNotReady, "containers with unready status: [web]"},
				corev1.PodReady:                  {corev1.ConditionFalse, ReasonContainersNotReady, "containers with unready status: [web]"},
			}},
		{"readiness probe not passed", testPod(corev1.RestartPolicyAlways, nil, "web", "api"),
			[]Observed{withReady(obsRunning("web"), false), obsRunning("api")}, true,
			map[corev1.PodConditionType]want{
				corev1.ContainersReady: {corev1.ConditionFalse, ReasonContainersNotReady, "containers with unready status: [web]"},
				corev1.PodReady:        {corev1.ConditionFalse, ReasonContainersNotReady, "containers with unready status: [web]"},
			}},
		{"init containers running", testPod(corev1.RestartPolicyAlways, []corev1.Container{initC("a"), initC("b")}, "web"),
			[]Observed{obsRunning("a")}, true,
			map[corev1.PodConditionType]want{
				corev1.PodInitialized:  {corev1.ConditionFalse, ReasonContainersNotInitialized, "containers with incomplete status: [a b]"},
				corev1.ContainersReady: {corev1.ConditionFalse, ReasonContainersNotReady, "containers with unready status: [web]"},
			}},
		{"sidecar started, init done", testPod(corev1.RestartPolicyAlways, []corev1.Container{initC("a"), sidecarC("proxy")}, "web"),
			[]Observed{obsExited("a", 0), obsRunning("proxy"), obsCreated("web")}, true,
			map[corev1.PodConditionType]want{
				corev1.PodInitialized:  {corev1.ConditionTrue, "", ""},
				corev1.ContainersReady: {corev1.ConditionFalse, ReasonContainersNotReady, "containers with unready status: [web]"},
			}},
		{"unready sidecar holds ContainersReady", testPod(corev1.RestartPolicyAlways, []corev1.Container{sidecarC("proxy")}, "web"),
			[]Observed{withReady(obsRunning("proxy"), false), obsRunning("web")}, true,
			map[corev1.PodConditionType]want{
				corev1.PodInitialized:  {corev1.ConditionTrue, "", ""},
				corev1.ContainersReady: {corev1.ConditionFalse, ReasonContainersNotReady, "containers with unready status: [proxy]"},
			}},
		{"succeeded", testPod(corev1.RestartPolicyNever, []corev1.Container{initC("a")}, "job"),
			[]Observed{obsExited("a", 0), obsExited("job", 0)}, false,
			map[corev1.PodConditionType]want{
				corev1.PodInitialized:  {corev1.ConditionTrue, ReasonPodCompleted, ""},
				corev1.ContainersReady: {corev1.ConditionFalse, ReasonPodCompleted, ""},
				corev1.PodReady:        {corev1.ConditionFalse, ReasonPodCompleted, ""},
			}},
		{"failed", testPod(corev1.RestartPolicyNever, nil, "job"), []Observed{obsExited("job", 1)}, false,
			map[corev1.PodConditionType]want{
				corev1.ContainersReady: {corev1.ConditionFalse, ReasonPodFailed, ""},
				corev1.PodReady:        {corev1.ConditionFalse, ReasonPodFailed, ""},
			}},
		{"readiness gate nobody sets", gated, []Observed{obsRunning("web")}, true,
			map[corev1.PodConditionType]want{
				corev1.ContainersReady: {corev1.ConditionTrue, "", ""},
				corev1.PodReady: {corev1.ConditionFalse, ReasonReadinessGatesNotReady,
					`corresponding condition of pod readiness gate "example.com/lb" does not exist.`},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := facts(tc.pod)
			f.SandboxReady = tc.sandbox
			st := Compute(f, tc.obs)
			for typ, w := range tc.want {
				c := condition(st, typ)
				if c.Status != w.status || c.Reason != w.reason || c.Message != w.message {
					t.Errorf("%s = %s %q %q, want %s %q %q", typ, c.Status, c.Reason, c.Message, w.status, w.reason, w.message)
				}
			}
		})
	}
}

func withReady(o Observed, ready bool) Observed {
	o.Ready = &ready
	return o
}

func TestConditionOrderAndGeneration(t *testing.T) {
	st := Compute(facts(testPod(corev1.RestartPolicyAlways, nil, "web")), []Observed{obsRunning("web")})
	want := []corev1.PodConditionType{corev1.PodReadyToStartContainers, corev1.PodInitialized, corev1.PodReady,
		corev1.ContainersReady, corev1.PodScheduled}
	if len(st.Conditions) != len(want) {
		t.Fatalf("got %d conditions, want %d", len(st.Conditions), len(want))
	}
	for i, c := range st.Conditions {
		if c.Type != want[i] || c.ObservedGeneration != 1 {
			t.Errorf("condition %d = %s (generation %d), want %s (generation 1)", i, c.Type, c.ObservedGeneration, want[i])
		}
	}
	if st.ObservedGeneration != 1 {
		t.Errorf("observedGeneration = %d, want 1", st.ObservedGeneration)
	}
}

// TestTransitionTimes: a condition keeps its time while its status holds, and takes Now when it
// changes, as the kubelet's status manager does.
func TestTransitionTimes(t *testing.T) {
	p := testPod(corev1.RestartPolicyAlways, nil, "web")
	first := facts(p)
	first.Now = t0
	before := Compute(first, []Observed{withReady(obsRunning("web"), false)})

	later := facts(p)
	later.Previous = &before
	after := Compute(later, []Observed{obsRunning("web")})

	if got := condition(after, corev1.PodInitialized).LastTransitionTime; !got.Equal(ptr(metav1.NewTime(t0))) {
		t.Errorf("Initialized moved to %v, want it kept at %v", got, t0)
	}
	if got := condition(after, corev1.PodReady).LastTransitionTime; !got.Equal(ptr(metav1.NewTime(now))) {
		t.Errorf("Ready transitioned at %v, want %v", got, now)
	}
	if !after.StartTime.Equal(ptr(metav1.NewTime(t0))) {
		t.Errorf("startTime = %v, want the first status's %v", after.StartTime, t0)
	}
}
