package runner

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/podrun/podrun/plan"
	corev1 "k8s.io/api/core/v1"
)

func execProbe(cmd ...string) *plan.Probe {
	return &plan.Probe{Handler: plan.Handler{Exec: cmd}, Period: 10 * time.Millisecond, Timeout: time.Second,
		SuccessThreshold: 1, FailureThreshold: 2}
}

func execHook(cmd ...string) *plan.Handler { return &plan.Handler{Exec: cmd} }

// indexOf is the position of the first call op on name with arg, or -1.
func (f *fakeEngine) indexOf(op, name, arg string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, c := range f.calls {
		if c.Op == op && c.Name == name && (arg == "" || c.Arg == arg) {
			return i
		}
	}
	return -1
}

// Pitfall 2 / §1.3: the next init container starts only once the sidecar's startup probe passed.
func TestRunSidecarStartupProbeGatesTheNextInit(t *testing.T) {
	f := newFake()
	var mu sync.Mutex
	probes := 0
	f.execFn = func(c *fakeContainer, cmd []string) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		if cmd[0] == "startup" {
			probes++
			if probes < 3 {
				return 1, nil
			}
		}
		return 0, nil
	}
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		if c.Name == "setup" || c.Name == "web" {
			f.exit(c, 0)
		}
	}
	side := ctr("proxy", plan.RoleSidecar)
	side.Probes = &plan.Probes{Startup: execProbe("startup")}
	side.Probes.Startup.FailureThreshold = 5
	p := testPlan(f, plan.RestartNever, []plan.Container{side, ctr("setup", plan.RoleInit)}, ctr("web", plan.RoleApp))
	var rec recorder
	res, err := Run(context.Background(), f, p, rec.options())
	if err != nil {
		t.Fatal(err)
	}
	third := -1
	f.mu.Lock()
	n := 0
	for i, c := range f.calls {
		if c.Op == "Exec" && c.Arg == "startup" {
			if n++; n == 3 {
				third = i
			}
		}
	}
	f.mu.Unlock()
	if start := f.indexOf("ContainerStart", "pod-r1-setup", ""); third < 0 || start < third {
		t.Errorf("setup started at call %d, the successful startup probe was call %d", start, third)
	}
	if res.Phase != corev1.PodSucceeded {
		t.Errorf("phase %s", res.Phase)
	}
	if !slices.ContainsFunc(rec.events, func(e Event) bool { return e.Kind == EventProbe && e.Container == "proxy" && e.ExitCode == 1 }) {
		t.Error("no event said the sidecar started")
	}
}

// §5, §2.1, §4.5: a liveness failure kills the container (preStop first) and it restarts.
func TestRunLivenessFailureRunsPreStopKillsAndRestarts(t *testing.T) {
	f := newFake()
	f.execFn = func(c *fakeContainer, cmd []string) (int, error) {
		if cmd[0] == "alive" && c.Attempt == 0 {
			return 1, nil
		}
		return 0, nil
	}
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		if c.Name == "web" && c.Attempt == 1 {
			f.exit(c, 0)
		}
	}
	web := ctr("web", plan.RoleApp)
	web.Probes = &plan.Probes{Liveness: execProbe("alive")}
	web.PreStop = execHook("drain")
	p := testPlan(f, plan.RestartOnFailure, nil, web)
	var rec recorder
	res, err := Run(context.Background(), f, p, rec.options())
	if err != nil {
		t.Fatal(err)
	}
	drain, stop := f.indexOf("Exec", "pod-r1-web", "drain"), f.indexOf("ContainerStop", "pod-r1-web", "")
	if drain < 0 || stop < 0 || drain > stop {
		t.Errorf("preStop at call %d, stop at call %d: the hook must run before the signal", drain, stop)
	}
	if res.Containers[0].Restarts != 1 || res.Phase != corev1.PodSucceeded {
		t.Errorf("restarts %d phase %s: killed by liveness, it restarts under OnFailure even after exit 143", res.Containers[0].Restarts, res.Phase)
	}
	if !slices.ContainsFunc(rec.events, func(e Event) bool {
		return e.Kind == EventUnhealthy && strings.HasPrefix(e.Message, "Liveness probe failed")
	}) {
		t.Error("no Unhealthy event")
	}
}

