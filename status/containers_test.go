package status

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

func TestWaitingReasons(t *testing.T) {
	withInit := testPod(corev1.RestartPolicyAlways, []corev1.Container{initC("setup")}, "web")
	plain := testPod(corev1.RestartPolicyAlways, nil, "web")
	tests := []struct {
		name        string
		pod         *corev1.Pod
		obs         []Observed
		container   string
		wantReason  string
		wantMessage string
	}{
		{"not created, no init containers", plain, nil, "web", ReasonContainerCreating, ""},
		{"created, never started", plain, []Observed{obsCreated("web")}, "web", ReasonContainerCreating, ""},
		{"app while init runs", withInit, []Observed{obsRunning("setup")}, "web", ReasonPodInitializing, ""},
		{"init not started", withInit, nil, "setup", ReasonPodInitializing, ""},
		{"app created after init", withInit, []Observed{obsExited("setup", 0), obsCreated("web")}, "web", ReasonPodInitializing, ""},
		{"back-off", plain, []Observed{obsBackOff("web", 1, 2)}, "web", ReasonCrashLoopBackOff,
			"back-off 20s restarting failed container=web pod=demo_default(0a1b2c3d-0000-4000-8000-000000000001)"},
		{"runner's own reason", plain, []Observed{{Name: "web", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{
			Reason: "ErrImagePull", Message: "pull access denied"}}}}, "web", "ErrImagePull", "pull access denied"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := Compute(facts(tc.pod), tc.obs)
			cs, ok := find(append(st.InitContainerStatuses, st.ContainerStatuses...), tc.container)
			if !ok || cs.State.Waiting == nil {
				t.Fatalf("%s: state = %+v, want waiting", tc.container, cs.State)
			}
			if cs.State.Waiting.Reason != tc.wantReason || cs.State.Waiting.Message != tc.wantMessage {
				t.Errorf("waiting = %q %q, want %q %q", cs.State.Waiting.Reason, cs.State.Waiting.Message, tc.wantReason, tc.wantMessage)
			}
		})
	}
}

func TestBackOffMovesTerminationToLastState(t *testing.T) {
	o := obsBackOff("web", 1, 2)
	o.BackOff = 5 * time.Minute
	st := Compute(facts(testPod(corev1.RestartPolicyAlways, nil, "web")), []Observed{o})
	cs := st.ContainerStatuses[0]
	last := cs.LastTerminationState.Terminated
	if last == nil || last.ExitCode != 1 || last.Reason != ReasonError || last.ContainerID != "docker://id-web" {
		t.Errorf("lastState = %+v, want the exit-1 termination of docker://id-web", cs.LastTerminationState)
	}
	if cs.RestartCount != 2 || !strings.HasPrefix(cs.State.Waiting.Message, "back-off 5m0s ") {
		t.Errorf("restartCount %d, message %q", cs.RestartCount, cs.State.Waiting.Message)
	}
}

func TestStartedAndReady(t *testing.T) {
	p := testPod(corev1.RestartPolicyAlways, []corev1.Container{initC("setup"), sidecarC("proxy")}, "web", "api", "job")
	obs := []Observed{
		obsExited("setup", 0),
		{Name: "proxy", ContainerID: "docker://p", Started: ptr(false), State: obsRunning("proxy").State},
		obsRunning("web"),
		withReady(obsRunning("api"), false),
		obsExited("job", 0),
	}
	st := Compute(facts(p), obs)
	tests := []struct {
		name           string
		started, ready bool
	}{
		{"setup", false, true},  // regular init: ready once exited 0
		{"proxy", false, false}, // startup probe pending
		{"web", true, true},     // no probes
		{"api", true, false},    // readiness probe not passed
		{"job", false, false},   // terminated
	}
	all := append(st.InitContainerStatuses, st.ContainerStatuses...)
	for _, tc := range tests {
		cs, _ := find(all, tc.name)
		if cs.Started == nil || *cs.Started != tc.started || cs.Ready != tc.ready {
			t.Errorf("%s: started %v ready %v, want %v %v", tc.name, cs.Started, cs.Ready, tc.started, tc.ready)
		}
	}
}

