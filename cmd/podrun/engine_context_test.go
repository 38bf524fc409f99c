package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docker/docker/client"
)

// writeContext stores a context as `docker context create` does.
func writeContext(t *testing.T, dir, name, meta string, tlsFiles ...string) {
	t.Helper()
	d := filepath.Join(dir, "contexts", "meta", contextID(name))
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(d, "meta.json"), []byte(meta), 0o644); err != nil {
		t.Fatal(err)
	}
	td := filepath.Join(dir, "contexts", "tls", contextID(name), "docker")
	for _, f := range tlsFiles {
		_ = os.MkdirAll(td, 0o755)
		if err := os.WriteFile(filepath.Join(td, f), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

func TestContextIDIsTheDockerCLIs(t *testing.T) {
	// `docker context create foo` stores it under the hex SHA-256 of "foo".
	if got := contextID("foo"); got != "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae" {
		t.Errorf("contextID = %q", got)
	}
	if contextID("a") == contextID("b") {
		t.Error("ids collide")
	}
}

func TestResolveEndpoint(t *testing.T) {
	dir := t.TempDir()
	writeContext(t, dir, "remote", `{"Name":"remote","Metadata":{},"Endpoints":{"docker":{"Host":"tcp://10.0.0.9:2376","SkipTLSVerify":false}}}`, "ca.pem", "cert.pem", "key.pem")
	writeContext(t, dir, "lab", `{"Name":"lab","Metadata":{},"Endpoints":{"docker":{"Host":"ssh://me@lab","SkipTLSVerify":false}}}`)
	writeContext(t, dir, "k8s-only", `{"Name":"k8s-only","Metadata":{},"Endpoints":{"kubernetes":{}}}`)
	withCurrent := t.TempDir()
	writeContext(t, withCurrent, "lab", `{"Name":"lab","Endpoints":{"docker":{"Host":"ssh://me@lab"}}}`)
	if err := os.WriteFile(filepath.Join(withCurrent, "config.json"), []byte(`{"auths":{},"currentContext":"lab"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	envOf := func(dir string, kv ...string) dockerEnv {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return dockerEnv{Getenv: func(k string) string { return m[k] }, ConfigDir: dir}
	}
	cases := []struct {
		name    string
		flags   engineFlags
		env     dockerEnv
		host    string
		source  string
		tls     bool
		wantErr string
	}{
		{"nothing set: the default socket", engineFlags{}, envOf(dir), client.DefaultDockerHost, "default socket", false, ""},
		{"DOCKER_HOST", engineFlags{}, envOf(dir, "DOCKER_HOST", "tcp://1.2.3.4:2375"), "tcp://1.2.3.4:2375", "DOCKER_HOST", false, ""},
		{"--host beats DOCKER_HOST", engineFlags{host: "unix:///tmp/d.sock"}, envOf(dir, "DOCKER_HOST", "tcp://1.2.3.4:2375"), "unix:///tmp/d.sock", "--host", false, ""},
		{"DOCKER_CONTEXT", engineFlags{}, envOf(dir, "DOCKER_CONTEXT", "remote"), "tcp://10.0.0.9:2376", `context "remote" (DOCKER_CONTEXT)`, true, ""},
		{"DOCKER_HOST beats DOCKER_CONTEXT", engineFlags{}, envOf(dir, "DOCKER_CONTEXT", "remote", "DOCKER_HOST", "unix:///x.sock"), "unix:///x.sock", "DOCKER_HOST", false, ""},
		{"--context beats DOCKER_HOST", engineFlags{context: "lab"}, envOf(dir, "DOCKER_HOST", "unix:///x.sock"), "ssh://me@lab", `context "lab" (--context)`, false, ""},
		{"current context from config.json", engineFlags{}, envOf(withCurrent), "ssh://me@lab", "currentContext in " + filepath.Join(withCurrent, "config.json"), false, ""},
		{"DOCKER_CONTEXT beats the current context", engineFlags{}, envOf(withCurrent, "DOCKER_CONTEXT", "default", "DOCKER_HOST", ""), client.DefaultDockerHost, `context "default" (DOCKER_CONTEXT)`, false, ""},
		{"the default context is DOCKER_HOST", engineFlags{context: "default"}, envOf(dir), client.DefaultDockerHost, `context "default"`, false, ""},
		{"unknown context", engineFlags{context: "nosuch"}, envOf(dir), "", "", false, `docker context "nosuch" (--context) not found`},
		{"context without a docker endpoint", engineFlags{context: "k8s-only"}, envOf(dir), "", "", false, "has no docker endpoint"},
		{"both flags", engineFlags{host: "unix:///a", context: "lab"}, envOf(dir), "", "", false, "either specify --host or --context"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ep, err := resolveEndpoint(tc.flags, tc.env)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ep.Host != tc.host || !strings.Contains(ep.Source, tc.source) {
				t.Errorf("got %s from %q, want %s from %q", ep.Host, ep.Source, tc.host, tc.source)
			}
			if (ep.TLS != nil) != tc.tls {
				t.Errorf("TLS = %+v, want %v", ep.TLS, tc.tls)
			}
			if tc.tls && (!strings.HasSuffix(ep.TLS.CAFile, "ca.pem") || !strings.HasSuffix(ep.TLS.KeyFile, "key.pem")) {
				t.Errorf("TLS files: %+v", ep.TLS)
			}
		})
	}
}

func TestMissingEngineErrorNamesWhatWasTried(t *testing.T) {
	t.Setenv("DOCKER_HOST", "unix:///nonexistent/podrun-test.sock")
	code, _, errs := run(t, "", "ps")
	if code != exitEngine {
		t.Fatalf("exit %d, want %d", code, exitEngine)
	}
	for _, w := range []string{"cannot reach the Docker engine", "unix:///nonexistent/podrun-test.sock", "from DOCKER_HOST"} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
}

func TestSSHHostIsChecked(t *testing.T) {
	if _, err := sshDialer("ssh://me@lab:2222"); err != nil {
		t.Errorf("a plain ssh host is refused: %v", err)
	}
	if _, err := sshDialer("ssh://lab/some/path"); err == nil {
		t.Error("an ssh host with a path is accepted")
	}
}
