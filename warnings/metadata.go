package warnings

import (
	"fmt"
	"maps"
	"slices"
)

// checkMetadata: what admission webhooks and controllers do around a pod on a cluster.
func checkMetadata(p *pass) {
	m := &p.pod.ObjectMeta
	for _, a := range slices.Sorted(maps.Keys(m.Annotations)) {
		if what, ok := injectionAnnotations[a]; ok && m.Annotations[a] != "false" && m.Annotations[a] != "disabled" {
			p.add("metadata.injection-annotation", key("metadata.annotations", a), "",
				fmt.Sprintf("on a cluster with %s, an admission webhook adds containers (and often init containers and volumes) to the pod; podrun applies no admission webhooks, so the pod runs without them", what),
				"render the injected pod on the cluster (kubectl get pod -o yaml) and run that")
		}
	}
	if len(m.Labels) > 0 {
		for _, l := range slices.Sorted(maps.Keys(m.Labels)) {
			if what, ok := injectionAnnotations[l]; ok && m.Labels[l] != "false" && m.Labels[l] != "disabled" {
				p.add("metadata.injection-annotation", key("metadata.labels", l), "",
					fmt.Sprintf("on a cluster with %s, an admission webhook adds containers to the pod; podrun applies no admission webhooks", what), "")
			}
		}
	}
	for i, o := range m.OwnerReferences {
		p.add("metadata.owner-reference", index("metadata.ownerReferences", i), "",
			fmt.Sprintf("the pod belongs to %s %q: on a cluster that controller replaces or retries it; podrun runs this pod once", o.Kind, o.Name), "")
	}
	if p.pod.Status.Phase != "" || len(p.pod.Status.ContainerStatuses) > 0 || len(p.pod.Status.Conditions) > 0 {
		p.add("metadata.status", "status", "",
			"the manifest carries a status (a copy of a live pod?); podrun ignores it and reports the status of its own run", "")
	}
}

// injectionAnnotations are the annotations (and labels) that ask well-known mutating webhooks
// to inject sidecars.
var injectionAnnotations = map[string]string{
	"sidecar.istio.io/inject":             "Istio",
	"linkerd.io/inject":                   "Linkerd",
	"vault.hashicorp.com/agent-inject":    "the Vault Agent Injector",
	"consul.hashicorp.com/connect-inject": "Consul",
	"dapr.io/enabled":                     "Dapr",
	"kuma.io/sidecar-injection":           "Kuma",
	"gke-gcsfuse/volumes":                 "the GKE Cloud Storage FUSE driver",
}
