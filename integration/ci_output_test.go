//go:build integration

package integration

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const ciPod = `
apiVersion: v1
kind: Pod
metadata: {name: it-ci}
spec:
  restartPolicy: Never
  terminationGracePeriodSeconds: 1
  initContainers:
  - {name: setup, image: podrun/busybox:local, command: [sh, -c, "echo prepared"]}
  - name: proxy
    image: podrun/busybox:local
    restartPolicy: Always
    command: [sh, -c, "trap 'exit 0' TERM; while true; do sleep 1; done"]
  containers:
  - name: app
    image: podrun/busybox:local
    command: [sh, -c, "echo connecting; echo retrying >&2; echo 'db unreachable' > /dev/termination-log; exit 3"]
`

// event is the union of the stream's objects, as docs/run-json.md specifies them.
type event struct {
	Type       string          `json:"type"`
	Time       time.Time       `json:"time"`
	Schema     int             `json:"schemaVersion"`
	Run        string          `json:"run"`
	Pod        string          `json:"pod"`
	Kind       string          `json:"kind"`
	Container  string          `json:"container"`
	Role       string          `json:"role"`
	ExitCode   *int            `json:"exitCode"`
	Stream     string          `json:"stream"`
	Text       string          `json:"text"`
	Outcome    string          `json:"outcome"`
	Phase      string          `json:"phase"`
	Error      string          `json:"error"`
	Warning    json.RawMessage `json:"warning"`
	Containers []struct {
		Name     string   `json:"name"`
		Role     string   `json:"role"`
		Ran      bool     `json:"ran"`
		ExitCode *int     `json:"exitCode"`
		Restarts int      `json:"restarts"`
		Reason   string   `json:"reason"`
		Message  string   `json:"message"`
		Duration *float64 `json:"durationSeconds"`
	} `json:"containers"`
}

// decodeStream checks the stream's shape: JSON lines, each with a known type and a time,
// "result" last.
func decodeStream(t *testing.T, out string) []event {
	t.Helper()
	var evs []event
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		var ev event
		if err := dec.Decode(&ev); err != nil {
			t.Fatalf("not a JSON object per line: %v\n%s", err, sc.Text())
		}
		switch ev.Type {
		case "start", "warning", "event", "log", "result":
		default:
			t.Errorf("unknown type %q: %s", ev.Type, sc.Text())
		}
		if ev.Time.IsZero() {
			t.Errorf("no time: %s", sc.Text())
		}
		evs = append(evs, ev)
	}
	if len(evs) == 0 || evs[len(evs)-1].Type != "result" {
		t.Fatalf("the stream does not end with a result:\n%s", out)
	}
	for _, ev := range evs[:len(evs)-1] {
		if ev.Type == "result" {
			t.Error("two results")
		}
	}
	return evs
}

