package warnings

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/podrun/podrun/internal/goldenfile"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/podrun/podrun/podspec"
)

// corpusFiles lists the realistic manifests under testdata/corpus.
func corpusFiles(t testing.TB) []string {
	files, err := filepath.Glob("testdata/corpus/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 30 {
		t.Fatalf("the corpus has %d manifests; it must keep at least 30", len(files))
	}
	return files
}

// checkOutput is what `podrun check` prints for one file, without colour: the input errors,
// else the warnings.
func checkOutput(t testing.TB, file string) ([]byte, []Warning) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(file)
	var b bytes.Buffer
	in, err := podspec.Load(name, data)
	if err != nil {
		var list podspec.ErrorList
		if !errors.As(err, &list) {
			fmt.Fprintf(&b, "%s: error: %v\n", name, err)
			return b.Bytes(), nil
		}
		for _, fe := range list {
			fmt.Fprintf(&b, "error: %s\n", fe.Error())
		}
		return b.Bytes(), nil
	}
	ws := Analyze(in)
	Text(&b, name, ws, false)
	return b.Bytes(), ws
}

func TestCorpusGolden(t *testing.T) {
	for _, file := range corpusFiles(t) {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".yaml"), func(t *testing.T) {
			got, _ := checkOutput(t, file)
			golden := strings.TrimSuffix(file, ".yaml") + ".golden"
			goldenfile.Check(t, golden, got)
		})
	}
}

// TestCorpusLoads keeps the corpus useful: a manifest the loader refuses shows errors, not
// warnings, so most of the corpus must load.
func TestCorpusLoads(t *testing.T) {
	var loaded int
	for _, file := range corpusFiles(t) {
		if _, ws := checkOutput(t, file); ws != nil {
			loaded++
		}
	}
	if loaded < 30 {
		t.Errorf("only %d corpus manifests load and produce warnings; at least 30 must", loaded)
	}
}

// TestExamplesGolden runs the check over the project's examples/, whose outputs are pinned in
// testdata/examples: an example that starts to depart from a cluster shows up in review.
func TestExamplesGolden(t *testing.T) {
	files, err := filepath.Glob("../examples/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".yaml"), func(t *testing.T) {
			got, _ := checkOutput(t, file)
			golden := filepath.Join("testdata", "examples", strings.TrimSuffix(filepath.Base(file), ".yaml")+".golden")
			goldenfile.Check(t, golden, got)
		})
	}
}
