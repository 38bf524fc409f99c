package runner

import (
	"context"
	"errors"
	"time"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/probe"
)

// netProber performs network probes and lifecycle httpGet hooks, from a vantage point that
// reaches the pod at its address (§5: the kubelet probes from the node, at the pod IP).
type netProber interface {
	probe(ctx context.Context, h plan.Handler, timeout time.Duration) (probe.Result, string)
	lifecycleHTTP(ctx context.Context, g plan.HTTPGet) error
}

// hostProber probes from podrun's own network namespace at the pod IP: the kubelet's vantage
// point, which works when podrun runs beside a local Linux engine whose bridge it can reach.
type hostProber struct {
	podIP string
}

func (h hostProber) probe(ctx context.Context, hd plan.Handler, timeout time.Duration) (probe.Result, string) {
	t := probe.Target{Host: h.podIP, Timeout: timeout}
	switch {
	case hd.HTTPGet != nil:
		return probe.HTTP(ctx, t, *hd.HTTPGet)
	case hd.TCPSocket != nil:
		return probe.TCP(ctx, t, hd.TCPSocket.Host, hd.TCPSocket.Port)
	case hd.GRPC != nil:
		return probe.GRPC(ctx, t, hd.GRPC.Port, hd.GRPC.Service)
	}
	return probe.Failure, errors.New("probe has no handler").Error()
}

func (h hostProber) lifecycleHTTP(ctx context.Context, g plan.HTTPGet) error {
	return probe.LifecycleHTTP(ctx, probe.Target{Host: h.podIP}, g)
}
