package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"

	"github.com/podrun/podrun/flyte"
)

// flyteFlags are the options of a Flyte run: which task a file holds, the execution's project
// and domain, the primary of a Pod manifest run as a task (issue 4 point 3), its inputs and
// where its data goes. All are empty for a plain pod.
type flyteFlags struct {
	task, version   string
	project, domain string

	primary, image   string
	env              []string
	cpu, memory      string
	requests, limits string
	command          []string // after "--": the task's command line (flytekit's args)

	inputsFile string
	inputs     []string

	outputsDir, dataDir string
	// metadataPrefix and rawOutputPrefix are render's blob-store roots (flyteRenderFlags); empty
	// when not given.
	metadataPrefix, rawOutputPrefix string

	// executionID, when set, is the execution's id instead of a fresh one: a detached run's
	// owner builds the pod its parent planned (detach_flyte.go).
	executionID string
}

// Flag names, shared by the commands that take them.
const (
	flagTask, flagVersion, flagProject, flagDomain = "task", "version", "project", "domain"
	flagPrimary, flagImage, flagEnv                = "primary", "image", "env"
	flagCPU, flagMemory, flagRequests, flagLimits  = "cpu", "memory", "requests", "limits"
	flagInputs, flagInput                          = "inputs", "input"
	flagOutputsDir, flagDataDir                    = "outputs-dir", "data-dir"
	flagMetadataPrefix, flagRawOutputPrefix        = "metadata-prefix", "raw-output-prefix"
)

// The blob-store roots render shows by default: those of Flyte's sandbox and of its Helm
// charts' defaults (propeller's metadata-prefix "metadata/propeller" in the storage bucket
// my-s3-bucket; the raw-output prefix s3://my-s3-bucket/data).
const (
	defaultMetadataPrefix  = "s3://my-s3-bucket/metadata/propeller"
	defaultRawOutputPrefix = "s3://my-s3-bucket/data"
)

// flyteRenderFlags say where, on the cluster, the task's data lives: render takes them, to show
// the placeholders as propeller renders them (§3.3); a run keeps podrun's local data directory.
func flyteRenderFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: flagMetadataPrefix, Value: defaultMetadataPrefix, Usage: "Flyte: propeller's metadata root, `URL`: {{.input}} and {{.outputPrefix}} go under <URL>/<project>-<domain>-<execution>/<node>/data", Category: "Flyte"},
		&cli.StringFlag{Name: flagRawOutputPrefix, Value: defaultRawOutputPrefix, Usage: "Flyte: the raw-output root, `URL`: {{.rawOutputDataPrefix}} is <URL>/<shard>/<execution>-<node>-<attempt>", Category: "Flyte"},
	}
}

// flyteTaskFlags choose a task and shape its pod: run, check and render take them.
func flyteTaskFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: flagTask, Usage: "Flyte: the task to use from a pyflyte package (.tgz) or a list (full name or last part)", Category: "Flyte"},
		&cli.StringFlag{Name: flagVersion, Usage: "Flyte: the task version to use from flytectl's list of versions (default: the newest)", Category: "Flyte"},
		&cli.StringFlag{Name: flagProject, Usage: "Flyte: the execution's project (default: the task's, else flytesnacks)", Category: "Flyte"},
		&cli.StringFlag{Name: flagDomain, Usage: "Flyte: the execution's domain (default: the task's, else development)", Category: "Flyte"},
		&cli.StringFlag{Name: flagPrimary, Usage: "Flyte: run a Pod manifest as a Flyte pod task whose primary container is `NAME` (injected when absent)", Category: "Flyte"},
		&cli.StringFlag{Name: flagImage, Usage: "Flyte: the task's `IMAGE`: the primary's image (with a task file: the node's container_image override)", Category: "Flyte"},
		&cli.StringSliceFlag{Name: flagEnv, Usage: "Flyte: a task environment variable `K=V` for the primary, before its own env; repeatable (with --primary)", Category: "Flyte"},
		&cli.StringFlag{Name: flagCPU, Usage: "Flyte: the primary's cpu request and limit (with --primary)", Category: "Flyte"},
		&cli.StringFlag{Name: flagMemory, Usage: "Flyte: the primary's memory request and limit (with --primary)", Category: "Flyte"},
		&cli.StringFlag{Name: flagRequests, Usage: "Flyte: the primary's requests, `cpu=500m,memory=1Gi` (with --primary)", Category: "Flyte"},
		&cli.StringFlag{Name: flagLimits, Usage: "Flyte: the primary's limits, `cpu=1,memory=2Gi` (with --primary)", Category: "Flyte"},
	}
}

