package main

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podrun/podrun/flyte"
	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/runner"
)

// A Flyte run around the runner: inputs.pb goes into the data volume before the pod starts;
// the pod's status when the primary terminated is kept, since that is what propeller decides
// the task's phase on (§3.8); error.pb and outputs.pb are read after the pod has ended and
// before teardown (§3.9); then the task's result is reported as propeller would.

// The task's files in its attempt's output directory (§3.3, §3.9).
const (
	errorFile   = "error.pb"
	outputsFile = "outputs.pb"
	futuresFile = "futures.pb"
)

// addDataFiles puts inputs.pb, and the attempt's output and raw-output directories, into the
// data volume's plan: the runner copies them in through the engine before any container starts,
// so a remote engine works too. The directories are world-writable, as an emptyDir is, so a
// container that runs as any user can write its outputs.
func (fr *flyteRun) addDataFiles(p *plan.Plan) error {
	if fr == nil || fr.hostDir != "" {
		return nil
	}
	for i := range p.Volumes {
		v := &p.Volumes[i]
		if v.Name != fr.volume {
			continue
		}
		v.Files = append(v.Files,
			plan.File{Path: "inputs.pb", Mode: 0o644, Data: fr.inputs},
			plan.File{Path: fr.paths.OutputDir, Dir: true, Mode: 0o777},
			plan.File{Path: relData(fr.paths.InputPrefix, fr.paths.RawOutputPrefix), Dir: true, Mode: 0o777},
		)
		return nil
	}
	return fmt.Errorf("plan: no volume %s for the task's data", fr.volume)
}

// relData is p relative to the data directory dir ("raw/<pod>" for the raw-output prefix).
func relData(dir, p string) string {
	rel, ok := strings.CutPrefix(p, strings.TrimSuffix(dir, "/")+"/")
	if !ok {
		return "raw"
	}
	return rel
}

// prepareHostDir writes inputs.pb into --data-dir, with the output and raw-output directories,
// and removes the files a previous run left there: a stale outputs.pb or error.pb would decide
// this run's result. hostPath names the engine host's files, so --data-dir needs a local engine.
func (fr *flyteRun) prepareHostDir(local bool) error {
	if fr == nil || fr.hostDir == "" {
		return nil
	}
	if !local {
		return inputError{errors.New("--data-dir binds a directory of this machine: the engine is remote (leave it out, and podrun keeps the data in an engine volume)")}
	}
	out := filepath.Join(fr.hostDir, filepath.FromSlash(fr.paths.OutputDir))
	raw := filepath.Join(fr.hostDir, filepath.FromSlash(relData(fr.paths.InputPrefix, fr.paths.RawOutputPrefix)))
	for _, d := range []string{out, raw} {
		if err := os.MkdirAll(d, 0o777); err != nil {
			return fmt.Errorf("--data-dir: %w", err)
		}
		if err := os.Chmod(d, 0o777); err != nil {
			return fmt.Errorf("--data-dir: %w", err)
		}
	}
	for _, f := range []string{errorFile, outputsFile, futuresFile} {
		if err := os.Remove(filepath.Join(out, f)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("--data-dir: %w", err)
		}
	}
	if err := os.WriteFile(filepath.Join(fr.hostDir, "inputs.pb"), fr.inputs, 0o644); err != nil {
		return fmt.Errorf("--data-dir: %w", err)
	}
	return nil
}

// collectPaths are the sandbox paths of the attempt's error.pb, outputs.pb and futures.pb, read
// after the pod ends (runner.Options.Collect); none with --data-dir, whose files are read here.
func (fr *flyteRun) collectPaths() []string {
	if fr == nil || fr.hostDir != "" {
		return nil
	}
	var out []string
	for _, f := range []string{errorFile, outputsFile, futuresFile} {
		out = append(out, fr.sandboxPath(f))
	}
	return out
}

func (fr *flyteRun) sandboxPath(file string) string {
	return path.Join(plan.SandboxVolumeDir, fr.volume, fr.paths.OutputDir, file)
}

