package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
	"sigs.k8s.io/yaml"
)

func renderCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "render",
		Usage:     "print, as YAML, the Pod a cluster would run (defaults and Flyte rules applied)",
		ArgsUsage: "FILE|-",
		Description: `Prints the pod after the defaults the API server would apply (restartPolicy, grace period,
pull policies, probe timings…), as the Pod object a cluster would run.

Example:
   podrun render examples/init-volume.yaml`,
		Action: func(c *cli.Context) error {
			file, err := oneArg(c, "manifest FILE (or - for stdin)")
			if err != nil {
				return err
			}
			in, err := loadInput(file, e.stdin)
			if err != nil {
				return err
			}
			pod := in.Pod.DeepCopy()
			pod.APIVersion, pod.Kind = "v1", "Pod"
			out, err := yaml.Marshal(pod)
			if err != nil {
				return fmt.Errorf("render %s: %w", in.File, err)
			}
			_, err = e.stdout.Write(out)
			return err
		},
	}
}
