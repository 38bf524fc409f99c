package runner

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/volume"
	"github.com/podrun/podrun/plan"
	corev1 "k8s.io/api/core/v1"
)

// testPlan builds a plan with a sandbox, one emptyDir volume and the given containers, whose
// images are present on the fake engine.
func testPlan(f *fakeEngine, policy plan.RestartPolicy, init []plan.Container, ctrs ...plan.Container) *plan.Plan {
	p := &plan.Plan{
		RunID:         "r1",
		Pod:           plan.PodMeta{Name: "pod", Namespace: "default"},
		Labels:        map[string]string{plan.LabelRun: "r1", plan.LabelPod: "pod"},
		RestartPolicy: policy,
		GracePeriod:   30 * time.Second,
		Images:        []plan.Image{{Ref: "busybox", Policy: plan.PullIfNotPresent}},
		Volumes: []plan.Volume{{
			Name: "data", Source: "emptyDir",
			Create: volume.CreateOptions{Name: "pod-r1-data", Labels: map[string]string{plan.LabelRun: "r1"}},
			Files:  []plan.File{{Path: "hello", Mode: 0o644, Data: []byte("hi")}},
		}},
		Sandbox: plan.Container{Name: "pause", DockerName: "pod-r1-pause", Role: plan.RolePause, Image: "podrun/pause",
			Config: &container.Config{Image: "podrun/pause"}, Host: &container.HostConfig{}},
		Init:       init,
		Containers: ctrs,
	}
	f.images["busybox"] = true
	f.images["podrun/pause"] = true
	return p
}

func ctr(name string, role plan.Role) plan.Container {
	return plan.Container{
		Name: name, DockerName: "pod-r1-" + name, Role: role, Image: "busybox",
		Config: &container.Config{Image: "busybox", Labels: map[string]string{plan.LabelContainer: name}},
		Host:   &container.HostConfig{NetworkMode: "container:pod-r1-pause"},
	}
}

// recorder collects what the callbacks receive, and checks they are never concurrent.
type recorder struct {
	mu       sync.Mutex
	busy     bool
	overlap  bool
	events   []Event
	logs     []LogLine
	statuses []corev1.PodStatus
	timeline []string // logs and events, in the order received
}

func (r *recorder) enter() func() {
	r.mu.Lock()
	if r.busy {
		r.overlap = true
	}
	r.busy = true
	r.mu.Unlock()
	return func() { r.mu.Lock(); r.busy = false; r.mu.Unlock() }
}

func (r *recorder) options() Options {
	return Options{
		OnEvent: func(e Event) {
			defer r.enter()()
			r.events = append(r.events, e)
			r.timeline = append(r.timeline, string(e.Kind)+" "+e.Container)
		},
		OnLog: func(l LogLine) {
			defer r.enter()()
			r.logs = append(r.logs, l)
			r.timeline = append(r.timeline, "log "+l.Container)
		},
		OnStatus: func(s corev1.PodStatus) { defer r.enter()(); r.statuses = append(r.statuses, s) },
	}
}

// assertTornDown checks that nothing of the run is left and teardown ran on a live context.
func assertTornDown(t *testing.T, f *fakeEngine) {
	t.Helper()
	if len(f.containers) != 0 || len(f.volumes) != 0 {
		t.Errorf("left behind: %d containers, %d volumes", len(f.containers), len(f.volumes))
	}
	if len(f.deadCtx) != 0 {
		t.Errorf("engine calls on a cancelled context: %v", f.deadCtx)
	}
}