// taskFiles are the attempt's files once the pod has ended: error.pb, and outputs.pb when the
// task wrote one.
type taskFiles struct {
	flyte.OutputFiles
	outputs []byte
}

func (fr *flyteRun) readFiles(res runner.Result) (taskFiles, error) {
	read := func(name string) ([]byte, bool, error) {
		if fr.hostDir == "" {
			data, ok := res.Collected[fr.sandboxPath(name)]
			return data, ok, nil
		}
		data, err := os.ReadFile(filepath.Join(fr.hostDir, filepath.FromSlash(fr.paths.OutputDir), name))
		if errors.Is(err, os.ErrNotExist) {
			return nil, false, nil
		}
		return data, err == nil, err
	}
	var f taskFiles
	var err error
	var ok bool
	if f.Error, ok, err = read(errorFile); err != nil {
		return f, err
	} else if ok && f.Error == nil {
		f.Error = []byte{} // an empty error.pb exists: propeller reads it, and fails to decode it
	}
	if f.outputs, f.HasOutputs, err = read(outputsFile); err != nil {
		return f, err
	}
	_, f.HasFutures, err = read(futuresFile)
	return f, err
}

// flyteWatch keeps the pod's status at the moment the primary terminated: propeller decides the
// phase on the status that reports the primary's termination, with whatever the sidecars were
// doing then (§3.8) — podrun stops them afterwards, which a cluster does not.
type flyteWatch struct {
	fr    *flyteRun
	atEnd *corev1.PodStatus
}

// onStatus wraps the caller's status callback.
func (w *flyteWatch) onStatus(next func(corev1.PodStatus)) func(corev1.PodStatus) {
	if w.fr == nil {
		return next
	}
	return func(st corev1.PodStatus) {
		if w.atEnd == nil && w.fr.primary != "" && primaryTerminated(st, w.fr.primary) {
			w.atEnd = st.DeepCopy()
		}
		if next != nil {
			next(st)
		}
	}
}

func primaryTerminated(st corev1.PodStatus, name string) bool {
	for _, cs := range st.ContainerStatuses {
		if cs.Name == name {
			return cs.State.Terminated != nil
		}
	}
	return false
}

// taskReport is the task's result as propeller decides it, and what goes with it.
type taskReport struct {
	result flyte.Result
	errDoc *flyte.ErrorDocument
	// outputs is outputs.pb as JSON; nil when the task wrote none.
	outputs []byte
	files   taskFiles
	// leftRunning are the sidecars still running when the primary ended: podrun stopped them,
	// a cluster would not have.
	leftRunning []string
}

// decide computes the task's result from the pod (its spec and annotations) and the run: the
// phase from the status at the primary's end (or the final one when the task completes with
// all its containers), then error.pb and outputs.pb (§3.8, §3.9).
func (w *flyteWatch) decide(pod *corev1.Pod, res runner.Result) (taskReport, error) {
	var r taskReport
	st := res.Status
	if w.atEnd != nil {
		st = *w.atEnd
		r.leftRunning = runningOthers(pod, st, w.fr.primary)
	}
	p := pod.DeepCopy()
	p.Status = st
	r.result = flyte.Outcome(p)
	files, err := w.fr.readFiles(res)
	if err != nil {
		return r, fmt.Errorf("read the task's files: %w", err)
	}
	r.files = files
	if files.Error != nil {
		if doc, err := flyte.DecodeError(files.Error); err == nil {
			r.errDoc = &doc
		}
	}
	if r.result, err = flyte.CheckOutputs(r.result, w.fr.task.Interface, files.OutputFiles); err != nil {
		return r, fmt.Errorf("%s: %w", errorFile, err)
	}
	if files.HasOutputs {
		if r.outputs, err = flyte.DecodeOutputs(files.outputs); err != nil {
			return r, fmt.Errorf("%s: %w", outputsFile, err)
		}
	}
	return r, nil
}

// runningOthers lists the containers other than the primary that still ran in st: regular
// containers and native sidecars.
func runningOthers(pod *corev1.Pod, st corev1.PodStatus, primary string) []string {
	var out []string
	for _, cs := range slices.Concat(st.InitContainerStatuses, st.ContainerStatuses) {
		if cs.Name != primary && cs.State.Running != nil {
			out = append(out, cs.Name)
		}
	}
	return out
}

