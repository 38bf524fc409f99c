package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/docker/docker/api/types/system"
	"github.com/docker/docker/client"
	"github.com/urfave/cli/v2"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/types"

	"github.com/podrun/podrun/internal/pause"
	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/podspec"
	"github.com/podrun/podrun/runner"
	"github.com/podrun/podrun/status"
)

// runFlags are podrun run's options, parsed once.
type runFlags struct {
	file       string
	dryRun     bool
	keep       bool
	detach     bool
	timeout    time.Duration
	pull       string
	strict     bool
	allow      []string
	statusFile string
	quiet      bool
	flyte      flyteFlags // a Flyte task's options (flyte_flags.go)
	output     string     // text or json (--output)
	report     string     // JUnit report file (--report)
	timeline   bool       // print the ordered timeline of events at the end (--timeline)
	waitReady  bool       // print a line once every container is ready (--wait-ready)
	runID      string     // set by the detached owner, which runs a plan its parent made
	owner      string     // "host/pid" of the owning process, for a detached run
	// config holds the ConfigMaps and Secrets given outside the manifest (configflags.go).
	config configFlags
	// displayFile names the input in messages when it is not f.file (the owner reads a copy).
	displayFile string
	// onEvent, when set, sees every runner event too (the detached owner's readiness signal).
	onEvent func(runner.Event)
	// onStatus, when set, receives every status the runner computes (the owner persists it).
	onStatus func(corev1.PodStatus)
	// onPlan, when set, sees the plan before the run starts.
	onPlan func(*plan.Plan)
}

func runCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "run",
		Usage:     "run a pod in the foreground, streaming its logs; exit with its result",
		ArgsUsage: "FILE|-",
		Description: `Runs the pod in FILE (YAML or JSON; "-" reads stdin) on the Docker engine: init containers
one at a time, native sidecars in their place, then the app containers, as the kubelet does.
Container output goes to stdout as "container | line" (stderr lines as "container ! line");
podrun's own messages go to stderr. The exit code is the pod's result: the primary container's
code for a Flyte task, else 0 when the pod succeeded, else the failing container's code;
2 for input podrun refuses, 124 when --timeout expires, 125 when podrun or the engine fails,
130 after Ctrl-C. Everything the run created is removed before podrun exits, unless --keep.

For CI, --output json writes one JSON event per line on stdout instead of the prefixed output
(lifecycle events, warnings, container lines, and a final result; schema: docs/run-json.md),
and --report writes a JUnit report with one test case per container. Parallel runs never
collide: names carry the run's id; a hostPort already taken is refused before anything starts.
Image pulls show their progress on a terminal, and plain lines in CI logs.

Example:
   podrun run examples/sidecar-http.yaml
   podrun run --timeout 2m --strict --status-file status.json pod.yaml
   podrun run --output json --report junit.xml pod.yaml > events.jsonl`,
		Flags: slices.Concat([]cli.Flag{
			&cli.BoolFlag{Name: "dry-run", Usage: "print the plan (every Docker object with its create config) and touch nothing"},
			&cli.BoolFlag{Name: "keep", Usage: "keep the pod's containers and volumes after it ends (remove later with podrun down)"},
			&cli.BoolFlag{Name: "detach", Aliases: []string{"d"}, Usage: "start the pod in the background and print its name"},
			&cli.DurationFlag{Name: "timeout", Usage: "stop the pod gracefully after this long and exit 124 (e.g. 90s, 5m)"},
			&cli.StringFlag{Name: "pull", Value: "policy", Usage: "image pulls: policy (each container's imagePullPolicy), always, missing, never"},
			&cli.BoolFlag{Name: "strict", Usage: "refuse to start a pod with warnings (exit 2)"},
			&cli.StringSliceFlag{Name: "allow", Usage: "silence warnings with this code or family (e.g. scheduling.node-selector, scheduling); repeatable"},
			&cli.StringFlag{Name: "status-file", Usage: "write the pod's final status, as a Kubernetes Pod object in JSON, to this file"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only container output and errors"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "text", Usage: "text (\"container | line\") or json (one event per line, see docs/run-json.md)"},
			&cli.StringFlag{Name: "report", Usage: "write a JUnit XML report (one test case per container) to this `FILE`"},
			&cli.BoolFlag{Name: "timeline", Usage: "print, at the end, every transition (starts, probes, hooks, signals, exits, restarts) in order with its time"},
			&cli.BoolFlag{Name: "wait-ready", Usage: "print a line on stdout once every container is ready (readiness probes passed); with -d, return only then (bounded by --timeout, which stops the pod: exit 124)"},
		}, configFlagDefs(), flyteTaskFlags(), flyteInputFlags(), flyteDataFlags()),
		Action: func(c *cli.Context) error {
			ff := readFlyteFlags(c)
			file, err := fileAndCommand(c, &ff)
			if err != nil {
				return err
			}
			f := runFlags{
				flyte:      ff,
				config:     readConfigFlags(c),
				file:       file,
				dryRun:     c.Bool("dry-run"),
				keep:       c.Bool("keep"),
				detach:     c.Bool("detach"),
				timeout:    c.Duration("timeout"),
				pull:       c.String("pull"),
				strict:     c.Bool("strict"),
				allow:      c.StringSlice("allow"),
				statusFile: c.String("status-file"),
				quiet:      c.Bool("quiet"),
				output:     c.String("output"),
				report:     c.String("report"),
				timeline:   c.Bool("timeline"),
				waitReady:  c.Bool("wait-ready"),
			}
			return runPod(c.Context, e, f)
		},
	}
}

