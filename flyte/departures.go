package flyte

import (
	"fmt"
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// Severity says whether a departure changes behaviour (the warnings package's two levels).
const (
	SeverityWarning = "warning"
	SeverityInfo    = "info"
)

// Departure is one place where running the task locally differs from a cluster, or where the
// task will not run as its author expects; the warnings package wraps these.
type Departure struct {
	Code      string // stable, "flyte." + kebab-case
	Severity  string // SeverityWarning or SeverityInfo
	Path      string // the field in File
	Container string // "" for the task as a whole
	Message   string
	Hint      string
}

// Departure codes, each documented in DepartureCodes.
const (
	CodePrimaryOverwritten    = "flyte.primary-overwritten"
	CodePrimaryInjected       = "flyte.primary-injected"
	CodeDroppedKey            = "flyte.dropped-key"
	CodeSidecarsBlock         = "flyte.sidecars-block-completion"
	CodeSidecarNoImage        = "flyte.sidecar-no-image"
	CodeSidecarsLeftRunning   = "flyte.sidecars-left-running"
	CodePodTemplate           = "flyte.pod-template"
	CodeRestartPolicy         = "flyte.restart-policy"
	CodeUnknownPlaceholder    = "flyte.unknown-placeholder"
	CodeFastRegistration      = "flyte.fast-registration"
	CodeSecrets               = "flyte.secrets"
	CodeCopilot               = "flyte.copilot"
	CodeDefaultResources      = "flyte.default-resources"
	CodeRetries               = "flyte.retries"
	CodeTimeout               = "flyte.timeout"
	CodeInterruptible         = "flyte.interruptible"
	CodeDuplicateEnv          = "flyte.duplicate-env"
	CodeDeprecatedGenerations = "flyte.legacy-generation"
)

// CodeDoc documents one departure code in a line.
type CodeDoc struct{ Code, Severity, Summary string }

// DepartureCodes lists every code Departures and AsTask emit.
func DepartureCodes() []CodeDoc {
	return []CodeDoc{
		{CodePrimaryOverwritten, SeverityWarning, "the primary's image, command, args or resources in the pod spec are replaced by the task's (flytekit, §2)"},
		{CodePrimaryInjected, SeverityInfo, "the pod has no primary container: one is appended, as flytekit does (§2)"},
		{CodeDroppedKey, SeverityWarning, "a pod-spec key Flyte's decoder silently drops (snake_case, misspelt) (§1.2)"},
		{CodeSidecarsBlock, SeverityWarning, "a python-task pod with several containers completes only when all exit: a sidecar that never exits keeps it Running (§3.11)"},
		{CodeSidecarNoImage, SeverityWarning, "a container without an image: the cluster rejects the pod (§2)"},
		{CodeSidecarsLeftRunning, SeverityInfo, "podrun stops the sidecars when the primary ends; a cluster leaves them running until garbage collection (§3.9)"},
		{CodePodTemplate, SeverityWarning, "the task names a cluster PodTemplate, merged under its pod spec on a cluster; it is not available locally (§3.2)"},
		{CodeRestartPolicy, SeverityWarning, "restartPolicy OnFailure/Always: a failing primary restarts and the task stays Running instead of failing (§3.6)"},
		{CodeUnknownPlaceholder, SeverityWarning, "a {{…}} in command or args that propeller does not substitute: the container receives it as written (§3.3)"},
		{CodeFastRegistration, SeverityWarning, "fast-registered code is downloaded from blob storage when the task starts (§1.5)"},
		{CodeSecrets, SeverityWarning, "the task requests secrets, which Flyte's webhook injects on a cluster and podrun does not (§3.2)"},
		{CodeCopilot, SeverityWarning, "copilot data loading (data_config) is not emulated (§3.2)"},
		{CodeDefaultResources, SeverityInfo, "a primary or init container without cpu/memory gets the platform defaults, 1 CPU and 1024Mi (§3.7)"},
		{CodeRetries, SeverityInfo, "podrun runs one attempt; a cluster retries recoverable failures (§3.9)"},
		{CodeTimeout, SeverityInfo, "the task's timeout is enforced by a cluster, by podrun only with --timeout (§3.9)"},
		{CodeInterruptible, SeverityInfo, "interruptible: a cluster schedules the pod on spot nodes with extra tolerations (§3.2)"},
		{CodeDuplicateEnv, SeverityInfo, "a variable set twice in a container's env: the last value applies (§2, §3.4)"},
		{CodeDeprecatedGenerations, SeverityInfo, "a legacy sidecar task generation (version 0 or 1), from flytekit before 2021 (§1.1)"},
	}
}

// Departures lists, sorted by path then code, where running t locally departs from a cluster,
// with the Flyte-specific rules of issue point 7. The pod-level rules (volumes, probes…) are
// the warnings package's.
func Departures(t *Task) []Departure {
	out := append([]Departure{}, t.overridden...)
	add := func(code, sev, path, container, msg, hint string) {
		out = append(out, Departure{Code: code, Severity: sev, Path: path, Container: container, Message: msg, Hint: hint})
	}
	for _, p := range t.Dropped {
		key := p[strings.LastIndexAny(p, ".]")+1:]
		hint := ""
		if strings.Contains(key, "_") {
			hint = fmt.Sprintf("write the Kubernetes JSON name %q", camel(key))
		}
		add(CodeDroppedKey, SeverityWarning, p, "", fmt.Sprintf("%q is not a Kubernetes field: Flyte's decoder drops it without a word, and so does podrun", key), hint)
	}
	if t.Type == TypeSidecar && t.TaskTypeVersion < 2 {
		add(CodeDeprecatedGenerations, SeverityInfo, joinPath(t.Path, "taskTypeVersion"), "",
			fmt.Sprintf("a version %d sidecar task: read with propeller's legacy rules", t.TaskTypeVersion), "re-serialize with a current flytekit (sidecar version 2)")
	}
	md := joinPath(t.Path, "metadata")
	if t.Metadata.PodTemplateName != "" {
		add(CodePodTemplate, SeverityWarning, joinPath(md, "podTemplateName"), "",
			fmt.Sprintf("a cluster merges PodTemplate %q under the pod spec; podrun has no cluster to read it from", t.Metadata.PodTemplateName), "copy what the template sets into the task's pod spec")
	}
	if t.Metadata.Retries > 0 {
		add(CodeRetries, SeverityInfo, joinPath(md, "retries"), "",
			fmt.Sprintf("a cluster retries recoverable failures up to %d times; podrun runs one attempt", t.Metadata.Retries), "")
	}
	if t.Metadata.Timeout > 0 {
		add(CodeTimeout, SeverityInfo, joinPath(md, "timeout"), "",
			fmt.Sprintf("a cluster aborts the task after %s", t.Metadata.Timeout), fmt.Sprintf("--timeout %s", t.Metadata.Timeout))
	}
	if t.Metadata.Interruptible != nil && *t.Metadata.Interruptible {
		add(CodeInterruptible, SeverityInfo, joinPath(md, "interruptible"), "",
			"a cluster may run the pod on preemptible nodes and retry it when they go; locally nothing preempts it", "")
	}
	if t.Secrets > 0 {
		add(CodeSecrets, SeverityWarning, joinPath(t.Path, "securityContext.secrets"), "",
			fmt.Sprintf("the task requests %d secret(s): Flyte's webhook injects them as _FSEC_* env vars and files on a cluster; podrun does not", t.Secrets),
			"give the values with env or a secret in a plain pod manifest")
	}
	if (t.Container != nil && t.Container.DataConfig) || (t.K8sPod != nil && t.K8sPod.DataConfig) {
		add(CodeCopilot, SeverityWarning, t.Path, "", "copilot data loading (data_config) is not emulated: inputs are not side-loaded and outputs not uploaded", "")
	}
	if t.PodSpec == nil {
		return sortDepartures(out)
	}
	out = append(out, t.specDepartures()...)
	return sortDepartures(out)
}

func (t *Task) specDepartures() []Departure {
	var out []Departure
	add := func(code, sev, path, container, msg, hint string) {
		out = append(out, Departure{Code: code, Severity: sev, Path: path, Container: container, Message: msg, Hint: hint})
	}
	spec := t.PodSpec
	primaryMode := t.Type == TypeSidecar || len(spec.Containers) == 1 ||
		t.PodAnnotations[PrimaryContainerKey] != "" || t.Metadata.Annotations[PrimaryContainerKey] != ""
	if !primaryMode && t.Type != TypeRawContainer {
		add(CodeSidecarsBlock, SeverityWarning, joinPath(t.SpecPath, "containers"), "",
			fmt.Sprintf("a %s pod with %d containers carries no primary_container_name annotation: on a cluster the task completes only when every container has exited, so a sidecar that never exits keeps it Running (flytekit#2382); podrun does the same", t.Type, len(spec.Containers)),
			fmt.Sprintf("add the annotation primary_container_name: %s to the pod template", t.PrimaryName))
	}
	sidecars := 0
	for i, c := range spec.Containers {
		path := joinPath(t.SpecPath, fmt.Sprintf("containers[%d]", i))
		if c.Name != t.PrimaryName {
			sidecars++
			if c.Image == "" {
				add(CodeSidecarNoImage, SeverityWarning, path+".image", c.Name,
					"the container has no image: the cluster rejects the pod (flytekit's Pod plugin leaves sidecars as written)", "set image")
			}
		}
		if c.Name == t.PrimaryName && c.Resources.Requests.Cpu().IsZero() && c.Resources.Limits.Cpu().IsZero() &&
			c.Resources.Requests.Memory().IsZero() && c.Resources.Limits.Memory().IsZero() {
			add(CodeDefaultResources, SeverityInfo, path+".resources", c.Name,
				"no cpu or memory: propeller gives the primary the platform defaults, 1 CPU and 1024Mi as request and limit, and so does podrun", "set requests= and limits= on the task")
		}
		if dup := duplicateEnv(c.Env); len(dup) > 0 {
			add(CodeDuplicateEnv, SeverityInfo, path+".env", c.Name,
				fmt.Sprintf("%s set more than once: the last value applies", strings.Join(dup, ", ")), "")
		}
	}
	if primaryMode && sidecars > 0 {
		add(CodeSidecarsLeftRunning, SeverityInfo, joinPath(t.SpecPath, "containers"), "",
			"the task ends when the primary does; podrun then stops the sidecars, where a cluster leaves them running until the pod is garbage-collected (k8s.delete-resource-on-finalize: false)", "")
	}
	switch spec.RestartPolicy {
	case corev1.RestartPolicyOnFailure, corev1.RestartPolicyAlways:
		add(CodeRestartPolicy, SeverityWarning, joinPath(t.SpecPath, "restartPolicy"), "",
			fmt.Sprintf("restartPolicy %s is kept by propeller: a failing primary is restarted and the task stays Running instead of failing", spec.RestartPolicy),
			"remove restartPolicy (propeller sets Never)")
	}
	all := append(append([]corev1.Container{}, spec.InitContainers...), spec.Containers...)
	for i, c := range all {
		field := fmt.Sprintf("containers[%d]", i-len(spec.InitContainers))
		if i < len(spec.InitContainers) {
			field = fmt.Sprintf("initContainers[%d]", i)
		}
		path := joinPath(t.SpecPath, field)
		for _, s := range append(append([]string{}, c.Command...), c.Args...) {
			for _, p := range unknownPlaceholders(s) {
				add(CodeUnknownPlaceholder, SeverityWarning, path, c.Name,
					fmt.Sprintf("%s is not a placeholder propeller substitutes: the container receives it as written", p),
					"flytekit fills {{ .remote_package_path }} and {{ .dest_dir }} at registration: register or package the task first")
			}
		}
		if i := indexOf(c.Args, "pyflyte-fast-execute"); i >= 0 {
			src := "blob storage"
			if j := indexOf(c.Args, "--additional-distribution"); j >= 0 && j+1 < len(c.Args) {
				src = c.Args[j+1]
			}
			add(CodeFastRegistration, SeverityWarning, path+".args", c.Name,
				fmt.Sprintf("the task was fast-registered: its code is downloaded from %s when the container starts, which needs that store's credentials", src),
				"serialize without fast registration (pyflyte package --non-fast), or use an image that holds the code")
		}
	}
	return out
}

// unknownPlaceholders returns the {{…}} of s that no propeller template matches.
func unknownPlaceholders(s string) []string {
	for _, re := range []interface{ ReplaceAllString(string, string) string }{
		inputFileRE, inputPrefixRE, outputPrefixRE, inputVarRE, rawOutputPrefixRE, perRetryUniqueKeRE,
		taskTemplatePathRE, prevCheckpointRE, checkpointRE, namespaceRE,
	} {
		s = re.ReplaceAllString(s, "")
	}
	return leftoverPlaceholders(s)
}

func duplicateEnv(env []corev1.EnvVar) []string {
	seen := map[string]int{}
	var dup []string
	for _, e := range env {
		seen[e.Name]++
		if seen[e.Name] == 2 {
			dup = append(dup, e.Name)
		}
	}
	return dup
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// camel turns a snake_case key into the lowerCamelCase Kubernetes JSON name.
func camel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

func sortDepartures(d []Departure) []Departure {
	sort.SliceStable(d, func(i, j int) bool {
		if d[i].Path != d[j].Path {
			return d[i].Path < d[j].Path
		}
		return d[i].Code < d[j].Code
	})
	return d
}
