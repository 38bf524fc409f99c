package warnings

import "testing"

func probeRulesCases() []ruleCase {
	return []ruleCase{
		{name: "network probes are sent from the host; exec probes are not", pod: appC("    livenessProbe: {tcpSocket: {port: 80}}\n    readinessProbe: {exec: {command: ['true']}}\n    startupProbe: {httpGet: {port: 80}}\n"),
			want: []string{"probe.from-host@spec.containers[0].livenessProbe#app", "probe.from-host@spec.containers[0].startupProbe#app"}},
		{name: "sidecar exec startup probe is emulated", pod: "metadata: {name: p}\nspec:\n  initContainers: [{name: proxy, image: b, restartPolicy: Always, startupProbe: {exec: {command: ['true']}}}]\n  containers: [{name: a, image: b}]\n",
			want: nil},
		{name: "httpGet hook from the host", pod: appC("    lifecycle: {preStop: {httpGet: {port: 80, path: /quit}}}\n"),
			want: []string{"probe.from-host@spec.containers[0].lifecycle.preStop#app"}},
	}
}

func lifecycleRulesCases() []ruleCase {
	return []ruleCase{
		{name: "hooks and stop signal are emulated", pod: appC("    lifecycle: {postStart: {exec: {command: ['true']}}, preStop: {sleep: {seconds: 1}}, stopSignal: SIGUSR1}\n"),
			want: nil},
		{name: "termination message defaults", pod: appC("    terminationMessagePath: /dev/termination-log\n    terminationMessagePolicy: File\n"), want: nil},
		{name: "termination message policy is emulated", pod: appC("    terminationMessagePolicy: FallbackToLogsOnError\n"), want: nil},
		{name: "active deadline", pod: app("  activeDeadlineSeconds: 60\n"), want: []string{"lifecycle.active-deadline@spec.activeDeadlineSeconds"}},
		{name: "ephemeral container", pod: app("  ephemeralContainers: [{name: dbg, image: b}]\n"), want: []string{"lifecycle.ephemeral-container@spec.ephemeralContainers[0]#dbg"}},
		{name: "readiness gate", pod: app("  readinessGates: [{conditionType: x}]\n"), want: []string{"lifecycle.readiness-gate@spec.readinessGates[0]"}},
		{name: "native sidecar is emulated", pod: "metadata: {name: p}\nspec:\n  initContainers: [{name: s, image: b, restartPolicy: Always}]\n  containers: [{name: a, image: b}]\n", want: nil},
		{name: "container restart policy", pod: appC("    restartPolicy: Never\n    restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [1]}}]\n"),
			want: []string{"lifecycle.container-restart-policy@spec.containers[0].restartPolicy#app", "lifecycle.restart-policy-rules@spec.containers[0].restartPolicyRules#app"}},
	}
}

func TestProbeRules(t *testing.T) { runRuleCases(t, probeRulesCases()) }

func TestLifecycleRules(t *testing.T) { runRuleCases(t, lifecycleRulesCases()) }
