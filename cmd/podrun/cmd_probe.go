package main

import (
	"github.com/urfave/cli/v2"

	"github.com/podrun/podrun/probe"
)

// probeCommand is the in-pod prober: the runner copies this executable into the pod's sandbox
// and runs `podrun __probe KIND FLAGS…` there, so network probes and httpGet hooks leave from
// the pod's network namespace (kubelet-semantics §5, §6.3). Its exit code is the result and its
// output the message; package probe owns the arguments (probe.Command) and the codes.
func probeCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:            "__probe",
		Hidden:          true,
		SkipFlagParsing: true,
		Action: func(c *cli.Context) error {
			if code := probe.Main(c.Context, c.Args().Slice(), e.stdout); code != 0 {
				return podResult{code: code}
			}
			return nil
		},
	}
}
