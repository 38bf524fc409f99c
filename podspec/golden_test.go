package podspec

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestLoadErrorsGolden loads each testdata/errors/ fixture and compares the full error output,
// as a user sees it, with the fixture's .golden file (regenerate with go test ./podspec -update).
func TestLoadErrorsGolden(t *testing.T) {
	t.Parallel()
	fixtures, err := filepath.Glob("testdata/errors/*.*")
	if err != nil {
		t.Fatal(err)
	}
	for _, fixture := range fixtures {
		if filepath.Ext(fixture) == ".golden" {
			continue
		}
		t.Run(filepath.Base(fixture), func(t *testing.T) {
			t.Parallel()
			in, err := LoadFile(fixture)
			if err == nil {
				t.Fatalf("Load accepted %s: %+v", fixture, in)
			}
			got := []byte(err.Error() + "\n")
			golden := fixture + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden file (run go test ./podspec -update): %v", err)
			}
			if string(got) != string(want) {
				t.Errorf("errors differ from %s:\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
}