func TestStatusOrderAndFields(t *testing.T) {
	p := testPod(corev1.RestartPolicyAlways, []corev1.Container{initC("zeta"), initC("alpha")}, "web", "api")
	p.Spec.Containers[0].VolumeMounts = []corev1.VolumeMount{{Name: "cfg", MountPath: "/etc/cfg", ReadOnly: true}, {Name: "data", MountPath: "/data"}}
	o := obsExited("zeta", 0)
	o.ImageID = ImageID("sha256:abc", nil)
	st := Compute(facts(p), []Observed{o})

	if got := []string{st.InitContainerStatuses[0].Name, st.InitContainerStatuses[1].Name}; got[0] != "zeta" || got[1] != "alpha" {
		t.Errorf("init statuses in %v, want spec order [zeta alpha]", got)
	}
	if got := []string{st.ContainerStatuses[0].Name, st.ContainerStatuses[1].Name}; got[0] != "api" || got[1] != "web" {
		t.Errorf("container statuses in %v, want sorted by name [api web]", got)
	}
	zeta := st.InitContainerStatuses[0]
	if zeta.ImageID != "docker://sha256:abc" || zeta.State.Terminated.ContainerID != "docker://id-zeta" || zeta.Image != "busybox:1.36" {
		t.Errorf("zeta: image %q imageID %q terminated.containerID %q", zeta.Image, zeta.ImageID, zeta.State.Terminated.ContainerID)
	}
	web, _ := find(st.ContainerStatuses, "web")
	if len(web.VolumeMounts) != 2 || web.VolumeMounts[0].RecursiveReadOnly == nil ||
		*web.VolumeMounts[0].RecursiveReadOnly != corev1.RecursiveReadOnlyDisabled || web.VolumeMounts[1].RecursiveReadOnly != nil {
		t.Errorf("web volumeMounts = %+v", web.VolumeMounts)
	}
	if web.Resources != nil {
		t.Errorf("a container with no instance reports resources %+v", web.Resources)
	}
	if zeta.Resources == nil {
		t.Error("an instance reports no resources")
	}
}

// TestTerminationMessageBudget: 12288 bytes shared among the pod's containers (§3.4).
func TestTerminationMessageBudget(t *testing.T) {
	p := testPod(corev1.RestartPolicyNever, nil, "a", "b", "c")
	o := obsExited("a", 1)
	o.State.Terminated.Message = strings.Repeat("x", 5000)
	o.Last = term(2)
	o.Last.Message = strings.Repeat("y", 4000)
	st := Compute(facts(p), []Observed{o})
	a, _ := find(st.ContainerStatuses, "a")
	if n := len(a.State.Terminated.Message); n != 4096 {
		t.Errorf("message cut to %d bytes, want 4096", n)
	}
	if n := len(a.LastTerminationState.Terminated.Message); n != 4000 {
		t.Errorf("last message is %d bytes, want 4000 untouched", n)
	}
}

func TestIPsAndStartTime(t *testing.T) {
	f := facts(testPod(corev1.RestartPolicyAlways, nil, "web"))
	f.PodIPs = []string{"172.17.0.5", "fd00::5"}
	f.StartTime = t0
	st := Compute(f, nil)
	if st.PodIP != "172.17.0.5" || len(st.PodIPs) != 2 || st.PodIPs[1].IP != "fd00::5" {
		t.Errorf("podIP %q podIPs %v", st.PodIP, st.PodIPs)
	}
	if st.HostIP != "192.168.1.10" || len(st.HostIPs) != 1 {
		t.Errorf("hostIP %q hostIPs %v", st.HostIP, st.HostIPs)
	}
	if st.StartTime == nil || !st.StartTime.Time.Equal(t0) {
		t.Errorf("startTime = %v, want %v", st.StartTime, t0)
	}

	hostNet := facts(testPod(corev1.RestartPolicyAlways, nil, "web"))
	hostNet.Pod.Spec.HostNetwork = true
	hostNet.PodIPs = nil
	if st := Compute(hostNet, nil); st.PodIP != "192.168.1.10" {
		t.Errorf("hostNetwork podIP = %q, want the node's", st.PodIP)
	}
}
