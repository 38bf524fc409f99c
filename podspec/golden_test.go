package podspec

import (
	"github.com/podrun/podrun/internal/goldenfile"
	"path/filepath"
	"testing"
)

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
			goldenfile.Check(t, golden, got)
		})
	}
}
