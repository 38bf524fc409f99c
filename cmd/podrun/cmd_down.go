package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/client"
	"github.com/urfave/cli/v2"
	"golang.org/x/sync/errgroup"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/runner"
)

func downCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "down",
		Usage:     "stop pods gracefully, as a cluster deletes them, and remove everything they created",
		ArgsUsage: "POD...",
		Description: `Stops each POD (a pod name, a run id, or name/runid as podrun ps shows them): app containers
first, with the pod's terminationGracePeriodSeconds, then native sidecars in reverse order, then
removes its containers and volumes. A detached pod's background podrun is asked to do it, so the
pod ends exactly as a cluster would end it.

With --all, ends every pod podrun created on the engine (podrun ps lists them).

Example:
   podrun down web
   podrun down $(podrun run -d pod.yaml)
   podrun down --all`,
		BashComplete: completePods(e),
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "all", Aliases: []string{"a"}, Usage: "every pod on the engine"},
		},
		Action: func(c *cli.Context) error {
			all := c.Bool("all")
			if c.NArg() == 0 && !all {
				return inputError{errors.New("down: expected at least one POD, or --all (see podrun ps)")}
			}
			if c.NArg() > 0 && all {
				return inputError{errors.New("down: give PODs or --all, not both")}
			}
			ctx := c.Context
			cli, err := connect(ctx, e)
			if err != nil {
				return err
			}
			defer cli.Close()
			var pods []podRef
			if all {
				pods, err = listPods(ctx, cli)
			} else {
				pods, err = findPods(ctx, cli, c.Args().Slice())
			}
			if err != nil {
				return err
			}
			// Pods end concurrently, each in the kubelet's order: --all must not take the sum
			// of every pod's grace period.
			var mu sync.Mutex
			var errs []error
			var g errgroup.Group
			for _, p := range pods {
				g.Go(func() error {
					err := down(ctx, cli, p)
					mu.Lock()
					defer mu.Unlock()
					if err != nil {
						errs = append(errs, fmt.Errorf("down %s/%s: %w", p.Name, p.RunID, err))
						return nil
					}
					fmt.Fprintln(e.stdout, p.Name+"/"+p.RunID)
					return nil
				})
			}
			_ = g.Wait()
			return errors.Join(errs...)
		},
	}
}

// down ends one pod run. When a podrun process owns it (a detached run), that process is asked
// to stop the pod (SIGTERM: its first-Ctrl-C path) and podrun waits for the sandbox to be removed.
// Otherwise (a kept pod, or an owner that died) podrun stops the containers itself in the
// kubelet's order and removes everything.
func down(ctx context.Context, cli *client.Client, p podRef) error {
	if pid, ok := liveOwner(p.Sandbox.Labels[plan.LabelOwner]); ok {
		if err := askToStop(pid); err == nil {
			waitRemoved(ctx, cli, p.Sandbox.ID, ownerGrace(p)+30*time.Second)
		}
	}
	stopInOrder(ctx, cli, p)
	return runner.Teardown(context.WithoutCancel(ctx), cli, p.RunID)
}

// stopInOrder stops app containers concurrently, then native sidecars one by one in reverse
// start order (§4.2). Each stop uses the container's own StopTimeout, which the plan set to the
// pod's terminationGracePeriodSeconds.
func stopInOrder(ctx context.Context, cli *client.Client, p podRef) {
	var apps, sidecars []container.Summary
	for _, c := range p.All {
		if c.State != "running" {
			continue
		}
		switch plan.Role(c.Labels[plan.LabelRole]) {
		case plan.RoleApp, plan.RolePrimary, plan.RoleInit:
			apps = append(apps, c)
		case plan.RoleSidecar:
			sidecars = append(sidecars, c)
		}
	}
	var g errgroup.Group
	for _, c := range apps {
		g.Go(func() error { return cli.ContainerStop(ctx, c.ID, container.StopOptions{}) })
	}
	_ = g.Wait() // a container that is already gone is what we want
	sort.Slice(sidecars, func(i, j int) bool { return sidecars[i].Created > sidecars[j].Created })
	for _, c := range sidecars {
		_ = cli.ContainerStop(ctx, c.ID, container.StopOptions{})
	}
}

// waitRemoved waits for the engine to report the container removed, or for the timeout.
func waitRemoved(ctx context.Context, cli *client.Client, id string, timeout time.Duration) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	waitC, errC := cli.ContainerWait(ctx, id, container.WaitConditionRemoved)
	select {
	case <-waitC:
	case <-errC:
	}
}

func ownerGrace(p podRef) time.Duration {
	for _, c := range p.All {
		if s, err := strconv.Atoi(c.Labels[plan.LabelGrace]); err == nil {
			return time.Duration(s) * time.Second
		}
	}
	return 30 * time.Second
}
