package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestInterspersedKeepsGlobalFlagsAndCompletion(t *testing.T) {
	app := newApp(&env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}, log: newLogger(&bytes.Buffer{})})
	cases := []struct{ in, want string }{
		{"podrun --host unix:///x.sock get web -o json", "podrun --host unix:///x.sock get -o json web"},
		{"podrun -c remote logs web --tail 5", "podrun -c remote logs --tail 5 web"},
		{"podrun exec web -c side -- sh -c x", "podrun exec -c side web -- sh -c x"},
		{"podrun logs web --generate-bash-completion", "podrun logs web --generate-bash-completion"},
	}
	for _, tc := range cases {
		if got := strings.Join(interspersed(app, strings.Fields(tc.in)), " "); got != tc.want {
			t.Errorf("%q → %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCompletionScripts(t *testing.T) {
	for shell, want := range map[string]string{
		"bash": "complete -o bashdefault -o default -F _podrun_bash_autocomplete podrun",
		"zsh":  "compdef _podrun_zsh_autocomplete podrun",
		"fish": "-n '__fish_podrun_no_subcommand' -a 'exec'",
	} {
		code, out, errs := run(t, "", "completion", shell)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("completion %s: exit %d, lacks %q\n%s%s", shell, code, want, out, errs)
		}
	}
	if code, _, _ := run(t, "", "completion", "tcsh"); code != exitInput {
		t.Errorf("an unknown shell: exit %d, want 2", code)
	}
}

func TestFlagsRefusedBeforeTheEngine(t *testing.T) {
	t.Setenv("DOCKER_HOST", "tcp://127.0.0.1:1")
	dir := t.TempDir()
	cases := []struct {
		args []string
		err  string
	}{
		{[]string{"logs", "web", "--tail", "ten"}, "--tail"},
		{[]string{"logs", "web", "--since", "yesterday"}, "--since"},
		{[]string{"ps", "-o", "yaml"}, "--output"},
		{[]string{"down"}, "--all"},
		{[]string{"down", "--all", "web"}, "not both"},
		{[]string{"exec", "web"}, "COMMAND"},
		{[]string{"run", "-o", "xml", dir + "/p.yaml"}, "--output"},
		{[]string{"run", "-d", "--report", "r.xml", dir + "/p.yaml"}, "foreground"},
		{[]string{"--host", "unix:///a", "--context", "b", "ps"}, "not both"},
	}
	for _, tc := range cases {
		code, out, errs := run(t, "", tc.args...)
		if code != exitInput || !strings.Contains(errs, tc.err) {
			t.Errorf("%v: exit %d (want 2), stderr lacks %q\n%s%s", tc.args, code, tc.err, out, errs)
		}
	}
}

func TestPullDisplay(t *testing.T) {
	var out bytes.Buffer
	d := newPullDisplay(&out, 200)
	stream := `{"status":"Pulling from library/busybox","id":"latest"}
{"status":"Downloading","progressDetail":{"current":1000,"total":4000},"id":"aaa"}
{"status":"Downloading","progressDetail":{"current":3000,"total":4000},"id":"aaa"}
{"status":"Pull complete","id":"aaa"}
`
	rc := d.track("busybox:latest", nopCloser{strings.NewReader(stream)})
	var passed bytes.Buffer
	if _, err := passed.ReadFrom(rc); err != nil {
		t.Fatal(err)
	}
	if passed.String() != stream {
		t.Error("the pull stream was changed on its way to the runner")
	}
	if s := out.String(); !strings.Contains(s, "pulling busybox:latest 3kB/4kB") || !strings.Contains(s, "pulling busybox:latest 4kB/4kB") {
		t.Errorf("progress: %q", s)
	}
	_ = rc.Close()
	if !strings.HasSuffix(out.String(), "\r\x1b[K") {
		t.Errorf("the status line is not cleared when the pull ends: %q", out.String())
	}
}

type nopCloser struct{ *strings.Reader }

func (nopCloser) Close() error { return nil }
