// Package goldenfile compares test output with files under testdata/, and rewrites them when the
// tests run with -update (then review the diff). One flag and one comparison for every package
// that pins its output in golden files.
package goldenfile

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ (and generated docs)")

// Update reports whether the tests run with -update.
func Update() bool { return *update }

// Check compares got with the golden file at path; with -update it writes got there instead.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the tests with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs; run the tests with -update and review the diff\n--- got:\n%s", path, got)
	}
}
