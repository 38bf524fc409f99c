package warnings

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// checkSecurity: users, groups, capabilities, privileged, read-only rootfs, no_new_privs,
// seccomp and sysctls are emulated (§11); these are not, or only in part.
func checkSecurity(p *pass) {
	s := &p.pod.Spec
	if sc := s.SecurityContext; sc != nil {
		podSecurity(p, sc)
	}
	if s.HostUsers != nil && !*s.HostUsers {
		p.add("security.host-users", "spec.hostUsers", "",
			"a cluster runs the pod in a user namespace, so root in the container is an unprivileged user on the node; podrun runs it in the engine's user namespace", "")
	}
	for _, r := range p.containers() {
		if sc := r.c.SecurityContext; sc != nil {
			containerSecurity(p, r, sc)
		}
	}
	for annotation := range p.pod.Annotations {
		if c, ok := strings.CutPrefix(annotation, corev1.DeprecatedAppArmorBetaContainerAnnotationKeyPrefix); ok {
			p.add("security.app-armor", key("metadata.annotations", annotation), c,
				"a cluster confines the container with this AppArmor profile (deprecated annotation); podrun applies the engine's default profile", "")
		}
	}
}

func podSecurity(p *pass, sc *corev1.PodSecurityContext) {
	const path = "spec.securityContext"
	if sc.SELinuxOptions != nil {
		p.add("security.se-linux", path+".seLinuxOptions", "", seLinuxMessage, "")
	}
	if sc.SELinuxChangePolicy != nil {
		p.add("security.se-linux", path+".seLinuxChangePolicy", "",
			"seLinuxChangePolicy says how a cluster relabels volumes; podrun relabels nothing", "")
	}
	if sc.WindowsOptions != nil {
		p.add("security.windows-options", path+".windowsOptions", "", windowsMessage, "")
	}
	appArmor(p, path, "", sc.AppArmorProfile)
	seccompLocalhost(p, path, "", sc.SeccompProfile)
	// fsGroup and fsGroupChangePolicy are emulated: every container gets the group, and the
	// volumes podrun writes (emptyDir, configMap, secret, downwardAPI, projected) its ownership
	// and modes (§9.3, §11); they are fresh, so both change policies give the same result.
	if sc.SupplementalGroupsPolicy != nil && *sc.SupplementalGroupsPolicy != corev1.SupplementalGroupsPolicyMerge {
		p.add("security.supplemental-groups-policy", path+".supplementalGroupsPolicy", "",
			fmt.Sprintf("with supplementalGroupsPolicy %s a cluster ignores the groups the image's /etc/group gives the user; the engine still adds them", *sc.SupplementalGroupsPolicy), "")
	}
	for i, sy := range sc.Sysctls {
		if !safeSysctls[sy.Name] {
			p.add("security.unsafe-sysctl", index(path+".sysctls", i), "",
				fmt.Sprintf("%s is not a safe sysctl: a default kubelet rejects the pod (SysctlForbidden) unless its --allowed-unsafe-sysctls lists it; podrun passes it to the engine", sy.Name), "")
		}
	}
}

// safeSysctls is the kubelet's safe set (§11, pkg/kubelet/sysctl/safe_sysctls.go).
var safeSysctls = map[string]bool{
	"kernel.shm_rmid_forced":              true,
	"net.ipv4.ip_local_port_range":        true,
	"net.ipv4.tcp_syncookies":             true,
	"net.ipv4.ping_group_range":           true,
	"net.ipv4.ip_unprivileged_port_start": true,
	"net.ipv4.ip_local_reserved_ports":    true,
	"net.ipv4.tcp_keepalive_time":         true,
	"net.ipv4.tcp_fin_timeout":            true,
	"net.ipv4.tcp_keepalive_intvl":        true,
	"net.ipv4.tcp_keepalive_probes":       true,
	"net.ipv4.tcp_rmem":                   true,
	"net.ipv4.tcp_wmem":                   true,
}

const (
	seLinuxMessage = "a cluster on an SELinux node runs the container with these labels; podrun applies none (the engine's defaults)"
	windowsMessage = "windowsOptions apply to Windows containers only; the engine runs Linux containers"
)

func containerSecurity(p *pass, r containerRef, sc *corev1.SecurityContext) {
	path := r.path + ".securityContext"
	if sc.SELinuxOptions != nil {
		p.add("security.se-linux", path+".seLinuxOptions", r.name(), seLinuxMessage, "")
	}
	if sc.WindowsOptions != nil {
		p.add("security.windows-options", path+".windowsOptions", r.name(), windowsMessage, "")
	}
	if sc.ProcMount != nil && *sc.ProcMount != corev1.DefaultProcMount {
		p.add("security.proc-mount", path+".procMount", r.name(),
			fmt.Sprintf("with procMount %s a cluster leaves /proc unmasked; the engine masks it as for Default", *sc.ProcMount), "")
	}
	appArmor(p, path, r.name(), sc.AppArmorProfile)
	seccompLocalhost(p, path, r.name(), sc.SeccompProfile)
}

func appArmor(p *pass, path, container string, a *corev1.AppArmorProfile) {
	if a == nil {
		return
	}
	if a.Type == corev1.AppArmorProfileTypeRuntimeDefault {
		p.add("security.app-armor-default", path+".appArmorProfile", container,
			"the engine applies its default AppArmor profile (docker-default) where the host has AppArmor, like the runtime default on a node", "")
		return
	}
	p.add("security.app-armor", path+".appArmorProfile", container,
		fmt.Sprintf("a cluster applies AppArmor profile type %s; podrun applies the engine's default profile", a.Type), "")
}

func seccompLocalhost(p *pass, path, container string, s *corev1.SeccompProfile) {
	if s == nil || (s.Type != corev1.SeccompProfileTypeLocalhost && s.LocalhostProfile == nil) {
		return
	}
	name := ""
	if s.LocalhostProfile != nil {
		name = " " + *s.LocalhostProfile
	}
	p.add("security.seccomp-localhost", path+".seccompProfile", container,
		fmt.Sprintf("a cluster loads the seccomp profile%s from the node's kubelet seccomp directory; podrun reads it from this machine, relative to the manifest's directory, and refuses the pod on a remote engine", name),
		"keep the profile beside the manifest, at the same relative path as on the nodes")
}
