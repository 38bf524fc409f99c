package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/client"
	"github.com/docker/docker/pkg/stdcopy"
	"github.com/moby/term"
	"github.com/urfave/cli/v2"

	"github.com/podrun/podrun/plan"
)

// defaultContainerAnnotation names the container kubectl exec and logs choose by default.
const defaultContainerAnnotation = "kubectl.kubernetes.io/default-container"

func execCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "exec",
		Usage:     "run a command in a running container of a pod, and exit with its exit code",
		ArgsUsage: "POD [-c CONTAINER] -- COMMAND [ARG...]",
		Description: `Runs COMMAND in a container of POD, as kubectl exec does: in the container named with -c,
else the one the pod's kubectl.kubernetes.io/default-container annotation names, else the
primary container, else the first regular container. A TTY is allocated, and stdin attached,
when podrun's stdin and stdout are terminals; -i attaches stdin without one. podrun exits with
the command's exit code (125 when the command could not be run at all).

Example:
   podrun exec web -- ls /www
   podrun exec web -c sidecar -- sh
   echo hello | podrun exec -i web -- cat`,
		BashComplete: completePods(e),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "container", Aliases: []string{"c"}, Usage: "the container's `NAME` in the pod"},
			&cli.BoolFlag{Name: "stdin", Aliases: []string{"i"}, Usage: "pass stdin to the command"},
			&cli.BoolFlag{Name: "tty", Aliases: []string{"t"}, Usage: "allocate a TTY even when stdin is not a terminal"},
		},
		Action: func(c *cli.Context) error {
			args := c.Args().Slice()
			if len(args) > 0 && args[0] == "--" {
				return inputError{errors.New("exec: expected POD before -- (see podrun exec --help)")}
			}
			if len(args) < 2 {
				return inputError{errors.New("exec: expected POD -- COMMAND [ARG...]")}
			}
			pod, cmd := args[0], args[1:]
			if cmd[0] == "--" {
				cmd = cmd[1:]
			}
			if len(cmd) == 0 {
				return inputError{errors.New("exec: expected a COMMAND after --")}
			}
			tty := c.Bool("tty") || (isTerminal(e.stdin) && isTerminal(e.stdout))
			return execInPod(c.Context, e, pod, c.String("container"), cmd, tty, tty || c.Bool("stdin"))
		},
	}
}

func execInPod(ctx context.Context, e *env, podName, want string, cmd []string, tty, stdin bool) error {
	cli, err := connect(ctx, e)
	if err != nil {
		return err
	}
	defer cli.Close()
	ref, err := findOnePod(ctx, cli, podName)
	if err != nil {
		return err
	}
	name := want
	if name == "" {
		name = defaultContainer(ref)
	}
	id, err := runningInstance(ref, name)
	if err != nil {
		return err
	}
	opts := container.ExecOptions{Cmd: cmd, Tty: tty, AttachStdin: stdin, AttachStdout: true, AttachStderr: true}
	if tty {
		if ws, err := term.GetWinsize(os.Stdout.Fd()); err == nil {
			opts.ConsoleSize = &[2]uint{uint(ws.Height), uint(ws.Width)}
		}
	}
	created, err := cli.ContainerExecCreate(ctx, id, opts)
	if err != nil {
		return fmt.Errorf("exec in %s/%s %q: %w", ref.Name, ref.RunID, name, err)
	}
	resp, err := cli.ContainerExecAttach(ctx, created.ID, container.ExecAttachOptions{Tty: tty, ConsoleSize: opts.ConsoleSize})
	if err != nil {
		return fmt.Errorf("exec in %s/%s %q: %w", ref.Name, ref.RunID, name, err)
	}
	defer resp.Close()
	if tty {
		restore := rawTerminal(e)
		defer restore()
		stopResize := followResize(ctx, cli, created.ID)
		defer stopResize()
	}
	if stdin {
		go func() { // ends with stdin, or with the process (the connection closes)
			_, _ = io.Copy(resp.Conn, e.stdin)
			_ = resp.CloseWrite()
		}()
	}
	if tty {
		_, err = io.Copy(e.stdout, resp.Reader)
	} else {
		_, err = stdcopy.StdCopy(e.stdout, e.stderr, resp.Reader)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("exec in %s/%s %q: %w", ref.Name, ref.RunID, name, err)
	}
	code, err := execExitCode(ctx, cli, created.ID)
	if err != nil {
		return fmt.Errorf("exec in %s/%s %q: %w", ref.Name, ref.RunID, name, err)
	}
	return podResult{code: code}
}

