package flyte

import (
	"strconv"

	corev1 "k8s.io/api/core/v1"
)

// flyteEnv is the list DecorateEnvVars appends to every container and init container, in its
// order (§3.4). Appended after the container's own env, it wins over a user value of the same
// name, as Kubernetes applies the last duplicate.
func flyteEnv(t *Task, o PodOptions) []corev1.EnvVar {
	env := []corev1.EnvVar{
		{Name: "FLYTE_INTERNAL_EXECUTION_WORKFLOW", Value: o.Project + ":" + o.Domain + ":" + o.Workflow},
		{Name: "FLYTE_INTERNAL_EXECUTION_ID", Value: o.ExecutionID},
		{Name: "FLYTE_INTERNAL_EXECUTION_PROJECT", Value: o.Project},
		{Name: "FLYTE_INTERNAL_EXECUTION_DOMAIN", Value: o.Domain},
		{Name: "FLYTE_ATTEMPT_NUMBER", Value: strconv.Itoa(o.Attempt)},
	}
	// FLYTE_EXECUTION_URL needs a console URL (config link_type): there is none locally.
	return append(env,
		corev1.EnvVar{Name: "FLYTE_INTERNAL_TASK_PROJECT", Value: firstNonEmpty(t.ID.Project, o.Project)},
		corev1.EnvVar{Name: "FLYTE_INTERNAL_TASK_DOMAIN", Value: firstNonEmpty(t.ID.Domain, o.Domain)},
		corev1.EnvVar{Name: "FLYTE_INTERNAL_TASK_NAME", Value: t.taskName()},
		corev1.EnvVar{Name: "FLYTE_INTERNAL_TASK_VERSION", Value: t.ID.Version},
	)
}
