package main

import (
	"encoding/xml"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestJUnitReport(t *testing.T) {
	res := failedResult()
	data, err := junitReport(reportInput{
		File: "pod.yaml", Plan: testPlan(), Result: &res, Code: 3, Started: t0, Finished: t0.Add(6 * time.Second),
		Lines: map[string][]string{"app": {"connecting", "retrying", "giving up"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "<?xml") {
		t.Error("no XML header")
	}
	var got junitSuites
	if err := xml.Unmarshal(data, &got); err != nil {
		t.Fatalf("not XML: %v\n%s", err, data)
	}
	if len(got.Suites) != 1 {
		t.Fatalf("suites: %d", len(got.Suites))
	}
	s := got.Suites[0]
	if s.Name != "default/web" || s.Tests != 4 || s.Failures != 2 || s.Skipped != 0 || s.Errors != 0 || s.Time != "6.000" {
		t.Errorf("suite: %+v", s)
	}
	byName := map[string]junitCase{}
	for _, c := range s.Cases {
		byName[c.Name] = c
	}
	if c := byName["setup"]; c.Failure != nil || c.Time != "1.500" {
		t.Errorf("setup passed in 1.5s: %+v", c)
	}
	if c := byName["proxy"]; c.Failure != nil {
		t.Errorf("a sidecar stopped with SIGTERM at the pod's end is no failure: %+v", c.Failure)
	}
	app := byName["app"].Failure
	if app == nil {
		t.Fatal("app exited 3 and did not fail")
	}
	for _, w := range []string{"exited with code 3", "after 1 restart", "db unreachable"} {
		if !strings.Contains(app.Message, w) {
			t.Errorf("failure message lacks %q: %s", w, app.Message)
		}
	}
	if !strings.Contains(app.Text, "last 3 line(s):\nconnecting\nretrying\ngiving up") || !strings.Contains(app.Text, "termination message:\ndb unreachable") {
		t.Errorf("failure text: %s", app.Text)
	}
	if late := byName["late"].Failure; late == nil || late.Type != "ErrImagePull" {
		t.Errorf("a container that could not start fails with its reason: %+v", byName["late"])
	}
}

func TestJUnitReportWhenThePodNeverRan(t *testing.T) {
	refused, err := junitReport(reportInput{File: "bad.yaml", Code: 2, Err: "bad.yaml:3: unknown field", Started: t0, Finished: t0})
	if err != nil {
		t.Fatal(err)
	}
	var got junitSuites
	if err := xml.Unmarshal(refused, &got); err != nil {
		t.Fatal(err)
	}
	if got.Errors != 1 || got.Suites[0].Cases[0].Error == nil || got.Suites[0].Cases[0].Error.Type != "refused" {
		t.Errorf("refused input: %s", refused)
	}
	noEngine, _ := junitReport(reportInput{File: "p.yaml", Plan: testPlan(), Code: 125, Err: errors.New("cannot reach the Docker engine").Error()})
	if err := xml.Unmarshal(noEngine, &got); err != nil {
		t.Fatal(err)
	}
	if got.Errors != 4 {
		t.Errorf("every container errs when the pod could not run: %s", noEngine)
	}
}