// Pitfall 1 / §6.1: postStart blocks the next container's start; its failure kills the
// container, which restarts.
func TestRunPostStartBlocksTheStartLoopAndItsFailureRestarts(t *testing.T) {
	f := newFake()
	release := make(chan struct{})
	f.execFn = func(c *fakeContainer, cmd []string) (int, error) {
		if cmd[0] == "hook" && c.Attempt == 0 {
			<-release
			return 1, nil
		}
		return 0, nil
	}
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		switch {
		case c.Name == "a" && c.Attempt == 0:
			if f.indexOf("ContainerStart", "pod-r1-b", "") >= 0 {
				t.Error("b started while a's postStart hook ran")
			}
			go func() {
				// Give a wrong implementation the chance to start b before the hook returns.
				for range 50 {
					if f.indexOf("ContainerStart", "pod-r1-b", "") >= 0 {
						break
					}
					time.Sleep(time.Millisecond)
				}
				close(release)
			}()
		case c.Name == "a" || c.Name == "b":
			f.exitWhen(c.Name, 0)
		}
	}
	a := ctr("a", plan.RoleApp)
	a.PostStart = execHook("hook")
	p := testPlan(f, plan.RestartOnFailure, nil, a, ctr("b", plan.RoleApp))
	var rec recorder
	res, err := Run(context.Background(), f, p, rec.options())
	if err != nil {
		t.Fatal(err)
	}
	hook, startB := f.indexOf("Exec", "pod-r1-a", "hook"), f.indexOf("ContainerStart", "pod-r1-b", "")
	stopA := f.indexOf("ContainerStop", "pod-r1-a", "")
	if startB < hook || startB < stopA {
		t.Errorf("b started at call %d, before a's hook (%d) failed and a was killed (%d)", startB, hook, stopA)
	}
	if res.Containers[0].Restarts != 1 {
		t.Errorf("a restarted %d times, want 1", res.Containers[0].Restarts)
	}
	if !slices.ContainsFunc(rec.events, func(e Event) bool {
		return e.Kind == EventFailedHook && strings.HasPrefix(e.Message, "FailedPostStartHook")
	}) {
		t.Error("no FailedPostStartHook event")
	}
}

// Pitfall 5 / §4.2: a sidecar's preStop runs at termination start, while the app's runs; only
// the stop signals are ordered.
func TestRunSidecarPreStopRunsAtTerminationStart(t *testing.T) {
	f := newFake()
	sidecarHook := make(chan struct{})
	f.execFn = func(c *fakeContainer, cmd []string) (int, error) {
		switch cmd[0] {
		case "side-hook":
			close(sidecarHook)
		case "app-hook":
			select {
			case <-sidecarHook:
			case <-time.After(5 * time.Second):
				return 1, nil
			}
		}
		return 0, nil
	}
	ready := make(chan struct{})
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		if c.Name == "web" {
			close(ready)
		}
	}
	side := ctr("proxy", plan.RoleSidecar)
	side.PreStop = execHook("side-hook")
	web := ctr("web", plan.RoleApp)
	web.PreStop = execHook("app-hook")
	p := testPlan(f, plan.RestartAlways, []plan.Container{side}, web)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-ready; cancel() }()
	var rec recorder
	if _, err := Run(ctx, f, p, rec.options()); err == nil {
		t.Fatal("a cancelled run returns the cause")
	}
	if slices.ContainsFunc(rec.events, func(e Event) bool { return e.Kind == EventFailedHook }) {
		t.Error("the app's preStop waited for the sidecar's: the sidecar's hook did not run at termination start")
	}
	if f.indexOf("ContainerStop", "pod-r1-web", "") > f.indexOf("ContainerStop", "pod-r1-proxy", "") {
		t.Error("the sidecar's signal came before the app's")
	}
}

