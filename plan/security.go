package plan

import (
	"strconv"
	"strings"

	"github.com/docker/docker/api/types/container"
	corev1 "k8s.io/api/core/v1"
)

// applySecurity maps the effective securityContext onto the container (§11). The container's
// fields win; runAsUser, runAsGroup, runAsNonRoot, seLinuxOptions, seccompProfile and
// appArmorProfile fall back to the pod's.
func applySecurity(cfg *container.Config, host *container.HostConfig, pod *corev1.Pod, ctr *corev1.Container) (runAsNonRoot bool) {
	psc := pod.Spec.SecurityContext
	if psc == nil {
		psc = &corev1.PodSecurityContext{}
	}
	sc := ctr.SecurityContext
	if sc == nil {
		sc = &corev1.SecurityContext{}
	}
	uid := firstPtr(sc.RunAsUser, psc.RunAsUser)
	gid := firstPtr(sc.RunAsGroup, psc.RunAsGroup)
	// The engine's User is "uid[:gid]". A runAsGroup without runAsUser would need the image's
	// user, which the pure plan does not know; the image's user and group then apply.
	if uid != nil {
		cfg.User = strconv.FormatInt(*uid, 10)
		if gid != nil {
			cfg.User += ":" + strconv.FormatInt(*gid, 10)
		}
	}
	host.GroupAdd = groupAdd(psc)
	if sc.Capabilities != nil {
		host.CapAdd = capNames(sc.Capabilities.Add)
		host.CapDrop = capNames(sc.Capabilities.Drop)
	}
	host.Privileged = sc.Privileged != nil && *sc.Privileged
	host.ReadonlyRootfs = sc.ReadOnlyRootFilesystem != nil && *sc.ReadOnlyRootFilesystem
	host.SecurityOpt = securityOpts(psc, sc)
	nonRoot := firstPtr(sc.RunAsNonRoot, psc.RunAsNonRoot)
	return nonRoot != nil && *nonRoot
}

// groupAdd is supplementalGroups then fsGroup: fsGroup joins every container's groups (§11).
func groupAdd(psc *corev1.PodSecurityContext) []string {
	var out []string
	seen := map[int64]bool{}
	add := func(g int64) {
		if !seen[g] {
			seen[g] = true
			out = append(out, strconv.FormatInt(g, 10))
		}
	}
	for _, g := range psc.SupplementalGroups {
		add(g)
	}
	if psc.FSGroup != nil {
		add(*psc.FSGroup)
	}
	return out
}

// capNames writes capabilities as the pod does, without the CAP_ prefix the engine also accepts.
func capNames(caps []corev1.Capability) []string {
	out := make([]string, 0, len(caps))
	for _, c := range caps {
		out = append(out, strings.TrimPrefix(string(c), "CAP_"))
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// securityOpts are the engine's --security-opt values:
//   - no-new-privileges only for an explicit allowPrivilegeEscalation: false (§11);
//   - seccomp: the kubelet's default is Unconfined, where the engine would apply its own
//     profile, so unset and Unconfined give seccomp=unconfined; RuntimeDefault leaves the
//     engine's default profile; Localhost gives seccomp=<localhostProfile> with the path as
//     written — the engine API wants the profile's JSON, so the runner reads that file and
//     inlines its content before creating the container (the plan reads no files);
//   - apparmor: Unconfined and Localhost (a profile loaded on the engine's host, by name);
//     RuntimeDefault leaves the engine's default;
//   - label=…: seLinuxOptions; systempaths=unconfined: procMount Unmasked.
func securityOpts(psc *corev1.PodSecurityContext, sc *corev1.SecurityContext) []string {
	var opts []string
	if sc.AllowPrivilegeEscalation != nil && !*sc.AllowPrivilegeEscalation {
		opts = append(opts, "no-new-privileges")
	}
	seccomp := firstPtr(sc.SeccompProfile, psc.SeccompProfile)
	switch {
	case seccomp == nil || seccomp.Type == corev1.SeccompProfileTypeUnconfined:
		opts = append(opts, "seccomp=unconfined")
	case seccomp.Type == corev1.SeccompProfileTypeLocalhost && seccomp.LocalhostProfile != nil:
		opts = append(opts, "seccomp="+*seccomp.LocalhostProfile)
	}
	if aa := firstPtr(sc.AppArmorProfile, psc.AppArmorProfile); aa != nil {
		switch {
		case aa.Type == corev1.AppArmorProfileTypeUnconfined:
			opts = append(opts, "apparmor=unconfined")
		case aa.Type == corev1.AppArmorProfileTypeLocalhost && aa.LocalhostProfile != nil:
			opts = append(opts, "apparmor="+*aa.LocalhostProfile)
		}
	}
	if se := firstPtr(sc.SELinuxOptions, psc.SELinuxOptions); se != nil {
		for _, kv := range [][2]string{{"user", se.User}, {"role", se.Role}, {"type", se.Type}, {"level", se.Level}} {
			if kv[1] != "" {
				opts = append(opts, "label="+kv[0]+":"+kv[1])
			}
		}
	}
	if sc.ProcMount != nil && *sc.ProcMount == corev1.UnmaskedProcMount {
		opts = append(opts, "systempaths=unconfined")
	}
	return opts
}

func firstPtr[T any](a, b *T) *T {
	if a != nil {
		return a
	}
	return b
}