// execExitCode waits for the engine to record the process's end: the output stream closes a
// moment before the exec is marked finished.
func execExitCode(ctx context.Context, cli *client.Client, id string) (int, error) {
	deadline := time.Now().Add(10 * time.Second)
	for {
		in, err := cli.ContainerExecInspect(ctx, id)
		if err != nil {
			return 0, err
		}
		if !in.Running || time.Now().After(deadline) {
			return in.ExitCode, nil
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// defaultContainer is kubectl's choice: the default-container annotation, then (podrun's
// addition, for Flyte) the primary, then the first regular container in spec order.
func defaultContainer(ref podRef) string {
	if pod, err := manifestOf(ref); err == nil {
		if n := pod.Annotations[defaultContainerAnnotation]; n != "" {
			return n
		}
		for _, c := range ref.All {
			if plan.Role(c.Labels[plan.LabelRole]) == plan.RolePrimary {
				return c.Labels[plan.LabelContainer]
			}
		}
		if len(pod.Spec.Containers) > 0 {
			return pod.Spec.Containers[0].Name
		}
	}
	for _, c := range ref.All { // no manifest: the primary, else any regular container
		if r := plan.Role(c.Labels[plan.LabelRole]); r == plan.RolePrimary {
			return c.Labels[plan.LabelContainer]
		}
	}
	for _, c := range ref.All {
		if plan.Role(c.Labels[plan.LabelRole]) == plan.RoleApp {
			return c.Labels[plan.LabelContainer]
		}
	}
	return ""
}

// runningInstance is the newest instance of the named container, which must be running.
func runningInstance(ref podRef, name string) (string, error) {
	var instances []container.Summary
	var names []string
	seen := map[string]bool{}
	for _, c := range ref.All {
		n := c.Labels[plan.LabelContainer]
		if plan.Role(c.Labels[plan.LabelRole]) == plan.RolePause {
			continue
		}
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
		if n == name {
			instances = append(instances, c)
		}
	}
	if len(instances) == 0 {
		sort.Strings(names)
		return "", fmt.Errorf("pod %s/%s has no container %q (containers: %v)", ref.Name, ref.RunID, name, names)
	}
	sort.Slice(instances, func(i, j int) bool {
		a, _ := strconv.Atoi(instances[i].Labels[plan.LabelAttempt])
		b, _ := strconv.Atoi(instances[j].Labels[plan.LabelAttempt])
		return a > b
	})
	if instances[0].State != "running" {
		return "", fmt.Errorf("container %q of pod %s/%s is not running (%s): exec needs a running container", name, ref.Name, ref.RunID, instances[0].State)
	}
	return instances[0].ID, nil
}

// rawTerminal puts the terminal in raw mode, so keys reach the command as typed; the returned
// function restores it.
func rawTerminal(e *env) func() {
	f, ok := e.stdin.(*os.File)
	if !ok {
		return func() {}
	}
	state, err := term.SetRawTerminal(f.Fd())
	if err != nil {
		return func() {}
	}
	return func() { _ = term.RestoreTerminal(f.Fd(), state) }
}

// followResize passes the terminal's size to the exec's TTY now and on every SIGWINCH.
func followResize(ctx context.Context, cli *client.Client, id string) func() {
	resize := func() {
		if ws, err := term.GetWinsize(os.Stdout.Fd()); err == nil {
			_ = cli.ContainerExecResize(ctx, id, container.ResizeOptions{Height: uint(ws.Height), Width: uint(ws.Width)})
		}
	}
	sigs := make(chan os.Signal, 1)
	notifyResize(sigs)
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			select {
			case <-sigs:
				resize()
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
		<-stopped
	}
}
