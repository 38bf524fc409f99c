package plan

import (
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// Probes are a container's startup, liveness and readiness probes (§5); nil when absent.
type Probes struct {
	Startup   *Probe `json:",omitempty"`
	Liveness  *Probe `json:",omitempty"`
	Readiness *Probe `json:",omitempty"`
}

// Probe is one probe with the API server's defaults applied (§0) and its port resolved.
type Probe struct {
	Handler          Handler
	InitialDelay     time.Duration
	Period           time.Duration
	Timeout          time.Duration
	SuccessThreshold int
	FailureThreshold int
	// TerminationGracePeriod is the grace of a kill after a liveness or startup failure
	// (probe.terminationGracePeriodSeconds, §4.1); zero means the pod's.
	TerminationGracePeriod time.Duration `json:",omitempty"`
}

// Handler is what a probe or a lifecycle hook does (§5, §6.3): exactly one field is set, except
// that a hook the kubelet cannot run (tcpSocket in a hook) has none and fails when run.
type Handler struct {
	// Exec runs in the container, without a shell. For probes, $(VAR) was expanded from the
	// container's literal env values only (§5, pitfall 9); for hooks it is not expanded (§6.3).
	Exec      []string   `json:",omitempty"`
	HTTPGet   *HTTPGet   `json:",omitempty"`
	TCPSocket *TCPSocket `json:",omitempty"`
	GRPC      *GRPC      `json:",omitempty"`
	// Sleep is a lifecycle sleep action; nil when not a sleep (a zero sleep is allowed, §6.3).
	Sleep *time.Duration `json:",omitempty"`
}

// HTTPGet is a GET request to the pod (§5): host defaults to the pod IP at run time.
type HTTPGet struct {
	Scheme  string // HTTP or HTTPS
	Host    string `json:",omitempty"`
	Port    int
	Path    string
	Headers []Header `json:",omitempty"`
}

// Header is one HTTP header of a probe or hook; an empty value deletes a default header.
type Header struct {
	Name  string
	Value string
}

// TCPSocket is a TCP connect to host (default: the pod IP) and port.
type TCPSocket struct {
	Host string `json:",omitempty"`
	Port int
}

// GRPC is a gRPC health Check of Service at the pod IP and Port, without TLS.
type GRPC struct {
	Port    int
	Service string `json:",omitempty"`
}

// buildProbes converts a container's probes, nil when it has none; named ports are resolved
// against its ports.
func buildProbes(ctr *corev1.Container) *Probes {
	if ctr.StartupProbe == nil && ctr.LivenessProbe == nil && ctr.ReadinessProbe == nil {
		return nil
	}
	return &Probes{
		Startup:   buildProbe(ctr, ctr.StartupProbe),
		Liveness:  buildProbe(ctr, ctr.LivenessProbe),
		Readiness: buildProbe(ctr, ctr.ReadinessProbe),
	}
}

func buildProbe(ctr *corev1.Container, p *corev1.Probe) *Probe {
	if p == nil {
		return nil
	}
	out := &Probe{
		Handler:          buildHandler(ctr, p.ProbeHandler.Exec, p.HTTPGet, p.TCPSocket, p.GRPC, nil),
		InitialDelay:     seconds(p.InitialDelaySeconds),
		Period:           seconds(max(p.PeriodSeconds, 1)),
		Timeout:          seconds(max(p.TimeoutSeconds, 1)),
		SuccessThreshold: int(max(p.SuccessThreshold, 1)),
		FailureThreshold: int(max(p.FailureThreshold, 1)),
	}
	if p.Exec != nil {
		// Exec probes see only literal env values: a valueFrom variable expands to "" (§5).
		out.Handler.Exec = expandStatic(p.Exec.Command, ctr.Env)
	}
	if p.TerminationGracePeriodSeconds != nil {
		out.TerminationGracePeriod = seconds(int32(max(*p.TerminationGracePeriodSeconds, 1)))
	}
	return out
}

// buildHooks converts a container's postStart and preStop hooks (§6); exec is not expanded.
func buildHooks(ctr *corev1.Container) (postStart, preStop *Handler) {
	if ctr.Lifecycle == nil {
		return nil, nil
	}
	hook := func(h *corev1.LifecycleHandler) *Handler {
		if h == nil {
			return nil
		}
		var sleep *time.Duration
		if h.Sleep != nil {
			d := time.Duration(h.Sleep.Seconds) * time.Second
			sleep = &d
		}
		out := buildHandler(ctr, h.Exec, h.HTTPGet, nil, nil, sleep)
		return &out
	}
	return hook(ctr.Lifecycle.PostStart), hook(ctr.Lifecycle.PreStop)
}

func buildHandler(ctr *corev1.Container, exec *corev1.ExecAction, get *corev1.HTTPGetAction,
	tcp *corev1.TCPSocketAction, grpc *corev1.GRPCAction, sleep *time.Duration) Handler {
	var h Handler
	switch {
	case exec != nil:
		h.Exec = append([]string{}, exec.Command...)
	case get != nil:
		h.HTTPGet = &HTTPGet{Scheme: string(get.Scheme), Host: get.Host, Port: resolvePort(ctr, get.Port), Path: get.Path}
		if h.HTTPGet.Scheme == "" {
			h.HTTPGet.Scheme = string(corev1.URISchemeHTTP)
		}
		if h.HTTPGet.Path == "" {
			h.HTTPGet.Path = "/"
		}
		for _, hd := range get.HTTPHeaders {
			h.HTTPGet.Headers = append(h.HTTPGet.Headers, Header{Name: hd.Name, Value: hd.Value})
		}
	case tcp != nil:
		h.TCPSocket = &TCPSocket{Host: tcp.Host, Port: resolvePort(ctr, tcp.Port)}
	case grpc != nil:
		h.GRPC = &GRPC{Port: int(grpc.Port)}
		if grpc.Service != nil {
			h.GRPC.Service = *grpc.Service
		}
	case sleep != nil:
		h.Sleep = sleep
	}
	return h
}

// resolvePort is a probe's port: a number, or the container port of that name (§5); 0 when
// the name matches no port, which the prober reports as a failure.
func resolvePort(ctr *corev1.Container, p intstr.IntOrString) int {
	if p.Type == intstr.Int {
		return int(p.IntVal)
	}
	for _, cp := range ctr.Ports {
		if cp.Name == p.StrVal {
			return int(cp.ContainerPort)
		}
	}
	return 0
}

// expandStatic is the kubelet's ExpandContainerCommandOnlyStatic: $(VAR) from env[].value
// literals only, valueFrom variables as "" (§5).
func expandStatic(cmd []string, env []corev1.EnvVar) []string {
	vars := map[string]string{}
	for _, e := range env {
		if e.ValueFrom == nil {
			vars[e.Name] = e.Value
		} else {
			vars[e.Name] = ""
		}
	}
	out := make([]string, len(cmd))
	for i, s := range cmd {
		if strings.Contains(s, "$") {
			s = expand(s, lookupIn(vars))
		}
		out[i] = s
	}
	return out
}

func seconds(s int32) time.Duration { return time.Duration(s) * time.Second }
