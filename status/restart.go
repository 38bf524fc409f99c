package status

import (
	"slices"

	corev1 "k8s.io/api/core/v1"
)

// isSidecar says an init container is a native sidecar: restartPolicy Always (§1.3).
func isSidecar(c *corev1.Container) bool {
	return c.RestartPolicy != nil && *c.RestartPolicy == corev1.ContainerRestartPolicyAlways
}

// shouldRestart says whether a container that exited with code would be restarted: its
// restartPolicyRules first, then its own restartPolicy, then the pod's (§2.1, §2.3; the
// kubelet's ContainerShouldRestart).
func shouldRestart(c *corev1.Container, pod corev1.RestartPolicy, code int32) bool {
	if c.RestartPolicy != nil {
		for _, rule := range c.RestartPolicyRules {
			if rule.Action == corev1.ContainerRestartRuleActionRestart && exitCodesMatch(rule.ExitCodes, code) {
				return true
			}
		}
		switch *c.RestartPolicy {
		case corev1.ContainerRestartPolicyAlways:
			return true
		case corev1.ContainerRestartPolicyOnFailure:
			return code != 0
		case corev1.ContainerRestartPolicyNever:
			return false
		}
	}
	switch pod {
	case corev1.RestartPolicyOnFailure:
		return code != 0
	case corev1.RestartPolicyNever:
		return false
	default: // Always, and unset (whose default is Always)
		return true
	}
}

func exitCodesMatch(m *corev1.ContainerRestartRuleOnExitCodes, code int32) bool {
	if m == nil {
		return false
	}
	in := slices.Contains(m.Values, code)
	switch m.Operator {
	case corev1.ContainerRestartRuleOnExitCodesOpIn:
		return in
	case corev1.ContainerRestartRuleOnExitCodesOpNotIn:
		return !in
	}
	return false
}
