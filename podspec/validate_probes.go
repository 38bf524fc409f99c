package podspec

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation"
)

// probesAndHooks checks a container's probes (§5) and lifecycle hooks (§6).
func (v *validator) probesAndHooks(path string, c *corev1.Container) {
	v.probe(joinField(path, "livenessProbe"), c.LivenessProbe, true)
	v.probe(joinField(path, "readinessProbe"), c.ReadinessProbe, false)
	v.probe(joinField(path, "startupProbe"), c.StartupProbe, true)
	if c.Lifecycle != nil {
		v.hook(joinField(path, "lifecycle.postStart"), c.Lifecycle.PostStart)
		v.hook(joinField(path, "lifecycle.preStop"), c.Lifecycle.PreStop)
	}
}

// probe checks one probe; restarts says whether it is a liveness or startup probe, whose
// successThreshold must be 1 and which may carry their own grace period (§4.1, §5).
func (v *validator) probe(path string, p *corev1.Probe, restarts bool) {
	if p == nil {
		return
	}
	h := &p.ProbeHandler
	v.handler(path, "exec, httpGet, tcpSocket, grpc", h.Exec, h.HTTPGet, h.TCPSocket, nil, h.GRPC)
	if h.GRPC != nil && validation.IsValidPortNum(int(h.GRPC.Port)) != nil {
		v.addf(joinField(path, "grpc.port"), "must be between 1 and 65535, inclusive, got %d", h.GRPC.Port)
	}
	v.atLeast(joinField(path, "initialDelaySeconds"), p.InitialDelaySeconds, 0)
	v.atLeast(joinField(path, "timeoutSeconds"), p.TimeoutSeconds, 1)
	v.atLeast(joinField(path, "periodSeconds"), p.PeriodSeconds, 1)
	v.atLeast(joinField(path, "successThreshold"), p.SuccessThreshold, 1)
	v.atLeast(joinField(path, "failureThreshold"), p.FailureThreshold, 1)
	if restarts && p.SuccessThreshold > 1 {
		v.addf(joinField(path, "successThreshold"), "must be 1 for a liveness or startup probe, got %d", p.SuccessThreshold)
	}
	if g := p.TerminationGracePeriodSeconds; g != nil {
		switch {
		case !restarts:
			v.add(joinField(path, "terminationGracePeriodSeconds"), "must not be set for a readiness probe (it never kills the container)")
		case *g < 1:
			v.addf(joinField(path, "terminationGracePeriodSeconds"), "must be at least 1, got %d", *g)
		}
	}
}

// hook checks a postStart or preStop handler.
func (v *validator) hook(path string, h *corev1.LifecycleHandler) {
	if h == nil {
		return
	}
	v.handler(path, "exec, httpGet, tcpSocket, sleep", h.Exec, h.HTTPGet, h.TCPSocket, h.Sleep, nil)
	if h.Sleep != nil && h.Sleep.Seconds < 0 {
		v.addf(joinField(path, "sleep.seconds"), "must be greater than or equal to 0, got %d", h.Sleep.Seconds)
	}
}

// handler checks that exactly one action is given, and the action itself.
func (v *validator) handler(path, allowed string, exec *corev1.ExecAction, get *corev1.HTTPGetAction,
	tcp *corev1.TCPSocketAction, sleep *corev1.SleepAction, grpc *corev1.GRPCAction) {
	n := 0
	for _, set := range []bool{exec != nil, get != nil, tcp != nil, sleep != nil, grpc != nil} {
		if set {
			n++
		}
	}
	switch {
	case n == 0:
		v.addf(path, "must specify a handler: one of %s", allowed)
	case n > 1:
		v.addf(path, "must specify exactly one handler (one of %s), got %d", allowed, n)
	}
	if exec != nil && len(exec.Command) == 0 {
		v.add(joinField(path, "exec.command"), "required: the command to run")
	}
	if get != nil {
		v.port(joinField(path, "httpGet.port"), get.Port)
		v.oneOf(joinField(path, "httpGet.scheme"), string(get.Scheme), "HTTP", "HTTPS")
		for i, hdr := range get.HTTPHeaders {
			p := joinIndex(joinField(path, "httpGet.httpHeaders"), i)
			v.messages(joinField(p, "name"), hdr.Name, validation.IsHTTPHeaderName(hdr.Name))
		}
	}
	if tcp != nil {
		v.port(joinField(path, "tcpSocket.port"), tcp.Port)
	}
}

// port checks a probe or hook port: a number 1–65535 or a port name (IANA_SVC_NAME).
func (v *validator) port(path string, port intstr.IntOrString) {
	if port.Type == intstr.String {
		v.messages(path, port.StrVal, validation.IsValidPortName(port.StrVal))
		return
	}
	if validation.IsValidPortNum(port.IntValue()) != nil {
		v.addf(path, "must be between 1 and 65535, inclusive, or a port name, got %d", port.IntVal)
	}
}

func (v *validator) atLeast(path string, value, lowest int32) {
	if value < lowest {
		v.addf(path, "must be at least %d, got %d", lowest, value)
	}
}
