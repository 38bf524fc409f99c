package plan

import (
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// ClusterDomain is the cluster DNS domain the kubelet would be configured with; it forms the
// pod's FQDN when spec.subdomain is set (§9.5).
const ClusterDomain = "cluster.local"

// hostnameMaxLen is the kernel's limit (64 bytes with the terminating NUL).
const hostnameMaxLen = 63

// podHostname returns the pod's hostname and domain as the kubelet generates them
// (GeneratePodHostNameAndDomain, §9.5): spec.hostnameOverride, else spec.hostname, else the pod
// name, cut to 63 characters with the trailing '-' and '.' a cut may leave trimmed; with
// spec.subdomain the domain is <subdomain>.<namespace>.svc.<cluster domain>.
//
// The domain goes into the sandbox's Domainname: the engine then writes the kubelet's
// "<ip> <hostname>.<domain> <hostname>" line into /etc/hosts. With setHostnameAsFQDN the
// kernel hostname is the FQDN itself and no separate domain is set.
func podHostname(pod *corev1.Pod, ns string) (hostname, domain string) {
	spec := &pod.Spec
	if spec.HostnameOverride != nil && *spec.HostnameOverride != "" {
		return *spec.HostnameOverride, "" // the override is the whole hostname, with no domain
	}
	hostname = pod.Name
	if spec.Hostname != "" {
		hostname = spec.Hostname
	}
	if len(hostname) > hostnameMaxLen {
		hostname = strings.TrimRight(hostname[:hostnameMaxLen], "-.")
	}
	if spec.Subdomain != "" {
		domain = spec.Subdomain + "." + ns + ".svc." + ClusterDomain
	}
	if domain != "" && spec.SetHostnameAsFQDN != nil && *spec.SetHostnameAsFQDN {
		return hostname + "." + domain, ""
	}
	return hostname, domain
}
