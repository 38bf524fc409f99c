// Package compose renders a plan — the same one `podrun run` executes — as a docker compose file
// (format 2.4, which docker-compose 1.29 and Compose v2 both run). It is pure and golden-tested.
// What compose cannot express is said in comments at the top of the file, never dropped silently.
package compose

import (
	"fmt"
	"sort"
	"strings"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/mount"
	"sigs.k8s.io/yaml"

	"github.com/podrun/podrun/plan"
)

// file is the compose document; fields are ordered as people expect to read them.
type file struct {
	Version  string             `json:"version"`
	Services map[string]service `json:"services"`
	Volumes  map[string]volume  `json:"volumes,omitempty"`
}

type service struct {
	Image       string            `json:"image"`
	Entrypoint  []string          `json:"entrypoint,omitempty"`
	Command     []string          `json:"command,omitempty"`
	WorkingDir  string            `json:"working_dir,omitempty"`
	User        string            `json:"user,omitempty"`
	Environment []string          `json:"environment,omitempty"`
	Hostname    string            `json:"hostname,omitempty"`
	Domainname  string            `json:"domainname,omitempty"`
	Ports       []string          `json:"ports,omitempty"`
	ExtraHosts  []string          `json:"extra_hosts,omitempty"`
	DNS         []string          `json:"dns,omitempty"`
	DNSSearch   []string          `json:"dns_search,omitempty"`
	DNSOpt      []string          `json:"dns_opt,omitempty"`
	Sysctls     map[string]string `json:"sysctls,omitempty"`
	NetworkMode string            `json:"network_mode,omitempty"`
	IPC         string            `json:"ipc,omitempty"`
	PID         string            `json:"pid,omitempty"`
	Volumes     []string          `json:"volumes,omitempty"`
	DependsOn   map[string]dep    `json:"depends_on,omitempty"`
	Tty         bool              `json:"tty,omitempty"`
	StdinOpen   bool              `json:"stdin_open,omitempty"`
	Privileged  bool              `json:"privileged,omitempty"`
	ReadOnly    bool              `json:"read_only,omitempty"`
	CapAdd      []string          `json:"cap_add,omitempty"`
	CapDrop     []string          `json:"cap_drop,omitempty"`
	SecurityOpt []string          `json:"security_opt,omitempty"`
	GroupAdd    []string          `json:"group_add,omitempty"`
	CPUShares   int64             `json:"cpu_shares,omitempty"`
	CPUQuota    int64             `json:"cpu_quota,omitempty"`
	CPUPeriod   int64             `json:"cpu_period,omitempty"`
	MemLimit    int64             `json:"mem_limit,omitempty"`
	OomScoreAdj int               `json:"oom_score_adj,omitempty"`
	Restart     string            `json:"restart,omitempty"`
	StopGrace   string            `json:"stop_grace_period,omitempty"`
	Labels      map[string]string `json:"labels,omitempty"`
}

type dep struct {
	Condition string `json:"condition"`
}

type volume struct {
	Driver     string            `json:"driver,omitempty"`
	DriverOpts map[string]string `json:"driver_opts,omitempty"`
	Labels     map[string]string `json:"labels,omitempty"`
}

