package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
	corev1 "k8s.io/api/core/v1"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/runner"
)

// A detached pod is owned by a background podrun process (the "owner"): the kubelet's loop —
// restarts, and later probes and hooks — keeps running there after `podrun run -d` returns.
// The parent has already refused bad input, so nothing is started for input that is refused.

// stateDir holds a detached run's manifest copy and its owner's log.
func stateDir() string {
	if d := os.Getenv("XDG_STATE_HOME"); d != "" {
		return filepath.Join(d, "podrun")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "state", "podrun")
	}
	return filepath.Join(os.TempDir(), fmt.Sprintf("podrun-%d", os.Getuid()))
}

// detach starts the owner process and waits until it reports that the pod's containers have
// started (or that the run failed), then prints the pod's name.
func detach(ctx context.Context, e *env, f runFlags, pr *prepared) error {
	dir := stateDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("detach: %w", err)
	}
	manifest := filepath.Join(dir, pr.plan.RunID+".manifest")
	if err := os.WriteFile(manifest, pr.data, 0o600); err != nil {
		return fmt.Errorf("detach: %w", err)
	}
	logPath := filepath.Join(dir, pr.plan.RunID+".log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return fmt.Errorf("detach: %w", err)
	}
	defer logFile.Close()
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("detach: %w", err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		return fmt.Errorf("detach: %w", err)
	}
	defer r.Close()
	args := []string{"podrun", "__owner", "--run-id", pr.plan.RunID, "--pull", f.pull, "--display-file", pr.in.File}
	for _, a := range f.allow {
		args = append(args, "--allow", a)
	}
	if f.keep {
		args = append(args, "--keep")
	}
	if f.timeout > 0 {
		args = append(args, "--timeout", f.timeout.String())
	}
	if f.statusFile != "" {
		abs, err := filepath.Abs(f.statusFile)
		if err != nil {
			return fmt.Errorf("detach: %w", err)
		}
		args = append(args, "--status-file", abs)
	}
	// ConfigMaps and Secrets from --configmap/--secret…: written beside the manifest copy, read
	// back by the owner with --configmap FILE (configflags.go).
	configArgs, err := f.config.ownerArgs(dir, pr.plan.RunID)
	if err != nil {
		return fmt.Errorf("detach: %w", err)
	}
	args = append(args, configArgs...)
	flyteArgs, err := flyteOwnerArgs(f.flyte, pr.flyte, dir, pr.plan.RunID)
	if err != nil {
		return fmt.Errorf("detach: %w", err)
	}
	args = append(args, flyteArgs...)
	if f.waitReady {
		args = append(args, "--wait-ready")
	}
	args = append(args, manifest)
	cmd := &exec.Cmd{
		Path:        exe,
		Args:        args,
		Stdout:      logFile,
		Stderr:      logFile,
		ExtraFiles:  []*os.File{w},      // fd 3: the readiness line
		SysProcAttr: detachedProcAttr(), // its own session: the terminal's Ctrl-C does not reach it
	}
	if err := cmd.Start(); err != nil {
		w.Close()
		return fmt.Errorf("detach: start background podrun: %w", err)
	}
	w.Close()
	go func() { _ = cmd.Wait() }() // reaps the owner if it exits while we wait; the process outlives us otherwise
	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		lines <- strings.TrimSpace(line)
	}()
	var line string
	select {
	case line = <-lines:
	case <-ctx.Done():
		// Ctrl-C while waiting (--wait-ready can wait long): the pod is detached, it stays.
		fmt.Fprintln(e.stdout, pr.plan.Pod.Name)
		e.log.Warn("stopped waiting; the pod keeps running", "pod", pr.plan.Pod.Name, "remove with", "podrun down "+pr.plan.Pod.Name)
		return context.Cause(ctx)
	}
	switch {
	case line == "ok":
		fmt.Fprintln(e.stdout, pr.plan.Pod.Name)
		return nil
	case strings.HasPrefix(line, "exit "):
		// The pod ended before podrun could report it started; its result is the exit code.
		code, _ := strconv.Atoi(strings.TrimPrefix(line, "exit "))
		fmt.Fprintln(e.stdout, pr.plan.Pod.Name)
		return podResult{code: code}
	case line == lineTimeout:
		// --timeout expired before the pod was ready (or started): the owner stopped it.
		fmt.Fprintln(e.stdout, pr.plan.Pod.Name)
		return errTimeout
	case line != "":
		return errors.New(line)
	}
	return fmt.Errorf("the background podrun exited before the pod started; its log: %s", logPath)
}

