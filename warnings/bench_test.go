package warnings

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/podrun/podrun/podspec"
)

// BenchmarkAnalyze1000 measures what `podrun check` does for 1,000 manifests: load, validate
// and analyze, cycling through the corpus. One op is 1,000 manifests.
func BenchmarkAnalyze1000(b *testing.B) {
	files := corpusFiles(b)
	type manifest struct {
		name string
		data []byte
	}
	ms := make([]manifest, len(files))
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		ms[i] = manifest{filepath.Base(f), data}
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range 1000 {
			m := ms[i%len(ms)]
			if in, err := podspec.Load(m.name, m.data); err == nil {
				_ = Analyze(in)
			}
		}
	}
}
