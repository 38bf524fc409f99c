package main

import (
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/docker/go-units"
	"github.com/urfave/cli/v2"

	"github.com/podrun/podrun/plan"
)

func psCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "ps",
		Usage: "list pods on the engine (running, detached or kept)",
		Description: `Lists every pod podrun created on the engine, found by its labels.

Example:
   podrun ps`,
		Action: func(c *cli.Context) error {
			cli, err := connect(c.Context, e)
			if err != nil {
				return err
			}
			defer cli.Close()
			pods, err := listPods(c.Context, cli)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 3, ' ', 0)
			fmt.Fprintln(tw, "NAME\tRUN\tNAMESPACE\tRUNNING\tSANDBOX\tAGE")
			for _, p := range pods {
				running, total := 0, 0
				for _, ct := range p.All {
					if plan.Role(ct.Labels[plan.LabelRole]) == plan.RolePause {
						continue
					}
					total++
					if ct.State == "running" {
						running++
					}
				}
				age := "-"
				if p.Sandbox.Created > 0 {
					age = units.HumanDuration(time.Since(time.Unix(p.Sandbox.Created, 0)))
				}
				sandbox := string(p.Sandbox.State)
				if sandbox == "" {
					sandbox = "missing"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d/%d\t%s\t%s\n", p.Name, p.RunID, p.Namespace, running, total, sandbox, age)
			}
			return tw.Flush()
		},
	}
}
