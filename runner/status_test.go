package runner

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/status"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// The container states a test puts a ctrRun in, as the worker's reports would leave it.

func stNone(c *ctrRun) {}

func stRunning(c *ctrRun) {
	c.attempt++
	c.ids = append(c.ids, "id-"+c.spec.Name)
	c.view.State, c.started, c.ranOnce = ctrRunning, t0, true
}

func stExited(code int, reason string) func(*ctrRun) {
	return func(c *ctrRun) {
		stRunning(c)
		e := exitInfo{Code: code, Reason: reason, StartedAt: t0, FinishedAt: t0.Add(time.Minute)}
		c.previous, c.last = c.last, &e
		c.view.State, c.view.ExitCode, c.view.FinishedAt = ctrExited, code, e.FinishedAt
	}
}

// testWorker is a worker whose containers are in the given states; it never touches an engine.
func testWorker(t *testing.T, policy plan.RestartPolicy, init []plan.Container, apps []plan.Container, states ...func(*ctrRun)) *worker {
	t.Helper()
	p := testPlan(newFake(), policy, init, apps...)
	clock := t0.Add(5 * time.Minute)
	w := newWorker(nil, p, newNotifier(Options{}, func() time.Time { return clock }), func() time.Time { return clock })
	t.Cleanup(w.stop)
	w.pod, w.sandboxID, w.startTime = podFromPlan(p), "sandbox", t0
	w.addrs = podAddresses{PodIP: "10.88.0.5", HostIP: "10.88.0.1"}
	for _, c := range append(append([]plan.Container{}, init...), apps...) {
		w.add(c, "")
	}
	if len(states) != len(w.ctrs) {
		t.Fatalf("%d states for %d containers", len(states), len(w.ctrs))
	}
	for i, set := range states {
		set(w.ctrs[i])
	}
	return w
}

// TestPodPhaseFromWorkerState checks that the worker's observations, mapped for the status
// package, give the kubelet's phase (§3.1): the cases the runner's former stand-in covered.
func TestPodPhaseFromWorkerState(t *testing.T) {
	app, initC, sidecar := ctr("web", plan.RoleApp), ctr("setup", plan.RoleInit), ctr("proxy", plan.RoleSidecar)
	tests := []struct {
		name        string
		policy      plan.RestartPolicy
		init, apps  []plan.Container
		states      []func(*ctrRun)
		terminating bool
		want        corev1.PodPhase
	}{
		{"init running", plan.RestartNever, []plan.Container{initC}, []plan.Container{app},
			[]func(*ctrRun){stRunning, stNone}, false, corev1.PodPending},
		{"init failed under Never", plan.RestartNever, []plan.Container{initC}, []plan.Container{app},
			[]func(*ctrRun){stExited(1, "Error"), stNone}, false, corev1.PodFailed},
		{"init failed under OnFailure", plan.RestartOnFailure, []plan.Container{initC}, []plan.Container{app},
			[]func(*ctrRun){stExited(1, "Error"), stNone}, false, corev1.PodPending},
		{"app running", plan.RestartNever, []plan.Container{sidecar}, []plan.Container{app},
			[]func(*ctrRun){stRunning, stRunning}, false, corev1.PodRunning},
		{"apps done, sidecar stopping", plan.RestartNever, []plan.Container{sidecar}, []plan.Container{app},
			[]func(*ctrRun){stRunning, stExited(0, "Completed")}, true, corev1.PodRunning},
		{"succeeded; terminated sidecars ignored", plan.RestartNever, []plan.Container{sidecar}, []plan.Container{app},
			[]func(*ctrRun){stExited(143, "Error"), stExited(0, "Completed")}, true, corev1.PodSucceeded},
		{"one app failed under Never", plan.RestartNever, nil, []plan.Container{app, ctr("b", plan.RoleApp)},
			[]func(*ctrRun){stExited(0, "Completed"), stExited(2, "Error")}, false, corev1.PodFailed},
		{"Always with an exited app keeps Running", plan.RestartAlways, nil, []plan.Container{app},
			[]func(*ctrRun){stExited(0, "Completed")}, false, corev1.PodRunning},
		{"deleted while initializing", plan.RestartAlways, []plan.Container{initC}, []plan.Container{app},
			[]func(*ctrRun){stExited(137, "Error"), stNone}, true, corev1.PodFailed},
		{"deleted Always pod whose app ended on SIGTERM", plan.RestartAlways, nil, []plan.Container{app},
			[]func(*ctrRun){stExited(143, "Error")}, true, corev1.PodFailed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := testWorker(t, tc.policy, tc.init, tc.apps, tc.states...)
			w.terminating = tc.terminating
			if got := w.podStatus().Phase; got != tc.want {
				t.Errorf("phase %s, want %s", got, tc.want)
			}
		})
	}
}

