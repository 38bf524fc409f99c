package warnings

import "testing"

func securityRulesCases() []ruleCase {
	return []ruleCase{
		{name: "emulated context", pod: app("  securityContext: {runAsUser: 1000, runAsGroup: 1000, supplementalGroups: [5], seccompProfile: {type: RuntimeDefault}, sysctls: [{name: net.ipv4.tcp_syncookies, value: '1'}]}\n"), want: nil},
		{name: "runAsNonRoot with a uid", pod: app("  securityContext: {runAsNonRoot: true, runAsUser: 1000}\n"), want: nil},
		{name: "container overrides pod runAsNonRoot", pod: appC("    securityContext: {runAsNonRoot: false}\n") + "  securityContext: {runAsNonRoot: true}\n", want: nil},
		{name: "selinux", pod: app("  securityContext: {seLinuxOptions: {level: 's0:c1'}, seLinuxChangePolicy: Recursive}\n"),
			want: []string{"security.se-linux@spec.securityContext.seLinuxOptions", "security.se-linux@spec.securityContext.seLinuxChangePolicy"}},
		{name: "apparmor", pod: appC("    securityContext: {appArmorProfile: {type: Localhost, localhostProfile: p}}\n") + "  securityContext: {appArmorProfile: {type: RuntimeDefault}}\n",
			want: []string{"security.app-armor@spec.containers[0].securityContext.appArmorProfile#app", "security.app-armor-default@spec.securityContext.appArmorProfile"}},
		{name: "apparmor annotation", pod: "metadata: {name: p, annotations: {container.apparmor.security.beta.kubernetes.io/app: runtime/default}}\nspec: {containers: [{name: app, image: b}]}\n",
			want: []string{`security.app-armor@metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"]#app`}},
		{name: "procMount", pod: appC("    securityContext: {procMount: Unmasked}\n"), want: []string{"security.proc-mount@spec.containers[0].securityContext.procMount#app"}},
		{name: "procMount Default", pod: appC("    securityContext: {procMount: Default}\n"), want: nil},
		{name: "windows", pod: app("  securityContext: {windowsOptions: {runAsUserName: u}}\n"), want: []string{"security.windows-options@spec.securityContext.windowsOptions"}},
		{name: "user namespace", pod: app("  hostUsers: false\n"), want: []string{"security.host-users@spec.hostUsers"}},
		{name: "host users true is the default", pod: app("  hostUsers: true\n"), want: nil},
		{name: "seccomp localhost", pod: appC("    securityContext: {seccompProfile: {type: Localhost, localhostProfile: p.json}}\n"),
			want: []string{"security.seccomp-localhost@spec.containers[0].securityContext.seccompProfile#app"}},
		{name: "fsGroup is emulated", pod: app("  securityContext: {fsGroup: 2000, fsGroupChangePolicy: Always}\n"), want: nil},
		{name: "supplemental groups policy", pod: app("  securityContext: {supplementalGroupsPolicy: Strict}\n"), want: []string{"security.supplemental-groups-policy@spec.securityContext.supplementalGroupsPolicy"}},
		{name: "supplemental groups Merge", pod: app("  securityContext: {supplementalGroupsPolicy: Merge}\n"), want: nil},
		{name: "unsafe sysctl", pod: app("  securityContext: {sysctls: [{name: kernel.msgmax, value: '1'}]}\n"), want: []string{"security.unsafe-sysctl@spec.securityContext.sysctls[0]"}},
	}
}

func TestSecurityRules(t *testing.T) { runRuleCases(t, securityRulesCases()) }
