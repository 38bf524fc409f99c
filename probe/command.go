package probe

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/podrun/podrun/plan"
)

// The in-pod prober: podrun copies its own static executable into the pod's sandbox and runs
// `podrun __probe KIND FLAGS…` there as an exec, so that network probes and httpGet hooks leave
// from the pod's network namespace, at the pod IP, wherever the engine runs (§5, §6.3). Command
// builds the arguments on the runner's side and Main reads them on the sandbox's: the protocol
// lives in this one file. The result is the exit code; the message is the output.

// Exit codes of the in-pod prober. Any other code (2: arguments it cannot read, 126/127: it
// could not be run) is a prober error, which the kubelet does not count (§5).
const (
	ExitSuccess = 0
	ExitFailure = 1
	ExitWarning = 3
	exitUsage   = 2
)

// Kinds of in-pod request.
const (
	kindHTTP      = "http"
	kindTCP       = "tcp"
	kindGRPC      = "grpc"
	kindLifecycle = "lifecycle-http"
)

// ExitCode is how the in-pod prober reports r.
func (r Result) ExitCode() int {
	switch r {
	case Success:
		return ExitSuccess
	case Warning:
		return ExitWarning
	default:
		return ExitFailure
	}
}

// ResultOfExit reads an in-pod prober's exit code; false for a prober error.
func ResultOfExit(code int) (Result, bool) {
	switch code {
	case ExitSuccess:
		return Success, true
	case ExitWarning:
		return Warning, true
	case ExitFailure:
		return Failure, true
	}
	return Failure, false
}

// Command is the in-pod prober's arguments (after the executable and its hidden command) for
// probe handler h (httpGet, tcpSocket or grpc) against the pod at podIP, bounded by timeout
// (zero: none). lifecycle makes an httpGet a lifecycle hook's call (status codes ignored).
func Command(h plan.Handler, podIP string, timeout time.Duration, lifecycle bool) ([]string, error) {
	var args []string
	add := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	switch {
	case h.HTTPGet != nil:
		g := h.HTTPGet
		args = append(args, kindHTTP)
		if lifecycle {
			args[0] = kindLifecycle
		}
		add("host", g.Host)
		add("scheme", g.Scheme)
		add("path", g.Path)
		add("port", strconv.Itoa(g.Port))
		for _, hd := range g.Headers {
			// A header name holds no ':' (RFC 9110 token), so the first one splits it off.
			add("header", hd.Name+": "+hd.Value)
		}
	case h.TCPSocket != nil && !lifecycle:
		args = append(args, kindTCP)
		add("host", h.TCPSocket.Host)
		add("port", strconv.Itoa(h.TCPSocket.Port))
	case h.GRPC != nil && !lifecycle:
		args = append(args, kindGRPC)
		add("port", strconv.Itoa(h.GRPC.Port))
		add("service", h.GRPC.Service)
	default:
		return nil, errors.New("not a network probe or an httpGet hook")
	}
	add("pod-ip", podIP)
	if timeout > 0 {
		add("timeout", timeout.String())
	}
	return args, nil
}

// headerList is the repeatable --header flag.
type headerList []plan.Header

func (l *headerList) String() string { return fmt.Sprint(*l) }

func (l *headerList) Set(s string) error {
	name, value, ok := strings.Cut(s, ":")
	if !ok || name == "" {
		return fmt.Errorf("header %q: expected NAME: VALUE", s)
	}
	*l = append(*l, plan.Header{Name: name, Value: strings.TrimPrefix(value, " ")})
	return nil
}

// Main runs the in-pod prober with args as Command made them, writes the message on out, and
// returns the exit code.
func Main(ctx context.Context, args []string, out io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(out, "usage: podrun __probe http|lifecycle-http|tcp|grpc FLAGS")
		return exitUsage
	}
	kind := args[0]
	fs := flag.NewFlagSet(kind, flag.ContinueOnError)
	fs.SetOutput(out)
	var (
		g       plan.HTTPGet
		headers headerList
		service string
		t       Target
	)
	fs.StringVar(&g.Host, "host", "", "the handler's host (default: the pod IP)")
	fs.StringVar(&g.Scheme, "scheme", "HTTP", "HTTP or HTTPS")
	fs.StringVar(&g.Path, "path", "", "the request's path")
	fs.IntVar(&g.Port, "port", 0, "the port")
	fs.Var(&headers, "header", "a request header, NAME: VALUE (repeatable)")
	fs.StringVar(&service, "service", "", "the gRPC health service")
	fs.StringVar(&t.Host, "pod-ip", "127.0.0.1", "the pod's address")
	fs.DurationVar(&t.Timeout, "timeout", 0, "the probe's timeout (zero: none)")
	if err := fs.Parse(args[1:]); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(out, "unexpected arguments %q\n", fs.Args())
		return exitUsage
	}
	g.Headers = headers
	var res Result
	var msg string
	switch kind {
	case kindHTTP:
		res, msg = HTTP(ctx, t, g)
	case kindLifecycle:
		res = Success
		if err := LifecycleHTTP(ctx, t, g); err != nil {
			res, msg = Failure, err.Error()
		}
	case kindTCP:
		res, msg = TCP(ctx, t, g.Host, g.Port)
	case kindGRPC:
		res, msg = GRPC(ctx, t, g.Port, service)
	default:
		fmt.Fprintf(out, "unknown probe kind %q\n", kind)
		return exitUsage
	}
	fmt.Fprint(out, msg)
	return res.ExitCode()
}
