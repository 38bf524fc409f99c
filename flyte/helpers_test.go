package flyte

import (
	"github.com/podrun/podrun/internal/goldenfile"
	"os"
	"path/filepath"
	"testing"

	"github.com/podrun/podrun/podspec"
	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/yaml"
)

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	goldenfile.Check(t, path, got)
}

func mustLoad(t *testing.T, file string, data []byte, o LoadOptions) *Task {
	t.Helper()
	task, err := Load(file, data, o)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return task
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fixedOptions are the execution values of every golden pod.
var fixedOptions = PodOptions{Project: "flytesnacks", Domain: "development", ExecutionID: "a4lmk5ws6qkfbhx94dxc", NodeID: "n0",
	Inputs: LiteralMap{"n": {Kind: KindInteger, Int: 3}}}

// renderPod is what podrun render prints; it must load strictly, as podrun and the API server read a Pod.
func renderPod(t *testing.T, pod *corev1.Pod) []byte {
	t.Helper()
	out, err := yaml.Marshal(pod)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := podspec.Load("rendered.yaml", out); err != nil {
		t.Fatalf("the rendered pod does not load strictly: %v\n%s", err, out)
	}
	return out
}

func envMap(c corev1.Container) map[string]string {
	m := map[string]string{}
	for _, e := range c.Env {
		m[e.Name] = e.Value
	}
	return m
}