// prepared is a pod that passed every check and has a plan: nothing has touched the engine yet.
type prepared struct {
	in   *podspec.Input
	data []byte
	plan *plan.Plan
	// flyte is the Flyte task's execution; nil for a plain pod.
	flyte *flyteRun
}

// load reads, validates and analyzes the manifest: every refusal of the input itself happens
// here, before any engine is contacted.
func load(e *env, f runFlags, mo *machineOutput) (*source, error) {
	switch f.pull {
	case "policy", "always", "missing", "never":
	default:
		return nil, inputError{fmt.Errorf("--pull %q: expected one of policy, always, missing, never", f.pull)}
	}
	src, err := loadWithConfig(f.file, e.stdin, f.flyte, f.config, forRun)
	if err != nil {
		return nil, err
	}
	in := src.in
	ws := filterAllowed(analyzeSource(src), f.allow)
	if len(ws) > 0 && !f.quiet {
		printWarnings(e, in.File, ws)
	}
	mo.warnings(ws)
	if n := departures(ws); f.strict && n > 0 {
		return nil, inputError{fmt.Errorf("%s: %d warning(s) and --strict: refusing to run (silence chosen codes with --allow)", in.File, n)}
	}
	return src, nil
}

// buildPlan plans the run. node carries the engine host's CPUs and memory, which stand in for a
// node's allocatable resources (zero in a dry run: the plan then shows placeholders).
func buildPlan(f runFlags, src *source, node system.Info) (*prepared, error) {
	in, data := src.in, src.data
	runID := f.runID
	if runID == "" {
		runID = newRunID()
	}
	owner := f.owner
	if owner == "" {
		// Every run is owned, foreground ones too, so podrun gc can tell a live run from the
		// leftovers of a podrun that was killed.
		owner = hostname() + "/" + strconv.Itoa(os.Getpid())
	}
	p, err := plan.Build(in, plan.Options{
		RunID: runID, Pull: f.pull, PauseImage: pause.Ref, Owner: owner, Keep: f.keep,
		NodeCPU: int64(node.NCPU), NodeMemory: node.MemTotal, Primary: src.flyte.planPrimary(),
	})
	if err != nil {
		return nil, inputError{fmt.Errorf("%s: %w", in.File, err)}
	}
	if err := src.flyte.addDataFiles(p); err != nil {
		return nil, err
	}
	return &prepared{in: in, data: data, plan: p, flyte: src.flyte}, nil
}

func runPod(ctx context.Context, e *env, f runFlags) (err error) {
	e.log.Debug("loading", "file", f.file)
	mo, err := newMachineOutput(e, f, time.Now)
	if err != nil {
		return err
	}
	defer func() { err = mo.finish(err) }()
	// Input is refused here, before the engine is contacted: a bad manifest needs no engine.
	src, err := load(e, f, mo)
	if err != nil {
		return err
	}
	if f.dryRun {
		pr, err := buildPlan(f, src, system.Info{})
		if err != nil {
			return err
		}
		_, err = e.stdout.Write(pr.plan.YAML())
		return err
	}
	ctx, force, stop := interrupts(ctx)
	defer stop()
	cli, err := connect(ctx, e)
	if err != nil {
		return err
	}
	defer cli.Close()
	e.log.Debug("connected", "engine", cli.DaemonHost(), "api", cli.ClientVersion())
	info, err := cli.Info(ctx)
	if err != nil {
		return fmt.Errorf("engine info: %w", err)
	}
	e.log.Debug("engine info", "version", info.ServerVersion, "arch", info.Architecture)
	pr, err := buildPlan(f, src, info)
	if err != nil {
		return err
	}
	if f.onPlan != nil {
		f.onPlan(pr.plan)
	}
	mo.start(pr.plan)
	if err := checkHostPorts(ctx, cli, pr.plan); err != nil {
		return err
	}
	if f.detach {
		return detach(ctx, e, f, pr)
	}
	return runForeground(ctx, e, f, pr, cli, force, mo)
}

