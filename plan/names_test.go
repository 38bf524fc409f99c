package plan

import (
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

func TestNames(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"sandbox", sandboxName("web", "shop", "r1"), "podrun_POD_web_shop_r1"},
		{"container", containerName("app", "web", "shop", "r1"), "podrun_app_web_shop_r1"},
		{"volume", volumeName("web", "cache", "r1"), "podrun_web_cache_r1"},
		{"run ids keep parallel runs apart", containerName("app", "web", "shop", "r2"), "podrun_app_web_shop_r2"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestPodHostname(t *testing.T) {
	ptr := func(s string) *string { return &s }
	yes := true
	long := strings.Repeat("a", 62) + "-bcd"
	tests := []struct {
		name         string
		pod          corev1.Pod
		host, domain string
	}{
		{"pod name", corev1.Pod{ObjectMeta: meta("web")}, "web", ""},
		{"spec.hostname wins", corev1.Pod{ObjectMeta: meta("web"), Spec: corev1.PodSpec{Hostname: "box"}}, "box", ""},
		{"cut to 63 and trailing - trimmed", corev1.Pod{ObjectMeta: meta(long)}, strings.Repeat("a", 62), ""},
		{"63 exactly is kept, dash included", corev1.Pod{ObjectMeta: meta(strings.Repeat("a", 62) + "-")}, strings.Repeat("a", 62) + "-", ""},
		{"subdomain gives the domain", corev1.Pod{ObjectMeta: meta("web"), Spec: corev1.PodSpec{Subdomain: "api"}}, "web", "api.ns.svc.cluster.local"},
		{"setHostnameAsFQDN", corev1.Pod{ObjectMeta: meta("web"), Spec: corev1.PodSpec{Subdomain: "api", SetHostnameAsFQDN: &yes}}, "web.api.ns.svc.cluster.local", ""},
		{"setHostnameAsFQDN without subdomain", corev1.Pod{ObjectMeta: meta("web"), Spec: corev1.PodSpec{SetHostnameAsFQDN: &yes}}, "web", ""},
		{"hostnameOverride", corev1.Pod{ObjectMeta: meta("web"), Spec: corev1.PodSpec{Hostname: "box", Subdomain: "api", HostnameOverride: ptr("my.host")}}, "my.host", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			host, domain := podHostname(&tc.pod, "ns")
			if host != tc.host || domain != tc.domain {
				t.Errorf("podHostname = %q, %q; want %q, %q", host, domain, tc.host, tc.domain)
			}
		})
	}
}