// print writes the task's result on stderr, after the pod's summary: the phase, Flyte's code
// and message for a failure (as propeller reports them), error.pb's document, the outputs as
// JSON, and what podrun did that a cluster would not.
func (r taskReport) print(e *env, fr *flyteRun, grace string, quiet bool) {
	var b strings.Builder
	t := fr.task
	fmt.Fprintf(&b, "task %s (execution %s, %s/%s): %s", taskName(t), fr.podLabel("execution-id"), fr.podLabel("project"), fr.podLabel("domain"), r.result.Phase)
	if r.result.Failed() {
		fmt.Fprintf(&b, " [%s] %s", r.result.Kind, r.result.Code)
	}
	b.WriteString("\n")
	if r.result.Failed() {
		for _, line := range strings.Split(strings.ReplaceAll(r.result.Message, "\r", ""), "\n") {
			if strings.TrimSpace(line) != "" {
				fmt.Fprintf(&b, "  %s\n", line)
			}
		}
	}
	if d := r.errDoc; d != nil {
		fmt.Fprintf(&b, "  error.pb: code %s, kind %s, origin %s\n", d.Code, d.Kind, d.Origin)
	}
	if !quiet && r.outputs != nil {
		b.WriteString("  outputs:\n")
		for _, line := range strings.Split(strings.TrimRight(string(r.outputs), "\n"), "\n") {
			fmt.Fprintf(&b, "    %s\n", line)
		}
	}
	if !quiet && len(r.leftRunning) > 0 {
		fmt.Fprintf(&b, "  note: podrun stopped %s when the primary ended (SIGTERM, then SIGKILL after %s); on a cluster they would keep running until the pod is garbage-collected\n",
			strings.Join(r.leftRunning, ", "), grace)
	}
	if !quiet && fr.hostDir != "" {
		fmt.Fprintf(&b, "  data directory kept: %s\n", fr.hostDir)
	}
	fmt.Fprint(e.stderr, b.String())
}

// podLabel reads one of the labels propeller puts on the pod (execution-id, project, domain).
func (fr *flyteRun) podLabel(name string) string { return fr.labels[name] }

func taskName(t *flyte.Task) string {
	if t.ID.Name != "" {
		return t.ID.Name
	}
	return "task"
}

// writeOutputs writes outputs.pb and outputs.json (and error.pb, when the task wrote one) into
// --outputs-dir.
func (r taskReport) writeOutputs(dir string) error {
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("--outputs-dir: %w", err)
	}
	write := func(name string, data []byte) error {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return fmt.Errorf("--outputs-dir: %w", err)
		}
		return nil
	}
	for _, name := range []string{outputsFile, "outputs.json", errorFile} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("--outputs-dir: %w", err)
		}
	}
	if r.files.HasOutputs {
		if err := write(outputsFile, r.files.outputs); err != nil {
			return err
		}
		if err := write("outputs.json", r.outputs); err != nil {
			return err
		}
	}
	if r.files.Error != nil {
		return write(errorFile, r.files.Error)
	}
	return nil
}

// planPrimary is plan.Options.Primary: "" for a plain pod.
func (fr *flyteRun) planPrimary() string {
	if fr == nil {
		return ""
	}
	return fr.primary
}

// report decides the task's result once the pod has ended, prints it and writes --outputs-dir.
// Nothing is reported for a plain pod, nor for a run that did not end on its own (Ctrl-C,
// --timeout, an engine failure): the task has no result then.
func (w *flyteWatch) report(e *env, f runFlags, pr *prepared, res runner.Result, runErr error) error {
	if w.fr == nil || runErr != nil {
		return nil
	}
	r, err := w.decide(podForStatus(pr), res)
	if err != nil {
		return err
	}
	r.print(e, w.fr, pr.plan.GracePeriod.String(), f.quiet)
	return r.writeOutputs(w.fr.outputsDir)
}
