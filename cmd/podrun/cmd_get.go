package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/client"
	"github.com/urfave/cli/v2"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/yaml"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/runner"
	"github.com/podrun/podrun/status"
)

func getCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "get",
		Usage:     "print a pod as a Kubernetes Pod object, its status filled as the kubelet would",
		ArgsUsage: "POD",
		Description: `Prints the pod the way "kubectl get pod POD -o json" does: its spec (defaults applied) and its
status — phase, conditions, init and container statuses with state, lastState, restartCount,
ready, started and reasons. Without -o, prints one kubectl-style line.

Example:
   podrun get web -o json | jq .status.phase`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "json or yaml (default: a kubectl-style table line)"},
		},
		Action: func(c *cli.Context) error {
			name, err := oneArg(c, "POD")
			if err != nil {
				return err
			}
			out := c.String("output")
			if out != "" && out != "json" && out != "yaml" {
				return inputError{fmt.Errorf("--output %q: expected json or yaml", out)}
			}
			cli, err := connect(c.Context, e)
			if err != nil {
				return err
			}
			defer cli.Close()
			ref, err := findOnePod(c.Context, cli, name)
			if err != nil {
				return err
			}
			pod, err := podObject(c.Context, cli, ref)
			if err != nil {
				return err
			}
			return printPod(e, pod, out)
		},
	}
}

func printPod(e *env, pod *corev1.Pod, format string) error {
	var data []byte
	var err error
	switch format {
	case "json":
		data, err = json.MarshalIndent(pod, "", "    ")
		data = append(data, '\n')
	case "yaml":
		data, err = yaml.Marshal(pod)
	default:
		data = []byte(status.Table([]*corev1.Pod{pod}, time.Now()))
	}
	if err != nil {
		return fmt.Errorf("print pod: %w", err)
	}
	_, err = e.stdout.Write(data)
	return err
}

// podObject is the pod with its current status. A pod whose owner process is alive has the
// kubelet's own view in the state directory (back-offs, hook failures); a kept pod carries its
// final one; otherwise the status is rebuilt from what the engine says of the containers.
func podObject(ctx context.Context, cli *client.Client, ref podRef) (*corev1.Pod, error) {
	pod, err := manifestOf(ref)
	if err != nil {
		return nil, err
	}
	if _, alive := liveOwner(ref.Sandbox.Labels[plan.LabelOwner]); alive {
		if st, err := readOwnerStatus(ref.RunID); err == nil {
			return status.PodObject(pod, st), nil
		}
	} else if st, ok := runner.KeptStatus(ctx, cli, ref.Sandbox.ID); ok {
		// A kept pod: the final status its run stored with it.
		return status.PodObject(pod, st), nil
	}
	var instances []container.InspectResponse
	var sandbox container.InspectResponse
	for _, c := range ref.All {
		in, err := cli.ContainerInspect(ctx, c.ID)
		if err != nil {
			continue // removed meanwhile
		}
		if c.ID == ref.Sandbox.ID {
			sandbox = in
		}
		instances = append(instances, in)
	}
	sb := status.SandboxFromInspect(sandbox)
	facts := status.PodFacts{
		Pod:          pod,
		PodIPs:       sb.PodIPs,
		HostIPs:      gatewayOf(sandbox),
		SandboxReady: sb.Ready,
		StartTime:    time.Unix(ref.Sandbox.Created, 0),
		Now:          time.Now(),
	}
	return status.PodObject(pod, status.Compute(facts, status.FromInspect(instances, nil))), nil
}

// manifestOf reads the pod the sandbox carries in its manifest label.
func manifestOf(ref podRef) (*corev1.Pod, error) {
	var pod corev1.Pod
	raw := ref.Sandbox.Labels[plan.LabelManifest]
	if raw == "" {
		return nil, fmt.Errorf("pod %s/%s: its sandbox carries no manifest (created by an older podrun?)", ref.Name, ref.RunID)
	}
	if err := json.Unmarshal([]byte(raw), &pod); err != nil {
		return nil, fmt.Errorf("pod %s/%s: read manifest label: %w", ref.Name, ref.RunID, err)
	}
	if pod.CreationTimestamp.IsZero() && ref.Sandbox.Created > 0 {
		pod.CreationTimestamp = metav1.Unix(ref.Sandbox.Created, 0)
	}
	return &pod, nil
}

func gatewayOf(in container.InspectResponse) []string {
	if in.NetworkSettings == nil {
		return nil
	}
	for _, ep := range in.NetworkSettings.Networks {
		if ep != nil && ep.Gateway != "" {
			return []string{ep.Gateway}
		}
	}
	return nil
}

// ownerStatusPath is where a detached run's owner keeps the pod's status.
func ownerStatusPath(runID string) string { return filepath.Join(stateDir(), runID+".status.json") }

func readOwnerStatus(runID string) (corev1.PodStatus, error) {
	var st corev1.PodStatus
	data, err := os.ReadFile(ownerStatusPath(runID))
	if err != nil {
		return st, err
	}
	err = json.Unmarshal(data, &st)
	return st, err
}

// writeOwnerStatus replaces the status file atomically, so a reader never sees half of it.
func writeOwnerStatus(runID string, st corev1.PodStatus) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	tmp := ownerStatusPath(runID) + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, ownerStatusPath(runID))
}
