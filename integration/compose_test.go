//go:build integration

package integration

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"os/exec"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/api/types/volume"
)

// composeCLI is docker-compose 1.29 (what our machines have), else Compose v2.
func composeCLI(t *testing.T) []string {
	t.Helper()
	if p, err := exec.LookPath("docker-compose"); err == nil {
		return []string{p}
	}
	if exec.Command("docker", "compose", "version").Run() == nil {
		return []string{"docker", "compose"}
	}
	t.Fatal("neither docker-compose nor docker compose is installed")
	return nil
}

// runCompose runs compose with the file on stdin, as `docker-compose -f - …`.
func runCompose(t *testing.T, file []byte, project string, args ...string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cli := composeCLI(t)
	full := append(append(append([]string{}, cli[1:]...), "-p", project, "-f", "-"), args...)
	cmd := exec.CommandContext(ctx, cli[0], full...)
	cmd.Dir = t.TempDir()
	cmd.Stdin = bytes.NewReader(file)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("compose %v: %v", args, err)
	}
	if code != 0 {
		t.Logf("compose %v: exit %d\n%s%s", args, code, out.String(), errb.String())
	}
	return out.String(), code
}

// composeLines turns `up --no-color` output into "container | line", as podrun prints it:
// compose prefixes "service_1  | " (1.29) or "project-service-1  | " (v2).
func composeLines(out, project string) []string {
	re := regexp.MustCompile(`^(?:` + regexp.QuoteMeta(project) + `[-_])?([a-z0-9-]+?)(?:[-_]\d+)?\s+\| (.*)$`)
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if m := re.FindStringSubmatch(l); m != nil {
			lines = append(lines, m[1]+" | "+m[2])
		}
	}
	return lines
}

// podrunLines are a container's lines of `podrun run` output, padding folded.
func podrunLines(out, container string) []string {
	var lines []string
	for _, l := range strings.Split(stripPad(out), "\n") {
		if strings.HasPrefix(l, container+" | ") {
			lines = append(lines, l)
		}
	}
	return lines
}

func TestIntegrationComposeExportRunsLikePodrun(t *testing.T) {
	t.Parallel()
	cases := []struct {
		example string
		app     string // the app container whose output is compared
	}{
		{"init-volume.yaml", "report"},
		{"sidecar-http.yaml", "app"},
	}
	for _, tc := range cases {
		t.Run(tc.example, func(t *testing.T) {
			t.Parallel()
			exp := podrun(t, "", "compose", "examples/"+tc.example)
			if exp.code != 0 {
				t.Fatalf("podrun compose: %s", exp)
			}
			// The header says how to run the export; the test runs exactly that.
			m := regexp.MustCompile(`(?m)^#   docker-compose -p \S+ -f FILE up (.*)$`).FindStringSubmatch(exp.stdout)
			if m == nil {
				t.Fatalf("the export does not say how to run it:\n%s", exp.stdout)
			}
			var b [4]byte
			_, _ = rand.Read(b[:])
			project := "podrunit" + hex.EncodeToString(b[:])
			t.Cleanup(func() {
				runCompose(t, []byte(exp.stdout), project, "down", "-v", "--remove-orphans")
				if l := composeLeftovers(t, project); l != "" {
					t.Errorf("compose down left:\n%s", l)
				}
			})
			out, code := runCompose(t, []byte(exp.stdout), project, append([]string{"up", "--no-color"}, strings.Fields(m[1])...)...)
			if code != 0 {
				t.Fatalf("docker-compose up: exit %d\n%s", code, out)
			}
			got := composeLines(out, project)
			var fromCompose []string
			for _, l := range got {
				if strings.HasPrefix(l, tc.app+" | ") {
					fromCompose = append(fromCompose, l)
				}
			}
			r := podrun(t, "", "run", "examples/"+tc.example)
			if r.code != 0 {
				t.Fatalf("podrun run: %s", r)
			}
			want := podrunLines(r.stdout, tc.app)
			sort.Strings(fromCompose)
			sort.Strings(want)
			if len(want) == 0 || strings.Join(fromCompose, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s's output differs\n--- docker-compose up:\n%s\n--- podrun run:\n%s\n--- raw compose output:\n%s",
					tc.app, strings.Join(fromCompose, "\n"), strings.Join(want, "\n"), out)
			}
		})
	}
}

// composeLeftovers lists the containers and volumes of a compose project.
func composeLeftovers(t *testing.T, project string) string {
	t.Helper()
	ctx := context.Background()
	f := filters.NewArgs(filters.Arg("label", "com.docker.compose.project="+project))
	var b strings.Builder
	cs, err := engine.ContainerList(ctx, container.ListOptions{All: true, Filters: f})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		b.WriteString("container " + strings.Join(c.Names, ",") + "\n")
	}
	vs, err := engine.VolumeList(ctx, volume.ListOptions{Filters: f})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs.Volumes {
		b.WriteString("volume " + v.Name + "\n")
	}
	return b.String()
}
