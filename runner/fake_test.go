package runner

import (
	"archive/tar"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/containerd/errdefs"
	"github.com/docker/docker/api/types"
	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/events"
	"github.com/docker/docker/api/types/image"
	"github.com/docker/docker/api/types/network"
	"github.com/docker/docker/api/types/system"
	"github.com/docker/docker/api/types/volume"
	"github.com/docker/docker/client"
	"github.com/docker/docker/pkg/stdcopy"
	ocispec "github.com/opencontainers/image-spec/specs-go/v1"
	"github.com/podrun/podrun/plan"
)

// fakeEngine is a hand-written Engine: a tiny in-memory container runtime plus a call log.
// Function fields let a test change one behaviour; onStart scripts what a container does.
type fakeEngine struct {
	mu         sync.Mutex
	calls      []call
	nextID     int
	containers map[string]*fakeContainer // by ID
	volumes    map[string]volume.Volume
	images     map[string]bool
	// deadCtx records engine calls that were made on an already cancelled context.
	deadCtx []string

	// onStart runs (without the lock) when a container starts; it may call exit or exitWhen.
	onStart func(f *fakeEngine, c *fakeContainer)
	// pendingExit makes the named container exit as soon as it runs.
	pendingExit map[string]int

	containerRemove func(id string) error // nil: the runtime's behaviour
	containerStart  func(c *fakeContainer) error
	logs            map[string]string // container name → stdout text
	// containerCreate, when set, may refuse a create (engine name) before the runtime's checks.
	containerCreate func(name string) error
	// imageUsers is each image's USER, as ImageInspect reports it.
	imageUsers map[string]string
	// containerStop, when set, gives the exit code of a container stopped by its signal.
	containerStop func(c *fakeContainer) int
	// hosts keeps every created container's host config by engine name.
	hosts map[string]*container.HostConfig
	// execFn scripts execs (probes, hooks); execs holds them by exec ID.
	execFn execScript
	execs  map[string]fakeExec
	// files are what CopyFromContainer reads, by base name (termination messages).
	files map[string]string
	// offline makes every pull fail, as on a machine with no registry.
	offline bool
	// copyTo, when set, reads what CopyToContainer is given (by engine name) or refuses it.
	copyTo func(name, path string, content io.Reader) error
}

type call struct {
	Op   string
	Name string // container name, image ref or volume name
	Arg  string
}

type fakeContainer struct {
	ID      string
	Name    string // the plan's container name (label), "" for objects without one
	Docker  string // engine name
	Attempt int
	Config  *container.Config
	Host    *container.HostConfig
	Running bool
	Exited  bool
	Code    int
	waiters []chan container.WaitResponse
}

func newFake() *fakeEngine {
	return &fakeEngine{
		containers:  map[string]*fakeContainer{},
		volumes:     map[string]volume.Volume{},
		images:      map[string]bool{},
		pendingExit: map[string]int{},
		logs:        map[string]string{},
		imageUsers:  map[string]string{},
		hosts:       map[string]*container.HostConfig{},
	}
}

var _ Engine = (*fakeEngine)(nil)

func (f *fakeEngine) record(ctx context.Context, op, name, arg string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, call{op, name, arg})
	if ctx.Err() != nil {
		f.deadCtx = append(f.deadCtx, op+" "+name)
	}
}

// callsOf lists the names of the calls of one operation, in order.
func (f *fakeEngine) callsOf(op string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, c := range f.calls {
		if c.Op == op {
			out = append(out, c.Name)
		}
	}
	return out
}

// index is the position of the first call op(name) in the log, or -1.
func (f *fakeEngine) index(op, name string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, c := range f.calls {
		if c.Op == op && c.Name == name {
			return i
		}
	}
	return -1
}

func notFound(what string) error { return fmt.Errorf("%w: no such %s", errdefs.ErrNotFound, what) }

func (f *fakeEngine) byID(id string) (*fakeContainer, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.containers[id]
	if !ok {
		return nil, notFound("container " + id)
	}
	return c, nil
}

func (f *fakeEngine) nameOf(id string) string {
	if c, err := f.byID(id); err == nil {
		return c.Docker
	}
	return id
}

// createdHost is the host config a container was created with, by engine name, even after
// the container was removed.
func (f *fakeEngine) createdHost(name string) *container.HostConfig {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hosts[name]
}

// exit ends a running container with code, waking its waiters.
func (f *fakeEngine) exit(c *fakeContainer, code int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !c.Running {
		return
	}
	c.Running, c.Exited, c.Code = false, true, code
	for _, w := range c.waiters {
		w <- container.WaitResponse{StatusCode: int64(code)}
	}
	c.waiters = nil
}

