package warnings

import corev1 "k8s.io/api/core/v1"

// checkProbes: probes and hooks are run (§5, §6). Network probes and httpGet hooks are sent
// from podrun's host to the pod IP — the kubelet's own vantage point — which a local Linux
// engine allows and an engine behind a VM or on another machine may not.
func checkProbes(p *pass) {
	for _, r := range p.containers() {
		for _, pr := range []struct {
			field string
			probe *corev1.Probe
		}{{"livenessProbe", r.c.LivenessProbe}, {"readinessProbe", r.c.ReadinessProbe}, {"startupProbe", r.c.StartupProbe}} {
			if pr.probe != nil && pr.probe.Exec == nil {
				fromHost(p, r, r.path+"."+pr.field)
			}
		}
		if l := r.c.Lifecycle; l != nil {
			if l.PostStart != nil && l.PostStart.HTTPGet != nil {
				fromHost(p, r, r.path+".lifecycle.postStart")
			}
			if l.PreStop != nil && l.PreStop.HTTPGet != nil {
				fromHost(p, r, r.path+".lifecycle.preStop")
			}
		}
	}
}

func fromHost(p *pass, r containerRef, path string) {
	p.add("probe.from-host", path, r.name(),
		"podrun sends this request from its own host to the pod IP, as the kubelet does from the node; it fails when the engine's container network cannot be reached from this machine (Docker Desktop, a remote engine)",
		"run podrun on the engine's host")
}
