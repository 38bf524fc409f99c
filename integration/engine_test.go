//go:build integration

package integration

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// engineProxy forwards every connection on a listener to the real engine's socket, counting
// them, so a test can tell podrun went through it.
type engineProxy struct {
	l     net.Listener
	conns atomic.Int64
	wg    sync.WaitGroup
}

func startEngineProxy(t *testing.T, network, addr string) *engineProxy {
	t.Helper()
	host := engine.DaemonHost()
	if !strings.HasPrefix(host, "unix://") {
		t.Skipf("the proxy forwards to a unix socket; the engine is at %s", host)
	}
	target := strings.TrimPrefix(host, "unix://")
	l, err := net.Listen(network, addr)
	if err != nil {
		t.Fatal(err)
	}
	p := &engineProxy{l: l}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			p.conns.Add(1)
			p.wg.Add(1)
			go func() {
				defer p.wg.Done()
				defer c.Close()
				up, err := net.Dial("unix", target)
				if err != nil {
					return
				}
				defer up.Close()
				done := make(chan struct{})
				go func() { _, _ = io.Copy(up, c); up.(*net.UnixConn).CloseWrite(); close(done) }()
				_, _ = io.Copy(c, up)
				_ = c.Close()
				<-done
			}()
		}
	}()
	t.Cleanup(func() { _ = l.Close(); p.wg.Wait() })
	return p
}

func TestIntegrationDockerHostThroughAProxy(t *testing.T) {
	t.Parallel()
	unix := startEngineProxy(t, "unix", filepath.Join(t.TempDir(), "engine.sock"))
	tcp := startEngineProxy(t, "tcp", "127.0.0.1:0")
	for _, tc := range []struct {
		name, host string
		proxy      *engineProxy
	}{
		{"unix socket", "unix://" + unix.l.Addr().String(), unix},
		{"tcp", "tcp://" + tcp.l.Addr().String(), tcp},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := tc.proxy.conns.Load()
			r := podrunWithEnv(t, []string{"DOCKER_HOST=" + tc.host, "DOCKER_CONTEXT", "DOCKER_TLS_VERIFY"}, "", "run", "examples/init-volume.yaml")
			if r.code != 0 || !strings.Contains(stripPad(r.stdout), "report | sum of 1..5 is 15") {
				t.Fatalf("run through %s: %s", tc.host, r)
			}
			if tc.proxy.conns.Load() == before {
				t.Error("podrun did not go through the proxy")
			}
			v := podrunWithEnv(t, []string{"DOCKER_HOST=" + tc.host}, "", "version")
			if v.code != 0 || !strings.Contains(v.stdout, tc.host) || !strings.Contains(v.stdout, "API") {
				t.Errorf("version through %s: %s", tc.host, v)
			}
		})
	}
}

// A docker context chosen with `docker context use` (config.json's currentContext, the
// context store under contexts/meta/<sha256 of the name>/) is the engine podrun uses.
func TestIntegrationCurrentDockerContext(t *testing.T) {
	t.Parallel()
	proxy := startEngineProxy(t, "unix", filepath.Join(t.TempDir(), "ctx.sock"))
	cfg := t.TempDir()
	sum := sha256.Sum256([]byte("it-proxy"))
	meta := filepath.Join(cfg, "contexts", "meta", hex.EncodeToString(sum[:]))
	if err := os.MkdirAll(meta, 0o700); err != nil {
		t.Fatal(err)
	}
	body := `{"Name":"it-proxy","Metadata":{},"Endpoints":{"docker":{"Host":"unix://` + proxy.l.Addr().String() + `","SkipTLSVerify":false}}}`
	if err := os.WriteFile(filepath.Join(meta, "meta.json"), []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfg, "config.json"), []byte(`{"currentContext":"it-proxy"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"DOCKER_CONFIG=" + cfg, "DOCKER_HOST", "DOCKER_CONTEXT"}
	r := podrunWithEnv(t, env, "", "version")
	if r.code != 0 || proxy.conns.Load() == 0 {
		t.Fatalf("the current context was not used: %s", r)
	}
	// --context and --host choose too; a context that does not exist is named in the error.
	bad := podrunWithEnv(t, env, "", "--context", "nosuch", "ps")
	if bad.code != 125 || !strings.Contains(bad.stderr, `docker context "nosuch" (--context) not found`) {
		t.Errorf("unknown context: %s", bad)
	}
	host := podrunWithEnv(t, env, "", "--host", engine.DaemonHost(), "ps", "-o", "json")
	if host.code != 0 || !strings.Contains(host.stdout, `"kind": "List"`) {
		t.Errorf("--host: %s", host)
	}
}

func TestIntegrationMissingEngineIsExit125(t *testing.T) {
	t.Parallel()
	sock := filepath.Join(t.TempDir(), "nothing.sock")
	for _, args := range [][]string{{"run", "examples/init-volume.yaml"}, {"ps"}, {"version"}} {
		r := podrunWithEnv(t, []string{"DOCKER_HOST=unix://" + sock}, "", args...)
		if r.code != 125 {
			t.Errorf("%v: want exit 125, got %s", args, r)
		}
		for _, w := range []string{"cannot reach the Docker engine at unix://" + sock, "from DOCKER_HOST"} {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("%v: stderr lacks %q: %s", args, w, r)
			}
		}
	}
}