// exitWhen makes the latest instance of the named container exit with code now if it runs,
// or as soon as it starts.
func (f *fakeEngine) exitWhen(name string, code int) {
	f.mu.Lock()
	var target *fakeContainer
	for _, c := range f.containers {
		if c.Name == name && c.Running {
			target = c
		}
	}
	if target == nil {
		f.pendingExit[name] = code
	}
	f.mu.Unlock()
	if target != nil {
		f.exit(target, code)
	}
}

func (f *fakeEngine) Info(ctx context.Context) (system.Info, error) {
	f.record(ctx, "Info", "", "")
	return system.Info{Architecture: "x86_64"}, nil
}

func (f *fakeEngine) ImageInspect(ctx context.Context, ref string, _ ...client.ImageInspectOption) (image.InspectResponse, error) {
	f.record(ctx, "ImageInspect", ref, "")
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.images[ref] {
		return image.InspectResponse{}, notFound("image " + ref)
	}
	// The image config's type lives in a module podrun does not import: decode it as the
	// engine's answer would be.
	var resp image.InspectResponse
	raw, _ := json.Marshal(map[string]any{"Id": "sha256:" + ref, "Config": map[string]string{"User": f.imageUsers[ref]}})
	if err := json.Unmarshal(raw, &resp); err != nil {
		return resp, err
	}
	return resp, nil
}

func (f *fakeEngine) ImagePull(ctx context.Context, ref string, _ image.PullOptions) (io.ReadCloser, error) {
	f.record(ctx, "ImagePull", ref, "")
	if f.offline { // no registry: the engine reports the failure inside the stream
		return io.NopCloser(strings.NewReader(`{"error":"dial tcp: lookup registry: no such host"}` + "\n")), nil
	}
	f.mu.Lock()
	f.images[ref] = true
	f.mu.Unlock()
	return io.NopCloser(strings.NewReader(`{"status":"Pulling"}` + "\n")), nil
}

func (f *fakeEngine) ImageLoad(ctx context.Context, input io.Reader, _ ...client.ImageLoadOption) (image.LoadResponse, error) {
	b, _ := io.ReadAll(input)
	f.record(ctx, "ImageLoad", string(b), "")
	f.mu.Lock()
	f.images[string(b)] = true
	f.mu.Unlock()
	return image.LoadResponse{Body: io.NopCloser(strings.NewReader(`{"stream":"Loaded image"}`)), JSON: true}, nil
}

func (f *fakeEngine) VolumeCreate(ctx context.Context, opts volume.CreateOptions) (volume.Volume, error) {
	f.record(ctx, "VolumeCreate", opts.Name, "")
	f.mu.Lock()
	defer f.mu.Unlock()
	v := volume.Volume{Name: opts.Name, Labels: opts.Labels, Mountpoint: "/var/lib/docker/volumes/" + opts.Name + "/_data"}
	f.volumes[opts.Name] = v
	return v, nil
}

func (f *fakeEngine) VolumeInspect(ctx context.Context, id string) (volume.Volume, error) {
	f.record(ctx, "VolumeInspect", id, "")
	f.mu.Lock()
	defer f.mu.Unlock()
	v, ok := f.volumes[id]
	if !ok {
		return v, notFound("volume " + id)
	}
	return v, nil
}

func (f *fakeEngine) VolumeRemove(ctx context.Context, id string, _ bool) error {
	f.record(ctx, "VolumeRemove", id, "")
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.volumes[id]; !ok {
		return notFound("volume " + id)
	}
	delete(f.volumes, id)
	return nil
}

func (f *fakeEngine) VolumeList(ctx context.Context, opts volume.ListOptions) (volume.ListResponse, error) {
	f.record(ctx, "VolumeList", "", "")
	f.mu.Lock()
	defer f.mu.Unlock()
	var out volume.ListResponse
	for _, v := range f.volumes {
		if matchLabels(opts.Filters.Get("label"), v.Labels) {
			out.Volumes = append(out.Volumes, &v)
		}
	}
	return out, nil
}

func matchLabels(want []string, labels map[string]string) bool {
	for _, kv := range want {
		k, v, _ := strings.Cut(kv, "=")
		if labels[k] != v {
			return false
		}
	}
	return true
}

