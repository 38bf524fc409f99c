package status

import (
	"slices"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/network"
)

// Sandbox is what the pause container says of the pod: its addresses and whether it runs.
type Sandbox struct {
	// PodIPs are the sandbox's addresses, IPv4 first when it has both (the node's family first,
	// as the kubelet orders them, §7.4).
	PodIPs []string
	// Ready says the sandbox runs: PodReadyToStartContainers (§1.1).
	Ready bool
}

// SandboxFromInspect reads the pause container's inspect data.
func SandboxFromInspect(pause container.InspectResponse) Sandbox {
	var sb Sandbox
	if pause.ContainerJSONBase != nil && pause.State != nil {
		sb.Ready = pause.State.Running
	}
	if pause.NetworkSettings == nil || !sb.Ready {
		return sb
	}
	names := make([]string, 0, len(pause.NetworkSettings.Networks))
	for name := range pause.NetworkSettings.Networks {
		names = append(names, name)
	}
	slices.Sort(names)
	var v4, v6 string
	for _, name := range names {
		ep := pause.NetworkSettings.Networks[name]
		v4, v6 = first(v4, ep, false), first(v6, ep, true)
	}
	for _, ip := range []string{v4, v6} {
		if ip != "" {
			sb.PodIPs = append(sb.PodIPs, ip)
		}
	}
	return sb
}

func first(have string, ep *network.EndpointSettings, v6 bool) string {
	if have != "" || ep == nil {
		return have
	}
	if v6 {
		return ep.GlobalIPv6Address
	}
	return ep.IPAddress
}
