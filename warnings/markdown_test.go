package warnings

import (
	"bytes"
	"github.com/podrun/podrun/internal/goldenfile"
	"testing"
)

const fidelityDoc = "../docs/fidelity.md"

func TestFidelityDocIsFresh(t *testing.T) {
	got := Markdown()
	goldenfile.Check(t, fidelityDoc, got)
}

func TestMarkdownCountsEveryField(t *testing.T) {
	doc := string(Markdown())
	for _, want := range []string{"## PodSpec", "`nodeSelector` | not-emulated", "## VolumeSource", "`awsElasticBlockStore` | not-emulated", "`scheduling.node-selector` | warning"} {
		if !bytes.Contains([]byte(doc), []byte(want)) {
			t.Errorf("document lacks %q", want)
		}
	}
}
