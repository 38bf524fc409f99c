package runner

import (
	"context"
	"errors"
	"time"

	"github.com/podrun/podrun/plan"
	"github.com/podrun/podrun/probe"
)

// netProber performs network probes and lifecycle httpGet hooks, from a vantage point that
// reaches the pod at its address (§5: the kubelet probes from the node, at the pod IP): inside
// the pod's network namespace when podrun could install itself there (execProber), else from
// podrun's own host (hostProber). An error is the prober's, not the probe's: not counted (§5).
type netProber interface {
	probe(ctx context.Context, h plan.Handler, timeout time.Duration) (probe.Result, string, error)
	lifecycleHTTP(ctx context.Context, g plan.HTTPGet) error
}

// hostProber probes from podrun's own network namespace at the pod IP: the kubelet's vantage
// point, which works when podrun runs beside a local Linux engine whose bridge it can reach.
type hostProber struct {
	podIP string
}

func (h hostProber) probe(ctx context.Context, hd plan.Handler, timeout time.Duration) (probe.Result, string, error) {
	t := probe.Target{Host: h.podIP, Timeout: timeout}
	var res probe.Result
	var msg string
	switch {
	case hd.HTTPGet != nil:
		res, msg = probe.HTTP(ctx, t, *hd.HTTPGet)
	case hd.TCPSocket != nil:
		res, msg = probe.TCP(ctx, t, hd.TCPSocket.Host, hd.TCPSocket.Port)
	case hd.GRPC != nil:
		res, msg = probe.GRPC(ctx, t, hd.GRPC.Port, hd.GRPC.Service)
	default:
		return probe.Failure, "", errors.New("probe has no handler")
	}
	return res, msg, nil
}

func (h hostProber) lifecycleHTTP(ctx context.Context, g plan.HTTPGet) error {
	return probe.LifecycleHTTP(ctx, probe.Target{Host: h.podIP}, g)
}
