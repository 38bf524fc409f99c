package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/api/types/volume"
	"github.com/docker/docker/client"
	"github.com/urfave/cli/v2"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/runner"
)

func gcCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "gc",
		Usage: "remove everything of runs whose podrun process died (a kill -9, a crash, a reboot)",
		Description: `Every object podrun creates carries the run's owner ("host/pid" of the podrun process that
runs it, foreground or detached). podrun gc finds, by label, the runs whose owner no longer
runs on this host and removes their containers and volumes — stopping any that still run in
the kubelet's order first. It leaves alone runs whose owner is alive, runs kept with --keep
(remove those with podrun down), and runs owned on another host or by no podrun process
(a docker-compose run of podrun compose's output). It prints each run it removes.

Example:
   podrun gc
   podrun gc --dry-run`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "dry-run", Usage: "print what would be removed and remove nothing"},
		},
		Action: func(c *cli.Context) error {
			ctx := c.Context
			cli, err := connect(ctx, e)
			if err != nil {
				return err
			}
			defer cli.Close()
			runs, err := listRuns(ctx, cli)
			if err != nil {
				return err
			}
			var errs []error
			for _, r := range runs {
				if !r.garbage(hostname(), processAlive) {
					continue
				}
				if c.Bool("dry-run") {
					fmt.Fprintf(e.stdout, "%s/%s (owner %s is gone)\n", r.pod, r.id, r.owner)
					continue
				}
				if err := collect(ctx, cli, r); err != nil {
					errs = append(errs, fmt.Errorf("gc %s/%s: %w", r.pod, r.id, err))
					continue
				}
				fmt.Fprintf(e.stdout, "%s/%s (owner %s is gone)\n", r.pod, r.id, r.owner)
			}
			return errors.Join(errs...)
		},
	}
}

// run is one run's objects found by label: containers and volumes, whatever is left of them
// (a podrun killed during setup may leave volumes without any container).
type runObjects struct {
	id, pod, owner string
	keep           bool
	containers     int
	volumes        int
}

// garbage says whether the run's owner died on this host and the run was not kept.
func (r runObjects) garbage(host string, alive func(int) bool) bool {
	return !r.keep && ownerOf(r.owner, host, alive) == ownerDead
}

func listRuns(ctx context.Context, cli *client.Client) ([]runObjects, error) {
	byRun := filters.NewArgs(filters.Arg("label", plan.LabelRun))
	cs, err := cli.ContainerList(ctx, container.ListOptions{All: true, Filters: byRun})
	if err != nil {
		return nil, fmt.Errorf("list containers: %w", err)
	}
	vs, err := cli.VolumeList(ctx, volume.ListOptions{Filters: byRun})
	if err != nil {
		return nil, fmt.Errorf("list volumes: %w", err)
	}
	runs := map[string]*runObjects{}
	note := func(labels map[string]string) *runObjects {
		id := labels[plan.LabelRun]
		r, ok := runs[id]
		if !ok {
			r = &runObjects{id: id}
			runs[id] = r
		}
		r.pod = cmpOr(r.pod, labels[plan.LabelPod])
		r.owner = cmpOr(r.owner, labels[plan.LabelOwner])
		r.keep = r.keep || labels[plan.LabelKeep] == "true"
		return r
	}
	for _, c := range cs {
		note(c.Labels).containers++
	}
	for _, v := range vs.Volumes {
		if v != nil {
			note(v.Labels).volumes++
		}
	}
	out := make([]runObjects, 0, len(runs))
	for _, r := range runs {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out, nil
}

// collect removes a dead run: its pod is stopped as podrun down would (containers may still
// run: only their owner died), then everything labelled with the run is removed, and the
// state files of a detached run too.
func collect(ctx context.Context, cli *client.Client, r runObjects) error {
	var err error
	if r.containers > 0 {
		var pods []podRef
		if pods, err = listPods(ctx, cli); err == nil {
			for _, p := range pods {
				if p.RunID == r.id {
					stopInOrder(ctx, cli, p)
				}
			}
		}
	}
	if terr := runner.Teardown(context.WithoutCancel(ctx), cli, r.id); terr != nil {
		return terr
	}
	for _, suffix := range []string{".manifest", ".status.json", ".status.json.tmp", ".log"} {
		_ = os.Remove(filepath.Join(stateDir(), r.id+suffix))
	}
	return err
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
