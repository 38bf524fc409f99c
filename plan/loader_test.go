package plan

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/podrun/podrun/podspec"
)

// TestFixturesAsTheLoaderReadsThem: the golden fixtures are valid pods to podspec.Load, and the
// loader's defaults give the same plan as the test loader's — so the golden files show what
// `podrun run --dry-run` prints.
func TestFixturesAsTheLoaderReadsThem(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.yaml")
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		in, err := podspec.Load(file, raw)
		if err != nil {
			t.Errorf("%s: the loader refuses it:\n%v", file, err)
			continue
		}
		got, err := Build(in, testOptions())
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		want, err := Build(loadFixture(t, file), testOptions())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.YAML(), want.YAML()) {
			t.Errorf("%s: the plan of the loaded pod differs from the golden one:\n%s", file, got.YAML())
		}
	}
}

// TestExamplesPlan: every example the project ships loads and plans, so examples cannot rot.
func TestExamplesPlan(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.yaml")
	for _, file := range files {
		in, err := podspec.LoadFile(file)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if _, err := Build(in, testOptions()); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
}
