package main

import (
	"github.com/urfave/cli/v2"

	"github.com/podrun/podrun/compose"
	"github.com/podrun/podrun/internal/pause"
	"github.com/podrun/podrun/plan"
)

func composeCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "compose",
		Usage:     "print a docker compose file for the pod",
		ArgsUsage: "FILE|-",
		Description: `Renders the same plan podrun run executes as a docker compose file: a pause service holding
the pod's namespaces, every container joining it, init containers chained with
service_completed_successfully, volumes; comments say what compose cannot express.

Example:
   podrun compose examples/sidecar-http.yaml > compose.yaml`,
		Action: func(c *cli.Context) error {
			file, err := oneArg(c, "manifest FILE (or - for stdin)")
			if err != nil {
				return err
			}
			in, err := loadInput(file, e.stdin)
			if err != nil {
				return err
			}
			p, err := plan.Build(in, plan.Options{RunID: "compose", PauseImage: pause.Ref})
			if err != nil {
				return inputError{err}
			}
			out, err := compose.Render(p)
			if err != nil {
				return err
			}
			_, err = e.stdout.Write(out)
			return err
		},
	}
}
