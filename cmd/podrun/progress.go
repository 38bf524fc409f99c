package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/runner"
)

// progress renders the runner's events as podrun's own messages on stderr.
type progress struct {
	e     *env
	quiet bool
}

func newProgress(e *env, quiet bool) *progress { return &progress{e: e, quiet: quiet} }

func (p *progress) event(ev runner.Event) {
	if p.quiet {
		return
	}
	l := p.e.log
	kv := []any{}
	if ev.Container != "" {
		kv = append(kv, "container", ev.Container)
	}
	if ev.Attempt > 0 {
		kv = append(kv, "restart", ev.Attempt)
	}
	switch ev.Kind {
	case runner.EventExited:
		kv = append(kv, "exit", ev.ExitCode)
		if ev.Message != "" {
			kv = append(kv, "reason", ev.Message)
		}
		if ev.ExitCode != 0 {
			l.Warn("exited", kv...)
			return
		}
		l.Info("exited", kv...)
	case runner.EventBackOff, runner.EventFailedHook:
		if ev.Message != "" {
			kv = append(kv, "msg", ev.Message)
		}
		l.Warn(strings.ToLower(string(ev.Kind)), kv...)
	case runner.EventCreated, runner.EventRemoved:
		if ev.Message != "" {
			kv = append(kv, "msg", ev.Message)
		}
		l.Debug(strings.ToLower(string(ev.Kind)), kv...)
	default:
		if ev.Role == plan.RolePause && ev.Kind == runner.EventStarted {
			l.Debug("sandbox started", kv...)
			return
		}
		if ev.Message != "" {
			kv = append(kv, "msg", ev.Message)
		}
		l.Info(strings.ToLower(string(ev.Kind)), kv...)
	}
}

// printSummary prints one line per container: role, exit code, restarts, how long it ran.
func printSummary(e *env, p *plan.Plan, res runner.Result) {
	if len(res.Containers) == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "pod %s: %s\n", p.Pod.Name, res.Phase)
	fmt.Fprintf(&b, "  %-20s %-8s %-6s %-8s %-9s %s\n", "CONTAINER", "ROLE", "EXIT", "RESTARTS", "DURATION", "REASON")
	for _, c := range res.Containers {
		exit, dur := "-", "-"
		if c.Ran && !c.Finished.IsZero() {
			exit = fmt.Sprint(c.ExitCode)
			dur = c.Finished.Sub(c.Started).Round(10 * time.Millisecond).String()
		}
		fmt.Fprintf(&b, "  %-20s %-8s %-6s %-8d %-9s %s\n", c.Name, c.Role, exit, c.Restarts, dur, c.Reason)
	}
	fmt.Fprint(e.stderr, b.String())
}