// runForeground runs the prepared pod to its end and returns its result as the exit code.
func runForeground(ctx context.Context, e *env, f runFlags, pr *prepared, cli *client.Client, force <-chan struct{}, mo *machineOutput) error {
	if f.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, f.timeout, errTimeout)
		defer cancel()
	}
	printer := newLogPrinter(e.stdout, e.color, containerNames(pr.plan))
	progress := newProgress(e, f.quiet)
	var eng runner.Engine = cli
	if !f.quiet && isTerminal(e.stderr) {
		eng = progressEngine{Client: cli, display: newPullDisplay(e.stderr, terminalWidth(e.stderr))}
	}
	var tl *timeline
	if f.timeline {
		tl = &timeline{}
	}
	onReady := func(runner.Event) {}
	if f.waitReady {
		onReady = readyNotice(e.stdout, pr.plan.Pod.Name)
	}
	fw := &flyteWatch{fr: pr.flyte}
	if err := pr.flyte.prepareHostDir(isLocalEngine(cli)); err != nil {
		return err
	}
	res, runErr := runner.Run(ctx, eng, pr.plan, runner.Options{
		Pod:         podForStatus(pr),
		Keep:        f.keep,
		Force:       force,
		LocalEngine: isLocalEngine(cli),
		// Localhost seccomp profiles are read beside the manifest, where a node keeps them in
		// its kubelet directory.
		SeccompProfileRoot: manifestDir(f),
		OnLog: func(l runner.LogLine) {
			if mo == nil || mo.json == nil {
				printer.print(l) // with --output json, lines are events on stdout
			}
			mo.log(l)
		},
		OnStatus: fw.onStatus(f.onStatus),
		Collect:  pr.flyte.collectPaths(),
		// podrun itself runs network probes inside the pod when it can (runner.Options).
		ProbeHelper: ownExecutable(),
		OnEvent: func(ev runner.Event) {
			progress.event(ev)
			tl.add(ev)
			onReady(ev)
			mo.event(ev)
			if f.onEvent != nil {
				f.onEvent(ev)
			}
		},
	})
	mo.result(res)
	if portTaken(runErr) {
		runErr = fmt.Errorf("a hostPort of pod %s was taken meanwhile (by a parallel run or another process): %w", pr.plan.Pod.Name, runErr)
	}
	if !f.quiet {
		printSummary(e, pr.plan, res)
	}
	if err := fw.report(e, f, pr, res, runErr); err != nil && runErr == nil {
		runErr = err
	}
	tl.print(e.stderr)
	if f.statusFile != "" {
		if err := writeStatusFile(f.statusFile, podForStatus(pr), res); err != nil && runErr == nil {
			runErr = err
		}
	}
	if f.keep && !f.quiet {
		e.log.Info("kept the pod's containers and volumes", "pod", pr.plan.Pod.Name, "run", pr.plan.RunID, "remove with", "podrun down "+pr.plan.RunID)
	}
	if runErr != nil {
		if cause := context.Cause(ctx); cause == errInterrupted || cause == errTimeout {
			return cause
		}
		return runErr
	}
	return podResult{code: res.ExitCode}
}

// ownExecutable is the path of this podrun executable, "" when it cannot be told.
func ownExecutable() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return exe
}

// manifestDir is the directory of the manifest the user gave (the working directory for stdin);
// a detached run's owner reads a copy, so it goes by the name the user gave.
func manifestDir(f runFlags) string {
	name := f.file
	if f.displayFile != "" {
		name = f.displayFile
	}
	if name == "-" || name == displayName("-") {
		return "."
	}
	return filepath.Dir(name)
}

// podForStatus is the pod as this run gives it: the defaulted manifest with the namespace and
// uid of the plan (the API server would have assigned them).
func podForStatus(pr *prepared) *corev1.Pod {
	pod := pr.in.Pod.DeepCopy()
	pod.Namespace = pr.plan.Pod.Namespace
	pod.UID = types.UID(pr.plan.Pod.UID)
	return pod
}

// writeStatusFile writes the pod as `kubectl get pod -o json` would print it.
func writeStatusFile(path string, pod *corev1.Pod, res runner.Result) error {
	data, err := json.MarshalIndent(status.PodObject(pod, res.Status), "", "  ")
	if err != nil {
		return fmt.Errorf("write status file: %w", err)
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write status file: %w", err)
	}
	return nil
}

func containerNames(p *plan.Plan) []string {
	var names []string
	for _, c := range p.Init {
		names = append(names, c.Name)
	}
	for _, c := range p.Containers {
		names = append(names, c.Name)
	}
	return names
}
