package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/sync/errgroup"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/runner"
)

func logsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "logs",
		Usage:     "print a pod's container output",
		ArgsUsage: "POD [CONTAINER]",
		Description: `Prints what the pod's containers wrote. With CONTAINER, that container's output as it wrote it
(as kubectl logs does); without, every container's output interleaved and prefixed
"container | line", as a foreground run shows it.

Example:
   podrun logs web
   podrun logs web sidecar --previous
   podrun logs -f web app
   podrun logs web --since 10m --tail 20 --timestamps`,
		BashComplete: completePods(e),
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "follow", Aliases: []string{"f"}, Usage: "keep printing output as it is written"},
			&cli.BoolFlag{Name: "previous", Aliases: []string{"p"}, Usage: "the previous instance of the container (before its last restart)"},
			&cli.StringFlag{Name: "since", Usage: "only output newer than a relative `DURATION` (10m, 1h30m) or an RFC 3339 time"},
			&cli.BoolFlag{Name: "timestamps", Aliases: []string{"t"}, Usage: "prefix each line with its RFC 3339 timestamp"},
			&cli.StringFlag{Name: "tail", Value: "all", Usage: "the last `N` lines of each container (all: everything)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() < 1 || c.NArg() > 2 {
				return inputError{errors.New("logs: expected POD [CONTAINER]")}
			}
			opts, err := logFlags(c)
			if err != nil {
				return err
			}
			ctx := c.Context
			cli, err := connect(ctx, e)
			if err != nil {
				return err
			}
			defer cli.Close()
			ref, err := findOnePod(ctx, cli, c.Args().Get(0))
			if err != nil {
				return err
			}
			want := c.Args().Get(1)
			chosen, err := chooseInstances(ref, want, c.Bool("previous"))
			if err != nil {
				return err
			}
			var mu sync.Mutex // one line at a time on stdout
			names := make([]string, len(chosen))
			for i, ch := range chosen {
				names[i] = ch.name
			}
			printer := newLogPrinter(e.stdout, e.color, names)
			g, gctx := errgroup.WithContext(ctx)
			for _, ch := range chosen {
				g.Go(func() error {
					info, err := cli.ContainerInspect(gctx, ch.id)
					if err != nil {
						return fmt.Errorf("inspect %s: %w", ch.name, err)
					}
					tty := info.Config != nil && info.Config.Tty
					return runner.ReadLogs(gctx, cli, ch.id, tty, opts, func(stderr bool, text string) {
						mu.Lock()
						defer mu.Unlock()
						if want != "" {
							w := e.stdout
							if stderr {
								w = e.stderr
							}
							_, _ = io.WriteString(w, text+"\n")
							return
						}
						printer.print(runner.LogLine{Container: ch.name, Stderr: stderr, Text: text})
					})
				})
			}
			return g.Wait()
		},
	}
}

type instance struct {
	name    string
	id      string
	attempt int
}

// chooseInstances picks, per container (or for the one named), the newest instance, or the one
// before it with previous — as kubectl logs --previous reads the last terminated instance.
func chooseInstances(ref podRef, want string, previous bool) ([]instance, error) {
	byName := map[string][]instance{}
	var order []string
	for _, c := range ref.All {
		role := plan.Role(c.Labels[plan.LabelRole])
		name := c.Labels[plan.LabelContainer]
		if role == plan.RolePause || name == "" || (want != "" && name != want) {
			continue
		}
		attempt, _ := strconv.Atoi(c.Labels[plan.LabelAttempt])
		if _, ok := byName[name]; !ok {
			order = append(order, name)
		}
		byName[name] = append(byName[name], instance{name: name, id: c.ID, attempt: attempt})
	}
	if want != "" && len(byName) == 0 {
		return nil, fmt.Errorf("pod %s has no container %q", ref.Name, want)
	}
	sort.Strings(order)
	var out []instance
	for _, name := range order {
		is := byName[name]
		sort.Slice(is, func(i, j int) bool { return is[i].attempt > is[j].attempt })
		switch {
		case !previous:
			out = append(out, is[0])
		case len(is) > 1:
			out = append(out, is[1])
		case want != "":
			return nil, fmt.Errorf("previous terminated container %q in pod %q not found", name, ref.Name)
		}
	}
	return out, nil
}

// logFlags checks podrun logs' filters before the engine is asked.
func logFlags(c *cli.Context) (runner.LogsOptions, error) {
	o := runner.LogsOptions{Follow: c.Bool("follow"), Since: c.String("since"), Timestamps: c.Bool("timestamps"), Tail: c.String("tail")}
	if o.Tail != "all" {
		if n, err := strconv.Atoi(o.Tail); err != nil || n < -1 {
			return o, inputError{fmt.Errorf("--tail %q: expected a number of lines or all", o.Tail)}
		}
	}
	if o.Since != "" {
		if _, err := time.ParseDuration(o.Since); err != nil {
			if _, err := time.Parse(time.RFC3339Nano, o.Since); err != nil {
				return o, inputError{fmt.Errorf("--since %q: expected a duration (10m, 1h) or an RFC 3339 time", o.Since)}
			}
		}
	}
	return o, nil
}
