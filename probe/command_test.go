package probe

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/podrun/podrun/plan"
)

// runCommand is the round trip of the in-pod prober: the runner's arguments, read and run by
// `podrun __probe`.
func runCommand(t *testing.T, h plan.Handler, podIP string, timeout time.Duration, lifecycle bool) (int, string) {
	t.Helper()
	args, err := Command(h, podIP, timeout, lifecycle)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	code := Main(context.Background(), args, &out)
	return code, out.String()
}

func TestCommandRoundTripsAnHTTPProbe(t *testing.T) {
	var got *http.Request
	status := http.StatusOK
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r
		w.WriteHeader(status)
		_, _ = w.Write([]byte("fine"))
	}))
	defer srv.Close()
	tg, _ := target(t, srv.URL)
	g := &plan.HTTPGet{Scheme: "HTTP", Port: tg.Port, Path: "/healthz?full=1", Headers: []plan.Header{
		{Name: "X-Probe", Value: "a: b"}, {Name: "Accept", Value: ""}, {Name: "Host", Value: "vhost.example"},
	}}
	// The pod IP is the target; the handler names no host.
	code, out := runCommand(t, plan.Handler{HTTPGet: g}, tg.Host, time.Second, false)
	if code != ExitSuccess || out != "fine" {
		t.Fatalf("exit %d, output %q; want 0 and the body", code, out)
	}
	if got.URL.RequestURI() != "/healthz?full=1" || got.Host != "vhost.example" ||
		got.Header.Get("X-Probe") != "a: b" || got.Header["Accept"] != nil ||
		got.Header.Get("User-Agent") != "kube-probe/"+Version {
		t.Errorf("request %s host %q headers %v: the probe's path, virtual host and headers did not survive the arguments",
			got.URL, got.Host, got.Header)
	}
	status = http.StatusServiceUnavailable
	if code, out := runCommand(t, plan.Handler{HTTPGet: g}, tg.Host, time.Second, false); code != ExitFailure || !strings.Contains(out, "503") {
		t.Errorf("503: exit %d, output %q; want a failure naming the status", code, out)
	}
	// A lifecycle hook ignores the status (pitfall 10) and says kube-lifecycle.
	if code, out := runCommand(t, plan.Handler{HTTPGet: g}, tg.Host, 0, true); code != ExitSuccess {
		t.Errorf("lifecycle httpGet on 503: exit %d (%s), want success", code, out)
	}
	if ua := got.Header.Get("User-Agent"); ua != "kube-lifecycle/"+Version {
		t.Errorf("lifecycle User-Agent %q", ua)
	}
}

func TestCommandWarningIsItsOwnExitCode(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://elsewhere.invalid/", http.StatusFound)
	}))
	defer srv.Close()
	tg, g := target(t, srv.URL)
	code, _ := runCommand(t, plan.Handler{HTTPGet: &g}, tg.Host, time.Second, false)
	if res, ok := ResultOfExit(code); !ok || res != Warning {
		t.Errorf("off-host redirect: exit %d → %v, %v; want a Warning (success with an event, §5)", code, res, ok)
	}
}

func TestCommandTCPAndTimeout(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	if code, out := runCommand(t, plan.Handler{TCPSocket: &plan.TCPSocket{Port: port}}, "127.0.0.1", time.Second, false); code != ExitSuccess {
		t.Errorf("tcp to a listener: exit %d (%s)", code, out)
	}
	l.Close()
	if code, _ := runCommand(t, plan.Handler{TCPSocket: &plan.TCPSocket{Port: port}}, "127.0.0.1", time.Second, false); code != ExitFailure {
		t.Errorf("tcp to a closed port: exit %d, want %d", code, ExitFailure)
	}
	// A server that never answers: the prober gives up at the probe's timeout (§5).
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	defer hang.Close()
	tg, g := target(t, hang.URL)
	start := time.Now()
	code, out := runCommand(t, plan.Handler{HTTPGet: &g}, tg.Host, 200*time.Millisecond, false)
	if code != ExitFailure || time.Since(start) > 5*time.Second {
		t.Errorf("hanging server: exit %d (%s) after %s; want a failure at the timeout", code, out, time.Since(start))
	}
}

func TestCommandRefusesWhatItCannotRead(t *testing.T) {
	for _, args := range [][]string{nil, {"ftp"}, {"tcp", "--port", "x"}, {"tcp", "extra"}} {
		var out strings.Builder
		code := Main(context.Background(), args, &out)
		if _, ok := ResultOfExit(code); ok {
			t.Errorf("%q: exit %d reads as a probe result; want a prober error", args, code)
		}
	}
	if _, err := Command(plan.Handler{Exec: []string{"true"}}, "10.0.0.1", time.Second, false); err == nil {
		t.Error("an exec handler has no in-pod network command")
	}
	if _, err := Command(plan.Handler{TCPSocket: &plan.TCPSocket{Port: 1}}, "10.0.0.1", 0, true); err == nil {
		t.Error("a tcpSocket lifecycle hook is invalid (§6.3)")
	}
	args, _ := Command(plan.Handler{GRPC: &plan.GRPC{Port: 9090, Service: "svc"}}, "10.0.0.1", time.Second, false)
	if strings.Join(args, " ") != "grpc --port 9090 --service svc --pod-ip 10.0.0.1 --timeout 1s" {
		t.Errorf("grpc arguments %q", args)
	}
}