func TestRunInitFailureUnderNeverStartsNoAppContainer(t *testing.T) {
	f := newFake()
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		if c.Name == "setup" {
			f.exit(c, 3)
		}
	}
	p := testPlan(f, plan.RestartNever,
		[]plan.Container{ctr("proxy", plan.RoleSidecar), ctr("setup", plan.RoleInit)},
		ctr("web", plan.RoleApp))
	var rec recorder
	res, err := Run(context.Background(), f, p, rec.options())
	if err != nil {
		t.Fatal(err)
	}
	if res.Phase != corev1.PodFailed || res.ExitCode != 3 {
		t.Errorf("phase %s exit %d, want Failed 3", res.Phase, res.ExitCode)
	}
	if got := f.callsOf("ContainerStart"); slices.Contains(got, "pod-r1-web") {
		t.Errorf("web was started: %v", got)
	}
	if f.index("ContainerStop", "pod-r1-proxy") < 0 {
		t.Error("the sidecar was not stopped")
	}
	if rec.overlap {
		t.Error("callbacks overlapped")
	}
	assertTornDown(t, f)
}

func TestRunSidecarRestartedAfterItExits(t *testing.T) {
	f := newFake()
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		switch {
		case c.Name == "proxy" && c.Attempt == 0:
			f.exit(c, 1)
		case c.Name == "proxy" && c.Attempt == 1:
			f.exitWhen("web", 0) // the app ends once the sidecar is back
		}
	}
	p := testPlan(f, plan.RestartNever, []plan.Container{ctr("proxy", plan.RoleSidecar)}, ctr("web", plan.RoleApp))
	var rec recorder
	res, err := Run(context.Background(), f, p, rec.options())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.callsOf("ContainerCreate"), []string{"pod-r1-pause", "pod-r1-proxy", "pod-r1-web", "pod-r1-proxy_1"}; !sameSet(got, want) {
		t.Errorf("creates %v, want %v", got, want)
	}
	if res.Phase != corev1.PodSucceeded || res.ExitCode != 0 {
		t.Errorf("phase %s exit %d, want Succeeded 0", res.Phase, res.ExitCode)
	}
	if res.Containers[0].Restarts != 1 {
		t.Errorf("proxy restarts %d, want 1", res.Containers[0].Restarts)
	}
	if f.index("ContainerStop", "pod-r1-proxy_1") < 0 {
		t.Error("the restarted sidecar was not stopped at the pod's end")
	}
	assertTornDown(t, f)
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestRunPrimaryExitStopsOthersThenSidecarsInReverse(t *testing.T) {
	f := newFake()
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		if c.Name == "main" {
			f.exit(c, 7)
		}
	}
	f.logs["main"] = "working\nalmost done" // no final newline: still delivered
	p := testPlan(f, plan.RestartNever,
		[]plan.Container{ctr("a", plan.RoleSidecar), ctr("b", plan.RoleSidecar)},
		ctr("helper", plan.RoleApp), ctr("main", plan.RolePrimary))
	p.Primary = "main"
	var rec recorder
	res, err := Run(context.Background(), f, p, rec.options())
	if err != nil {
		t.Fatal(err)
	}
	if res.ExitCode != 7 {
		t.Errorf("exit %d, want the primary's 7", res.ExitCode)
	}
	helper, b, a := f.index("ContainerStop", "pod-r1-helper"), f.index("ContainerStop", "pod-r1-b"), f.index("ContainerStop", "pod-r1-a")
	// Without --keep the sandbox is stopped by teardown's forced removal, after every container.
	sandbox := f.index("ContainerRemove", "pod-r1-pause")
	if !(helper >= 0 && helper < b && b < a && a < sandbox) {
		t.Errorf("stop order helper=%d b=%d a=%d sandbox=%d; want helper < b < a < sandbox", helper, b, a, sandbox)
	}
	var lines []string
	for _, l := range rec.logs {
		if l.Container == "main" {
			lines = append(lines, l.Text)
		}
	}
	if !slices.Equal(lines, []string{"working", "almost done"}) {
		t.Errorf("main's lines %q", lines)
	}
	// The exit event follows the container's output.
	if i, j := slices.Index(rec.timeline, "Exited main"), slices.Index(rec.timeline, "log main"); i < j {
		t.Errorf("Exited before the output: %v", rec.timeline)
	}
	assertTornDown(t, f)
}

