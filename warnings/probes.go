package warnings

import corev1 "k8s.io/api/core/v1"

// checkProbes: probes and hooks are run (§5, §6). podrun sends network probes and httpGet
// hooks from inside the pod's network namespace, at the pod IP, by copying its own static
// executable into the sandbox; only when it cannot (a podrun that is not a static Linux build
// for the engine's architecture) are they sent from podrun's host, which an engine behind a VM
// or on another machine may not let through. Analysis is pure and cannot tell which: the info
// says what happens in the second case, and the run says (an event) when it happens.
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
		"podrun sends this request from inside the pod, at the pod IP, with its own executable copied into the sandbox; when it cannot copy itself (not a static Linux build for the engine's architecture) it sends it from this machine, which fails where the engine's container network is out of reach (Docker Desktop, a remote engine)",
		"use a static podrun build (make build) for the engine's architecture")
}