// ownerCommand is the hidden command a detached run starts in the background.
func ownerCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "__owner",
		Hidden: true,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "run-id", Required: true},
			&cli.StringFlag{Name: "display-file"},
			&cli.StringFlag{Name: "pull", Value: "policy"},
			&cli.StringSliceFlag{Name: "allow"},
			&cli.BoolFlag{Name: "keep"},
			&cli.DurationFlag{Name: "timeout"},
			&cli.StringFlag{Name: "status-file"},
			&cli.BoolFlag{Name: "wait-ready"},
		}, slices.Concat(configFlagDefs(), flyteOwnerFlags())...),
		Action: func(c *cli.Context) error {
			manifest := c.Args().First()
			defer os.Remove(manifest)
			defer removeOwnerObjects(c)
			ready := newReadySignal(os.NewFile(3, "ready"), c.Bool("wait-ready"))
			ff, err := readOwnerFlyteFlags(c)
			if err != nil {
				ready.fail(err)
				return err
			}
			if ff.inputsFile != "" {
				defer os.Remove(ff.inputsFile) // written by the parent for this owner only
			}
			host, _ := os.Hostname()
			f := runFlags{
				file:        manifest,
				runID:       c.String("run-id"),
				displayFile: c.String("display-file"),
				owner:       host + "/" + strconv.Itoa(os.Getpid()),
				pull:        c.String("pull"),
				allow:       c.StringSlice("allow"),
				keep:        c.Bool("keep"),
				flyte:       ff,
				timeout:     c.Duration("timeout"),
				statusFile:  c.String("status-file"),
				config:      readConfigFlags(c),
				onEvent:     ready.event,
				onPlan:      func(p *plan.Plan) { ready.need = len(p.Containers) },
			}
			f.onStatus = func(st corev1.PodStatus) { _ = writeOwnerStatus(f.runID, st) }
			defer os.Remove(ownerStatusPath(f.runID))
			fmt.Fprintf(e.stderr, "podrun owner of run %s (%s), started %s\n", f.runID, c.String("display-file"), time.Now().Format(time.RFC3339))
			err = runPod(c.Context, e, f)
			ready.done(err)
			return err
		},
	}
}

// readySignal tells the parent of a detached run, once, how the start went: "ok" once every
// regular container has started — or, with --wait-ready, once the pod is Ready (every
// container ready, readiness probes passed: the runner's EventPodReady) — "exit N" when the
// pod ended first, lineTimeout when --timeout expired first, else the error.
type readySignal struct {
	w         io.WriteCloser
	sent      bool
	starts    map[string]bool
	need      int
	waitReady bool
	// stopping: the pod's termination began (--timeout, a signal, its end). A pod can still
	// turn Ready then — readiness probes run until the containers stop — but it is not ready
	// for whoever waits.
	stopping bool
}

// lineTimeout is the owner's line when --timeout expired before the pod started or was ready.
const lineTimeout = "timeout"

func newReadySignal(w io.WriteCloser, waitReady bool) *readySignal {
	return &readySignal{w: w, starts: map[string]bool{}, need: -1, waitReady: waitReady}
}

func (r *readySignal) send(line string) {
	if r.sent || r.w == nil {
		return
	}
	r.sent = true
	fmt.Fprintln(r.w, line)
	r.w.Close()
}

// event marks the pod started once every regular container has started once.
func (r *readySignal) event(ev runner.Event) {
	if r.waitReady {
		switch {
		case ev.Kind == runner.EventKilling && ev.Container == "":
			r.stopping = true
		case ev.Kind == runner.EventPodReady && ev.ExitCode == 1 && !r.stopping:
			r.send("ok")
		}
		return
	}
	if ev.Kind != runner.EventStarted {
		return
	}
	switch ev.Role {
	case plan.RoleApp, plan.RolePrimary:
		r.starts[ev.Container] = true
	}
	if r.need > 0 && len(r.starts) >= r.need {
		r.send("ok")
	}
}

func (r *readySignal) fail(err error) { r.send(oneLine(err.Error())) }

func (r *readySignal) done(err error) {
	var res podResult
	switch {
	case err == nil:
		r.send("exit 0")
	case errors.As(err, &res):
		r.send("exit " + strconv.Itoa(res.code))
	case errors.Is(err, errTimeout):
		r.send(lineTimeout)
	default:
		r.fail(err)
	}
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", "; ") }
