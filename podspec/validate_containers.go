package podspec

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/validation"
)

// containerRef is a container with its path, for checks that span the pod.
type containerRef struct {
	path string
	c    *corev1.Container
}

func (v *validator) containers(s *corev1.PodSpec, volumes map[string]*corev1.Volume) {
	if len(s.Containers) == 0 {
		v.add("spec.containers", "required: a pod needs at least one container")
	}
	var all []containerRef
	for i := range s.InitContainers {
		all = append(all, containerRef{joinIndex("spec.initContainers", i), &s.InitContainers[i]})
	}
	for i := range s.Containers {
		all = append(all, containerRef{joinIndex("spec.containers", i), &s.Containers[i]})
	}
	v.uniqueNames(s, all)
	for i, c := range all {
		init := i < len(s.InitContainers)
		v.container(c.path, c.c, s.HostNetwork, volumes)
		if init {
			v.initContainer(c.path, c.c)
		} else {
			v.regularContainer(c.path, c.c)
		}
	}
	v.uniqueHostPorts(all)
	if len(s.EphemeralContainers) > 0 {
		v.add("spec.ephemeralContainers", "must not be set when creating a pod (kubectl debug adds them to a running pod)")
	}
}

// uniqueNames checks every container's name: a DNS-1123 label, unique across init, regular and
// ephemeral containers (names key logs, status and `podrun logs`).
func (v *validator) uniqueNames(s *corev1.PodSpec, all []containerRef) {
	for i := range s.EphemeralContainers {
		all = append(all, containerRef{joinIndex("spec.ephemeralContainers", i), (*corev1.Container)(&s.EphemeralContainers[i].EphemeralContainerCommon)})
	}
	seen := map[string]string{}
	for _, c := range all {
		p := joinField(c.path, "name")
		if c.c.Name == "" {
			v.add(p, "required")
			continue
		}
		v.messages(p, c.c.Name, validation.IsDNS1123Label(c.c.Name))
		if first, dup := seen[c.c.Name]; dup {
			v.addf(p, "duplicate name %q: already used by %s; container names must be unique in the pod", c.c.Name, v.in.Origin.FilePath(first))
			continue
		}
		seen[c.c.Name] = c.path
	}
}

func (v *validator) container(path string, c *corev1.Container, hostNetwork bool, volumes map[string]*corev1.Volume) {
	image := joinField(path, "image")
	switch {
	case strings.TrimSpace(c.Image) == "":
		v.add(image, "required: the image to run")
	case strings.TrimSpace(c.Image) != c.Image:
		v.addf(image, "must not have leading or trailing whitespace, got %q", c.Image)
	}
	v.oneOf(joinField(path, "imagePullPolicy"), string(c.ImagePullPolicy), "Always", "IfNotPresent", "Never")
	v.oneOf(joinField(path, "terminationMessagePolicy"), string(c.TerminationMessagePolicy), "File", "FallbackToLogsOnError")
	if c.TerminationMessagePath != "" && !strings.HasPrefix(c.TerminationMessagePath, "/") {
		v.addf(joinField(path, "terminationMessagePath"), "must be an absolute path, got %q", c.TerminationMessagePath)
	}
	v.ports(path, c.Ports, hostNetwork)
	v.env(path, c)
	v.resources(joinField(path, "resources"), &c.Resources)
	v.mounts(path, c, volumes)
}

// initContainer applies the rules of §1.2–1.3: an init container is a native sidecar when its
// restartPolicy is Always; otherwise it runs to completion and may have no probes or hooks.
func (v *validator) initContainer(path string, c *corev1.Container) {
	if len(c.RestartPolicyRules) > 0 {
		v.add(joinField(path, "restartPolicyRules"), "not supported: podrun does not model ContainerRestartRules; use the pod's restartPolicy")
	}
	if c.RestartPolicy != nil && *c.RestartPolicy != corev1.ContainerRestartPolicyAlways {
		v.addf(joinField(path, "restartPolicy"), "unsupported value %q: an init container's restartPolicy may only be Always (a native sidecar); leave it unset for a regular init container", *c.RestartPolicy)
	}
	if c.RestartPolicy != nil && *c.RestartPolicy == corev1.ContainerRestartPolicyAlways {
		v.probesAndHooks(path, c)
		return
	}
	for _, f := range []struct {
		name string
		set  bool
	}{
		{"lifecycle", c.Lifecycle != nil},
		{"livenessProbe", c.LivenessProbe != nil},
		{"readinessProbe", c.ReadinessProbe != nil},
		{"startupProbe", c.StartupProbe != nil},
	} {
		if f.set {
			v.add(joinField(path, f.name), "must not be set for an init container unless its restartPolicy is Always (a native sidecar)")
		}
	}
}

func (v *validator) regularContainer(path string, c *corev1.Container) {
	if c.RestartPolicy != nil {
		v.add(joinField(path, "restartPolicy"), "not supported on a regular container: podrun does not model ContainerRestartRules; use the pod's restartPolicy")
	}
	if len(c.RestartPolicyRules) > 0 {
		v.add(joinField(path, "restartPolicyRules"), "not supported: podrun does not model ContainerRestartRules; use the pod's restartPolicy")
	}
	v.probesAndHooks(path, c)
}

func (v *validator) ports(path string, ports []corev1.ContainerPort, hostNetwork bool) {
	names := map[string]bool{}
	for i, port := range ports {
		p := joinIndex(joinField(path, "ports"), i)
		if validation.IsValidPortNum(int(port.ContainerPort)) != nil {
			v.addf(joinField(p, "containerPort"), "must be between 1 and 65535, inclusive, got %d", port.ContainerPort)
		}
		if port.HostPort != 0 && validation.IsValidPortNum(int(port.HostPort)) != nil {
			v.addf(joinField(p, "hostPort"), "must be between 0 and 65535, inclusive (0 publishes nothing), got %d", port.HostPort)
		}
		if hostNetwork && port.HostPort != port.ContainerPort {
			v.addf(joinField(p, "hostPort"), "must equal containerPort (%d) when hostNetwork is true, got %d", port.ContainerPort, port.HostPort)
		}
		v.oneOf(joinField(p, "protocol"), string(port.Protocol), "TCP", "UDP", "SCTP")
		if port.Name != "" {
			v.messages(joinField(p, "name"), port.Name, validation.IsValidPortName(port.Name))
			if names[port.Name] {
				v.addf(joinField(p, "name"), "duplicate port name %q: port names must be unique in a container", port.Name)
			}
			names[port.Name] = true
		}
	}
}

// uniqueHostPorts checks that no two ports publish the same host port and protocol: podrun
// publishes them all on the pause container, and the engine would refuse the second.
func (v *validator) uniqueHostPorts(all []containerRef) {
	used := map[string]string{}
	for _, c := range all {
		for i, port := range c.c.Ports {
			if port.HostPort == 0 {
				continue
			}
			key := fmt.Sprintf("%d/%s", port.HostPort, port.Protocol)
			p := joinIndex(joinField(c.path, "ports"), i)
			if first, dup := used[key]; dup {
				v.addf(joinField(p, "hostPort"), "host port %s is already used by %s", key, v.in.Origin.FilePath(first))
				continue
			}
			used[key] = p
		}
	}
}
