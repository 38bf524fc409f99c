package main

import (
	"cmp"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podrun/podrun/flyte"
	"github.com/podrun/podrun/podspec"
	"github.com/podrun/podrun/warnings"
)

// loadPurpose says what a command does with a Flyte task's pod, which decides the execution's
// values (flyte-pod-semantics.md §3.3–§3.5).
type loadPurpose int

const (
	// forCheck and forRender build the pod a cluster would run: a stable execution id derived
	// from the task, inputs optional ({{.Inputs.x}} without a value is left as written).
	forCheck loadPurpose = iota
	forRender
	// forRun builds the pod podrun runs: a fresh execution id, every input the task declares,
	// and the data directory mounted into every container.
	forRun
)

// source is one loaded input: the pod podrun runs and, for a Flyte task, the task and its
// execution. Every command loads through loadSource.
type source struct {
	in    *podspec.Input
	data  []byte // the bytes read (a detached run hands them to its owner process)
	flyte *flyteRun
}

// flyteRun is a Flyte task's execution: what the pod was built from and where its data is.
type flyteRun struct {
	task *flyte.Task
	// primary is plan.Options.Primary: the container whose exit ends the pod, when propeller
	// decides by it (the primary_container_name annotation, §3.8); "" when the task completes
	// only once every container has exited (a python-task pod with sidecars, §3.11).
	primary string
	// primaryName is the task's primary container, whatever the completion rule.
	primaryName string
	opts        flyte.PodOptions
	paths       flyte.DataPaths
	// inputs is inputs.pb; volume the pod volume holding the data directory (forRun).
	inputs []byte
	volume string
	// hostDir is --data-dir, absolute: the data directory is bound from it and kept.
	hostDir    string
	outputsDir string
	// unbound names inputs left as written in a rendering ({{.Inputs.x}} with no value given).
	unbound []string
	// labels are the pod's labels (execution-id, project, domain…), for messages.
	labels map[string]string
}

// dataVolume is the pod volume podrun adds for the task's data directory.
const dataVolume = "podrun-flyte-data"

// loadSource reads a manifest or a Flyte task (recognised by content, flyte.IsTask) from a file,
// or stdin for "-", and gives the pod to run. A Pod manifest with ff.primary is run as a Flyte
// pod task (issue 4 point 3).
func loadSource(name string, stdin io.Reader, ff flyteFlags, purpose loadPurpose) (*source, error) {
	data, err := readInput(name, stdin)
	if err != nil {
		return nil, inputError{err}
	}
	file := displayName(name)
	var src *source
	switch {
	case flyte.IsTask(data):
		src, err = loadTask(file, data, ff, purpose)
	case ff.primary != "":
		src, err = loadPodAsTask(file, data, ff, purpose)
	default:
		if err := ff.needsTask(); err != nil {
			return nil, inputError{fmt.Errorf("%s: %w", file, err)}
		}
		var in *podspec.Input
		in, err = podspec.Load(file, data)
		src = &source{in: in, data: data}
	}
	if err != nil {
		return nil, inputError{err}
	}
	return src, nil
}

// loadTask builds the pod of a serialized Flyte task: the task names its primary, its env and
// its resources, so only --image (the node's container_image override, §3.2 step 2.9) may change it.
func loadTask(file string, data []byte, ff flyteFlags, purpose loadPurpose) (*source, error) {
	if ff.primary != "" || ff.usesPrimaryFlags() {
		return nil, fmt.Errorf("%s: --primary, --env, --cpu, --memory, --requests, --limits and a command after -- are for a Pod manifest run as a Flyte task; this file is a Flyte task, which sets them itself", file)
	}
	task, err := flyte.Load(file, data, flyte.LoadOptions{Task: ff.task, Version: ff.version})
	if err != nil {
		return nil, err
	}
	base := podspec.Input{File: file, Origin: podspec.Origin{Kind: "PodSpec", Path: task.SpecPath}}
	return taskSource(task, base, data, ff, purpose, false)
}

