package warnings

import "fmt"

// checkProbes: this build runs no probes (§5). What that changes depends on the probe and on
// the container's role.
func checkProbes(p *pass) {
	for _, r := range p.containers() {
		if r.c.LivenessProbe != nil {
			p.add("probe.liveness", r.path+".livenessProbe", r.name(),
				"a cluster restarts the container when its liveness probe fails; podrun never probes it, so a hung container keeps running", "")
		}
		if r.c.ReadinessProbe != nil {
			p.add("probe.readiness", r.path+".readinessProbe", r.name(),
				"a cluster reports the container ready only once its readiness probe succeeds; podrun reports it ready as soon as it runs", "")
		}
		if r.c.StartupProbe != nil {
			p.add("probe.startup", r.path+".startupProbe", r.name(), startupMessage(r), "")
		}
	}
}

func startupMessage(r containerRef) string {
	if r.kind == kindSidecar {
		return fmt.Sprintf("a cluster starts the next container only once sidecar %q's startup probe succeeds (and restarts it when the probe fails); podrun starts the next one as soon as the sidecar runs", r.name())
	}
	return "a cluster holds liveness and readiness until the startup probe succeeds and restarts the container when it fails; podrun counts the container started as soon as it runs"
}
