package warnings

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files and docs/fidelity.md")

const fidelityDoc = "../docs/fidelity.md"

func TestFidelityDocIsFresh(t *testing.T) {
	got := Markdown()
	if *update {
		if err := os.WriteFile(fidelityDoc, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(fidelityDoc)
	if err != nil {
		t.Fatalf("%v (generate it with go test ./warnings -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: regenerate it with go test ./warnings -update", fidelityDoc)
	}
}

func TestMarkdownCountsEveryField(t *testing.T) {
	doc := string(Markdown())
	for _, want := range []string{"## PodSpec", "`nodeSelector` | not-emulated", "## VolumeSource", "`awsElasticBlockStore` | not-emulated", "`scheduling.node-selector` | warning"} {
		if !bytes.Contains([]byte(doc), []byte(want)) {
			t.Errorf("document lacks %q", want)
		}
	}
}