// loadPodAsTask runs a Pod manifest as a Flyte pod task whose primary is ff.primary: flytekit's
// serialization rules (flyte.AsTask) on the pod as written, then propeller's.
func loadPodAsTask(file string, data []byte, ff flyteFlags, purpose loadPurpose) (*source, error) {
	if ff.task != "" || ff.version != "" {
		return nil, fmt.Errorf("%s: --task and --version choose a task in a Flyte task file; this file is a Pod manifest", file)
	}
	in, err := podspec.Decode(file, data)
	if err != nil {
		return nil, err
	}
	o, err := ff.override()
	if err != nil {
		return nil, err
	}
	task, err := flyte.AsTask(file, in.Raw, o)
	if err != nil {
		return nil, err
	}
	return taskSource(task, *in, data, ff, purpose, true)
}

// taskSource builds the task's pod for purpose and validates it as podspec validates a manifest.
// manifest says the task is a Pod manifest run with --primary: it has no typed interface, so
// --input values are typed by their look.
func taskSource(task *flyte.Task, base podspec.Input, data []byte, ff flyteFlags, purpose loadPurpose, manifest bool) (*source, error) {
	fr := &flyteRun{task: task, outputsDir: ff.outputsDir}
	if purpose == forRun {
		entropy := make([]byte, 16)
		if _, err := rand.Read(entropy); err != nil {
			return nil, fmt.Errorf("execution id: %w", err)
		}
		fr.opts.ExecutionID = flyte.ExecutionName(entropy)
		if ff.executionID != "" {
			fr.opts.ExecutionID = ff.executionID
		}
	}
	fr.opts.Project, fr.opts.Domain = ff.project, ff.domain
	if purpose == forRender {
		// The placeholders as propeller renders them on a cluster, in its blob store (§3.3).
		fr.opts.MetadataPrefix = cmp.Or(ff.metadataPrefix, defaultMetadataPrefix)
		fr.opts.RawOutputPrefix = cmp.Or(ff.rawOutputPrefix, defaultRawOutputPrefix)
		fr.opts.ShardRawOutput = true
	}
	lm, err := fr.readInputs(ff, purpose, manifest)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", task.File, err)
	}
	fr.opts.Inputs = lm
	pod, primary, err := task.Pod(fr.opts)
	if err != nil {
		return nil, err
	}
	fr.primaryName, fr.labels = primary, pod.Labels
	if pod.Annotations[flyte.PrimaryContainerKey] != "" {
		fr.primary = primary
	}
	if ff.image != "" && !manifest {
		setImage(pod, primary, ff.image)
	}
	fr.paths = task.DataPaths(fr.opts)
	if purpose == forRun {
		if err := fr.mountData(pod, ff.dataDir); err != nil {
			return nil, fmt.Errorf("%s: %w", task.File, err)
		}
	}
	in, err := podspec.FromPod(base, pod)
	if err != nil {
		return nil, err
	}
	return &source{in: in, data: data, flyte: fr}, nil
}

// setImage is propeller's ApplyContainerImageOverride: the primary's image only (§3.2 step 2.9).
func setImage(pod *corev1.Pod, primary, image string) {
	for i := range pod.Spec.Containers {
		if pod.Spec.Containers[i].Name == primary {
			pod.Spec.Containers[i].Image = image
		}
	}
}

// readInputs gives the execution's inputs: --inputs (a LiteralMap .pb, used as it is), or
// --input values typed by the task's interface; a run always has an inputs.pb, as propeller
// always writes one. A rendering leaves an input without a value as written.
func (fr *flyteRun) readInputs(ff flyteFlags, purpose loadPurpose, manifest bool) (flyte.LiteralMap, error) {
	values, err := ff.inputValues()
	if err != nil {
		return nil, err
	}
	var lm flyte.LiteralMap
	switch {
	case ff.inputsFile != "" && values != nil:
		return nil, errors.New("--inputs and --input: give the inputs one way")
	case ff.inputsFile != "":
		pb, err := os.ReadFile(ff.inputsFile)
		if err != nil {
			return nil, fmt.Errorf("--inputs: %w", err)
		}
		if lm, err = flyte.DecodeLiteralMap(pb); err != nil {
			return nil, fmt.Errorf("--inputs %s: %w", ff.inputsFile, err)
		}
		fr.inputs = pb
		return lm, nil
	case values != nil || purpose == forRun:
		iface := fr.task.Interface
		if manifest && len(iface.Inputs) == 0 {
			iface.Inputs = inferredInputs(values)
			fr.task.Interface.Inputs = iface.Inputs
		}
		if lm, err = flyte.TypeInputs(iface, values); err != nil {
			return nil, err
		}
		if fr.inputs, err = lm.Encode(); err != nil {
			return nil, err
		}
	}
	if purpose != forRun {
		lm = fr.leaveUnbound(lm)
	}
	return lm, nil
}

