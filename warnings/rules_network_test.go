package warnings

import "testing"

func networkRulesCases() []ruleCase {
	return []ruleCase{
		{name: "ClusterFirst", pod: app("  dnsPolicy: ClusterFirst\n"), want: []string{"network.cluster-dns@spec.dnsPolicy"}},
		{name: "ClusterFirst with hostNetwork behaves as Default", pod: app("  dnsPolicy: ClusterFirst\n  hostNetwork: true\n"), want: []string{"network.host-network@spec.hostNetwork"}},
		{name: "ClusterFirstWithHostNet", pod: app("  dnsPolicy: ClusterFirstWithHostNet\n"), want: []string{"network.cluster-dns@spec.dnsPolicy"}},
		{name: "None and Default are emulated", pod: app("  dnsPolicy: None\n  dnsConfig: {nameservers: [1.1.1.1]}\n"), want: nil},
		{name: "service links", pod: app("  enableServiceLinks: true\n"), want: []string{"network.service-links@spec.enableServiceLinks"}},
		{name: "service links off", pod: app("  enableServiceLinks: false\n"), want: nil},
		{name: "host namespaces", pod: app("  hostPID: true\n  hostIPC: true\n"), want: []string{"network.host-pid@spec.hostPID", "network.host-ipc@spec.hostIPC"}},
		{name: "subdomain", pod: app("  subdomain: s\n"), want: []string{"network.subdomain@spec.subdomain"}},
		{name: "hostname as FQDN", pod: app("  setHostnameAsFQDN: true\n"), want: []string{"network.hostname-as-fqdn@spec.setHostnameAsFQDN"}},
		{name: "hostname override", pod: app("  hostnameOverride: h\n"), want: []string{"network.hostname-override@spec.hostnameOverride"}},
		{name: "service DNS name", pod: appC("    env: [{name: DB, value: 'db.prod.svc.cluster.local:5432'}]\n"),
			want: []string{"network.cluster-dns-name@spec.containers[0].env[0].value#app"}},
		{name: "service DNS name in args, once per container", pod: appC("    args: [a.b.svc, c.d.svc]\n"),
			want: []string{"network.cluster-dns-name@spec.containers[0].args[0]#app"}},
		{name: "service DNS name given by hostAliases", pod: appC("    args: [a.b.svc]\n") + "  hostAliases: [{ip: 10.0.0.1, hostnames: [a.b.svc]}]\n", want: nil},
		{name: "the pod's own FQDN resolves", pod: "metadata: {name: web-0, namespace: ns}\nspec:\n  subdomain: web\n  containers: [{name: a, image: b, args: [web-0.web.ns.svc.cluster.local]}]\n",
			want: []string{"network.subdomain@spec.subdomain"}},
		{name: "a file name is not a service", pod: appC("    args: [config.svc]\n"), want: nil},
		{name: "service link variables", pod: appC("    command: ['$(REDIS_SERVICE_HOST):$(REDIS_SERVICE_PORT)']\n"),
			want: []string{"network.service-link-env@spec.containers[0].command[0]#app"}},
		{name: "service link variable defined in env", pod: appC("    env: [{name: REDIS_SERVICE_HOST, value: localhost}, {name: X, value: '$(REDIS_SERVICE_HOST)'}]\n"), want: nil},
		{name: "envFrom may define service variables but not KUBERNETES_*", pod: appC("    envFrom: [{configMapRef: {name: c}}]\n    args: ['$(REDIS_SERVICE_HOST)', '$(KUBERNETES_SERVICE_HOST)']\n"),
			cms: []string{"c"}, want: []string{"network.service-link-env@spec.containers[0].args[1]#app"}},
	}
}

func TestNetworkRules(t *testing.T) { runRuleCases(t, networkRulesCases()) }
