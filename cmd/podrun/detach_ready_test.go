package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/runner"
)

type lineRecorder struct{ strings.Builder }

func (*lineRecorder) Close() error { return nil }

func TestReadySignal(t *testing.T) {
	started := runner.Event{Kind: runner.EventStarted, Container: "web", Role: plan.RoleApp}
	ready := runner.Event{Kind: runner.EventPodReady, ExitCode: 1}
	stopping := runner.Event{Kind: runner.EventKilling, Message: "pod: timeout"}
	for _, tc := range []struct {
		name      string
		waitReady bool
		events    []runner.Event
		end       error
		want      string
	}{
		{"started is enough without --wait-ready", false, []runner.Event{started}, nil, "ok\n"},
		{"--wait-ready waits past the start for Ready", true, []runner.Event{started, ready}, nil, "ok\n"},
		{"--wait-ready: the pod ended first", true, []runner.Event{started}, podResult{code: 3}, "exit 3\n"},
		{"--wait-ready: --timeout expired first", true, []runner.Event{started}, errTimeout, lineTimeout + "\n"},
		{"--wait-ready: Ready during termination does not count", true, []runner.Event{started, stopping, ready}, errTimeout, lineTimeout + "\n"},
	} {
		var w lineRecorder
		r := newReadySignal(&w, tc.waitReady)
		r.need = 1
		for _, ev := range tc.events {
			r.event(ev)
		}
		r.done(tc.end)
		if w.String() != tc.want {
			t.Errorf("%s: sent %q, want %q", tc.name, w.String(), tc.want)
		}
	}
}

func TestFlyteOwnerArgsCarryTheParentsExecution(t *testing.T) {
	dir := t.TempDir()
	fr := &flyteRun{inputs: []byte("pb")}
	fr.opts.ExecutionID = "a1b2c3"
	ff := flyteFlags{primary: "main", env: []string{"A=1"}, command: []string{"sh", "-c", "echo --x"},
		inputs: []string{"n=1"}, outputsDir: "out"}
	args, err := flyteOwnerArgs(ff, fr, dir, "run1")
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(args, " ")
	for _, want := range []string{"--primary main", "--env A=1", `--command-json ["sh","-c","echo --x"]`, "--execution-id a1b2c3",
		"--inputs " + filepath.Join(dir, "run1.inputs.pb")} {
		if !strings.Contains(joined, want) {
			t.Errorf("owner args %q lack %q", joined, want)
		}
	}
	if slices.Contains(args, "--input") {
		t.Errorf("--input values go as the parent's inputs.pb, not again: %q", args)
	}
	if i := slices.Index(args, "--outputs-dir"); i < 0 || !filepath.IsAbs(args[i+1]) {
		t.Errorf("--outputs-dir not absolute: %q", args)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "run1.inputs.pb")); err != nil || string(data) != "pb" {
		t.Errorf("inputs.pb for the owner: %q, %v", data, err)
	}
	if args, _ := flyteOwnerArgs(ff, nil, dir, "run2"); args != nil {
		t.Errorf("a plain pod got Flyte owner args %q", args)
	}
}