// flyteInputFlags give the task's inputs: run and render take them.
func flyteInputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: flagInputs, Usage: "Flyte: the task's inputs as a LiteralMap protobuf (`inputs.pb`)", Category: "Flyte"},
		&cli.StringSliceFlag{Name: flagInput, Usage: "Flyte: one input `name=value`, typed by the task's interface; repeatable", Category: "Flyte"},
	}
}

// flyteDataFlags say where the task's data goes: run takes them.
func flyteDataFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: flagOutputsDir, Usage: "Flyte: write the task's outputs.pb and outputs.json into `DIR`", Category: "Flyte"},
		&cli.StringFlag{Name: flagDataDir, Usage: "Flyte: bind host directory `DIR` as the task's data directory (inputs, outputs, error) and keep it", Category: "Flyte"},
	}
}

// readFlyteFlags reads whichever Flyte flags the command defines.
func readFlyteFlags(c *cli.Context) flyteFlags {
	return flyteFlags{
		task: c.String(flagTask), version: c.String(flagVersion),
		project: c.String(flagProject), domain: c.String(flagDomain),
		primary: c.String(flagPrimary), image: c.String(flagImage), env: c.StringSlice(flagEnv),
		cpu: c.String(flagCPU), memory: c.String(flagMemory),
		requests: c.String(flagRequests), limits: c.String(flagLimits),
		inputsFile: c.String(flagInputs), inputs: c.StringSlice(flagInput),
		outputsDir: c.String(flagOutputsDir), dataDir: c.String(flagDataDir),
		metadataPrefix: setString(c, flagMetadataPrefix), rawOutputPrefix: setString(c, flagRawOutputPrefix),
	}
}

// fileAndCommand reads `FILE [-- COMMAND ARGS...]`: a command is the task's command line, so it
// needs --primary.
func fileAndCommand(c *cli.Context, ff *flyteFlags) (string, error) {
	if c.NArg() > 1 && ff.primary != "" {
		// The "--" stays among the arguments when flags ended before it (at FILE).
		ff.command = c.Args().Slice()[1:]
		if ff.command[0] == "--" {
			ff.command = ff.command[1:]
		}
		return c.Args().First(), nil
	}
	if c.NArg() > 1 {
		return "", inputError{fmt.Errorf("%s: expected one manifest FILE (or - for stdin), got %d arguments; a command after -- is a Flyte task's and needs --primary NAME (see podrun %s --help)",
			c.Command.Name, c.NArg(), c.Command.Name)}
	}
	return oneArg(c, "manifest FILE (or - for stdin)")
}

// usesPrimaryFlags says a flag about the primary of a Pod manifest was given.
func (ff flyteFlags) usesPrimaryFlags() bool {
	return len(ff.env) > 0 || ff.cpu != "" || ff.memory != "" || ff.requests != "" || ff.limits != "" || ff.command != nil
}

