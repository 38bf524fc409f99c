package plan

import (
	"bytes"
	"github.com/podrun/podrun/internal/goldenfile"
	"path/filepath"
	"strings"
	"testing"
)

// TestGolden plans every testdata/<case>.yaml and compares the rendering with
// testdata/<case>.plan.golden. Regenerate with: go test ./plan -update
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(caseName(file), func(t *testing.T) {
			t.Parallel()
			p, err := Build(loadFixture(t, file), testOptions())
			if err != nil {
				t.Fatalf("Build: %v", err)
			}
			got := p.YAML()
			golden := strings.TrimSuffix(file, ".yaml") + ".plan.golden"
			goldenfile.Check(t, golden, got)
		})
	}
}

// TestYAMLDeterministic renders the same plan repeatedly: maps must not leak their order.
func TestYAMLDeterministic(t *testing.T) {
	in := loadFixture(t, "testdata/volumes.yaml")
	first, err := Build(in, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := first.YAML()
	for range 20 {
		p, err := Build(in, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		if got := p.YAML(); !bytes.Equal(got, want) {
			t.Fatalf("renderings differ:\n%s\n---\n%s", want, got)
		}
	}
}