func TestRunAppExitEndsPodUnderNever(t *testing.T) {
	f := newFake()
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		if c.Name == "web" {
			f.exit(c, 2)
		}
	}
	p := testPlan(f, plan.RestartNever, []plan.Container{ctr("log", plan.RoleSidecar)}, ctr("web", plan.RoleApp))
	res, err := Run(context.Background(), f, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Phase != corev1.PodFailed || res.ExitCode != 2 {
		t.Errorf("phase %s exit %d, want Failed 2", res.Phase, res.ExitCode)
	}
	if f.index("ContainerStop", "pod-r1-log") < 0 {
		t.Error("sidecar not stopped")
	}
	assertTornDown(t, f)
}

func TestRunCancelStopsGracefullyAndTearsDownOnLiveContext(t *testing.T) {
	f := newFake()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		if c.Name == "web" {
			cancel() // Ctrl-C while the pod runs
		}
	}
	p := testPlan(f, plan.RestartAlways, []plan.Container{ctr("proxy", plan.RoleSidecar)}, ctr("web", plan.RoleApp))
	p.GracePeriod = 5 * time.Second
	_, err := Run(ctx, f, p, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	web, proxy := f.index("ContainerStop", "pod-r1-web"), f.index("ContainerStop", "pod-r1-proxy")
	if web < 0 || proxy < web {
		t.Errorf("stops web=%d proxy=%d: want web first, then the sidecar", web, proxy)
	}
	if f.calls[web].Arg != "5" {
		t.Errorf("web stopped with timeout %q, want the grace period 5", f.calls[web].Arg)
	}
	if n := len(f.callsOf("ContainerStart")); n != 3 {
		t.Errorf("%d starts, want 3 (nothing restarts during termination)", n)
	}
	assertTornDown(t, f)
}

// Force alone, so that the worker cannot see a graceful cancel first (a second Ctrl-C always
// follows a first; which of the two the worker's select takes first is not the point here).
func TestRunForceKillsAtOnce(t *testing.T) {
	f := newFake()
	force := make(chan struct{})
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		if c.Name == "web" {
			close(force)
		}
	}
	p := testPlan(f, plan.RestartAlways, nil, ctr("web", plan.RoleApp))
	_, _ = Run(context.Background(), f, p, Options{Force: force})
	if f.index("ContainerStop", "pod-r1-web") >= 0 {
		t.Error("web was stopped gracefully")
	}
	if f.index("ContainerKill", "pod-r1-web") < 0 {
		t.Errorf("web not killed: %v", f.calls)
	}
	assertTornDown(t, f)
}

func TestRunImageAbsentUnderNeverCreatesNothing(t *testing.T) {
	f := newFake()
	p := testPlan(f, plan.RestartNever, nil, ctr("web", plan.RoleApp))
	p.Images = []plan.Image{{Ref: "missing:1", Policy: plan.PullNever}}
	_, err := Run(context.Background(), f, p, Options{})
	if !errors.Is(err, ErrImageNeverPull) {
		t.Fatalf("err %v, want ErrImageNeverPull", err)
	}
	if n := len(f.callsOf("ContainerCreate")) + len(f.callsOf("VolumeCreate")); n != 0 {
		t.Errorf("%d objects created", n)
	}
}

func TestRunPullsMissingImagesAndLoadsPause(t *testing.T) {
	f := newFake()
	p := testPlan(f, plan.RestartNever, nil, ctr("web", plan.RoleApp))
	p.Images = append(p.Images, plan.Image{Ref: "remote:1", Policy: plan.PullIfNotPresent})
	delete(f.images, "podrun/pause")
	old := pauseTar
	pauseTar = func(arch string) ([]byte, error) { return []byte("podrun/pause"), nil }
	defer func() { pauseTar = old }()
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		if c.Name == "web" {
			f.exit(c, 0)
		}
	}
	var rec recorder
	if _, err := Run(context.Background(), f, p, rec.options()); err != nil {
		t.Fatal(err)
	}
	if got := f.callsOf("ImagePull"); !slices.Equal(got, []string{"remote:1"}) {
		t.Errorf("pulls %v", got)
	}
	if f.index("ImageLoad", "podrun/pause") < 0 || f.index("ImageLoad", "podrun/pause") > f.index("ContainerCreate", "pod-r1-pause") {
		t.Error("pause image not loaded before the sandbox was created")
	}
}

