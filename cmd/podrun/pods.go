package main

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/client"

	"github.com/podrun/podrun/plan"
)

// podRef is one run of a pod found on the engine by its labels (labels are podrun's only state).
type podRef struct {
	Name      string
	Namespace string
	RunID     string
	Sandbox   container.Summary   // the pause container
	All       []container.Summary // every container of the run, pause included
}

// listPods finds every pod run on the engine, newest first.
func listPods(ctx context.Context, cli *client.Client) ([]podRef, error) {
	cs, err := cli.ContainerList(ctx, container.ListOptions{All: true, Filters: filters.NewArgs(filters.Arg("label", plan.LabelRun))})
	if err != nil {
		return nil, fmt.Errorf("list pods: %w", err)
	}
	byRun := map[string]*podRef{}
	var order []string
	for _, c := range cs {
		id := c.Labels[plan.LabelRun]
		r, ok := byRun[id]
		if !ok {
			r = &podRef{RunID: id, Name: c.Labels[plan.LabelPod], Namespace: c.Labels[plan.LabelNamespace]}
			byRun[id] = r
			order = append(order, id)
		}
		r.All = append(r.All, c)
		if plan.Role(c.Labels[plan.LabelRole]) == plan.RolePause {
			r.Sandbox = c
		}
	}
	pods := make([]podRef, 0, len(order))
	for _, id := range order {
		pods = append(pods, *byRun[id])
	}
	sort.SliceStable(pods, func(i, j int) bool { return pods[i].Sandbox.Created > pods[j].Sandbox.Created })
	return pods, nil
}

// findPods resolves the names a user typed: a pod name (every run of it), a run id, or
// name/runid. A name that matches nothing is an error that lists what exists.
func findPods(ctx context.Context, cli *client.Client, names []string) ([]podRef, error) {
	pods, err := listPods(ctx, cli)
	if err != nil {
		return nil, err
	}
	var out []podRef
	seen := map[string]bool{}
	for _, n := range names {
		matched := false
		for _, p := range pods {
			if n == p.RunID || n == p.Name || n == p.Name+"/"+p.RunID {
				matched = true
				if !seen[p.RunID] {
					seen[p.RunID] = true
					out = append(out, p)
				}
			}
		}
		if !matched {
			return nil, fmt.Errorf("no pod %q on the engine (podrun ps lists them)%s", n, known(pods))
		}
	}
	return out, nil
}

// findOnePod resolves a name that must designate exactly one run.
func findOnePod(ctx context.Context, cli *client.Client, name string) (podRef, error) {
	pods, err := findPods(ctx, cli, []string{name})
	if err != nil {
		return podRef{}, err
	}
	if len(pods) > 1 {
		ids := make([]string, len(pods))
		for i, p := range pods {
			ids[i] = p.Name + "/" + p.RunID
		}
		return podRef{}, fmt.Errorf("%q names %d runs; choose one of: %s", name, len(pods), strings.Join(ids, ", "))
	}
	return pods[0], nil
}

func known(pods []podRef) string {
	if len(pods) == 0 {
		return ""
	}
	names := make([]string, len(pods))
	for i, p := range pods {
		names[i] = p.Name + "/" + p.RunID
	}
	return "; pods: " + strings.Join(names, ", ")
}
