package warnings

import (
	"fmt"
)

// checkLifecycle: hooks (§6), stop signals and termination messages (§3.4, §4) are emulated;
// deadlines, ephemeral containers, readiness gates and container-level restart rules (§2.3)
// are not.
func checkLifecycle(p *pass) {
	s := &p.pod.Spec
	if s.ActiveDeadlineSeconds != nil {
		p.add("lifecycle.active-deadline", "spec.activeDeadlineSeconds", "",
			fmt.Sprintf("a cluster fails the pod (DeadlineExceeded) %d s after it starts; podrun does not enforce it", *s.ActiveDeadlineSeconds),
			fmt.Sprintf("run with --timeout %ds", *s.ActiveDeadlineSeconds))
	}
	for i, c := range s.EphemeralContainers {
		p.add("lifecycle.ephemeral-container", index("spec.ephemeralContainers", i), c.Name,
			"ephemeral containers are added to a running pod for debugging; podrun does not run them", "")
	}
	for i, g := range s.ReadinessGates {
		p.add("lifecycle.readiness-gate", index("spec.readinessGates", i), "",
			fmt.Sprintf("a cluster reports the pod Ready only when a controller sets condition %q; nothing sets it locally, so the pod is reported Ready once its containers are", g.ConditionType), "")
	}
	for _, r := range p.containers() {
		restartPolicy(p, r)
	}
}

// restartPolicy: a sidecar's restartPolicy Always is emulated (§1.3); other container-level
// policies and rules (ContainerRestartRules, §2.3) are not.
func restartPolicy(p *pass, r containerRef) {
	if rp := r.c.RestartPolicy; rp != nil && r.kind != kindSidecar {
		p.add("lifecycle.container-restart-policy", r.path+".restartPolicy", r.name(),
			fmt.Sprintf("a cluster restarts this container by its own restartPolicy %s; podrun uses the pod's restartPolicy", *rp), "")
	}
	if len(r.c.RestartPolicyRules) > 0 {
		p.add("lifecycle.restart-policy-rules", r.path+".restartPolicyRules", r.name(),
			"a cluster decides restarts by these exit-code rules first; podrun ignores them", "")
	}
}
