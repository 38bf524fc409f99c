package warnings

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/podrun/podrun/podspec"
)

var textSample = []Warning{
	{Code: "probe.liveness", Severity: SeverityWarning, Path: "spec.containers[1].livenessProbe", Container: "web", Message: "m1", Line: 20},
	{Code: "scheduling.node-selector", Severity: SeverityWarning, Path: "spec.nodeSelector", Message: "m2", Hint: "h2", Line: 5},
	{Code: "probe.startup", Severity: SeverityWarning, Path: "spec.initContainers[0].startupProbe", Container: "proxy", Message: "m3"},
	{Code: "scheduling.toleration", Severity: SeverityInfo, Path: "spec.tolerations", Message: "m4"},
	{Code: "lifecycle.ephemeral-container", Severity: SeverityWarning, Path: "spec.ephemeralContainers[0]", Container: "dbg", Message: "m5"},
	{Code: "probe.readiness", Severity: SeverityWarning, Path: "spec.containers[0].readinessProbe", Container: "api", Message: "m6"},
}

func TestTextGroupsPodFirstThenContainersInPodOrder(t *testing.T) {
	var b bytes.Buffer
	Text(&b, "pod.yaml", textSample, false)
	out := b.String()
	want := []string{
		"pod.yaml: 5 warnings, 1 info",
		"  pod",
		"    warning scheduling.node-selector  spec.nodeSelector (line 5)",
		"      hint: h2",
		"  init container \"proxy\"",
		"  container \"api\"",
		"  container \"web\"",
		"    warning probe.liveness  spec.containers[1].livenessProbe (line 20)",
		"  ephemeral container \"dbg\"",
	}
	at := 0
	for _, w := range want {
		i := strings.Index(out[at:], w)
		if i < 0 {
			t.Fatalf("missing (or out of order) %q in:\n%s", w, out)
		}
		at += i + len(w)
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour escapes without color:\n%q", out)
	}
}

func TestTextColour(t *testing.T) {
	var b bytes.Buffer
	Text(&b, "pod.yaml", textSample, true)
	for _, want := range []string{"\x1b[33mwarning\x1b[0m", "\x1b[36minfo   \x1b[0m", "\x1b[1mpod.yaml\x1b[0m"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("coloured output lacks %q", want)
		}
	}
}

func TestTextNoWarnings(t *testing.T) {
	var b bytes.Buffer
	Text(&b, "pod.yaml", nil, false)
	if got := b.String(); got != "pod.yaml: no warnings\n" {
		t.Errorf("got %q", got)
	}
}

// TestWarningJSON pins the JSON schema documented in docs/check-json.md.
func TestWarningJSON(t *testing.T) {
	got, err := json.Marshal(Warning{Code: "probe.liveness", Severity: SeverityWarning, Path: "spec.containers[0].livenessProbe", Container: "app", Message: "m", Line: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"code":"probe.liveness","severity":"warning","path":"spec.containers[0].livenessProbe","container":"app","message":"m","hint":"","line":3}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	got, _ = json.Marshal(Warning{Code: "scheduling.os", Severity: SeverityInfo, Path: "spec.os.name", Message: "m"})
	if want := `{"code":"scheduling.os","severity":"info","path":"spec.os.name","container":"","message":"m","hint":""}`; string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestAnalyzeSortsAndDeduplicates(t *testing.T) {
	ws := analyzeYAML(t, `metadata: {name: p}
spec:
  nodeSelector: {a: b}
  containers:
  - {name: c10, image: b, livenessProbe: {tcpSocket: {port: 1}}}
  - {name: c2, image: b, livenessProbe: {tcpSocket: {port: 1}}}
  - {name: c3, image: b}
  - {name: c4, image: b}
  - {name: c5, image: b}
  - {name: c6, image: b}
  - {name: c7, image: b}
  - {name: c8, image: b}
  - {name: c9, image: b}
  - {name: c11, image: b}
  - {name: c12, image: b, livenessProbe: {tcpSocket: {port: 1}}}
`, nil, nil)
	var paths []string
	for _, w := range ws {
		paths = append(paths, w.Path)
	}
	want := []string{"spec.containers[0].livenessProbe", "spec.containers[1].livenessProbe", "spec.containers[10].livenessProbe", "spec.nodeSelector"}
	if strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Errorf("order: got %v, want %v", paths, want)
	}
	p := &pass{}
	p.add("probe.liveness", "spec.containers[0].livenessProbe", "a", "m", "")
	p.add("probe.liveness", "spec.containers[0].livenessProbe", "a", "m", "")
	if got := normalize(p.out, &podspec.Input{}); len(got) != 1 {
		t.Errorf("duplicates kept: %v", got)
	}
}

func TestComparePaths(t *testing.T) {
	ordered := []string{
		"metadata.annotations[\"a.b/c\"]",
		"spec.containers[2]",
		"spec.containers[2].env[0].value",
		"spec.containers[10]",
		`spec.containers[10].resources.limits["memory"]`,
		`spec.containers[10].resources.limits["nvidia.com/gpu"]`,
		"spec.nodeSelector",
		"status",
	}
	for i := 0; i+1 < len(ordered); i++ {
		if comparePaths(ordered[i], ordered[i+1]) >= 0 {
			t.Errorf("%s should sort before %s", ordered[i], ordered[i+1])
		}
	}
}

func TestLineOfFindsNearestAncestor(t *testing.T) {
	lines := map[string]int{"spec.containers[0]": 7, "spec.containers[0].resources.limits[nvidia.com/gpu]": 12}
	cases := map[string]int{
		`spec.containers[0].resources.limits["nvidia.com/gpu"]`: 12,
		"spec.containers[0].livenessProbe.httpGet":              7,
		"spec.nodeSelector": 0,
	}
	for path, want := range cases {
		if got := lineOf(lines, path); got != want {
			t.Errorf("lineOf(%s) = %d, want %d", path, got, want)
		}
	}
}