// Pitfall 6 / §4.2: preStop eats the grace period, the signal still gets 2 s before SIGKILL.
func TestRunPreStopCountsAgainstGraceWithTwoSecondFloor(t *testing.T) {
	f := newFake()
	ready := make(chan struct{})
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		if c.Name == "web" {
			close(ready)
		}
	}
	web := ctr("web", plan.RoleApp)
	sleep := 1200 * time.Millisecond
	web.PreStop = &plan.Handler{Sleep: &sleep}
	p := testPlan(f, plan.RestartAlways, nil, web)
	p.GracePeriod = time.Second
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-ready; cancel() }()
	_, _ = Run(ctx, f, p, Options{})
	if got := f.callsOf("ContainerStop"); len(got) == 0 {
		t.Fatal("no stop")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.calls {
		if c.Op == "ContainerStop" && c.Name == "pod-r1-web" && c.Arg != "2" {
			t.Errorf("stop timeout %s s, want the 2 s floor", c.Arg)
		}
	}
}

// §3.4, pitfall 14: the message file's content; FallbackToLogsOnError takes the log's tail on a
// failure with an empty file.
func TestRunTerminationMessages(t *testing.T) {
	f := newFake()
	f.files = map[string]string{"0-0": strings.Repeat("x", 5000) + "bye"} // web is the pod's container 0
	f.logs = map[string]string{"job": "line 1\nfatal: boom\n"}
	f.onStart = exitAllApps(3)
	web := ctr("web", plan.RoleApp)
	web.TerminationMessagePath, web.TerminationMessagePolicy = "/dev/termination-log", "File"
	job := ctr("job", plan.RoleApp)
	job.TerminationMessagePath, job.TerminationMessagePolicy = "/dev/termination-log", "FallbackToLogsOnError"
	p := testPlan(f, plan.RestartNever, nil, web, job)
	res, err := Run(context.Background(), f, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m := res.Containers[0].Message; len(m) != maxMessageBytes || !strings.HasSuffix(m, "bye") {
		t.Errorf("web's message: %d bytes ending %q, want the file's last 4096", len(m), m[max(len(m)-5, 0):])
	}
	if m := res.Containers[1].Message; m != "line 1\nfatal: boom\n" {
		t.Errorf("job's message %q", m)
	}
	for _, cs := range res.Status.ContainerStatuses {
		if m := cs.State.Terminated.Message; cs.Name == "job" && m != "line 1\nfatal: boom\n" {
			t.Errorf("job's status message %q", m)
		}
	}
	h := f.createdHost("pod-r1-web")
	if h == nil || !slices.ContainsFunc(h.Binds, func(b string) bool { return strings.HasSuffix(b, "/0-0:/dev/termination-log") }) {
		t.Errorf("web's binds %v: no message file at the path", h.Binds)
	}
}

// §3.2: readiness shows in the container's ready, the pod's Ready, and a PodReady event.
func TestRunReadinessProbeMakesThePodReady(t *testing.T) {
	f := newFake()
	var mu sync.Mutex
	n := 0
	f.execFn = func(c *fakeContainer, cmd []string) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		n++
		if n < 3 {
			return 1, nil
		}
		return 0, nil
	}
	web := ctr("web", plan.RoleApp)
	web.Probes = &plan.Probes{Readiness: execProbe("ready")}
	p := testPlan(f, plan.RestartAlways, nil, web)
	ctx, cancel := context.WithCancel(context.Background())
	var rec recorder
	opts := rec.options()
	onEvent := opts.OnEvent
	opts.OnEvent = func(e Event) {
		onEvent(e)
		if e.Kind == EventPodReady && e.ExitCode == 1 {
			cancel()
		}
	}
	_, _ = Run(ctx, f, p, opts)
	sawNotReady, sawReady := false, false
	for _, s := range rec.statuses {
		if len(s.ContainerStatuses) == 1 && s.ContainerStatuses[0].State.Running != nil {
			if s.ContainerStatuses[0].Ready {
				sawReady = condition(s, corev1.PodReady).Status == corev1.ConditionTrue
			} else if !sawReady {
				sawNotReady = true
			}
		}
	}
	if !sawNotReady || !sawReady {
		t.Errorf("running and not ready first: %v; then ready: %v", sawNotReady, sawReady)
	}
}
