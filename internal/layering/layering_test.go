// Package layering holds the test that keeps the pipeline's import directions one-way: the pure
// stages never reach the engine, a logger or the CLI, and the runner never reads manifests.
package layering

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/podrun/podrun/"

// rule forbids, for packages under a prefix, direct imports (imports) and transitive ones (deps).
type rule struct {
	pkg     string
	imports []string // forbidden direct imports (prefix match)
	deps    []string // forbidden anywhere below (prefix match)
}

var pure = []string{"os/exec", "net/http", "github.com/charmbracelet/log", "github.com/urfave/cli"}

var rules = []rule{
	{pkg: "podspec", imports: pure, deps: []string{"github.com/docker/docker/client", module + "runner", module + "plan", module + "warnings"}},
	{pkg: "warnings", imports: append([]string{"os"}, pure...), deps: []string{"github.com/docker/docker/client", module + "runner"}},
	{pkg: "plan", imports: append([]string{"os"}, pure...), deps: []string{"github.com/docker/docker/client", module + "runner", module + "warnings"}},
	{pkg: "status", imports: append([]string{"os"}, pure...), deps: []string{"github.com/docker/docker/client", module + "runner"}},
	{pkg: "compose", imports: append([]string{"os", "k8s.io/"}, pure...), deps: []string{"github.com/docker/docker/client", module + "runner"}},
	{pkg: "runner", imports: []string{module + "podspec", module + "warnings", "github.com/urfave/cli", "github.com/charmbracelet/log"}},
}

type listed struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

func TestImportDirections(t *testing.T) {
	out, err := exec.Command("go", "list", "-json", module+"...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	checked := 0
	for dec.More() {
		var p listed
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		for _, imp := range p.Imports {
			if strings.HasPrefix(imp, module+"cmd/") {
				t.Errorf("%s imports %s: nothing may import the CLI", p.ImportPath, imp)
			}
		}
		for _, r := range rules {
			if p.ImportPath != module+r.pkg && !strings.HasPrefix(p.ImportPath, module+r.pkg+"/") {
				continue
			}
			checked++
			for _, imp := range p.Imports {
				if forbidden(imp, r.imports) {
					t.Errorf("%s imports %s", p.ImportPath, imp)
				}
			}
			for _, d := range p.Deps {
				if forbidden(d, r.deps) {
					t.Errorf("%s depends on %s", p.ImportPath, d)
				}
			}
		}
	}
	if checked < len(rules) {
		t.Errorf("checked %d packages, want at least %d: a package was renamed?", checked, len(rules))
	}
}

func forbidden(path string, prefixes []string) bool {
	for _, p := range prefixes {
		if path == p || strings.HasPrefix(path, strings.TrimSuffix(p, "/")+"/") || (strings.HasSuffix(p, "/") && strings.HasPrefix(path, p)) {
			return true
		}
	}
	return false
}
