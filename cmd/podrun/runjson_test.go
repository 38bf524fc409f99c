package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/runner"
	"github.com/podrun/podrun/warnings"
)

var t0 = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)

func testPlan() *plan.Plan {
	return &plan.Plan{
		RunID: "0a1b2c3d",
		Pod:   plan.PodMeta{Name: "web", Namespace: "default"},
		Init:  []plan.Container{{Name: "setup", Role: plan.RoleInit, Image: "busybox"}, {Name: "proxy", Role: plan.RoleSidecar, Image: "busybox"}},
		Containers: []plan.Container{
			{Name: "app", Role: plan.RoleApp, Image: "busybox"},
			{Name: "late", Role: plan.RoleApp, Image: "busybox"},
		},
	}
}

func failedResult() runner.Result {
	return runner.Result{
		Phase:    corev1.PodFailed,
		ExitCode: 3,
		Status: corev1.PodStatus{ContainerStatuses: []corev1.ContainerStatus{{
			Name:  "app",
			State: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 3, Reason: "Error", Message: "db unreachable"}},
		}}},
		Containers: []runner.ContainerResult{
			{Name: "setup", Role: plan.RoleInit, Ran: true, Started: t0, Finished: t0.Add(1500 * time.Millisecond), Reason: "Completed"},
			{Name: "proxy", Role: plan.RoleSidecar, Ran: true, ExitCode: 143, Started: t0.Add(2 * time.Second), Finished: t0.Add(5 * time.Second), Reason: "Error"},
			{Name: "app", Role: plan.RoleApp, Ran: true, ExitCode: 3, Restarts: 1, Started: t0.Add(2 * time.Second), Finished: t0.Add(4 * time.Second), Reason: "Error"},
			{Name: "late", Role: plan.RoleApp, Reason: "ErrImagePull"},
		},
	}
}

// decodeLines parses a JSON-lines stream into generic objects, failing on any invalid line.
func decodeLines(t *testing.T, data []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("not one JSON object per line: %v\n%s", err, sc.Text())
		}
		if m["type"] == nil || m["time"] == nil {
			t.Errorf("an event without type or time: %s", sc.Text())
		}
		out = append(out, m)
	}
	return out
}

func TestJSONStream(t *testing.T) {
	var buf bytes.Buffer
	s := newJSONStream(&buf, func() time.Time { return t0 })
	p := testPlan()
	s.start(p, "pod.yaml")
	s.warnings([]warnings.Warning{{Code: "scheduling.node-selector", Severity: warnings.SeverityWarning, Path: "spec.nodeSelector", Message: "m"}})
	s.event(runner.Event{Time: t0, Kind: runner.EventStarted, Container: "app", Role: plan.RoleApp})
	s.event(runner.Event{Time: t0, Kind: runner.EventExited, Container: "app", Role: plan.RoleApp, ExitCode: 0})
	s.log(runner.LogLine{Container: "app", Stderr: true, Text: `a "quoted" <line>`})
	res := failedResult()
	s.write(resultObject(t0.Add(5*time.Second), t0, p, &res, 3, podResult{code: 3}))

	evs := decodeLines(t, buf.Bytes())
	if len(evs) != 6 {
		t.Fatalf("want 6 events, got %d:\n%s", len(evs), buf.String())
	}
	types := []string{}
	for _, e := range evs {
		types = append(types, e["type"].(string))
	}
	if got := strings.Join(types, ","); got != "start,warning,event,event,log,result" {
		t.Errorf("types %s", got)
	}
	if evs[0]["schemaVersion"].(float64) != 1 || evs[0]["run"] != "0a1b2c3d" || len(evs[0]["containers"].([]any)) != 4 {
		t.Errorf("start: %v", evs[0])
	}
	if evs[1]["warning"].(map[string]any)["code"] != "scheduling.node-selector" {
		t.Errorf("warning: %v", evs[1])
	}
	if _, has := evs[2]["exitCode"]; has {
		t.Errorf("a Started event carries an exit code: %v", evs[2])
	}
	if code, has := evs[3]["exitCode"]; !has || code.(float64) != 0 {
		t.Errorf("an Exited event must carry its exit code, 0 included: %v", evs[3])
	}
	if evs[4]["stream"] != "stderr" || evs[4]["text"] != `a "quoted" <line>` {
		t.Errorf("log: %v", evs[4])
	}
	r := evs[5]
	if r["exitCode"].(float64) != 3 || r["outcome"] != "failed" || r["phase"] != "Failed" || r["durationSeconds"].(float64) != 5 {
		t.Errorf("result: %v", r)
	}
	if _, has := r["error"]; has {
		t.Errorf("a pod's own failure is not podrun's error: %v", r)
	}
	cs := r["containers"].([]any)
	app := cs[2].(map[string]any)
	if app["exitCode"].(float64) != 3 || app["restarts"].(float64) != 1 || app["message"] != "db unreachable" || app["durationSeconds"].(float64) != 2 {
		t.Errorf("app: %v", app)
	}
	late := cs[3].(map[string]any)
	if late["exitCode"] != nil || late["ran"] != false || late["reason"] != "ErrImagePull" {
		t.Errorf("a container that never ran: %v", late)
	}
}

func TestResultOutcomes(t *testing.T) {
	cases := []struct {
		code    int
		res     bool
		err     error
		outcome string
		errText string
	}{
		{0, true, nil, "succeeded", ""},
		{2, false, inputError{errors.New("bad field")}, "refused", "bad field"},
		{125, false, errors.New("cannot reach the Docker engine"), "error", "cannot reach"},
		{124, true, errTimeout, "timeout", "timeout expired"},
		{130, true, errInterrupted, "interrupted", "interrupted"},
		{2, true, podResult{code: 2}, "failed", ""}, // a container that exits 2 is the pod's result
	}
	for _, tc := range cases {
		var r *runner.Result
		if tc.res {
			r = &runner.Result{Containers: []runner.ContainerResult{{Name: "a"}}}
		}
		got := resultObject(t0, t0, nil, r, tc.code, tc.err)
		if got.Outcome != tc.outcome || !strings.Contains(got.Error, tc.errText) || (tc.errText == "" && got.Error != "") {
			t.Errorf("code %d: outcome %q error %q, want %q and %q", tc.code, got.Outcome, got.Error, tc.outcome, tc.errText)
		}
	}
}
