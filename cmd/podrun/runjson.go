package main

import (
	"encoding/json"
	"io"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/runner"
	"github.com/podrun/podrun/warnings"
)

// The JSON event stream of `podrun run --output json` (docs/run-json.md): one object per line on
// stdout, each with "type" and "time". Fields are only ever added, never renamed or removed.
const runJSONSchema = 1

// jsonStart opens the stream: what is about to run.
type jsonStart struct {
	Type       string          `json:"type"` // "start"
	Time       time.Time       `json:"time"`
	Schema     int             `json:"schemaVersion"`
	Run        string          `json:"run"`
	Pod        string          `json:"pod"`
	Namespace  string          `json:"namespace"`
	File       string          `json:"file"`
	Containers []jsonContainer `json:"containers"`
}

type jsonContainer struct {
	Name  string `json:"name"`
	Role  string `json:"role"`
	Image string `json:"image"`
}

// jsonWarning is one departure from a cluster, as podrun check reports it.
type jsonWarning struct {
	Type    string           `json:"type"` // "warning"
	Time    time.Time        `json:"time"`
	Warning warnings.Warning `json:"warning"`
}

// jsonEvent is one step of the pod's life (runner.Event).
type jsonEvent struct {
	Type      string    `json:"type"` // "event"
	Time      time.Time `json:"time"`
	Kind      string    `json:"kind"`
	Container string    `json:"container,omitempty"`
	Role      string    `json:"role,omitempty"`
	Attempt   int       `json:"attempt"`
	ExitCode  *int      `json:"exitCode,omitempty"`
	Message   string    `json:"message,omitempty"`
}

// jsonLog is one line a container wrote.
type jsonLog struct {
	Type      string    `json:"type"` // "log"
	Time      time.Time `json:"time"`
	Container string    `json:"container"`
	Attempt   int       `json:"attempt"`
	Stream    string    `json:"stream"` // stdout or stderr
	Text      string    `json:"text"`
}

// jsonResult closes the stream, always, whatever the path: podrun's exit code and why.
type jsonResult struct {
	Type      string                `json:"type"` // "result"
	Time      time.Time             `json:"time"`
	Run       string                `json:"run,omitempty"`
	Pod       string                `json:"pod,omitempty"`
	Phase     string                `json:"phase,omitempty"`
	ExitCode  int                   `json:"exitCode"`
	Outcome   string                `json:"outcome"`
	Error     string                `json:"error,omitempty"`
	Duration  float64               `json:"durationSeconds"`
	Container []jsonContainerResult `json:"containers"`
}

type jsonContainerResult struct {
	Name     string     `json:"name"`
	Role     string     `json:"role"`
	Ran      bool       `json:"ran"`
	ExitCode *int       `json:"exitCode"`
	Restarts int        `json:"restarts"`
	Reason   string     `json:"reason,omitempty"`
	Message  string     `json:"message,omitempty"`
	Started  *time.Time `json:"startedAt,omitempty"`
	Finished *time.Time `json:"finishedAt,omitempty"`
	Duration *float64   `json:"durationSeconds,omitempty"`
}

// Outcomes of a run, in jsonResult.Outcome and the JUnit report.
const (
	outcomeSucceeded   = "succeeded"   // exit 0
	outcomeFailed      = "failed"      // the pod failed: exitCode is the failing container's
	outcomeRefused     = "refused"     // exit 2: input podrun refuses
	outcomeTimeout     = "timeout"     // exit 124
	outcomeInterrupted = "interrupted" // exit 130
	outcomeError       = "error"       // exit 125: podrun or the engine failed
)

func outcomeOf(code int, hasResult bool) string {
	switch {
	case code == exitOK:
		return outcomeSucceeded
	case code == exitTimeout:
		return outcomeTimeout
	case code == exitInterrupted:
		return outcomeInterrupted
	case !hasResult && code == exitInput:
		return outcomeRefused
	case !hasResult && code == exitEngine:
		return outcomeError
	}
	return outcomeFailed
}

// jsonStream writes events, one JSON object per line, safe for concurrent use.
type jsonStream struct {
	mu  sync.Mutex
	enc *json.Encoder
	now func() time.Time
}

