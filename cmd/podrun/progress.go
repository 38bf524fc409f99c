package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/runner"
)

// progress renders the runner's events as podrun's own messages on stderr: what a person
// watching a pod wants to know (starts, exits, restarts, back-offs, kills), with the sandbox's
// and teardown's plumbing at debug level (PODRUN_DEBUG=1).
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
	if ev.Container != "" && ev.Role != plan.RolePause {
		kv = append(kv, "container", ev.Container)
	}
	if ev.Attempt > 0 {
		kv = append(kv, "restart", ev.Attempt)
	}
	switch {
	case ev.Role == plan.RolePause, ev.Kind == runner.EventCreated, ev.Kind == runner.EventRemoved,
		ev.Kind == runner.EventProbe, ev.Kind == runner.EventPostStartDone, ev.Kind == runner.EventPreStopDone:
		l.Debug(describe(ev), append(kv, "msg", ev.Message)...)
	case ev.Kind == runner.EventExited:
		kv = append(kv, "exit", ev.ExitCode)
		if ev.Message != "" {
			kv = append(kv, "reason", ev.Message)
		}
		if ev.ExitCode != 0 {
			l.Warn("exited", kv...)
			return
		}
		l.Info("exited", kv...)
	case ev.Kind == runner.EventBackOff, ev.Kind == runner.EventFailedHook, ev.Kind == runner.EventUnhealthy,
		ev.Kind == runner.EventSandboxChanged, ev.Kind == runner.EventPullFailed:
		l.Warn(describe(ev), append(kv, "msg", ev.Message)...)
	case ev.Kind == runner.EventPodPhase:
		l.Info("pod " + strings.ToLower(ev.Message))
	case ev.Kind == runner.EventPodReady:
		l.Info(ev.Message)
	case ev.Kind == runner.EventTeardown:
		l.Debug("removing everything of run " + ev.Message)
	case ev.Kind == runner.EventStarted:
		l.Info("started", append(kv, "role", string(ev.Role))...)
	case ev.Kind == runner.EventKilling && ev.Container == "":
		l.Info("stopping the " + ev.Message)
	case ev.Kind == runner.EventKilling:
		l.Info("stopping", append(kv, "how", ev.Message)...)
	default:
		if ev.Message != "" {
			kv = append(kv, "msg", ev.Message)
		}
		l.Info(describe(ev), kv...)
	}
}

// describe names an event kind in words: PostStartHook → "post start hook".
func describe(ev runner.Event) string {
	var b strings.Builder
	for i, r := range string(ev.Kind) {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	what := strings.ToLower(b.String())
	if ev.Role == plan.RolePause {
		return what + " sandbox"
	}
	return what
}

// printSummary prints one line per container: role, exit code, restarts, how long it ran.
func printSummary(e *env, p *plan.Plan, res runner.Result) {
	if len(res.Containers) == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "pod %s: %s\n", p.Pod.Name, res.Phase)
	fmt.Fprintf(&b, "  %-20s %-8s %-6s %-8s %-9s %s\n", "CONTAINER", "ROLE", "EXIT", "RESTARTS", "RAN", "REASON")
	for _, c := range res.Containers {
		exit, dur := "-", "-"
		if c.Ran && !c.Finished.IsZero() {
			exit = fmt.Sprint(c.ExitCode)
			dur = roundDuration(c.Finished.Sub(c.Started))
		}
		reason := c.Reason
		if c.Message != "" {
			reason += ": " + firstLine(c.Message) // the termination message (§3.4)
		}
		fmt.Fprintf(&b, "  %-20s %-8s %-6s %-8d %-9s %s\n", c.Name, c.Role, exit, c.Restarts, dur, reason)
	}
	fmt.Fprint(e.stderr, b.String())
}

// roundDuration keeps two significant figures: 12ms, 1.3s, 2m5s.
func roundDuration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return d.Round(time.Microsecond).String()
	case d < time.Second:
		return d.Round(time.Millisecond).String()
	case d < time.Minute:
		return d.Round(100 * time.Millisecond).String()
	}
	return d.Round(time.Second).String()
}
