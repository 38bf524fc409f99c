package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/runner"
)

// timeline collects every runner event of a run (--timeline) and prints them at the end in the
// order they happened, with the time since the first: what started, passed its probes, ran its
// hooks, got which signal and exited how, and when — the first thing someone debugging sidecar
// interaction wants to see.
type timeline struct {
	mu     sync.Mutex
	events []runner.Event
}

func (t *timeline) add(ev runner.Event) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.events = append(t.events, ev)
}

// print writes the timeline, one event a line: "+1.204s  web        Exited  exit 0: Completed".
func (t *timeline) print(w io.Writer) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.events) == 0 {
		return
	}
	width := len("pod")
	for _, ev := range t.events {
		width = max(width, len(ev.Container))
	}
	start := t.events[0].Time
	fmt.Fprintln(w, "timeline:")
	for _, ev := range t.events {
		name := ev.Container
		if name == "" || ev.Role == plan.RolePause {
			name = "pod"
		}
		fmt.Fprintf(w, "  %+9.3fs  %-*s  %s\n", ev.Time.Sub(start).Seconds(), width, name, timelineText(ev))
	}
}

func timelineText(ev runner.Event) string {
	parts := []string{string(ev.Kind)}
	if ev.Attempt > 0 {
		parts = append(parts, fmt.Sprintf("(restart %d)", ev.Attempt))
	}
	switch ev.Kind {
	case runner.EventExited:
		parts = append(parts, fmt.Sprintf("exit %d", ev.ExitCode))
	}
	if ev.Message != "" {
		parts = append(parts, firstLine(ev.Message))
	}
	return strings.Join(parts, "  ")
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	return s
}

// readyNotice prints one line when the pod becomes ready (--wait-ready in the foreground), so
// a script or a person watching knows the pod serves.
func readyNotice(w io.Writer, pod string) func(runner.Event) {
	var once sync.Once
	return func(ev runner.Event) {
		if ev.Kind == runner.EventPodReady && ev.ExitCode == 1 {
			once.Do(func() { fmt.Fprintf(w, "pod %s is ready (%s)\n", pod, ev.Time.Format(time.RFC3339)) })
		}
	}
}