func newJSONStream(w io.Writer, now func() time.Time) *jsonStream {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &jsonStream{enc: enc, now: now}
}

func (s *jsonStream) write(v any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_ = s.enc.Encode(v) // a closed stdout is not worth stopping the pod for
}

func (s *jsonStream) start(p *plan.Plan, file string) {
	ev := jsonStart{Type: "start", Time: s.now().UTC(), Schema: runJSONSchema, Run: p.RunID, Pod: p.Pod.Name, Namespace: p.Pod.Namespace, File: file, Containers: []jsonContainer{}}
	for _, c := range append(append([]plan.Container{}, p.Init...), p.Containers...) {
		ev.Containers = append(ev.Containers, jsonContainer{Name: c.Name, Role: string(c.Role), Image: c.Image})
	}
	s.write(ev)
}

func (s *jsonStream) warnings(ws []warnings.Warning) {
	for _, w := range ws {
		s.write(jsonWarning{Type: "warning", Time: s.now().UTC(), Warning: w})
	}
}

func (s *jsonStream) event(ev runner.Event) {
	t := ev.Time
	if t.IsZero() {
		t = s.now()
	}
	out := jsonEvent{Type: "event", Time: t.UTC(), Kind: string(ev.Kind), Container: ev.Container, Role: string(ev.Role), Attempt: ev.Attempt, Message: ev.Message}
	if ev.Kind == runner.EventExited {
		code := ev.ExitCode
		out.ExitCode = &code
	}
	s.write(out)
}

func (s *jsonStream) log(l runner.LogLine) {
	stream := "stdout"
	if l.Stderr {
		stream = "stderr"
	}
	s.write(jsonLog{Type: "log", Time: s.now().UTC(), Container: l.Container, Attempt: l.Attempt, Stream: stream, Text: l.Text})
}

// result builds the closing object from how the run ended (r is nil when the pod never ran).
func resultObject(now time.Time, started time.Time, p *plan.Plan, r *runner.Result, code int, err error) jsonResult {
	out := jsonResult{Type: "result", Time: now.UTC(), ExitCode: code, Outcome: outcomeOf(code, r != nil && len(r.Containers) > 0), Container: []jsonContainerResult{}}
	if !started.IsZero() {
		out.Duration = seconds(now.Sub(started))
	}
	if p != nil {
		out.Run, out.Pod = p.RunID, p.Pod.Name
	}
	var res podResult
	if err != nil && !isPodResult(err, &res) {
		out.Error = err.Error()
	}
	if r == nil {
		return out
	}
	out.Phase = string(r.Phase)
	messages := terminationMessages(r.Status)
	for _, c := range r.Containers {
		cr := jsonContainerResult{Name: c.Name, Role: string(c.Role), Ran: c.Ran, Restarts: c.Restarts, Reason: c.Reason, Message: messages[c.Name]}
		if c.Ran && !c.Finished.IsZero() {
			code := c.ExitCode
			cr.ExitCode = &code
		}
		if !c.Started.IsZero() {
			t := c.Started.UTC()
			cr.Started = &t
		}
		if !c.Finished.IsZero() {
			t := c.Finished.UTC()
			cr.Finished = &t
			if !c.Started.IsZero() {
				d := seconds(c.Finished.Sub(c.Started))
				cr.Duration = &d
			}
		}
		out.Container = append(out.Container, cr)
	}
	return out
}

// terminationMessages are the containers' last termination messages (§12: the file at
// terminationMessagePath, or the log tail with FallbackToLogsOnError), from the final status.
func terminationMessages(st corev1.PodStatus) map[string]string {
	m := map[string]string{}
	for _, list := range [][]corev1.ContainerStatus{st.InitContainerStatuses, st.ContainerStatuses} {
		for _, s := range list {
			switch {
			case s.State.Terminated != nil && s.State.Terminated.Message != "":
				m[s.Name] = s.State.Terminated.Message
			case s.LastTerminationState.Terminated != nil && s.LastTerminationState.Terminated.Message != "":
				m[s.Name] = s.LastTerminationState.Terminated.Message
			}
		}
	}
	return m
}

func seconds(d time.Duration) float64 { return float64(d.Milliseconds()) / 1000 }
