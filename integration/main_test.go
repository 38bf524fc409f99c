//go:build integration

// Package integration runs podrun against the real Docker engine: the built binary, through its
// command-line contract, and never a mock. Under the integration build tag a missing engine is a
// failure, not a skip. The suite ends by checking that no object labelled dev.podrun.run remains.
package integration

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/api/types/volume"
	"github.com/docker/docker/client"
)

// testImage is the FROM-scratch busybox image `make images` builds; examples use it too.
const testImage = "podrun/busybox:local"

var (
	podrunBin string         // the binary under test, built once
	engine    *client.Client // for assertions on what exists on the engine
	repoRoot  string
)

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	_, file, _, _ := runtime.Caller(0)
	repoRoot = filepath.Dir(filepath.Dir(file))
	var err error
	engine, err = client.NewClientWithOpts(client.FromEnv, client.WithAPIVersionNegotiation())
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, err = engine.Ping(ctx)
		cancel()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: integration tests need a running Docker engine: %v\n", err)
		return 1
	}
	dir, err := os.MkdirTemp("", "podrun-it-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "FAIL:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	podrunBin = filepath.Join(dir, "podrun")
	if out, err := goCommand("build", "-o", podrunBin, "./cmd/podrun").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: build podrun: %v\n%s", err, out)
		return 1
	}
	if out, err := goCommand("run", "./internal/tools/testimage").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: build the test images: %v\n%s", err, out)
		return 1
	}
	code := m.Run()
	if leaks := leftovers(""); leaks != "" {
		fmt.Fprintf(os.Stderr, "FAIL: objects labelled dev.podrun.run remain after the suite:\n%s", leaks)
		return 1
	}
	return code
}

func goCommand(args ...string) *exec.Cmd {
	cmd := exec.Command("go", args...)
	cmd.Dir = repoRoot
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	return cmd
}

// result is one finished podrun invocation.
type result struct {
	code   int
	stdout string
	stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", r.code, r.stdout, r.stderr)
}

// podrun runs the binary to completion with the given stdin (may be empty).
func podrun(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	return podrunWithEnv(t, nil, stdin, args...)
}

// writeManifest writes a manifest into the test's temp dir and returns its path.
func writeManifest(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// leftovers lists containers, volumes and networks labelled dev.podrun.run (=value when given).
func leftovers(runID string) string {
	label := "dev.podrun.run"
	if runID != "" {
		label += "=" + runID
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	f := filters.NewArgs(filters.Arg("label", label))
	var b strings.Builder
	cs, err := engine.ContainerList(ctx, container.ListOptions{All: true, Filters: f})
	if err != nil {
		return "list containers: " + err.Error()
	}
	for _, c := range cs {
		fmt.Fprintf(&b, "container %s %v (%s)\n", c.ID[:12], c.Names, c.Status)
	}
	vs, err := engine.VolumeList(ctx, volume.ListOptions{Filters: f})
	if err != nil {
		return "list volumes: " + err.Error()
	}
	for _, v := range vs.Volumes {
		fmt.Fprintf(&b, "volume %s\n", v.Name)
	}
	ns, err := engine.NetworkList(ctx, networkListOptions(f))
	if err != nil {
		return "list networks: " + err.Error()
	}
	for _, n := range ns {
		fmt.Fprintf(&b, "network %s\n", n.Name)
	}
	return b.String()
}

// podObjects counts every object labelled with the pod's name (to prove refused input or a dry
// run created nothing).
func podObjects(t *testing.T, pod string) int {
	t.Helper()
	ctx := context.Background()
	f := filters.NewArgs(filters.Arg("label", "dev.podrun.pod="+pod))
	cs, err := engine.ContainerList(ctx, container.ListOptions{All: true, Filters: f})
	if err != nil {
		t.Fatal(err)
	}
	vs, err := engine.VolumeList(ctx, volume.ListOptions{Filters: f})
	if err != nil {
		t.Fatal(err)
	}
	return len(cs) + len(vs.Volumes)
}