func TestObservedMapsTheWorkersKnowledge(t *testing.T) {
	finished := t0.Add(time.Minute)
	oom := &exitInfo{Code: 137, Reason: "OOMKilled", StartedAt: t0, FinishedAt: finished}
	failed := &exitInfo{Code: 1, Reason: "Error", StartedAt: t0.Add(-time.Minute), FinishedAt: t0}
	term := func(e *exitInfo, id string) *corev1.ContainerStateTerminated {
		st := terminated(e)
		st.ContainerID = id
		return st
	}
	tests := []struct {
		name        string
		run         ctrRun
		terminating bool
		want        status.Observed
	}{
		{"never started", ctrRun{attempt: -1}, false, status.Observed{}},
		{"first start issued, instance not yet reported: waiting, never a container lost",
			ctrRun{attempt: 0, view: ctrView{State: ctrStarting}}, false,
			status.Observed{State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: status.ReasonContainerCreating}}}},
		{"running after a restart", ctrRun{attempt: 1, ids: []string{"a0", "a1"}, started: t0, last: failed,
			view: ctrView{State: ctrRunning}}, false,
			status.Observed{ContainerID: "docker://a1", RestartCount: 1,
				State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: metav1.NewTime(t0)}},
				Last:  term(failed, "docker://a0")}},
		{"OOM-killed, the previous instance as last", ctrRun{attempt: 1, ids: []string{"a0", "a1"}, last: oom, previous: failed,
			view: ctrView{State: ctrExited, ExitCode: 137}}, false,
			status.Observed{ContainerID: "docker://a1", RestartCount: 1,
				State: corev1.ContainerState{Terminated: terminated(oom)}, Last: term(failed, "docker://a0")}},
		{"held in CrashLoopBackOff", ctrRun{attempt: 2, ids: []string{"", "a1", "a2"}, last: oom, armed: true,
			view: ctrView{State: ctrExited, BackOff: backOff{Delay: 20 * time.Second}}}, false,
			status.Observed{ContainerID: "docker://a2", RestartCount: 2, BackOff: 20 * time.Second,
				State: corev1.ContainerState{Terminated: terminated(oom)}}},
		{"no back-off once termination began", ctrRun{attempt: 2, ids: []string{"", "a1", "a2"}, last: oom, armed: true,
			view: ctrView{State: ctrExited, BackOff: backOff{Delay: 20 * time.Second}}}, true,
			status.Observed{ContainerID: "docker://a2", RestartCount: 2,
				State: corev1.ContainerState{Terminated: terminated(oom)}}},
		{"restart being created", ctrRun{attempt: 2, ids: []string{"", "a1"}, last: oom, previous: failed,
			view: ctrView{State: ctrStarting}}, false,
			status.Observed{RestartCount: 2,
				State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "ContainerCreating"}},
				Last:  term(oom, "docker://a1")}},
		{"could not be created", ctrRun{attempt: 0, lost: "create container \"web\": boom",
			view: ctrView{State: ctrExited}}, false,
			status.Observed{State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{
				Reason: "CreateContainerError", Message: "create container \"web\": boom"}}}},
		{"end not observed", ctrRun{attempt: 0, ids: []string{"a0"}, lost: "wait: gone",
			view: ctrView{State: ctrExited}}, false,
			status.Observed{ContainerID: "docker://a0", State: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
				ExitCode: 137, Reason: "ContainerStatusUnknown", Message: "wait: gone"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.run.spec = plan.Container{Name: "web", Role: plan.RoleApp, Image: "busybox:1.36"}
			tc.want.Name, tc.want.Role, tc.want.Image = "web", plan.RoleApp, "busybox:1.36"
			if got := tc.run.observed(tc.terminating); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("observed\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestStatusOfAContainerInBackOff(t *testing.T) {
	w := testWorker(t, plan.RestartAlways, nil, []plan.Container{ctr("web", plan.RoleApp)}, stExited(1, "Error"))
	c := w.ctrs[0]
	c.armed, c.view.BackOff = true, backOff{Delay: 20 * time.Second, LastUpdate: t0}
	cs := w.podStatus().ContainerStatuses[0]
	if cs.State.Waiting == nil || cs.State.Waiting.Reason != "CrashLoopBackOff" ||
		cs.State.Waiting.Message != "back-off 20s restarting failed container=web pod=pod_default()" {
		t.Fatalf("state %+v", cs.State)
	}
	if last := cs.LastTerminationState.Terminated; last == nil || last.ExitCode != 1 || last.ContainerID != "docker://id-web" {
		t.Errorf("last state %+v", cs.LastTerminationState)
	}
}

func TestPublishedStatusKeepsTransitionTimesAndTerminalPhase(t *testing.T) {
	w := testWorker(t, plan.RestartNever, nil, []plan.Container{ctr("web", plan.RoleApp)}, stRunning)
	clock := t0.Add(5 * time.Minute)
	w.now = func() time.Time { return clock }
	var got []corev1.PodStatus
	w.n = newNotifier(Options{OnStatus: func(s corev1.PodStatus) { got = append(got, s) }}, w.now)

	w.publish()
	running := got[0]
	if running.Phase != corev1.PodRunning || running.PodIP != "10.88.0.5" || running.HostIP != "10.88.0.1" ||
		!running.StartTime.Time.Equal(t0) {
		t.Fatalf("running status %+v", running)
	}
	clock = clock.Add(time.Minute)
	w.publish() // nothing changed but the clock: nothing is published
	if len(got) != 1 {
		t.Fatalf("%d statuses published for one change", len(got))
	}

	stExited(0, "Completed")(w.ctrs[0])
	w.publish()
	done := got[len(got)-1]
	if done.Phase != corev1.PodSucceeded {
		t.Fatalf("phase %s, want Succeeded", done.Phase)
	}
	if a, b := condition(running, corev1.PodScheduled), condition(done, corev1.PodScheduled); !a.LastTransitionTime.Equal(&b.LastTransitionTime) {
		t.Errorf("PodScheduled moved from %v to %v", a.LastTransitionTime, b.LastTransitionTime)
	}
	if c := condition(done, corev1.PodReady); c.Status != corev1.ConditionFalse || !c.LastTransitionTime.Time.Equal(clock) {
		t.Errorf("Ready %+v, want False since %v", c, clock)
	}

	// The sandbox stops, and a restarted instance would not make the pod run again (§3.1).
	w.ended = true
	w.ctrs[0].view.State = ctrRunning
	w.publish()
	final := got[len(got)-1]
	if final.Phase != corev1.PodSucceeded {
		t.Errorf("phase left Succeeded: %s", final.Phase)
	}
	if c := condition(final, corev1.PodReadyToStartContainers); c.Status != corev1.ConditionFalse {
		t.Errorf("PodReadyToStartContainers %s after the sandbox stopped", c.Status)
	}
	if res := w.result(); res.Phase != final.Phase || !reflect.DeepEqual(res.Status, final) {
		t.Errorf("result phase %s disagrees with the last status published", res.Phase)
	}
}

func TestPodFromPlan(t *testing.T) {
	f := newFake()
	ownNever := ctr("migrate", plan.RoleInit)
	ownNever.RestartPolicy = plan.RestartNever
	onFailure := ctr("job", plan.RoleApp)
	onFailure.RestartPolicy = plan.RestartOnFailure
	setup, web := ctr("setup", plan.RoleInit), ctr("web", plan.RolePrimary)
	setup.RestartPolicy, web.RestartPolicy = plan.RestartOnFailure, plan.RestartAlways
	p := testPlan(f, plan.RestartAlways,
		[]plan.Container{ctr("proxy", plan.RoleSidecar), setup, ownNever}, web, onFailure)
	p.Pod.UID = "uid-1"
	p.Sandbox.Host.NetworkMode = "host"

	pod := podFromPlan(p)
	if pod.Name != "pod" || pod.Namespace != "default" || pod.UID != "uid-1" ||
		pod.Spec.RestartPolicy != corev1.RestartPolicyAlways || !pod.Spec.HostNetwork {
		t.Errorf("pod %+v", pod.ObjectMeta)
	}
	policy := func(c corev1.Container) string {
		if c.RestartPolicy == nil {
			return c.Name + ":-"
		}
		return c.Name + ":" + string(*c.RestartPolicy)
	}
	var got []string
	for _, c := range append(pod.Spec.InitContainers, pod.Spec.Containers...) {
		got = append(got, policy(c))
		if c.Image != "busybox" {
			t.Errorf("%s: image %q", c.Name, c.Image)
		}
	}
	want := []string{"proxy:Always", "setup:-", "migrate:Never", "web:-", "job:OnFailure"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("containers %v, want %v", got, want)
	}
}

func TestRunStatusIsComputedAgainstTheCallersPod(t *testing.T) {
	f := newFake()
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		if c.Name == "setup" || c.Name == "web" {
			f.exit(c, 0)
		}
	}
	p := testPlan(f, plan.RestartNever, []plan.Container{ctr("setup", plan.RoleInit)}, ctr("web", plan.RoleApp))
	pod := podFromPlan(p)
	pod.Spec.ReadinessGates = []corev1.PodReadinessGate{{ConditionType: "example.com/lb"}}
	pod.Spec.Containers[0].VolumeMounts = []corev1.VolumeMount{{Name: "data", MountPath: "/data"}}
	var rec recorder
	opts := rec.options()
	opts.Pod = pod
	res, err := Run(context.Background(), f, p, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Phase != corev1.PodSucceeded || res.Status.Phase != res.Phase || res.ExitCode != 0 {
		t.Fatalf("phase %s, status phase %s, exit %d", res.Phase, res.Status.Phase, res.ExitCode)
	}
	cs := res.Status.ContainerStatuses[0]
	if cs.ContainerID == "" || cs.ContainerID[:9] != "docker://" || cs.State.Terminated == nil ||
		cs.State.Terminated.Reason != "Completed" || len(cs.VolumeMounts) != 1 {
		t.Errorf("web's status %+v", cs)
	}
	if ic := res.Status.InitContainerStatuses[0]; !ic.Ready || ic.State.Terminated == nil {
		t.Errorf("setup's status %+v", ic)
	}
	gated := false
	for _, s := range rec.statuses {
		c := condition(s, corev1.PodReady)
		gated = gated || c.Reason == status.ReasonReadinessGatesNotReady
		if c.Status == corev1.ConditionTrue {
			t.Errorf("pod ready despite its readiness gate: %+v", c)
		}
	}
	if !gated {
		t.Error("no status said the readiness gate held the pod back")
	}
}

func condition(st corev1.PodStatus, typ corev1.PodConditionType) corev1.PodCondition {
	for _, c := range st.Conditions {
		if c.Type == typ {
			return c
		}
	}
	return corev1.PodCondition{}
}
