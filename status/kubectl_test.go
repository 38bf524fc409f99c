package status

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// computed is the pod object podrun would print for these observations.
func computed(p *corev1.Pod, deleting bool, obs ...Observed) *corev1.Pod {
	p.CreationTimestamp = metav1.NewTime(t0)
	f := facts(p)
	f.Deleting = deleting
	if deleting {
		p.DeletionTimestamp = ptr(metav1.NewTime(now))
	}
	return PodObject(p, Compute(f, obs))
}

func TestTableRows(t *testing.T) {
	twoInits := []corev1.Container{initC("fetch"), initC("migrate")}
	restarted := obsRunning("web")
	restarted.RestartCount = 3
	restarted.Last = term(1)
	restarted.Last.FinishedAt = metav1.NewTime(now.Add(-20 * time.Second))
	tests := []struct {
		name                    string
		pod                     *corev1.Pod
		ready, status, restarts string
	}{
		{"running", computed(testPod(corev1.RestartPolicyAlways, nil, "web", "api"), false, obsRunning("web"), obsRunning("api")),
			"2/2", "Running", "0"},
		{"first init running", computed(testPod(corev1.RestartPolicyAlways, twoInits, "web"), false, obsRunning("fetch")),
			"0/1", "Init:0/2", "0"},
		{"second init running", computed(testPod(corev1.RestartPolicyAlways, twoInits, "web"), false, obsExited("fetch", 0), obsRunning("migrate")),
			"0/1", "Init:1/2", "0"},
		{"init in back-off", computed(testPod(corev1.RestartPolicyAlways, twoInits, "web"), false, obsExited("fetch", 0), obsBackOff("migrate", 1, 4)),
			"0/1", "Init:CrashLoopBackOff", "4 (4m ago)"},
		{"init failed under Never", computed(testPod(corev1.RestartPolicyNever, twoInits, "web"), false, obsExited("fetch", 2)),
			"0/1", "Init:Error", "0"},
		{"init done, app being created", computed(testPod(corev1.RestartPolicyAlways, twoInits, "web"), false, obsExited("fetch", 0), obsExited("migrate", 0)),
			"0/1", "PodInitializing", "0"},
		{"creating", computed(testPod(corev1.RestartPolicyAlways, nil, "web"), false),
			"0/1", "ContainerCreating", "0"},
		{"completed", computed(testPod(corev1.RestartPolicyNever, nil, "job"), false, obsExited("job", 0)),
			"0/1", "Completed", "0"},
		{"error", computed(testPod(corev1.RestartPolicyNever, nil, "job"), false, obsExited("job", 1)),
			"0/1", "Error", "0"},
		{"crash loop", computed(testPod(corev1.RestartPolicyAlways, nil, "web"), false, obsBackOff("web", 1, 5)),
			"0/1", "CrashLoopBackOff", "5 (4m ago)"},
		{"restarted recently", computed(testPod(corev1.RestartPolicyAlways, nil, "web"), false, restarted),
			"1/1", "Running", "3 (20s ago)"},
		{"terminating", computed(testPod(corev1.RestartPolicyAlways, nil, "web"), true, obsRunning("web")),
			"1/1", "Terminating", "0"},
		{"deleted and finished", computed(testPod(corev1.RestartPolicyAlways, nil, "web"), true, obsExited("web", 0)),
			"0/1", "Completed", "0"},
		{"sidecar counts toward READY", computed(testPod(corev1.RestartPolicyAlways, []corev1.Container{sidecarC("proxy")}, "web"), false, obsRunning("proxy"), obsRunning("web")),
			"2/2", "Running", "0"},
		// A completed container is not ready, so the pod is not: kubectl says NotReady.
		{"one completed, one running and ready", computed(testPod(corev1.RestartPolicyOnFailure, nil, "a", "b"), false, obsExited("a", 0), obsRunning("b")),
			"1/2", "NotReady", "0"},
		{"one completed, one running and ready, pod Ready", readyAnyway(computed(testPod(corev1.RestartPolicyOnFailure, nil, "a", "b"), false, obsExited("a", 0), obsRunning("b"))),
			"1/2", "Running", "0"},
		// Only ready running containers turn Completed back into NotReady/Running.
		{"one completed, one running, not ready", computed(testPod(corev1.RestartPolicyOnFailure, nil, "a", "b"), false, obsExited("a", 0), withReady(obsRunning("b"), false)),
			"0/2", "Completed", "0"},
		{"signal without reason", &corev1.Pod{Status: corev1.PodStatus{Phase: corev1.PodFailed, ContainerStatuses: []corev1.ContainerStatus{
			{Name: "x", State: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 137, Signal: 9}}}}}, Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "x"}}}},
			"0/1", "Signal:9", "0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := row(tc.pod, now)
			if r.ready != tc.ready || r.status != tc.status || r.restarts != tc.restarts {
				t.Errorf("row = %s %s %s, want %s %s %s", r.ready, r.status, r.restarts, tc.ready, tc.status, tc.restarts)
			}
		})
	}
}

func readyAnyway(p *corev1.Pod) *corev1.Pod {
	for i := range p.Status.Conditions {
		if p.Status.Conditions[i].Type == corev1.PodReady {
			p.Status.Conditions[i].Status = corev1.ConditionTrue
		}
	}
	return p
}

func TestTable(t *testing.T) {
	web := computed(testPod(corev1.RestartPolicyAlways, nil, "web"), false, obsRunning("web"))
	web.Name = "web-7d4b9c"
	job := computed(testPod(corev1.RestartPolicyNever, []corev1.Container{initC("fetch"), initC("migrate")}, "job"), false, obsRunning("fetch"))
	job.Name = "nightly-import"
	job.CreationTimestamp = metav1.NewTime(now.Add(-49 * time.Hour))
	unknown := computed(testPod(corev1.RestartPolicyAlways, nil, "web"), false)
	unknown.CreationTimestamp = metav1.Time{}
	want := strings.Join([]string{
		"NAME             READY   STATUS              RESTARTS   AGE",
		"web-7d4b9c       1/1     Running             0          5m",
		"nightly-import   0/1     Init:0/2            0          2d1h",
		"demo             0/1     ContainerCreating   0          <unknown>",
		"",
	}, "\n")
	if got := Table([]*corev1.Pod{web, job, unknown}, now); got != want {
		t.Errorf("Table:\n%s\nwant:\n%s", got, want)
	}
}
