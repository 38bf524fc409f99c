package compose

import (
	"github.com/podrun/podrun/internal/goldenfile"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/podspec"
)

// render loads a manifest and renders its compose file with the options `podrun compose` uses
// (the pause image's tag is fixed, so a new pause build does not churn the goldens).
func render(t *testing.T, file string) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	in, err := podspec.Load(filepath.Base(file), data)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	p, err := plan.Build(in, plan.Options{RunID: "compose", PauseImage: "podrun/pause:test"})
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	out, err := Render(p)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return out
}

func fixtures(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	return files
}

// TestGolden renders every testdata/<case>.yaml and compares it with
// testdata/<case>.compose.golden. Regenerate with: go test ./compose -update
func TestGolden(t *testing.T) {
	for _, file := range fixtures(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			got := render(t, file)
			golden := strings.TrimSuffix(file, ".yaml") + ".compose.golden"
			goldenfile.Check(t, golden, got)
		})
	}
}

// parsed is the part of a compose file the invariants look at.
type parsed struct {
	Version  string `json:"version"`
	Services map[string]struct {
		NetworkMode string                       `json:"network_mode"`
		IPC         string                       `json:"ipc"`
		Entrypoint  []string                     `json:"entrypoint"`
		Command     []string                     `json:"command"`
		Environment []string                     `json:"environment"`
		Ports       []string                     `json:"ports"`
		Hostname    string                       `json:"hostname"`
		DependsOn   map[string]map[string]string `json:"depends_on"`
		Labels      map[string]string            `json:"labels"`
		Restart     string                       `json:"restart"`
	} `json:"services"`
}

func parse(t *testing.T, out []byte) parsed {
	t.Helper()
	var f parsed
	if err := yaml.Unmarshal(out, &f); err != nil {
		t.Fatalf("the compose file is not YAML: %v\n%s", err, out)
	}
	return f
}

// A lone "$" (not "$$") is interpolated by compose: every one must be escaped.
var loneDollar = regexp.MustCompile(`(^|[^$])(\$\$)*\$([^$]|$)`)

func TestInvariants(t *testing.T) {
	for _, file := range fixtures(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			f := parse(t, render(t, file))
			if f.Version != "2.4" {
				t.Errorf("version %q, want 2.4 (docker-compose 1.29 and Compose v2 both run it)", f.Version)
			}
			pause, ok := f.Services["pause"]
			if !ok {
				t.Fatal("no pause service")
			}
			if pause.IPC != "shareable" || pause.NetworkMode != "" {
				t.Errorf("pause: ipc %q network_mode %q, want shareable and its own network", pause.IPC, pause.NetworkMode)
			}
			for name, s := range f.Services {
				if s.Labels["dev.podrun.run"] == "" {
					t.Errorf("%s: no dev.podrun.run label (compose-run objects must be findable)", name)
				}
				if name == "pause" {
					continue
				}
				if s.NetworkMode != "service:pause" || s.IPC != "service:pause" {
					t.Errorf("%s: network_mode %q ipc %q, want service:pause", name, s.NetworkMode, s.IPC)
				}
				if len(s.Ports) > 0 || s.Hostname != "" {
					t.Errorf("%s: ports and hostname belong on the pause service", name)
				}
				if _, ok := s.DependsOn["pause"]; !ok {
					t.Errorf("%s: does not depend on pause", name)
				}
				for _, list := range [][]string{s.Entrypoint, s.Command, s.Environment} {
					for _, v := range list {
						if loneDollar.MatchString(v) {
							t.Errorf("%s: unescaped $ in %q", name, v)
						}
					}
				}
			}
		})
	}
}

func TestInitChainAndSidecar(t *testing.T) {
	f := parse(t, render(t, "testdata/sidecar-init.yaml"))
	want := map[string]map[string]string{
		"migrate": {"pause": "service_started"},
		"proxy":   {"pause": "service_started", "migrate": "service_completed_successfully"},
		"warm":    {"pause": "service_started", "proxy": "service_started"},
		"app":     {"pause": "service_started", "warm": "service_completed_successfully"},
	}
	for svc, deps := range want {
		got := map[string]string{}
		for d, c := range f.Services[svc].DependsOn {
			got[d] = c["condition"]
		}
		if len(got) != len(deps) {
			t.Errorf("%s depends on %v, want %v", svc, got, deps)
		}
		for d, c := range deps {
			if got[d] != c {
				t.Errorf("%s depends on %s with %q, want %q", svc, d, got[d], c)
			}
		}
	}
	if r := f.Services["proxy"].Restart; r != "always" {
		t.Errorf("sidecar restart %q, want always", r)
	}
}

func TestDollarsReachTheContainerUnchanged(t *testing.T) {
	f := parse(t, render(t, "testdata/sidecar-init.yaml"))
	// podrun expanded $(GREETING) (§8); the shell's $i and $(seq …) stay, doubled for compose.
	if got, want := f.Services["app"].Command, `for i in $$(seq 1 3); do echo "$$i hello"; done`; len(got) != 1 || got[0] != want {
		t.Errorf("command %q, want [%q]", got, want)
	}
	env := strings.Join(f.Services["app"].Environment, "\n")
	if !strings.Contains(env, "PRICE=$$(GREETING)") && !strings.Contains(env, "PRICE=$$5 and hello") {
		t.Errorf("PRICE not expanded then escaped:\n%s", env)
	}
}

func TestHeaderSaysHowToRunAndWhatIsLost(t *testing.T) {
	cases := map[string][]string{
		"sidecar-init.yaml": {"up --exit-code-from app app", "down -v", `native sidecar "proxy"`},
		"volumes.yaml":      {`volume "config" (configMap): compose cannot write its 1 file(s)`, `subPath "data"`, "hostPath type checks"},
		"network.yaml":      {"up web tail", "restarts use Docker's policy", "exits 0 whichever container fails"},
	}
	for file, wants := range cases {
		out := string(render(t, "testdata/"+file))
		for _, w := range wants {
			if !strings.Contains(out, w) {
				t.Errorf("%s: compose file lacks %q", file, w)
			}
		}
	}
}
