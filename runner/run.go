package runner

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/docker/docker/api/types/mount"
	"github.com/podrun/podrun/plan"
	"golang.org/x/sync/errgroup"
)

// Run executes the plan with the kubelet's semantics (kubelet-semantics.md §1–§4) and tears
// the pod down afterwards, on every path, unless opts.Keep. It returns how the pod ended; the
// error is the cause of the caller's context when the run was cancelled, or what failed.
func Run(ctx context.Context, eng Engine, p *plan.Plan, opts Options) (res Result, err error) {
	return run(ctx, eng, p, opts, time.Now)
}

func run(ctx context.Context, eng Engine, p *plan.Plan, opts Options, now func() time.Time) (res Result, err error) {
	n := newNotifier(opts, now)
	if !opts.Keep {
		defer func() {
			tctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), teardownTimeout)
			defer cancel()
			if terr := teardown(tctx, eng, p.RunID, n); terr != nil {
				err = errors.Join(err, terr)
			}
		}()
	}
	w, err := setUp(ctx, eng, p, opts, n, now)
	if w != nil {
		// The worker's goroutines end before Run returns, whatever happened.
		defer func() {
			if werr := w.g.Wait(); werr != nil && err == nil {
				err = werr
			}
		}()
		defer w.stop()
	}
	if err != nil {
		if ctx.Err() != nil {
			return Result{}, context.Cause(ctx)
		}
		return Result{}, err
	}
	w.loop(ctx, opts.Force)
	res = w.result()
	var cerr error
	res.Collected, cerr = collect(ctx, eng, w.sandboxID, opts.Collect) // before teardown removes the sandbox
	if opts.Keep && w.termMountpoint != "" {
		if err := storeKeptStatus(context.WithoutCancel(ctx), eng, w.sandboxID, res.Status); err != nil && cerr == nil {
			cerr = err
		}
	}
	switch {
	case w.err != nil:
		return res, w.err
	case ctx.Err() != nil:
		return res, context.Cause(ctx)
	}
	return res, cerr
}

// setUp does everything before the first container starts: hostPath checks, seccomp
// profiles, images and volumes, the sandbox, and the containers' first instances, overlapping
// what may overlap.
func setUp(ctx context.Context, eng Engine, p *plan.Plan, opts Options, n *notifier, now func() time.Time) (*worker, error) {
	if opts.LocalEngine {
		if err := checkHostPaths(p.HostPathChecks); err != nil {
			return nil, err
		}
	}
	// Files podrun reads, and absent images under Never, fail the run before any object exists.
	profiles, err := seccompProfiles(p, opts)
	if err != nil {
		return nil, err
	}
	pulls, err := missingImages(ctx, eng, p.Images)
	if err != nil {
		return nil, err
	}
	var mountpoints map[string]string
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return ensurePause(gctx, eng, p.Sandbox.Image, n) })
	g.Go(func() error { return pullImages(gctx, eng, pulls, n) })
	g.Go(func() (err error) { mountpoints, err = createVolumes(gctx, eng, p); return err })
	termVol, hasTerm := terminationVolume(p)
	var termMountpoint string
	if hasTerm {
		g.Go(func() error {
			v, err := eng.VolumeCreate(gctx, termVol)
			if err != nil {
				return fmt.Errorf("create termination-message volume: %w", err)
			}
			termMountpoint = v.Mountpoint
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	refusals, err := nonRootRefusals(ctx, eng, p)
	if err != nil {
		return nil, err
	}

	var extra []mount.Mount
	if hasTerm {
		extra = append(extra, terminationMount(termVol.Name))
	}
	sandboxID, err := createSandbox(ctx, eng, p, n, extra...)
	if err != nil {
		return nil, err
	}
	w := newWorker(eng, p, n, now)
	w.sandboxID, w.keep, w.termMountpoint = sandboxID, opts.Keep, termMountpoint
	if w.pod = opts.Pod; w.pod == nil {
		w.pod = podFromPlan(p)
	}
	specs := slices.Concat(p.Init, p.Containers)
	// The sandbox starts (network set up: the slow part) while every container that does not
	// need its addresses is created; the others are created once the addresses are known.
	var addrs podAddresses
	started := make(chan error, 1)
	go func() { // joined below, before setUp returns
		var err error
		addrs, err = startSandbox(ctx, eng, p, sandboxID, n)
		started <- err
	}()
	binds := make([][]string, len(specs))
	var later []int
	for i, c := range specs {
		var err error
		binds[i], err = subPathBinds(ctx, eng, c, mountpoints)
		if err == nil {
			c, err = resolveContainer(c, podAddresses{}, binds[i], profiles)
		}
		if err != nil {
			<-started
			return w, fmt.Errorf("prepare container %q: %w", c.Name, err)
		}
		w.add(c, refusals[c.Name])
		if len(c.RuntimeFields) > 0 {
			later = append(later, i)
			continue
		}
		w.precreate(i)
	}
	if err := <-started; err != nil {
		return w, err
	}
	// Bind sources are needed when a container starts, not when it is created: the message
	// files are made once, now that the sandbox runs and has its volumes mounted.
	if err := w.premakeMessageFiles(specs); err != nil {
		return w, err
	}
	w.addrs, w.startTime = addrs, now()
	w.net = hostProber{podIP: addrs.PodIP}
	if needsNetProber(p) {
		w.net = w.installNetProber(opts.ProbeHelper)
	}
	w.watchSandbox()
	for _, i := range later {
		resolved, err := resolveContainer(specs[i], addrs, binds[i], profiles)
		if err != nil {
			return w, fmt.Errorf("prepare container %q: %w", specs[i].Name, err)
		}
		w.ctrs[i].spec = w.labelled(resolved)
		w.precreate(i)
	}
	if err := copyVolumeFiles(ctx, eng, sandboxID, p.Volumes, w.startTime); err != nil {
		return w, err
	}
	return w, nil
}

// newWorker makes the pod worker; its context outlives the caller's, for termination.
func newWorker(eng Engine, p *plan.Plan, n *notifier, now func() time.Time) *worker {
	ctx, cancel := context.WithCancel(context.Background())
	w := &worker{
		ctx: ctx, cancel: cancel, g: &errgroup.Group{}, eng: eng, p: p, n: n, now: now,
		inbox: make(chan report, 16), primary: -1, failedInit: -1,
	}
	return w
}

// add registers a container, in plan order: init containers, then regular ones. refused is the
// kubelet's refusal to create it, if any.
func (w *worker) add(c plan.Container, refused string) {
	c = w.labelled(c)
	if c.Role == plan.RolePrimary || (w.p.Primary != "" && c.Name == w.p.Primary && !isInitRole(c.Role)) {
		w.primary = len(w.ctrs)
	}
	w.ctrs = append(w.ctrs, &ctrRun{
		spec:    c,
		refused: refused,
		attempt: -1,
		view: ctrView{Name: c.Name, Role: c.Role, Policy: effectivePolicy(c, w.p.RestartPolicy),
			PostStart: c.PostStart != nil},
	})
}

// labelled gives a resolved container the labels every instance carries.
func (w *worker) labelled(c plan.Container) plan.Container {
	c.Config.Labels = withRunLabels(w.p, c.Config.Labels)
	c.Config.Labels[plan.LabelContainer] = c.Name
	c.Config.Labels[plan.LabelRole] = string(c.Role)
	return c
}

// stop ends every goroutine still following the pod (timers, waits of an abandoned run).
func (w *worker) stop() { w.cancel() }
