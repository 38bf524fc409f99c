// Package probe performs the kubelet's network probes and lifecycle HTTP calls (§5, §6.3):
// httpGet, tcpSocket and grpc, from wherever it runs — the host, at the pod's address, or
// inside the pod's network namespace. It knows nothing of engines or containers; exec probes
// are the runner's, since they run through the engine.
package probe

import "time"

// Result is a probe's verdict, in the kubelet's terms.
type Result int

const (
	Success Result = iota
	// Warning counts as success; the kubelet records an event (e.g. an off-host redirect).
	Warning
	Failure
)

func (r Result) String() string {
	switch r {
	case Success:
		return "success"
	case Warning:
		return "warning"
	default:
		return "failure"
	}
}

// Version is the Kubernetes version podrun's user agents claim (kube-probe/1.35).
const Version = "1.35"

// Target is where a network probe goes: host (the pod IP unless the probe names one) and port.
type Target struct {
	Host    string
	Port    int
	Timeout time.Duration // zero: none (lifecycle hooks have no timeout, §6.1)
}
