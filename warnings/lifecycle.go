package warnings

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
)

// checkLifecycle: hooks (§6), stop signals and termination messages (§3.4, §4), deadlines and
// container-level restart rules (§2.3) are not in this build.
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
		hooks(p, r)
		restartPolicy(p, r)
		// The defaults (/dev/termination-log, File), as `kubectl get -o yaml` writes them, ask for
		// nothing beyond what every pod gets: only a chosen path or policy is worth a warning.
		customPath := r.c.TerminationMessagePath != "" && r.c.TerminationMessagePath != corev1.TerminationMessagePathDefault
		customPolicy := r.c.TerminationMessagePolicy != "" && r.c.TerminationMessagePolicy != corev1.TerminationMessageReadFile
		if customPath || customPolicy {
			path := r.path + ".terminationMessagePath"
			if !customPath {
				path = r.path + ".terminationMessagePolicy"
			}
			p.add("lifecycle.termination-message", path, r.name(),
				"a cluster reads the container's termination message (file or log tail) into its status; podrun reports no message", "")
		}
	}
}

func hooks(p *pass, r containerRef) {
	l := r.c.Lifecycle
	if l == nil {
		return
	}
	if l.PostStart != nil {
		p.add("lifecycle.post-start", r.path+".lifecycle.postStart", r.name(),
			"a cluster runs the postStart hook right after the container starts and holds later containers until it returns; podrun does not run it", "")
	}
	if l.PreStop != nil {
		p.add("lifecycle.pre-stop", r.path+".lifecycle.preStop", r.name(),
			"a cluster runs the preStop hook before sending the stop signal; podrun sends the signal at once", "")
	}
	if l.StopSignal != nil {
		p.add("lifecycle.stop-signal", r.path+".lifecycle.stopSignal", r.name(),
			fmt.Sprintf("a cluster stops the container with %s; podrun sends the image's STOPSIGNAL or SIGTERM", *l.StopSignal), "")
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