// needsTask refuses Flyte flags on a plain pod: they would be silently ignored.
func (ff flyteFlags) needsTask() error {
	set := map[string]bool{
		flagTask: ff.task != "", flagVersion: ff.version != "", flagProject: ff.project != "", flagDomain: ff.domain != "",
		flagImage: ff.image != "", flagInputs: ff.inputsFile != "", flagInput: len(ff.inputs) > 0,
		flagOutputsDir: ff.outputsDir != "", flagDataDir: ff.dataDir != "",
		flagEnv: len(ff.env) > 0, flagCPU: ff.cpu != "", flagMemory: ff.memory != "",
		flagRequests: ff.requests != "", flagLimits: ff.limits != "",
		flagMetadataPrefix: ff.metadataPrefix != "", flagRawOutputPrefix: ff.rawOutputPrefix != "",
	}
	for _, name := range []string{flagTask, flagVersion, flagProject, flagDomain, flagImage, flagEnv, flagCPU, flagMemory,
		flagRequests, flagLimits, flagInputs, flagInput, flagOutputsDir, flagDataDir, flagMetadataPrefix, flagRawOutputPrefix} {
		if set[name] {
			return fmt.Errorf("--%s is for Flyte tasks: the file is a plain pod (give --primary NAME to run it as a Flyte pod task)", name)
		}
	}
	return nil
}

// override is what the flags say about the primary of a Pod manifest (flyte.Override).
func (ff flyteFlags) override() (flyte.Override, error) {
	o := flyte.Override{Primary: ff.primary, Image: ff.image, Args: ff.command}
	for _, kv := range ff.env {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return o, fmt.Errorf("--env %q: expected NAME=VALUE", kv)
		}
		o.Env = append(o.Env, corev1.EnvVar{Name: k, Value: v})
	}
	var err error
	switch {
	case (ff.cpu != "" || ff.memory != "") && (ff.requests != "" || ff.limits != ""):
		return o, errors.New("--cpu and --memory set requests and limits alike: give them, or --requests and --limits, not both")
	case ff.cpu != "" || ff.memory != "":
		// flytekit's resources=Resources(cpu=, mem=): the same value for request and limit.
		var both corev1.ResourceList
		if both, err = resourcesOf(map[string]string{"cpu": ff.cpu, "memory": ff.memory}, "--cpu/--memory"); err != nil {
			return o, err
		}
		o.Requests, o.Limits = both, both.DeepCopy()
	default:
		if o.Requests, err = parseResources(ff.requests, "--"+flagRequests); err != nil {
			return o, err
		}
		if o.Limits, err = parseResources(ff.limits, "--"+flagLimits); err != nil {
			return o, err
		}
	}
	return o, nil
}

// parseResources reads "cpu=500m,memory=1Gi" (flytekit's names mem and gpu are accepted).
func parseResources(s, flag string) (corev1.ResourceList, error) {
	if s == "" {
		return nil, nil
	}
	m := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok || k == "" || v == "" {
			return nil, fmt.Errorf("%s %q: expected NAME=QUANTITY[,NAME=QUANTITY…], e.g. cpu=500m,memory=1Gi", flag, s)
		}
		m[k] = v
	}
	return resourcesOf(m, flag)
}

func resourcesOf(m map[string]string, flag string) (corev1.ResourceList, error) {
	var out corev1.ResourceList
	for k, v := range m {
		if v == "" {
			continue
		}
		switch k { // flytekit's Resources names (§1.5)
		case "mem":
			k = "memory"
		case "gpu":
			k = "nvidia.com/gpu"
		}
		q, err := resource.ParseQuantity(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %s=%q: %v", flag, k, v, err)
		}
		if out == nil {
			out = corev1.ResourceList{}
		}
		out[corev1.ResourceName(k)] = q
	}
	return out, nil
}

// inputValues reads --input name=value flags.
func (ff flyteFlags) inputValues() (map[string]string, error) {
	if len(ff.inputs) == 0 {
		return nil, nil
	}
	out := map[string]string{}
	for _, kv := range ff.inputs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, fmt.Errorf("--input %q: expected NAME=VALUE", kv)
		}
		if _, dup := out[k]; dup {
			return nil, fmt.Errorf("--input %s is given twice", k)
		}
		out[k] = v
	}
	return out, nil
}

// setString is a flag's value when the user gave it, else "" (not its default): defaults that
// only apply to a Flyte task must not make a plain pod look as if it had Flyte flags.
func setString(c *cli.Context, name string) string {
	if !c.IsSet(name) {
		return ""
	}
	return c.String(name)
}
