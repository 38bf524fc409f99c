package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
	"sigs.k8s.io/yaml"
)

func renderCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "render",
		Usage:     "print, as YAML, the Pod a cluster would run (defaults and Flyte rules applied)",
		ArgsUsage: "FILE|- [-- COMMAND ARGS...]",
		Description: `Prints the pod after the defaults the API server would apply (restartPolicy, grace period,
pull policies, probe timings…), as the Pod object a cluster would run.

For a Flyte task (or a Pod manifest with --primary), it is the Pod flytepropeller would create for
an execution in --project/--domain: the primary container completed as flytekit serializes it,
placeholders rendered ({{.Inputs.x}} left as written unless --input x=VALUE), Flyte's env, labels
and annotations added. The data placeholders ({{.input}}, {{.outputPrefix}},
{{.rawOutputDataPrefix}}…) point into the cluster's blob store, laid out as propeller lays it out
under --metadata-prefix and --raw-output-prefix (podrun run uses a local data directory instead).
kubectl apply -f - runs it on a cluster.

--configmap and --secret (and their -env and -literal forms) are checked and joined as in run;
the output is the Pod alone: create the ConfigMaps and Secrets on the cluster with kubectl create.

Example:
   podrun render examples/init-volume.yaml
   podrun render --project ml --domain staging examples/flyte/primary-overwritten.task.json`,
		Flags: slices.Concat(configFlagDefs(), flyteTaskFlags(), flyteInputFlags(), flyteRenderFlags()),
		Action: func(c *cli.Context) error {
			ff := readFlyteFlags(c)
			file, err := fileAndCommand(c, &ff)
			if err != nil {
				return err
			}
			src, err := loadWithConfig(file, e.stdin, ff, readConfigFlags(c), forRender)
			if err != nil {
				return err
			}
			if fr := src.flyte; fr != nil && len(fr.unbound) > 0 {
				e.log.Warn("inputs without a value are left as written", "inputs", strings.Join(fr.unbound, ", "), "give", "--input NAME=VALUE")
			}
			pod := src.in.Pod.DeepCopy()
			pod.APIVersion, pod.Kind = "v1", "Pod"
			out, err := yaml.Marshal(pod)
			if err != nil {
				return fmt.Errorf("render %s: %w", src.in.File, err)
			}
			_, err = e.stdout.Write(out)
			return err
		},
	}
}