func (f *fakeEngine) ContainerCreate(ctx context.Context, cfg *container.Config, h *container.HostConfig, _ *network.NetworkingConfig, _ *ocispec.Platform, name string) (container.CreateResponse, error) {
	f.record(ctx, "ContainerCreate", name, "")
	if f.containerCreate != nil {
		if err := f.containerCreate(name); err != nil {
			return container.CreateResponse{}, err
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.containers {
		if c.Docker == name {
			return container.CreateResponse{}, fmt.Errorf("%w: name %q in use", errdefs.ErrConflict, name)
		}
	}
	f.nextID++
	id := fmt.Sprintf("id%02d", f.nextID)
	attempt, _ := strconv.Atoi(cfg.Labels[plan.LabelAttempt])
	f.hosts[name] = h
	f.containers[id] = &fakeContainer{ID: id, Name: cfg.Labels[plan.LabelContainer], Docker: name, Attempt: attempt, Config: cfg, Host: h}
	return container.CreateResponse{ID: id}, nil
}

func (f *fakeEngine) ContainerStart(ctx context.Context, id string, _ container.StartOptions) error {
	f.record(ctx, "ContainerStart", f.nameOf(id), "")
	c, err := f.byID(id)
	if err != nil {
		return err
	}
	if f.containerStart != nil {
		if err := f.containerStart(c); err != nil {
			return err
		}
	}
	f.mu.Lock()
	c.Running = true
	code, pending := f.pendingExit[c.Name]
	delete(f.pendingExit, c.Name)
	f.mu.Unlock()
	if pending {
		f.exit(c, code)
	}
	if f.onStart != nil {
		f.onStart(f, c)
	}
	return nil
}

// ContainerWait answers at once for a container that does not run under "not-running", as the
// engine does; otherwise at the container's next exit.
func (f *fakeEngine) ContainerWait(ctx context.Context, id string, cond container.WaitCondition) (<-chan container.WaitResponse, <-chan error) {
	f.record(ctx, "ContainerWait", f.nameOf(id), "")
	ch, errC := make(chan container.WaitResponse, 1), make(chan error, 1)
	c, err := f.byID(id)
	if err != nil {
		errC <- err
		return ch, errC
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if cond == container.WaitConditionNotRunning && !c.Running {
		ch <- container.WaitResponse{StatusCode: int64(c.Code)}
		return ch, errC
	}
	c.waiters = append(c.waiters, ch)
	return ch, errC
}

func (f *fakeEngine) ContainerInspect(ctx context.Context, id string) (container.InspectResponse, error) {
	f.record(ctx, "ContainerInspect", f.nameOf(id), "")
	c, err := f.byID(id)
	if err != nil {
		return container.InspectResponse{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return container.InspectResponse{
		ContainerJSONBase: &container.ContainerJSONBase{
			ID: id, HostConfig: c.Host,
			State: &container.State{Running: c.Running, ExitCode: c.Code},
		},
		NetworkSettings: &container.NetworkSettings{
			Networks: map[string]*network.EndpointSettings{"bridge": {IPAddress: "10.88.0.5", Gateway: "10.88.0.1"}},
		},
	}, nil
}

// ContainerLogs answers a follow without the last unterminated line, as Docker 20.10 does.
func (f *fakeEngine) ContainerLogs(ctx context.Context, id string, opts container.LogsOptions) (io.ReadCloser, error) {
	f.record(ctx, "ContainerLogs", f.nameOf(id), "")
	c, err := f.byID(id)
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	text := f.logs[c.Name]
	f.mu.Unlock()
	if opts.Follow {
		text = text[:strings.LastIndexByte(text, '\n')+1]
	}
	var buf bytes.Buffer
	_, _ = stdcopy.NewStdWriter(&buf, stdcopy.Stdout).Write([]byte(text))
	return io.NopCloser(&buf), nil
}

func (f *fakeEngine) ContainerStop(ctx context.Context, id string, opts container.StopOptions) error {
	timeout := ""
	if opts.Timeout != nil {
		timeout = strconv.Itoa(*opts.Timeout)
	}
	f.record(ctx, "ContainerStop", f.nameOf(id), timeout)
	c, err := f.byID(id)
	if err != nil {
		return err
	}
	code := 143 // the process honours SIGTERM
	if f.containerStop != nil {
		code = f.containerStop(c)
	}
	f.exit(c, code)
	return nil
}

func (f *fakeEngine) ContainerKill(ctx context.Context, id, signal string) error {
	f.record(ctx, "ContainerKill", f.nameOf(id), signal)
	c, err := f.byID(id)
	if err != nil {
		return err
	}
	f.exit(c, 137)
	return nil
}

func (f *fakeEngine) ContainerRemove(ctx context.Context, id string, _ container.RemoveOptions) error {
	f.record(ctx, "ContainerRemove", f.nameOf(id), "")
	if f.containerRemove != nil {
		return f.containerRemove(id)
	}
	c, err := f.byID(id)
	if err != nil {
		return err
	}
	f.exit(c, 137)
	f.mu.Lock()
	delete(f.containers, id)
	f.mu.Unlock()
	return nil
}

func (f *fakeEngine) ContainerList(ctx context.Context, opts container.ListOptions) ([]container.Summary, error) {
	f.record(ctx, "ContainerList", "", "")
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []container.Summary
	for _, c := range f.containers {
		if matchLabels(opts.Filters.Get("label"), c.Config.Labels) {
			out = append(out, container.Summary{ID: c.ID, Names: []string{"/" + c.Docker}, Labels: c.Config.Labels})
		}
	}
	return out, nil
}

func (f *fakeEngine) CopyToContainer(ctx context.Context, id, path string, content io.Reader, _ container.CopyToContainerOptions) error {
	f.record(ctx, "CopyToContainer", f.nameOf(id), path)
	if f.copyTo != nil {
		return f.copyTo(f.nameOf(id), path, content)
	}
	return nil
}

func (f *fakeEngine) ContainerStatPath(ctx context.Context, id, p string) (container.PathStat, error) {
	f.record(ctx, "ContainerStatPath", f.nameOf(id), p)
	f.mu.Lock()
	defer f.mu.Unlock()
	data, ok := f.files[path.Base(p)]
	if !ok {
		return container.PathStat{}, errdefs.ErrNotFound
	}
	return container.PathStat{Name: path.Base(p), Size: int64(len(data)), Mode: 0o666}, nil
}

func (f *fakeEngine) Events(ctx context.Context, _ events.ListOptions) (<-chan events.Message, <-chan error) {
	return make(chan events.Message), make(chan error)
}

// exitAllApps makes every container of the pod but the sandbox exit with code as it starts.
func exitAllApps(code int) func(f *fakeEngine, c *fakeContainer) {
	return func(f *fakeEngine, c *fakeContainer) {
		if c.Name != "" {
			f.exit(c, code)
		}
	}
}

// execFn, when set, scripts an exec: its exit code, or an error from the engine. Unset: exit 0.
type execScript func(c *fakeContainer, cmd []string) (int, error)

func (f *fakeEngine) ContainerExecCreate(ctx context.Context, id string, opts container.ExecOptions) (container.ExecCreateResponse, error) {
	f.record(ctx, "Exec", f.nameOf(id), strings.Join(opts.Cmd, " "))
	c, err := f.byID(id)
	if err != nil {
		return container.ExecCreateResponse{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if !c.Running {
		return container.ExecCreateResponse{}, fmt.Errorf("%w: container %s is not running", errdefs.ErrConflict, id)
	}
	f.nextID++
	execID := fmt.Sprintf("exec%02d", f.nextID)
	if f.execs == nil {
		f.execs = map[string]fakeExec{}
	}
	f.execs[execID] = fakeExec{c: c, cmd: opts.Cmd}
	return container.ExecCreateResponse{ID: execID}, nil
}

type fakeExec struct {
	c    *fakeContainer
	cmd  []string
	code int
}

// ContainerExecAttach runs the scripted exec to its end (in the caller's goroutine, so a script
// may block until ctx ends, as a hanging command does) and answers with no output.
func (f *fakeEngine) ContainerExecAttach(ctx context.Context, execID string, _ container.ExecAttachOptions) (types.HijackedResponse, error) {
	f.mu.Lock()
	e := f.execs[execID]
	script := f.execFn
	f.mu.Unlock()
	code := 0
	if script != nil {
		var err error
		if code, err = script(e.c, e.cmd); err != nil {
			return types.HijackedResponse{}, err
		}
	}
	f.mu.Lock()
	e.code = code
	f.execs[execID] = e
	f.mu.Unlock()
	client, server := net.Pipe()
	server.Close()
	return types.NewHijackedResponse(client, ""), nil
}

func (f *fakeEngine) ContainerExecStart(ctx context.Context, execID string, _ container.ExecStartOptions) error {
	return nil
}

func (f *fakeEngine) ContainerExecInspect(ctx context.Context, execID string) (container.ExecInspect, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	e := f.execs[execID]
	return container.ExecInspect{ExecID: execID, ExitCode: e.code}, nil
}

// CopyFromContainer answers with files[base name of path] as a one-file tar, or not found.
func (f *fakeEngine) CopyFromContainer(ctx context.Context, id, p string) (io.ReadCloser, container.PathStat, error) {
	f.record(ctx, "CopyFromContainer", f.nameOf(id), p)
	f.mu.Lock()
	data, ok := f.files[path.Base(p)]
	f.mu.Unlock()
	if !ok {
		return nil, container.PathStat{}, notFound("file " + p)
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	_ = tw.WriteHeader(&tar.Header{Name: path.Base(p), Mode: 0o666, Size: int64(len(data)), Typeflag: tar.TypeReg})
	_, _ = tw.Write([]byte(data))
	_ = tw.Close()
	return io.NopCloser(&buf), container.PathStat{Name: path.Base(p), Size: int64(len(data))}, nil
}