// inputPlaceholder is propeller's {{.Inputs.<name>}} (§3.3).
var inputPlaceholder = regexp.MustCompile(`(?i){{\s*[\.$]Inputs\.([^}\s]+)\s*}}`)

// leaveUnbound gives every {{.Inputs.x}} the task's containers use without a value its own text,
// so a rendering shows where propeller would substitute the execution's value.
func (fr *flyteRun) leaveUnbound(lm flyte.LiteralMap) flyte.LiteralMap {
	spec := fr.task.PodSpec
	if spec == nil {
		return lm
	}
	for _, c := range append(append([]corev1.Container{}, spec.InitContainers...), spec.Containers...) {
		for _, s := range append(append([]string{}, c.Command...), c.Args...) {
			for _, m := range inputPlaceholder.FindAllStringSubmatch(s, -1) {
				if _, ok := lm[m[1]]; ok {
					continue
				}
				if lm == nil {
					lm = flyte.LiteralMap{}
				}
				lm[m[1]] = flyte.Literal{Kind: flyte.KindString, String: "{{.Inputs." + m[1] + "}}"}
				fr.unbound = append(fr.unbound, m[1])
			}
		}
	}
	return lm
}

// inferredInputs types --input values for a Pod manifest, which declares no interface: an
// integer, a float or a boolean when the value reads as one, else a string.
func inferredInputs(values map[string]string) []flyte.Variable {
	var out []flyte.Variable
	for name, v := range values {
		simple := "STRING"
		if _, err := strconv.ParseInt(v, 10, 64); err == nil {
			simple = "INTEGER"
		} else if _, err := strconv.ParseFloat(v, 64); err == nil {
			simple = "FLOAT"
		} else if v == "true" || v == "false" {
			simple = "BOOLEAN"
		}
		out = append(out, flyte.Variable{Name: name, Type: flyte.LiteralType{Simple: simple}})
	}
	slices.SortFunc(out, func(a, b flyte.Variable) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// mountData adds the data directory the placeholders point to ({{.input}}, {{.outputPrefix}}…)
// to the pod: a podrun volume, or --data-dir bound as a hostPath, mounted into every container
// and init container, as a cluster's containers all reach the same blob store.
func (fr *flyteRun) mountData(pod *corev1.Pod, hostDir string) error {
	mountPath := fr.paths.InputPrefix
	vol := corev1.Volume{Name: dataVolume}
	if hostDir != "" {
		abs, err := filepath.Abs(hostDir)
		if err != nil {
			return fmt.Errorf("--data-dir: %w", err)
		}
		fr.hostDir = abs
		typ := corev1.HostPathDirectoryOrCreate
		vol.HostPath = &corev1.HostPathVolumeSource{Path: abs, Type: &typ}
	} else {
		vol.EmptyDir = &corev1.EmptyDirVolumeSource{}
	}
	for _, v := range pod.Spec.Volumes {
		if v.Name == dataVolume {
			return fmt.Errorf("the pod has a volume named %s, the name podrun gives the task's data directory", dataVolume)
		}
	}
	pod.Spec.Volumes = append(pod.Spec.Volumes, vol)
	mount := func(cs []corev1.Container) error {
		for i := range cs {
			for _, m := range cs[i].VolumeMounts {
				if path.Clean(m.MountPath) == mountPath {
					return fmt.Errorf("container %q mounts %s over the task's data directory %s", cs[i].Name, m.MountPath, mountPath)
				}
			}
			cs[i].VolumeMounts = append(cs[i].VolumeMounts, corev1.VolumeMount{Name: dataVolume, MountPath: mountPath})
		}
		return nil
	}
	if err := mount(pod.Spec.InitContainers); err != nil {
		return err
	}
	fr.volume = dataVolume
	return mount(pod.Spec.Containers)
}

// analyzeSource is the one place the CLI asks for warnings: a Flyte task's pod gets the flyte
// family's too.
func analyzeSource(src *source) []warnings.Warning {
	if src.flyte != nil {
		return warnings.AnalyzeTask(src.in, src.flyte.task)
	}
	return warnings.Analyze(src.in)
}
