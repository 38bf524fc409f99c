package runner

import (
	"context"
	"fmt"
	"maps"
	"net"
	"slices"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/mount"
	"github.com/podrun/podrun/plan"
)

// createSandbox creates the pause container that owns the pod's namespaces (§1.1). The other
// containers may be created as soon as it exists: they join it by name.
// Extra mounts are the runner's own volumes (termination messages, §3.4).
func createSandbox(ctx context.Context, eng Engine, p *plan.Plan, n *notifier, extra ...mount.Mount) (string, error) {
	sb := p.Sandbox
	cfg := *sb.Config
	cfg.Labels = withRunLabels(p, cfg.Labels)
	host := sb.Host
	if len(extra) > 0 {
		h := *host
		h.Mounts = append(append([]mount.Mount{}, host.Mounts...), extra...)
		host = &h
	}
	resp, err := eng.ContainerCreate(ctx, &cfg, host, nil, nil, sb.DockerName)
	if err != nil {
		return "", fmt.Errorf("create sandbox: %w", err)
	}
	n.event(Event{Kind: EventCreated, Container: sb.Name, Role: plan.RolePause})
	return resp.ID, nil
}

// startSandbox starts the pause container and reads the pod's addresses from it, once.
func startSandbox(ctx context.Context, eng Engine, p *plan.Plan, id string, n *notifier) (podAddresses, error) {
	if err := eng.ContainerStart(ctx, id, container.StartOptions{}); err != nil {
		return podAddresses{}, fmt.Errorf("start sandbox: %w", err)
	}
	n.event(Event{Kind: EventStarted, Container: p.Sandbox.Name, Role: plan.RolePause})
	info, err := eng.ContainerInspect(ctx, id)
	if err != nil {
		return podAddresses{}, fmt.Errorf("inspect sandbox: %w", err)
	}
	return sandboxAddresses(info), nil
}

// sandboxAddresses finds the pod IP and the host IP (the pod network's gateway, the host's
// address on it). A hostNetwork pod has the host's address as both (§7.4).
func sandboxAddresses(info container.InspectResponse) podAddresses {
	if info.HostConfig != nil && info.HostConfig.NetworkMode.IsHost() {
		ip := hostAddress()
		return podAddresses{PodIP: ip, HostIP: ip}
	}
	var a podAddresses
	if ns := info.NetworkSettings; ns != nil {
		names := slices.Sorted(maps.Keys(ns.Networks)) // the same network every time
		for _, name := range names {
			if ep := ns.Networks[name]; a.PodIP == "" && ep != nil {
				a.PodIP, a.HostIP = ep.IPAddress, ep.Gateway
			}
		}
	}
	return a
}

// hostAddress is this machine's primary address: the source address of its default route
// (connecting a UDP socket sends nothing). Loopback when there is no route.
var hostAddress = func() string {
	c, err := net.Dial("udp", "192.0.2.1:9") // TEST-NET-1: never routed anywhere real
	if err != nil {
		return "127.0.0.1"
	}
	defer c.Close()
	if a, ok := c.LocalAddr().(*net.UDPAddr); ok {
		return a.IP.String()
	}
	return "127.0.0.1"
}
