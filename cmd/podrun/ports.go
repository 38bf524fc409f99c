package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sort"
	"strconv"
	"strings"
	"syscall"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/client"
	"github.com/docker/go-connections/nat"

	"github.com/podrun/podrun/plan"
)

// hostPort is one port the pod publishes on the host (a container's hostPort, §5: on the
// sandbox).
type hostPort struct {
	IP    string // "" for every address
	Port  int
	Proto string
}

func (h hostPort) String() string {
	s := fmt.Sprintf("%d/%s", h.Port, h.Proto)
	if h.IP != "" && !anyAddress(h.IP) {
		s = h.IP + ":" + s
	}
	return s
}

func hostPorts(p *plan.Plan) []hostPort {
	if p.Sandbox.Host == nil {
		return nil
	}
	var out []hostPort
	for port, bindings := range p.Sandbox.Host.PortBindings {
		for _, b := range bindings {
			n, err := strconv.Atoi(b.HostPort)
			if err != nil || n == 0 {
				continue
			}
			out = append(out, hostPort{IP: b.HostIP, Port: n, Proto: nat.Port(port).Proto()})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

func anyAddress(ip string) bool { return ip == "" || ip == "0.0.0.0" || ip == "::" }

// overlaps says whether two bindings of one port and protocol collide: the same address, or
// either on every address.
func overlaps(a, b hostPort) bool {
	return a.Port == b.Port && a.Proto == b.Proto && (anyAddress(a.IP) || anyAddress(b.IP) || a.IP == b.IP)
}

// publishedConflict finds a running container that already publishes one of the pod's host
// ports. It is pure; its caller lists the containers.
func publishedConflict(want []hostPort, running []container.Summary) (hostPort, container.Summary, bool) {
	for _, w := range want {
		for _, c := range running {
			for _, p := range c.Ports {
				if p.PublicPort == 0 {
					continue
				}
				if overlaps(w, hostPort{IP: p.IP, Port: int(p.PublicPort), Proto: p.Type}) {
					return w, c, true
				}
			}
		}
	}
	return hostPort{}, container.Summary{}, false
}

// checkHostPorts refuses, before anything is created, a pod whose hostPort another container
// publishes (a parallel run of the same pod, typically) or, on a local engine, another process
// listens on: ports are the only resource parallel runs share (names carry the run id).
func checkHostPorts(ctx context.Context, cli *client.Client, p *plan.Plan) error {
	want := hostPorts(p)
	if len(want) == 0 {
		return nil
	}
	running, err := cli.ContainerList(ctx, container.ListOptions{})
	if err != nil {
		return fmt.Errorf("check host ports: %w", err)
	}
	if port, c, ok := publishedConflict(want, running); ok {
		return fmt.Errorf("hostPort %s of pod %s is already published by %s: stop it (or change the pod's hostPort) and run again", port, p.Pod.Name, describeContainer(c))
	}
	if !isLocalEngine(cli) {
		return nil
	}
	for _, w := range want {
		if w.Proto != "tcp" {
			continue
		}
		l, err := net.Listen("tcp", net.JoinHostPort(w.IP, strconv.Itoa(w.Port)))
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("hostPort %s of pod %s is in use on this machine by another process: free it (or change the pod's hostPort) and run again", w, p.Pod.Name)
		}
		if err == nil {
			_ = l.Close()
		}
	}
	return nil
}

func describeContainer(c container.Summary) string {
	if pod := c.Labels[plan.LabelPod]; pod != "" {
		return fmt.Sprintf("pod %s (run %s; podrun down %s/%s)", pod, c.Labels[plan.LabelRun], pod, c.Labels[plan.LabelRun])
	}
	name := c.ID
	if len(c.Names) > 0 {
		name = strings.TrimPrefix(c.Names[0], "/")
	}
	return "container " + name
}

// portTaken recognises the engine's answer when a host port was taken between the check and
// the sandbox's start (a race between parallel runs), to say so plainly.
func portTaken(err error) bool {
	if err == nil {
		return false
	}
	s := err.Error()
	return strings.Contains(s, "port is already allocated") || strings.Contains(s, "address already in use")
}
