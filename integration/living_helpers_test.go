//go:build integration

package integration

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// podrunWithEnv runs the binary to completion with the given stdin (may be empty) and the
// environment changed: vars are "KEY=value" to set, or "KEY" to remove.
func podrunWithEnv(t *testing.T, vars []string, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, podrunBin, args...)
	cmd.Dir = repoRoot
	cmd.Env = withEnv(os.Environ(), vars...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("podrun %v: %v", args, err)
		}
		code = ee.ExitCode()
	}
	return result{code: code, stdout: out.String(), stderr: errb.String()}
}

func withEnv(base []string, vars ...string) []string {
	out := make([]string, 0, len(base)+len(vars))
	drop := map[string]bool{}
	for _, v := range vars {
		k, _, _ := strings.Cut(v, "=")
		drop[k] = true
	}
	for _, kv := range base {
		k, _, _ := strings.Cut(kv, "=")
		if !drop[k] {
			out = append(out, kv)
		}
	}
	for _, v := range vars {
		if strings.Contains(v, "=") {
			out = append(out, v)
		}
	}
	return out
}
