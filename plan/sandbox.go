package plan

import (
	"path"
	"strconv"
	"strings"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/mount"
	"github.com/docker/go-connections/nat"
	corev1 "k8s.io/api/core/v1"

	"github.com/podrun/podrun/internal/pause"
)

// plainEmptyDirRoot reports whether v is a disk-backed emptyDir whose only root setting is the
// kubelet's 0777 (no fsGroup group or setgid), planned as its first File.
func plainEmptyDirRoot(v Volume) bool {
	if v.Source != sourceEmptyDir || v.Create.DriverOpts["type"] == "tmpfs" || len(v.Files) == 0 {
		return false
	}
	root := v.Files[0]
	return root.Path == "." && root.Dir && root.Mode == 0o777 && root.GID == 0
}

// buildSandbox plans the pause container (§1.1): it owns the pod's network, IPC and UTS
// namespaces, so it carries what belongs to them — hostname, published ports, DNS, /etc/hosts
// entries, sysctls (§9.5–9.7, §11) — and every other container joins it.
//
// It also mounts every podrun volume at /.podrun/volumes/<volume>, for two reasons:
//   - a tmpfs-backed volume (secret, projected, emptyDir with medium Memory) lives only while
//     mounted; the sandbox holds it from the pod's start to its end, so content survives
//     container restarts and is shared by all containers, as the kubelet's tmpfs is;
//   - it is where the runner copies configMap, secret and downward-API content (Volume.Files)
//     through the engine API, which works against a remote engine too. The copy must happen
//     once the sandbox runs: a copy into a stopped container mounts a tmpfs volume only for
//     the copy and loses it.
func (b *builder) buildSandbox(p *Plan) Container {
	spec := &b.pod.Spec
	cfg := &container.Config{
		Image:       b.opts.PauseImage,
		Labels:      b.containerLabels(sandboxContainerLabel, RolePause),
		Healthcheck: healthcheckNone(),
	}
	host := &container.HostConfig{
		IpcMode:       "shareable", // so that containers can join it with container:<sandbox>
		RestartPolicy: container.RestartPolicy{Name: container.RestartPolicyDisabled},
		Sysctls:       sysctls(spec.SecurityContext),
		ExtraHosts:    extraHosts(spec.HostAliases),
	}
	if spec.HostNetwork {
		// The node's network and UTS namespaces: its hostname, its ports.
		host.NetworkMode, host.UTSMode = "host", "host"
	} else {
		cfg.Hostname, cfg.Domainname = podHostname(b.pod, b.ns)
		cfg.ExposedPorts, host.PortBindings = hostPorts(spec)
	}
	if spec.HostIPC {
		host.IpcMode = "host"
	}
	if spec.HostPID {
		host.PidMode = "host"
	}
	host.DNS, host.DNSSearch, host.DNSOptions = dnsSettings(spec)
	roots := 0
	for i, v := range p.Volumes {
		host.Mounts = append(host.Mounts, mount.Mount{
			Type: mount.TypeVolume, Source: v.Create.Name, Target: path.Join(SandboxVolumeDir, v.Name),
			VolumeOptions: &mount.VolumeOptions{NoCopy: true},
		})
		// A disk emptyDir whose root is plain 0777 also mounts at one of the pause image's 0777
		// directories: the engine gives the fresh volume that mode when it creates the
		// sandbox, so the runner needs no copy for it before the first container starts.
		if roots < pause.EmptyDirRootCount && plainEmptyDirRoot(v) {
			host.Mounts = append(host.Mounts, mount.Mount{
				Type: mount.TypeVolume, Source: v.Create.Name, Target: path.Join(pause.EmptyDirRoots, strconv.Itoa(roots)),
			})
			p.Volumes[i].Files = v.Files[1:]
			roots++
		}
	}
	return Container{
		Name:       sandboxContainerLabel,
		DockerName: b.sandbox,
		Role:       RolePause,
		Image:      b.opts.PauseImage,
		Config:     cfg,
		Host:       host,
	}
}

// hostPorts publishes every container port that has a hostPort, on its hostIP when given, with
// the protocol in the port key (tcp, udp, sctp).
func hostPorts(spec *corev1.PodSpec) (nat.PortSet, nat.PortMap) {
	exposed, bindings := nat.PortSet{}, nat.PortMap{}
	add := func(ctrs []corev1.Container) {
		for _, c := range ctrs {
			for _, port := range c.Ports {
				if port.HostPort == 0 {
					continue
				}
				proto := strings.ToLower(string(port.Protocol))
				if proto == "" {
					proto = "tcp"
				}
				key := nat.Port(strconv.Itoa(int(port.ContainerPort)) + "/" + proto)
				exposed[key] = struct{}{}
				bindings[key] = append(bindings[key], nat.PortBinding{HostIP: port.HostIP, HostPort: strconv.Itoa(int(port.HostPort))})
			}
		}
	}
	add(spec.InitContainers)
	add(spec.Containers)
	if len(exposed) == 0 {
		return nil, nil
	}
	return exposed, bindings
}

// extraHosts are the hostAliases as the engine's "name:ip" entries, one per hostname.
func extraHosts(aliases []corev1.HostAlias) []string {
	var out []string
	for _, a := range aliases {
		for _, h := range a.Hostnames {
			out = append(out, h+":"+a.IP)
		}
	}
	return out
}

// dnsSettings maps dnsConfig onto the engine's resolv.conf settings (§9.7). There is no cluster
// DNS, so ClusterFirst and Default both start from the engine's own resolv.conf (the node's);
// dnsConfig's nameservers, searches and options then replace the engine's defaults of the same
// kind — the engine has no way to append to them. With dnsPolicy None dnsConfig is all there is.
func dnsSettings(spec *corev1.PodSpec) (servers, search, options []string) {
	dc := spec.DNSConfig
	if dc == nil {
		return nil, nil, nil
	}
	for _, o := range dc.Options {
		opt := o.Name
		if o.Value != nil {
			opt += ":" + *o.Value
		}
		options = append(options, opt)
	}
	return dc.Nameservers, dc.Searches, options
}

// sysctls are the pod's sysctls, set on the sandbox, whose namespaces they belong to (§11).
func sysctls(psc *corev1.PodSecurityContext) map[string]string {
	if psc == nil || len(psc.Sysctls) == 0 {
		return nil
	}
	out := make(map[string]string, len(psc.Sysctls))
	for _, s := range psc.Sysctls {
		out[s.Name] = s.Value
	}
	return out
}