func TestIntegrationRunJSONAndJUnitReport(t *testing.T) {
	t.Parallel()
	report := filepath.Join(t.TempDir(), "junit.xml")
	r := expectRun(t, "it-ci", ciPod, 3, "--output", "json", "--report", report)
	evs := decodeStream(t, r.stdout)
	if s := evs[0]; s.Type != "start" || s.Schema != 1 || s.Pod != "it-ci" || s.Run == "" {
		t.Errorf("first event: %+v", s)
	}
	var exited, logs []event
	for _, ev := range evs {
		if ev.Type == "event" && ev.Kind == "Exited" && ev.Container == "app" {
			exited = append(exited, ev)
		}
		if ev.Type == "log" && ev.Container == "app" {
			logs = append(logs, ev)
		}
	}
	if len(exited) != 1 || exited[0].ExitCode == nil || *exited[0].ExitCode != 3 {
		t.Errorf("app's Exited event: %+v", exited)
	}
	if len(logs) != 2 || logs[0].Text+"/"+logs[0].Stream+" "+logs[1].Text+"/"+logs[1].Stream != "connecting/stdout retrying/stderr" &&
		logs[1].Text+"/"+logs[1].Stream+" "+logs[0].Text+"/"+logs[0].Stream != "connecting/stdout retrying/stderr" {
		t.Errorf("app's log events: %+v", logs)
	}
	if strings.Contains(r.stdout, "app | ") {
		t.Error("prefixed output mixed into the JSON stream")
	}
	res := evs[len(evs)-1]
	if res.ExitCode == nil || *res.ExitCode != 3 || res.Outcome != "failed" || res.Phase != "Failed" {
		t.Errorf("result: %+v", res)
	}
	byName := map[string]int{}
	for i, c := range res.Containers {
		byName[c.Name] = i
	}
	if len(res.Containers) != 3 {
		t.Fatalf("result containers: %+v", res.Containers)
	}
	app := res.Containers[byName["app"]]
	if app.ExitCode == nil || *app.ExitCode != 3 || app.Reason != "Error" || app.Message != "db unreachable\n" && app.Message != "db unreachable" || app.Duration == nil {
		t.Errorf("app's result: %+v", app)
	}
	if s := res.Containers[byName["setup"]]; s.ExitCode == nil || *s.ExitCode != 0 || s.Reason != "Completed" {
		t.Errorf("setup's result: %+v", s)
	}

	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var suites struct {
		XMLName xml.Name `xml:"testsuites"`
		Suites  []struct {
			Name     string `xml:"name,attr"`
			Tests    int    `xml:"tests,attr"`
			Failures int    `xml:"failures,attr"`
			Cases    []struct {
				Name      string `xml:"name,attr"`
				Classname string `xml:"classname,attr"`
				Time      string `xml:"time,attr"`
				Failure   *struct {
					Message string `xml:"message,attr"`
					Text    string `xml:",chardata"`
				} `xml:"failure"`
				SystemOut string `xml:"system-out"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(data, &suites); err != nil {
		t.Fatalf("the report is not JUnit XML: %v\n%s", err, data)
	}
	if len(suites.Suites) != 1 || suites.Suites[0].Tests != 3 || suites.Suites[0].Failures != 1 || suites.Suites[0].Name != "default/it-ci" {
		t.Fatalf("suite: %s", data)
	}
	for _, c := range suites.Suites[0].Cases {
		if c.Classname == "" || c.Time == "" {
			t.Errorf("case %s lacks classname or time", c.Name)
		}
		if (c.Failure != nil) != (c.Name == "app") {
			t.Errorf("case %s: failure %+v", c.Name, c.Failure)
		}
		if c.Name == "app" {
			for _, w := range []string{"exited with code 3", "db unreachable"} {
				if !strings.Contains(c.Failure.Message, w) {
					t.Errorf("failure message lacks %q: %s", w, c.Failure.Message)
				}
			}
			if !strings.Contains(c.Failure.Text, "connecting") || !strings.Contains(c.Failure.Text, "retrying") {
				t.Errorf("failure text lacks the last lines: %s", c.Failure.Text)
			}
		}
		if c.Name == "setup" && !strings.Contains(c.SystemOut, "prepared") {
			t.Errorf("setup's output is not in system-out: %q", c.SystemOut)
		}
	}
}

func TestIntegrationRunJSONWhenInputIsRefused(t *testing.T) {
	t.Parallel()
	report := filepath.Join(t.TempDir(), "junit.xml")
	r := expectRun(t, "it-ci-bad", `
apiVersion: v1
kind: Pod
metadata: {name: it-ci-bad}
spec:
  containers: [{name: c, image: podrun/busybox:local, imagePullPolcy: Never}]
`, 2, "--output", "json", "--report", report)
	evs := decodeStream(t, r.stdout)
	res := evs[len(evs)-1]
	if res.Outcome != "refused" || res.ExitCode == nil || *res.ExitCode != 2 || !strings.Contains(res.Error, "imagePullPolcy") {
		t.Errorf("result of refused input: %+v", res)
	}
	data, err := os.ReadFile(report)
	if err != nil || !strings.Contains(string(data), `<error message=`) {
		t.Errorf("the report of refused input: %v\n%s", err, data)
	}
}
