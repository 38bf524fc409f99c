//go:build integration

package integration

import (
	"regexp"
	"strings"
	"testing"
)

const execPod = `
apiVersion: v1
kind: Pod
metadata: {name: it-exec}
spec:
  terminationGracePeriodSeconds: 2
  initContainers:
  - name: proxy
    image: podrun/busybox:local
    restartPolicy: Always
    command: [sh, -c, "trap 'exit 0' TERM; echo sidecar > /tmp/who; while true; do sleep 1; done"]
  containers:
  - name: app
    image: podrun/busybox:local
    env: [{name: GREETING, value: "hello $(POD)"}, {name: POD, value: x}]
    command: [sh, -c, "trap 'exit 0' TERM; echo one; echo two; echo three; echo app > /tmp/who; while true; do sleep 1; done"]
  - name: helper
    image: podrun/busybox:local
    command: [sh, -c, "trap 'exit 0' TERM; echo helper > /tmp/who; while true; do sleep 1; done"]
`

func TestIntegrationExecIntoDetachedPod(t *testing.T) {
	t.Parallel()
	runDetached(t, "it-exec", execPod)
	cases := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"default is the first regular container", "", []string{"exec", "it-exec", "--", "cat", "/tmp/who"}, 0, "app\n", ""},
		{"-c chooses", "", []string{"exec", "it-exec", "-c", "helper", "--", "cat", "/tmp/who"}, 0, "helper\n", ""},
		{"a sidecar too", "", []string{"exec", "-c", "proxy", "it-exec", "--", "cat", "/tmp/who"}, 0, "sidecar\n", ""},
		{"the pod's localhost and hostname", "", []string{"exec", "it-exec", "--", "hostname"}, 0, "it-exec\n", ""},
		{"the command's exit code", "", []string{"exec", "it-exec", "--", "sh", "-c", "echo out; echo err >&2; exit 7"}, 7, "out\n", "err\n"},
		{"stdin with -i", "line one\nline two\n", []string{"exec", "-i", "it-exec", "--", "wc", "-l"}, 0, "2\n", ""},
		{"no such container", "", []string{"exec", "it-exec", "-c", "nosuch", "--", "true"}, 125, "", `no container "nosuch"`},
		{"no such command", "", []string{"exec", "it-exec", "--", "/no/such/binary"}, 126, "", ""},
		{"no command", "", []string{"exec", "it-exec"}, 2, "", "expected POD -- COMMAND"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := podrun(t, tc.stdin, tc.args...)
			// The engine reports a missing executable as 126 or 127, by version.
			if r.code != tc.code && !(tc.code == 126 && r.code == 127) {
				t.Fatalf("want exit %d, got %s", tc.code, r)
			}
			if tc.stdout != "" && r.stdout != tc.stdout {
				t.Errorf("stdout %q, want %q", r.stdout, tc.stdout)
			}
			if tc.stderr != "" && !strings.Contains(r.stderr, tc.stderr) {
				t.Errorf("stderr lacks %q: %s", tc.stderr, r)
			}
		})
	}
	// logs: --tail, --timestamps, --since, as kubectl logs has them.
	if r := podrun(t, "", "logs", "it-exec", "app", "--tail", "2"); r.code != 0 || r.stdout != "two\nthree\n" {
		t.Errorf("logs --tail 2: %s", r)
	}
	if r := podrun(t, "", "logs", "it-exec", "app", "--since", "1h"); r.code != 0 || r.stdout != "one\ntwo\nthree\n" {
		t.Errorf("logs --since 1h: %s", r)
	}
	if r := podrun(t, "", "logs", "it-exec", "app", "--since", "2999-01-01T00:00:00Z"); r.code != 0 || r.stdout != "" {
		t.Errorf("logs --since the future: %s", r)
	}
	if r := podrun(t, "", "logs", "it-exec", "app", "--timestamps", "--tail", "1"); r.code != 0 || !regexp.MustCompile(`^\d{4}-\d\d-\d\dT\S+Z three\n$`).MatchString(r.stdout) {
		t.Errorf("logs --timestamps: %s", r)
	}
	if r := podrun(t, "", "logs", "it-exec", "--tail", "x"); r.code != 2 {
		t.Errorf("logs --tail x: %s", r)
	}
	// ps lists it the kubectl way, with its run.
	r := podrun(t, "", "ps")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "NAME") {
		t.Fatalf("ps: %s", r)
	}
	found := false
	for _, l := range strings.Split(r.stdout, "\n") {
		f := strings.Fields(l)
		if len(f) >= 6 && f[0] == "it-exec" {
			found = true
			if f[1] != "3/3" || f[2] != "Running" || f[3] != "0" {
				t.Errorf("ps row %q: want 3/3 Running 0", l)
			}
		}
	}
	if !found {
		t.Errorf("ps does not list it-exec:\n%s", r.stdout)
	}
}