func TestRunOrderWithinSetUp(t *testing.T) {
	f := newFake()
	p := testPlan(f, plan.RestartNever, nil, ctr("web", plan.RoleApp))
	p.Containers[0].RuntimeFields = []string{"status.podIP"}
	p.Containers[0].Config.Env = []string{"IP=" + plan.Placeholder("status.podIP")}
	p.Containers[0].SubPathMounts = []plan.SubPathMount{{Volume: "pod-r1-data", SubPath: "sub", Target: "/x", ReadOnly: true}}
	var web *fakeContainer
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		if c.Name == "web" {
			web = c
			f.exit(c, 0)
		}
	}
	if _, err := Run(context.Background(), f, p, Options{}); err != nil {
		t.Fatal(err)
	}
	copyAt, start := f.index("CopyToContainer", "pod-r1-pause"), f.index("ContainerStart", "pod-r1-web")
	if copyAt < f.index("ContainerStart", "pod-r1-pause") || copyAt > start {
		t.Error("volume files must be written after the sandbox starts and before any container starts")
	}
	if f.calls[copyAt].Arg != VolumeStagingDir {
		t.Errorf("volume files copied to %q, want the staging directory (the tar carries the volume root)", f.calls[copyAt].Arg)
	}
	if f.index("ContainerWait", "pod-r1-web") > start {
		t.Error("wait registered after start")
	}
	if !slices.Equal(web.Config.Env, []string{"IP=10.88.0.5"}) {
		t.Errorf("env %v", web.Config.Env)
	}
	if !slices.Equal(web.Host.Binds, []string{"/var/lib/docker/volumes/pod-r1-data/_data/sub:/x:ro"}) {
		t.Errorf("binds %v", web.Host.Binds)
	}
	if p.Containers[0].Config.Env[0] != "IP="+plan.Placeholder("status.podIP") {
		t.Error("the plan was modified")
	}
}

func TestRunKeepsOnlyThePreviousInstance(t *testing.T) {
	f := newFake()
	f.onStart = func(f *fakeEngine, c *fakeContainer) {
		if c.Name == "job" && c.Attempt < 2 {
			f.exit(c, 1)
		}
		if c.Name == "job" && c.Attempt == 2 {
			f.exit(c, 0)
		}
	}
	p := testPlan(f, plan.RestartOnFailure, nil, ctr("job", plan.RoleApp))
	var rec recorder
	var mu sync.Mutex
	now := time.Unix(1000, 0)
	clock := func() time.Time { // every look at the clock is 30 s later: back-offs have passed
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(30 * time.Second)
		return now
	}
	res, err := run(context.Background(), f, p, rec.options(), clock)
	if err != nil {
		t.Fatal(err)
	}
	if res.Phase != corev1.PodSucceeded || res.Containers[0].Restarts != 2 {
		t.Errorf("phase %s restarts %d", res.Phase, res.Containers[0].Restarts)
	}
	if got := f.callsOf("ContainerRemove"); len(got) == 0 || got[0] != "pod-r1-job" {
		t.Errorf("the first instance was not removed when the third was created: %v", got)
	}
}

func TestTeardownIsIdempotent(t *testing.T) {
	f := newFake()
	p := testPlan(f, plan.RestartNever, nil, ctr("web", plan.RoleApp))
	_, _ = f.ContainerCreate(context.Background(), &container.Config{Labels: p.Labels}, nil, nil, nil, "x")
	_, _ = f.VolumeCreate(context.Background(), volume.CreateOptions{Name: "v", Labels: p.Labels})
	f.containerRemove = func(id string) error { return notFound(id) } // removed meanwhile
	for i := range 2 {
		if err := Teardown(context.Background(), f, "r1"); err != nil {
			t.Fatalf("teardown %d: %v", i, err)
		}
	}
	if len(f.volumes) != 0 {
		t.Error("volume left")
	}
}
