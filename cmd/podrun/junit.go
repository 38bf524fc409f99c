package main

import (
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/runner"
)

// The JUnit report of `podrun run --report FILE`: one test suite for the pod, one test case per
// container (init containers, sidecars, app containers, in the kubelet's order), in the
// de-facto schema CI systems read (Jenkins, GitLab, GitHub test reporters): a case that failed
// carries <failure> with the reason, the termination message and the last lines it wrote.

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Time       string          `xml:"time,attr"`
	Timestamp  string          `xml:"timestamp,attr,omitempty"`
	Properties []junitProperty `xml:"properties>property,omitempty"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// reportInput is everything the report is made of; it is a value, so the report is pure.
type reportInput struct {
	File     string
	Plan     *plan.Plan          // nil when the input was refused
	Result   *runner.Result      // nil when the pod never ran
	Code     int                 // podrun's exit code
	Err      string              // podrun's error, when it failed
	Started  time.Time           // when podrun started the run
	Finished time.Time           // when it ended
	Lines    map[string][]string // the last lines each container wrote
}

// failureLines is how many of a container's last lines go into its <failure>.
const failureLines = 20

// junitReport renders the report.
func junitReport(in reportInput) ([]byte, error) {
	name := in.File
	class := "podrun"
	suite := junitSuite{Name: name, Time: secondsText(in.Finished.Sub(in.Started))}
	if !in.Started.IsZero() {
		suite.Timestamp = in.Started.UTC().Format(time.RFC3339)
	}
	if p := in.Plan; p != nil {
		suite.Name = p.Pod.Namespace + "/" + p.Pod.Name
		class = "pod." + p.Pod.Name
		suite.Properties = append(suite.Properties,
			junitProperty{"file", in.File}, junitProperty{"run", p.RunID}, junitProperty{"exitCode", fmt.Sprint(in.Code)})
		if in.Result != nil {
			suite.Properties = append(suite.Properties, junitProperty{"phase", string(in.Result.Phase)})
		}
	}
	switch {
	case in.Plan == nil:
		// Refused input, or a failure before the plan: one case says why.
		suite.Cases = append(suite.Cases, junitCase{Name: "load", Classname: class, Time: suite.Time,
			Error: &junitProblem{Message: oneLine(in.Err), Type: outcomeOf(in.Code, false), Text: in.Err}})
	case in.Result == nil || len(in.Result.Containers) == 0:
		for _, c := range append(append([]plan.Container{}, in.Plan.Init...), in.Plan.Containers...) {
			suite.Cases = append(suite.Cases, junitCase{Name: c.Name, Classname: class, Time: "0",
				Error: &junitProblem{Message: "the pod did not run: " + oneLine(in.Err), Type: outcomeOf(in.Code, false), Text: in.Err}})
		}
	default:
		messages := terminationMessages(in.Result.Status)
		for _, c := range in.Result.Containers {
			suite.Cases = append(suite.Cases, containerCase(c, class, messages[c.Name], in.Lines[c.Name], in.Code))
		}
	}
	for _, c := range suite.Cases {
		suite.Tests++
		switch {
		case c.Failure != nil:
			suite.Failures++
		case c.Error != nil:
			suite.Errors++
		case c.Skipped != nil:
			suite.Skipped++
		}
	}
	all := junitSuites{Name: "podrun", Tests: suite.Tests, Failures: suite.Failures, Errors: suite.Errors,
		Skipped: suite.Skipped, Time: suite.Time, Suites: []junitSuite{suite}}
	data, err := xml.MarshalIndent(all, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("junit report: %w", err)
	}
	return append([]byte(xml.Header), append(data, '\n')...), nil
}

// containerCase decides one container's case. A container fails when it exited non-zero or
// could not start (ErrImagePull, CreateContainerConfigError…); one that never ran because the
// pod ended first is skipped. A native sidecar's exit code is no verdict: the kubelet ignores it
// for the pod's phase (§4) and stops it with SIGTERM at the pod's end.
func containerCase(c runner.ContainerResult, class, message string, lines []string, code int) junitCase {
	tc := junitCase{Name: c.Name, Classname: class, Time: "0", SystemOut: strings.Join(lines, "\n")}
	if c.Ran && !c.Started.IsZero() && !c.Finished.IsZero() {
		tc.Time = secondsText(c.Finished.Sub(c.Started))
	}
	detail := func(summary string) string {
		var b strings.Builder
		b.WriteString(summary + "\n")
		if message != "" {
			b.WriteString("termination message:\n" + message + "\n")
		}
		if n := len(lines); n > 0 {
			tail := lines[max(0, n-failureLines):]
			fmt.Fprintf(&b, "last %d line(s):\n%s\n", len(tail), strings.Join(tail, "\n"))
		}
		return b.String()
	}
	switch {
	case !c.Ran && c.Reason != "" && c.Reason != "PodInitializing":
		msg := fmt.Sprintf("%s did not start: %s", c.Name, c.Reason)
		tc.Failure = &junitProblem{Message: msg, Type: c.Reason, Text: detail(msg)}
	case !c.Ran:
		tc.Skipped = &junitSkipped{Message: "never started: the pod ended before it"}
	case c.Role == plan.RoleSidecar:
	case c.ExitCode != 0:
		reason := c.Reason
		if reason == "" {
			reason = "Error"
		}
		msg := fmt.Sprintf("%s exited with code %d (%s)", c.Name, c.ExitCode, reason)
		if c.Restarts > 0 {
			msg += fmt.Sprintf(" after %d restart(s)", c.Restarts)
		}
		switch outcomeOf(code, true) {
		case outcomeTimeout:
			msg += "; podrun stopped the pod when --timeout expired"
		case outcomeInterrupted:
			msg += "; podrun was interrupted"
		}
		if message != "" {
			msg += ": " + oneLine(message)
		}
		tc.Failure = &junitProblem{Message: msg, Type: reason, Text: detail(msg)}
	}
	return tc
}

func secondsText(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	return fmt.Sprintf("%.3f", d.Seconds())
}