// Render returns the compose file for p.
func Render(p *plan.Plan) ([]byte, error) {
	f := file{Version: "2.4", Services: map[string]service{}, Volumes: map[string]volume{}}
	var notes []string
	volName := map[string]string{} // engine volume name → compose volume key
	for _, v := range p.Volumes {
		key := v.Name
		volName[v.Create.Name] = key
		f.Volumes[key] = volume{Driver: v.Create.Driver, DriverOpts: v.Create.DriverOpts, Labels: v.Create.Labels}
		if n := contentFiles(v.Files); n > 0 {
			notes = append(notes, fmt.Sprintf("volume %q (%s): compose cannot write its %d file(s); podrun run copies them in", v.Name, v.Source, n))
		}
	}
	const sandbox = "pause"
	f.Services[sandbox] = toService(p.Sandbox, volName, "")
	prev := sandbox
	prevCond := "service_started"
	for _, c := range p.Init {
		s := toService(c, volName, sandbox)
		s.DependsOn = map[string]dep{prev: {Condition: prevCond}}
		if prev != sandbox {
			s.DependsOn[sandbox] = dep{Condition: "service_started"}
		}
		if c.Role == plan.RoleSidecar {
			s.Restart = "always"
			notes = append(notes, fmt.Sprintf("native sidecar %q: compose starts it in its place but cannot stop it after the app containers", c.Name))
			prevCond = "service_started"
		} else {
			prevCond = "service_completed_successfully"
		}
		f.Services[c.Name] = s
		prev = c.Name
	}
	for _, c := range p.Containers {
		s := toService(c, volName, sandbox)
		s.DependsOn = map[string]dep{prev: {Condition: prevCond}}
		if prev != sandbox {
			s.DependsOn[sandbox] = dep{Condition: "service_started"}
		}
		s.Restart = composeRestart(c.RestartPolicy)
		f.Services[c.Name] = s
	}
	for _, c := range append(append([]plan.Container{}, p.Init...), p.Containers...) {
		for _, sp := range c.SubPathMounts {
			notes = append(notes, fmt.Sprintf("container %q mounts subPath %q of volume %q at %s: compose 2.4 mounts the whole volume", c.Name, sp.SubPath, volName[sp.Volume], sp.Target))
		}
	}
	if p.RestartPolicy != plan.RestartNever {
		notes = append(notes, "restarts use Docker's policy, not the kubelet's back-off (10s doubling to 300s)")
	}
	if len(p.Containers) > 1 && p.Primary == "" {
		notes = append(notes, "the pod's result: `up` exits 0 whichever container fails (podrun run exits with the failing container's code)")
	}
	if len(p.HostPathChecks) > 0 {
		notes = append(notes, "hostPath type checks are not made by compose")
	}
	for name, s := range f.Services {
		f.Services[name] = escapeService(s)
	}
	out, err := yaml.Marshal(f)
	if err != nil {
		return nil, fmt.Errorf("render compose file: %w", err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# docker compose file for pod %q, rendered by podrun from the plan podrun run executes.\n", p.Pod.Name)
	b.WriteString("# The pause service holds the pod's network, IPC and UTS namespaces; every container joins it.\n")
	b.WriteString("# Its image is podrun's own, loaded into the engine by any `podrun run` (or `make images`).\n")
	b.WriteString("# Run the pod to its end (docker-compose 1.29 or Compose v2), then remove everything:\n")
	fmt.Fprintf(&b, "#   docker-compose -p %s -f FILE up %s\n", projectName(p.Pod.Name), upArgs(p))
	fmt.Fprintf(&b, "#   docker-compose -p %s -f FILE down -v\n", projectName(p.Pod.Name))
	b.WriteString("# (`up` names the app containers: init containers and sidecars start first as their\n")
	b.WriteString("# dependencies, and `up` returns when the app containers have exited.)\n")
	sort.Strings(notes)
	for _, n := range notes {
		b.WriteString("# Not expressed: " + n + "\n")
	}
	b.Write(out)
	return []byte(b.String()), nil
}

func composeRestart(r plan.RestartPolicy) string {
	switch r {
	case plan.RestartAlways:
		return "always"
	case plan.RestartOnFailure:
		return "on-failure"
	}
	return "no"
}

// toService maps one planned container; sandbox names the service whose namespaces it joins.
func toService(c plan.Container, volName map[string]string, sandbox string) service {
	cfg, h := c.Config, c.Host
	if cfg == nil {
		cfg = &container.Config{}
	}
	if h == nil {
		h = &container.HostConfig{}
	}
	s := service{
		Image:       c.Image,
		Entrypoint:  cfg.Entrypoint,
		Command:     cfg.Cmd,
		WorkingDir:  cfg.WorkingDir,
		User:        cfg.User,
		Environment: cfg.Env,
		Hostname:    cfg.Hostname,
		Domainname:  cfg.Domainname,
		ExtraHosts:  h.ExtraHosts,
		DNS:         h.DNS,
		DNSSearch:   h.DNSSearch,
		DNSOpt:      h.DNSOptions,
		Sysctls:     h.Sysctls,
		Tty:         cfg.Tty,
		StdinOpen:   cfg.OpenStdin,
		Privileged:  h.Privileged,
		ReadOnly:    h.ReadonlyRootfs,
		CapAdd:      h.CapAdd,
		CapDrop:     h.CapDrop,
		SecurityOpt: h.SecurityOpt,
		GroupAdd:    h.GroupAdd,
		CPUShares:   h.CPUShares,
		CPUQuota:    h.CPUQuota,
		CPUPeriod:   h.CPUPeriod,
		MemLimit:    h.Memory,
		OomScoreAdj: h.OomScoreAdj,
		Labels:      cfg.Labels,
	}
	if s.Image == "" {
		s.Image = cfg.Image
	}
	if cfg.StopTimeout != nil {
		s.StopGrace = fmt.Sprintf("%ds", *cfg.StopTimeout)
	}
	for port, bindings := range h.PortBindings {
		for _, b := range bindings {
			hostIP := ""
			if b.HostIP != "" {
				hostIP = b.HostIP + ":"
			}
			s.Ports = append(s.Ports, fmt.Sprintf("%s%s:%s", hostIP, b.HostPort, port))
		}
	}
	sort.Strings(s.Ports)
	if sandbox != "" {
		s.NetworkMode = "service:" + sandbox
		s.IPC = "service:" + sandbox
		if h.PidMode.IsContainer() {
			s.PID = "service:" + sandbox
		}
	} else {
		s.IPC = string(h.IpcMode)
		if h.NetworkMode.IsHost() {
			s.NetworkMode = "host"
		}
	}
	for _, m := range h.Mounts {
		s.Volumes = append(s.Volumes, mountSpec(m, volName))
	}
	s.Volumes = append(s.Volumes, h.Binds...)
	for _, sp := range c.SubPathMounts {
		// compose 2.4 cannot mount a volume's sub-path; mount the whole volume instead.
		spec := volName[sp.Volume] + ":" + sp.Target
		if sp.ReadOnly {
			spec += ":ro"
		}
		s.Volumes = append(s.Volumes, spec)
	}
	return s
}

func mountSpec(m mount.Mount, volName map[string]string) string {
	src := m.Source
	if m.Type == mount.TypeVolume {
		if k, ok := volName[m.Source]; ok {
			src = k
		}
	}
	spec := src + ":" + m.Target
	if m.ReadOnly {
		spec += ":ro"
	}
	return spec
}

// upArgs are the arguments of `docker-compose up` that run the pod to its end: the regular
// containers by name, so `up` attaches to them alone and returns when they have exited (the
// pause service and sidecars would run forever). With a primary container (Flyte) its exit
// code is compose's, as it is podrun's (--exit-code-from stops the others when it exits).
func upArgs(p *plan.Plan) string {
	var names []string
	for _, c := range p.Containers {
		names = append(names, c.Name)
	}
	args := strings.Join(names, " ")
	if p.Primary != "" {
		return "--exit-code-from " + p.Primary + " " + args
	}
	if len(names) == 1 {
		return "--exit-code-from " + names[0] + " " + args
	}
	return args
}

// projectName is a compose project name for the pod: compose allows lowercase letters, digits,
// "-" and "_" (a pod name is a DNS subdomain, so only dots need replacing).
func projectName(pod string) string { return strings.ReplaceAll(strings.ToLower(pod), ".", "-") }
