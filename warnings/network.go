package warnings

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// checkNetwork: cluster DNS and Service variables do not exist locally (§7.3, §9.7); host
// namespaces are the engine host's; the hostname is emulated but not its DNS record (§9.5).
func checkNetwork(p *pass) {
	s := &p.pod.Spec
	switch s.DNSPolicy {
	case corev1.DNSClusterFirstWithHostNet:
		p.add("network.cluster-dns", "spec.dnsPolicy", "", clusterDNSMessage, clusterDNSHint)
	case corev1.DNSClusterFirst:
		// With hostNetwork, ClusterFirst behaves as Default (the node's resolv.conf) (§9.7).
		if !s.HostNetwork {
			p.add("network.cluster-dns", "spec.dnsPolicy", "", clusterDNSMessage, clusterDNSHint)
		}
	}
	if s.EnableServiceLinks != nil && *s.EnableServiceLinks {
		p.add("network.service-links", "spec.enableServiceLinks", "",
			"a cluster injects <SERVICE>_SERVICE_HOST/_PORT variables for every Service in the namespace; podrun injects none", "")
	}
	hostNamespaces(p, s)
	if s.Subdomain != "" {
		p.add("network.subdomain", "spec.subdomain", "",
			fmt.Sprintf("podrun writes the FQDN <hostname>.%s.<namespace>.svc.cluster.local to /etc/hosts, but no headless Service publishes it: other pods could not resolve it", s.Subdomain), "")
	}
	if s.SetHostnameAsFQDN != nil && *s.SetHostnameAsFQDN {
		p.add("network.hostname-as-fqdn", "spec.setHostnameAsFQDN", "",
			"a cluster sets the kernel hostname to the pod's FQDN; podrun sets the short hostname", "")
	}
	if s.HostnameOverride != nil {
		p.add("network.hostname-override", "spec.hostnameOverride", "",
			fmt.Sprintf("a cluster sets the hostname to %q; podrun uses spec.hostname or the pod name", *s.HostnameOverride), "")
	}
	for _, r := range p.containers() {
		serviceReferences(p, r)
	}
}

const (
	clusterDNSMessage = "a cluster's DNS resolves Service names (my-svc, my-svc.ns.svc.cluster.local) with search domains and ndots:5; there is no cluster DNS locally: names resolve with the engine's resolver"
	clusterDNSHint    = "use dnsPolicy: None with dnsConfig, or hostAliases, to give names local addresses"
)

func hostNamespaces(p *pass, s *corev1.PodSpec) {
	const where = "the engine's host — on Docker Desktop or Colima a Linux VM, not this machine"
	if s.HostNetwork {
		p.add("network.host-network", "spec.hostNetwork", "",
			"the pod uses the network namespace of "+where+": its interfaces, ports and addresses are the VM's", "")
	}
	if s.HostPID {
		p.add("network.host-pid", "spec.hostPID", "",
			"the pod sees the processes of "+where, "")
	}
	if s.HostIPC {
		p.add("network.host-ipc", "spec.hostIPC", "",
			"the pod shares the IPC namespace of "+where, "")
	}
}

var (
	// serviceDNSName matches a cluster DNS name: [pod.]service.namespace.svc[.cluster.local].
	serviceDNSName = regexp.MustCompile(`([a-z0-9]([-a-z0-9]*[a-z0-9])?\.){2,}svc(\.cluster\.local)?\b`)
	// serviceLinkRef matches $(NAME) references to service-link variables (§7.3).
	serviceLinkRef = regexp.MustCompile(`\$\(([A-Z][A-Z0-9_]*_(SERVICE_HOST|SERVICE_PORT|PORT)(_[A-Z0-9_]+)?)\)`)
)

// serviceReferences finds values that expect cluster networking: Service DNS names and
// $(X_SERVICE_HOST) references (which stay literal when the variable is undefined, §7.2).
func serviceReferences(p *pass, r containerRef) {
	defined := map[string]bool{}
	for _, e := range r.c.Env {
		defined[e.Name] = true
	}
	aliased := ownNames(p)
	for _, a := range p.pod.Spec.HostAliases {
		for _, h := range a.Hostnames {
			aliased[h] = true
		}
	}
	var dnsReported bool
	eachValue(r, func(path, v string) {
		if name := serviceDNSName.FindString(v); !dnsReported && name != "" && !aliased[name] {
			dnsReported = true
			p.add("network.cluster-dns-name", path, r.name(),
				fmt.Sprintf("%q names a cluster Service; there is no cluster DNS locally, so it will not resolve", name),
				clusterDNSHint)
		}
		var missing []string
		for _, m := range serviceLinkRef.FindAllStringSubmatch(v, -1) {
			if defined[m[1]] || len(r.c.EnvFrom) > 0 && !isKubernetesLink(m[1]) {
				continue // defined by the pod itself (envFrom may define it: give it the benefit)
			}
			if !slices.Contains(missing, "$("+m[1]+")") {
				missing = append(missing, "$("+m[1]+")")
			}
		}
		if len(missing) > 0 {
			verb := "is a Service variable"
			if len(missing) > 1 {
				verb = "are Service variables"
			}
			p.add("network.service-link-env", path, r.name(),
				fmt.Sprintf("%s %s a cluster injects; podrun does not, so the reference stays literal", strings.Join(missing, ", "), verb),
				"set the variable in env, or use dnsPolicy None / hostAliases for the address")
		}
	})
}

// ownNames are the pod's own FQDN forms, which podrun writes to /etc/hosts (§9.6): they resolve.
func ownNames(p *pass) map[string]bool {
	names := map[string]bool{}
	s := &p.pod.Spec
	if s.Subdomain == "" {
		return names
	}
	host := s.Hostname
	if host == "" {
		host = p.pod.Name
	}
	ns := p.pod.Namespace
	if ns == "" {
		ns = "default"
	}
	short := host + "." + s.Subdomain + "." + ns + ".svc"
	names[short] = true
	names[short+".cluster.local"] = true
	return names
}

func isKubernetesLink(name string) bool {
	return len(name) >= 11 && name[:11] == "KUBERNETES_"
}

// eachValue visits the container's literal values: command, args and env values.
func eachValue(r containerRef, f func(path, value string)) {
	for i, v := range r.c.Command {
		f(index(r.path+".command", i), v)
	}
	for i, v := range r.c.Args {
		f(index(r.path+".args", i), v)
	}
	for i, e := range r.c.Env {
		if e.Value != "" {
			f(index(r.path+".env", i)+".value", e.Value)
		}
	}
}
