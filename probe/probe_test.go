package probe

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/podrun/podrun/plan"
)

func target(t *testing.T, rawURL string) (Target, plan.HTTPGet) {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	port, _ := strconv.Atoi(u.Port())
	return Target{Host: u.Hostname(), Port: port, Timeout: time.Second}, plan.HTTPGet{Scheme: u.Scheme, Port: port, Path: "/"}
}

func TestHTTPStatusCodes(t *testing.T) {
	code := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(code) }))
	defer srv.Close()
	tg, g := target(t, srv.URL)
	for _, tc := range []struct {
		code int
		want Result
	}{{200, Success}, {204, Success}, {399, Warning}, {400, Failure}, {500, Failure}} {
		code = tc.code
		if got, msg := HTTP(context.Background(), tg, g); got != tc.want {
			t.Errorf("status %d: %v (%s), want %v", tc.code, got, msg, tc.want)
		}
	}
}

func TestHTTPHeadersAndVirtualHost(t *testing.T) {
	var got *http.Request
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = r }))
	defer srv.Close()
	tg, g := target(t, srv.URL)
	g.Path = "/healthz?full=1"
	HTTP(context.Background(), tg, g)
	if ua := got.Header.Get("User-Agent"); ua != "kube-probe/1.35" {
		t.Errorf("User-Agent %q", ua)
	}
	if a := got.Header.Get("Accept"); a != "*/*" {
		t.Errorf("Accept %q", a)
	}
	if got.URL.Path != "/healthz" || got.URL.RawQuery != "full=1" {
		t.Errorf("URL %s", got.URL)
	}
	g.Headers = []plan.Header{{Name: "Host", Value: "example.test"}, {Name: "Accept", Value: ""}, {Name: "X-Custom", Value: "v"}}
	HTTP(context.Background(), tg, g)
	if got.Host != "example.test" || got.Header.Get("X-Custom") != "v" {
		t.Errorf("host %q, X-Custom %q", got.Host, got.Header.Get("X-Custom"))
	}
	if _, ok := got.Header["Accept"]; ok {
		t.Errorf("Accept with an empty value must be deleted, got %q", got.Header.Get("Accept"))
	}
	if err := LifecycleHTTP(context.Background(), tg, g); err != nil {
		t.Fatal(err)
	}
	if ua := got.Header.Get("User-Agent"); ua != "kube-lifecycle/1.35" {
		t.Errorf("lifecycle User-Agent %q", ua)
	}
}

func TestHTTPRedirectsOnlyOnSameHost(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(500) }))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/same":
			http.Redirect(w, r, "/ok", http.StatusFound)
		case "/off":
			// Same port, other host name: not followed.
			http.Redirect(w, r, "http://localhost:"+r.URL.Port()+"/ok", http.StatusFound)
		case "/bad":
			http.Redirect(w, r, "/fail", http.StatusFound)
		case "/fail":
			w.WriteHeader(503)
		}
	}))
	defer srv.Close()
	tg, g := target(t, srv.URL)
	for path, want := range map[string]Result{"/same": Success, "/off": Warning, "/bad": Failure} {
		g.Path = path
		if got, msg := HTTP(context.Background(), tg, g); got != want {
			t.Errorf("%s: %v (%s), want %v", path, got, msg, want)
		}
	}
}

func TestHTTPSWithoutVerification(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	tg, g := target(t, srv.URL)
	g.Scheme = "HTTPS"
	if got, msg := HTTP(context.Background(), tg, g); got != Success {
		t.Fatalf("%v: %s", got, msg)
	}
}

// Pitfall 10: lifecycle httpGet ignores the status code; only transport errors fail.
func TestLifecycleHTTPIgnoresStatusAndFallsBackToHTTP(t *testing.T) {
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits++; w.WriteHeader(500) }))
	defer srv.Close()
	tg, g := target(t, srv.URL)
	if err := LifecycleHTTP(context.Background(), tg, g); err != nil {
		t.Fatalf("status 500 must not fail a hook: %v", err)
	}
	g.Scheme = "HTTPS"
	if err := LifecycleHTTP(context.Background(), tg, g); err != nil || hits != 2 {
		t.Fatalf("HTTPS answered in HTTP: err %v, hits %d", err, hits)
	}
	srv.Close()
	if err := LifecycleHTTP(context.Background(), tg, g); err == nil {
		t.Fatal("a refused connection must fail the hook")
	}
}

func TestTCP(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	tg := Target{Host: "127.0.0.1", Timeout: time.Second}
	if got, msg := TCP(context.Background(), tg, "", port); got != Success {
		t.Fatalf("listening: %v %s", got, msg)
	}
	l.Close()
	if got, _ := TCP(context.Background(), tg, "", port); got != Failure {
		t.Fatalf("closed: %v", got)
	}
}

// healthServer answers grpc.health.v1.Health/Check over cleartext HTTP/2 with status for the
// service it is asked about.
func healthServer(t *testing.T, statuses map[string]uint64) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var protocols http.Protocols
	protocols.SetUnencryptedHTTP2(true)
	srv := &http.Server{Protocols: &protocols, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		msg, _ := unframe(body)
		service := ""
		if len(msg) > 2 {
			service = string(msg[2:])
		}
		w.Header().Set("Content-Type", "application/grpc")
		w.Header().Set("Trailer", "Grpc-Status")
		st, ok := statuses[service]
		if !ok {
			w.Header().Set("Grpc-Status", "5") // NOT_FOUND, trailers-only
			return
		}
		w.Write(grpcFrame([]byte{1 << 3, byte(st)}))
		w.Header().Set("Grpc-Status", "0")
	})}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return l.Addr().(*net.TCPAddr).Port
}

func TestGRPC(t *testing.T) {
	port := healthServer(t, map[string]uint64{"": servingStatus, "db": 2})
	tg := Target{Host: "127.0.0.1", Timeout: 2 * time.Second}
	for service, want := range map[string]Result{"": Success, "db": Failure, "missing": Failure} {
		if got, msg := GRPC(context.Background(), tg, port, service); got != want {
			t.Errorf("service %q: %v (%s), want %v", service, got, msg, want)
		}
	}
}
