package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/docker/docker/client"
	"github.com/urfave/cli/v2"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/status"
)

func psCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "ps",
		Usage: "list pods on the engine (running, detached or kept), as kubectl get pods does",
		Description: `Lists every pod podrun created on the engine, found by its labels, with kubectl's columns:
NAME, READY (ready/total regular containers and sidecars), STATUS (kubectl's: Running,
Completed, Init:1/2, CrashLoopBackOff…), RESTARTS, AGE, then the RUN id that tells parallel
runs of one pod apart (podrun logs/get/exec/down accept NAME, RUN or NAME/RUN).
With -o json, prints a Kubernetes List of Pod objects (the run id in the annotation
dev.podrun.run), as kubectl get pods -o json does.

Example:
   podrun ps
   podrun ps -o json | jq -r '.items[].metadata.name'`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "json (default: kubectl-style table)"},
		},
		Action: func(c *cli.Context) error {
			out := c.String("output")
			if out != "" && out != "json" {
				return inputError{fmt.Errorf("--output %q: expected json", out)}
			}
			cli, err := connect(c.Context, e)
			if err != nil {
				return err
			}
			defer cli.Close()
			refs, err := listPods(c.Context, cli)
			if err != nil {
				return err
			}
			pods := make([]*corev1.Pod, len(refs))
			for i, ref := range refs {
				pods[i] = podOrPlaceholder(c.Context, cli, ref)
			}
			if out == "json" {
				return printPodList(e, pods)
			}
			runs := make([]string, len(refs))
			for i, ref := range refs {
				runs[i] = ref.RunID
			}
			_, err = fmt.Fprint(e.stdout, withColumn(status.Table(pods, time.Now()), "RUN", runs))
			return err
		},
	}
}

// podOrPlaceholder is the pod with its status, or — when its sandbox is gone or carries no
// manifest (a run half torn down) — a pod that says so, so ps still lists it for podrun down.
func podOrPlaceholder(ctx context.Context, cli *client.Client, ref podRef) *corev1.Pod {
	pod, err := podObject(ctx, cli, ref)
	if err != nil {
		pod = &corev1.Pod{
			ObjectMeta: metav1.ObjectMeta{Name: ref.Name, Namespace: ref.Namespace},
			Status:     corev1.PodStatus{Phase: corev1.PodUnknown, Reason: "Unknown", Message: err.Error()},
		}
		for _, c := range ref.All {
			if plan.Role(c.Labels[plan.LabelRole]) != plan.RolePause && c.Created > 0 {
				pod.CreationTimestamp = metav1.Unix(c.Created, 0)
			}
		}
	}
	pod.APIVersion, pod.Kind = "v1", "Pod"
	if pod.Annotations == nil {
		pod.Annotations = map[string]string{}
	}
	pod.Annotations[plan.LabelRun] = ref.RunID
	return pod
}

// printPodList prints pods as `kubectl get pods -o json` does: a v1 List.
func printPodList(e *env, pods []*corev1.Pod) error {
	list := struct {
		APIVersion string         `json:"apiVersion"`
		Kind       string         `json:"kind"`
		Items      []*corev1.Pod  `json:"items"`
		Metadata   map[string]any `json:"metadata"`
	}{"v1", "List", pods, map[string]any{"resourceVersion": ""}}
	if list.Items == nil {
		list.Items = []*corev1.Pod{}
	}
	data, err := json.MarshalIndent(list, "", "    ")
	if err != nil {
		return fmt.Errorf("print pods: %w", err)
	}
	_, err = fmt.Fprintln(e.stdout, string(data))
	return err
}

// withColumn appends a column to a table printed by status.Table: the header line, then one
// value per row, aligned three spaces after the widest line (kubectl's padding).
func withColumn(table, header string, values []string) string {
	lines := strings.Split(strings.TrimSuffix(table, "\n"), "\n")
	width := 0
	for _, l := range lines {
		width = max(width, len(l))
	}
	var b strings.Builder
	for i, l := range lines {
		v := header
		if i > 0 {
			if i-1 >= len(values) {
				break
			}
			v = values[i-1]
		}
		fmt.Fprintf(&b, "%s%s%s\n", l, strings.Repeat(" ", width-len(l)+3), v)
	}
	return b.String()
}
