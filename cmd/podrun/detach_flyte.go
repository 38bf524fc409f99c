package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/urfave/cli/v2"
)

// A detached Flyte task: the owner process loads the task again from the state directory's
// copy, so it must build the very pod its parent planned and printed. The owner gets the
// parent's Flyte flags with three changes: the execution id the parent drew (the pod's name,
// labels and data paths derive from it), the inputs.pb the parent encoded (--input values and
// an --inputs file are read once, by the parent, and the file may be gone when the owner
// starts), and paths made absolute (the owner's working directory is the parent's, but a
// detached run should not depend on it).

// Hidden owner flags.
const (
	flagExecutionID = "execution-id"
	flagCommandJSON = "command-json" // the task's command after "--", as a JSON list
)

// flyteOwnerFlags are the Flyte flags the owner takes.
func flyteOwnerFlags() []cli.Flag {
	return slices.Concat(flyteTaskFlags(), flyteInputFlags(), flyteDataFlags(), []cli.Flag{
		&cli.StringFlag{Name: flagExecutionID, Hidden: true},
		&cli.StringFlag{Name: flagCommandJSON, Hidden: true},
	})
}

// readOwnerFlyteFlags reads the Flyte flags flyteOwnerArgs gave the owner.
func readOwnerFlyteFlags(c *cli.Context) (flyteFlags, error) {
	ff := readFlyteFlags(c)
	ff.executionID = c.String(flagExecutionID)
	if s := c.String(flagCommandJSON); s != "" {
		if err := json.Unmarshal([]byte(s), &ff.command); err != nil {
			return ff, fmt.Errorf("--%s: %w", flagCommandJSON, err)
		}
	}
	return ff, nil
}

// flyteOwnerArgs are the owner's flags for the parent's Flyte task; none for a plain pod. The
// inputs.pb is written into dir, beside the manifest copy, and the owner removes it.
func flyteOwnerArgs(ff flyteFlags, fr *flyteRun, dir, runID string) ([]string, error) {
	if fr == nil {
		return nil, nil
	}
	var args []string
	add := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	abs := func(p string) (string, error) {
		if p == "" {
			return "", nil
		}
		return filepath.Abs(p)
	}
	add(flagTask, ff.task)
	add(flagVersion, ff.version)
	add(flagProject, ff.project)
	add(flagDomain, ff.domain)
	add(flagPrimary, ff.primary)
	add(flagImage, ff.image)
	for _, kv := range ff.env {
		add(flagEnv, kv)
	}
	add(flagCPU, ff.cpu)
	add(flagMemory, ff.memory)
	add(flagRequests, ff.requests)
	add(flagLimits, ff.limits)
	if ff.command != nil {
		data, err := json.Marshal(ff.command)
		if err != nil {
			return nil, err
		}
		add(flagCommandJSON, string(data))
	}
	add(flagExecutionID, fr.opts.ExecutionID)
	inputs := filepath.Join(dir, runID+".inputs.pb")
	if err := os.WriteFile(inputs, fr.inputs, 0o600); err != nil {
		return nil, err
	}
	add(flagInputs, inputs)
	for _, d := range []struct{ name, path string }{{flagOutputsDir, ff.outputsDir}, {flagDataDir, ff.dataDir}} {
		p, err := abs(d.path)
		if err != nil {
			return nil, fmt.Errorf("--%s: %w", d.name, err)
		}
		add(d.name, p)
	}
	return args, nil
}
