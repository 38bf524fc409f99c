package runner

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/probe"
)

// execSlack is how much longer than a probe's timeout its exec may take: the in-pod prober
// enforces timeoutSeconds itself (§5); the slack covers the engine's exec round trips, and an
// exec that outlives it is a prober error (the engine is stuck), not a probe failure.
const execSlack = 10 * time.Second

// execProber runs network probes and httpGet hooks inside the pod's network namespace: podrun's
// own executable, installed in the sandbox (probe_helper.go), run there as an exec. The request
// goes to the pod IP, as the kubelet's does from the node.
type execProber struct {
	eng       Engine
	sandboxID string
	podIP     string
}

func (x execProber) probe(ctx context.Context, h plan.Handler, timeout time.Duration) (probe.Result, string, error) {
	args, err := probe.Command(h, x.podIP, timeout, false)
	if err != nil {
		return probe.Failure, "", err
	}
	ctx, cancel := context.WithTimeout(ctx, timeout+execSlack)
	defer cancel()
	code, out, err := x.run(ctx, args)
	if err != nil {
		return probe.Failure, "", err
	}
	res, ok := probe.ResultOfExit(code)
	if !ok {
		return probe.Failure, "", proberError(code, out)
	}
	return res, out, nil
}

// lifecycleHTTP makes a hook's call. Hooks have no timeout of their own (§6.1): the call ends
// with ctx (a preStop's grace), and the in-pod prober is told the same deadline so that it
// does not outlive it in the sandbox.
func (x execProber) lifecycleHTTP(ctx context.Context, g plan.HTTPGet) error {
	var timeout time.Duration
	if d, ok := ctx.Deadline(); ok {
		timeout = max(time.Until(d), time.Millisecond)
	}
	args, err := probe.Command(plan.Handler{HTTPGet: &g}, x.podIP, timeout, true)
	if err != nil {
		return err
	}
	code, out, err := x.run(ctx, args)
	switch {
	case err != nil:
		return err
	case code == probe.ExitFailure:
		return errors.New(strings.TrimSpace(out))
	case code != probe.ExitSuccess:
		return proberError(code, out)
	}
	return nil
}

func (x execProber) run(ctx context.Context, args []string) (int, string, error) {
	code, out, err := execIn(ctx, x.eng, x.sandboxID, append([]string{helperPath, "__probe"}, args...), false)
	if err != nil {
		return 0, "", fmt.Errorf("in-pod prober: %w", err)
	}
	return code, out, nil
}

func proberError(code int, out string) error {
	return fmt.Errorf("in-pod prober exited with %d: %s", code, strings.TrimSpace(out))
}

// installNetProber installs podrun's executable in the running sandbox, in the background —
// copying it takes about as long as starting the sandbox, and no probe runs before a container
// has started — and returns the prober the first probe will wait for: in the pod when the
// install succeeded, else from this machine, which an event then says, since the pod IP may be
// out of this machine's reach (Docker Desktop, a remote engine).
func (w *worker) installNetProber(exe string) netProber {
	c := &chosenProber{chosen: make(chan struct{})}
	w.spawn(func() error {
		defer close(c.chosen)
		if why := installProbeHelper(w.ctx, w.eng, w.sandboxID, exe); why != "" {
			c.p = hostProber{podIP: w.addrs.PodIP}
			if w.ctx.Err() == nil {
				w.n.event(Event{Kind: EventProbeFromHost, Message: fmt.Sprintf(
					"network probes and httpGet hooks are sent from this machine to the pod IP %s: %s", w.addrs.PodIP, why)})
			}
			return nil
		}
		c.p = execProber{eng: w.eng, sandboxID: w.sandboxID, podIP: w.addrs.PodIP}
		return nil
	})
	return c
}

// chosenProber is the prober installNetProber chose, once it has chosen.
type chosenProber struct {
	chosen chan struct{}
	p      netProber
}

func (c *chosenProber) probe(ctx context.Context, h plan.Handler, timeout time.Duration) (probe.Result, string, error) {
	select {
	case <-c.chosen:
		return c.p.probe(ctx, h, timeout)
	case <-ctx.Done():
		return probe.Failure, "", ctx.Err()
	}
}

func (c *chosenProber) lifecycleHTTP(ctx context.Context, g plan.HTTPGet) error {
	select {
	case <-c.chosen:
		return c.p.lifecycleHTTP(ctx, g)
	case <-ctx.Done():
		return ctx.Err()
	}
}
