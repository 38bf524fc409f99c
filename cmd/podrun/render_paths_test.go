package main

import (
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	corev1 "k8s.io/api/core/v1"
)

// TestRenderClusterDataPaths: render shows the data placeholders as propeller renders them on a
// cluster (§3.3): the node's data directory under the metadata prefix, the raw outputs in their
// 2-character shard under the raw-output prefix; run keeps podrun's local data directory.
func TestRenderClusterDataPaths(t *testing.T) {
	pod := filepath.Join("testdata", "render", "placeholders.pod.yaml")
	cases := []struct {
		name string
		args []string
		want []string // args of the primary that must appear, besides the golden file
	}{
		{"placeholders.default-prefixes", []string{"--primary", "main", pod}, []string{
			"--inputs=s3://my-s3-bucket/metadata/propeller/flytesnacks-development-",
			"--raw-output-data-prefix=s3://my-s3-bucket/data/",
		}},
		{"placeholders.given-prefixes", []string{"--primary", "main", "--project", "ml", "--domain", "prod",
			"--metadata-prefix", "gs://flyte-meta/propeller/", "--raw-output-prefix", "gs://flyte-raw", pod}, []string{
			"--inputs=gs://flyte-meta/propeller/ml-prod-",
			"--raw-output-data-prefix=gs://flyte-raw/",
			"--prev-checkpoint=\"\"",
			"--namespace=ml-prod",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, "", append([]string{"render"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, errs)
			}
			var p corev1.Pod
			if err := yaml.UnmarshalStrict([]byte(out), &p); err != nil {
				t.Fatalf("render output is not a strict Pod: %v", err)
			}
			args := strings.Join(p.Spec.Containers[0].Args, "\n")
			for _, w := range tc.want {
				if !strings.Contains(args, w) {
					t.Errorf("args lack %q:\n%s", w, args)
				}
			}
			// The raw-output directory is <prefix>/<shard>/<pod name>, the shard two base-36
			// characters; the checkpoint lies under it.
			raw := argValue(p.Spec.Containers[0].Args, "--raw-output-data-prefix=")
			parts := strings.Split(raw, "/")
			if shard, unique := parts[len(parts)-2], parts[len(parts)-1]; len(shard) != 2 || unique != p.Name {
				t.Errorf("raw output %q: want <prefix>/<2-character shard>/%s", raw, p.Name)
			}
			if cp := argValue(p.Spec.Containers[0].Args, "--checkpoint-path="); cp != raw+"/_flytecheckpoints" {
				t.Errorf("checkpoint %q, want %q", cp, raw+"/_flytecheckpoints")
			}
			golden(t, filepath.Join("testdata", "render", tc.name+".golden.yaml"), []byte(out))
		})
	}

	// A run mounts podrun's own data directory: its placeholders stay local.
	code, out, errs := run(t, "", "run", "--dry-run", "--primary", "main", pod)
	if code != 0 {
		t.Fatalf("run --dry-run: exit %d\n%s", code, errs)
	}
	if !strings.Contains(out, "--inputs=/var/run/flyte/inputs.pb") || strings.Contains(out, "s3://") {
		t.Errorf("run --dry-run: want the local data directory in the args, not the cluster's\n%s", out)
	}

	// The prefixes are a Flyte task's: a plain pod refuses them rather than ignore them.
	code, _, errs = run(t, "", "render", "--metadata-prefix", "s3://b/m", pod)
	if code != exitInput || !strings.Contains(errs, "--metadata-prefix is for Flyte tasks") {
		t.Errorf("render --metadata-prefix on a plain pod: exit %d, want 2\n%s", code, errs)
	}
}

func argValue(args []string, prefix string) string {
	for _, a := range args {
		if v, ok := strings.CutPrefix(a, prefix); ok {
			return v
		}
	}
	return ""
}
