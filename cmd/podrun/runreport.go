package main

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/runner"
	"github.com/podrun/podrun/warnings"
)

// reportLines is how many of each container's last lines the JUnit report keeps.
const reportLines = 50

// machineOutput is what `podrun run` writes for machines: the JSON event stream on stdout
// (--output json) and the JUnit report (--report FILE). Both end with the run's result
// whatever the path — refused input, an engine failure, a timeout — so CI always gets one.
type machineOutput struct {
	json       *jsonStream // nil without --output json
	reportPath string      // "" without --report
	file       string
	now        func() time.Time
	started    time.Time

	mu    sync.Mutex
	plan  *plan.Plan
	res   *runner.Result
	lines map[string][]string
}

// newMachineOutput is nil when neither is asked for; its methods accept a nil receiver.
func newMachineOutput(e *env, f runFlags, now func() time.Time) (*machineOutput, error) {
	switch f.output {
	case "", "text":
	case "json":
	default:
		return nil, inputError{fmt.Errorf("--output %q: expected text or json", f.output)}
	}
	if f.output != "json" && f.report == "" {
		return nil, nil
	}
	if f.detach {
		return nil, inputError{errors.New("--output json and --report need a foreground run: they report the pod's end (not with --detach)")}
	}
	if f.dryRun && f.output == "json" {
		return nil, inputError{errors.New("--output json does not apply to --dry-run, which prints the plan")}
	}
	m := &machineOutput{reportPath: f.report, file: displayName(f.file), now: now, started: now(), lines: map[string][]string{}}
	if f.output == "json" {
		m.json = newJSONStream(e.stdout, now)
	}
	return m, nil
}

func (m *machineOutput) start(p *plan.Plan) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.plan = p
	m.mu.Unlock()
	if m.json != nil {
		m.json.start(p, m.file)
	}
}

func (m *machineOutput) warnings(ws []warnings.Warning) {
	if m != nil && m.json != nil {
		m.json.warnings(ws)
	}
}

func (m *machineOutput) event(ev runner.Event) {
	if m != nil && m.json != nil {
		m.json.event(ev)
	}
}

func (m *machineOutput) log(l runner.LogLine) {
	if m == nil {
		return
	}
	if m.json != nil {
		m.json.log(l)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	buf := append(m.lines[l.Container], l.Text)
	if len(buf) > reportLines {
		buf = buf[len(buf)-reportLines:]
	}
	m.lines[l.Container] = buf
}

func (m *machineOutput) result(r runner.Result) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.res = &r
	m.mu.Unlock()
}

// finish writes the result object and the report. err is what the run returns; a report that
// cannot be written is an error of its own (exit 125) unless the run failed already.
func (m *machineOutput) finish(err error) error {
	if m == nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	code := exitCode(err)
	if m.json != nil {
		m.json.write(resultObject(now, m.started, m.plan, m.res, code, err))
	}
	if m.reportPath == "" {
		return err
	}
	in := reportInput{File: m.file, Plan: m.plan, Result: m.res, Code: code, Started: m.started, Finished: now, Lines: m.lines}
	var res podResult
	if err != nil && !errors.As(err, &res) {
		in.Err = err.Error()
	}
	data, rerr := junitReport(in)
	if rerr == nil {
		rerr = os.WriteFile(m.reportPath, data, 0o644)
	}
	if rerr != nil {
		rerr = fmt.Errorf("write report: %w", rerr)
		if err == nil || errors.As(err, &res) && res.code == 0 {
			return rerr
		}
	}
	return err
}

func isPodResult(err error, res *podResult) bool { return errors.As(err, res) }
