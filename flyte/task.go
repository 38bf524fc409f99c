package flyte

import (
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Task types the pod plugin handles (§3.1): one plugin serves them all.
const (
	TypeSidecar      = "sidecar"
	TypePythonTask   = "python-task"
	TypeContainer    = "container"
	TypeRawContainer = "raw-container"
)

// PrimaryContainerKey is both the config key naming the primary and the pod annotation that
// switches propeller to primary-only completion (§1.2, §3.2 step 3).
const PrimaryContainerKey = "primary_container_name"

// DefaultPrimaryName is flytekit's default primary container name (§1.3, §6.1).
const DefaultPrimaryName = "primary"

// Task is one Flyte TaskTemplate, decoded from any supported form, with its pod spec and
// primary container resolved by task generation (§1.1).
type Task struct {
	// File names the source in messages.
	File string
	// Path is where the TaskTemplate sits in File, in protobuf-JSON names
	// ("closure.compiledTask.template", "template", "" for a bare template).
	Path string

	ID              Identifier
	Type            string
	TaskTypeVersion int
	Metadata        Metadata
	Interface       Interface
	// Custom is the template's custom Struct as JSON values (nil when unset).
	Custom map[string]any
	// Container is the container target (nil unless the template has one).
	Container *Container
	// K8sPod is the k8s_pod target (nil unless the template has one).
	K8sPod *K8sPod
	// Config is the template's config map.
	Config map[string]string
	// Secrets counts the secrets the security context requests (injected by a webhook, §3.2 step 5).
	Secrets int
	// SharedMemory is extended_resources.shared_memory (§3.2 step 2.8), nil when unset.
	SharedMemory *SharedMemory

	// PodSpec is the pod spec as propeller decodes it for this generation (§1.1, §1.2): nil for
	// a container target, whose pod is built from Container.
	PodSpec *corev1.PodSpec
	// PrimaryName is the primary container's name (§1.1).
	PrimaryName string
	// PodLabels and PodAnnotations are the pod-spec metadata: k8s_pod.metadata, or the legacy
	// custom labels/annotations of a v0 sidecar task (§1.1, §3.5).
	PodLabels      map[string]string
	PodAnnotations map[string]string

	// SpecPath is where the pod spec sits in File ("closure.compiledTask.template.k8sPod.podSpec").
	SpecPath string
	// Dropped lists the pod-spec keys propeller's decoder silently drops (§1.2), as paths in File.
	Dropped []string
	// overridden records what flytekit's rules replaced in a plain pod's primary (AsTask, §2).
	overridden []Departure
}

// Identifier is a task's id (core.Identifier).
type Identifier struct {
	Project string `json:"project,omitempty"`
	Domain  string `json:"domain,omitempty"`
	Name    string `json:"name,omitempty"`
	Version string `json:"version,omitempty"`
}

// Metadata is the part of TaskMetadata that changes how the pod runs or is labelled.
type Metadata struct {
	RuntimeVersion  string
	Retries         int
	Timeout         time.Duration
	Interruptible   *bool
	PodTemplateName string
	// Labels and Annotations are TaskMetadata.metadata (@task(labels=, annotations=)), §2.3.
	Labels      map[string]string
	Annotations map[string]string
}

// Container is the template's container target.
type Container struct {
	Image    string
	Command  []string
	Args     []string
	Env      []KeyValue
	Requests []ResourceEntry
	Limits   []ResourceEntry
	// DataConfig says copilot data loading is configured (§3.2 step 2.4).
	DataConfig bool
}

// KeyValue is a core.KeyValuePair.
type KeyValue struct{ Key, Value string }

// ResourceEntry is one core.Resources entry, its name already the Kubernetes resource name.
type ResourceEntry struct{ Name, Value string }

// K8sPod is the template's k8s_pod target.
type K8sPod struct {
	Labels      map[string]string
	Annotations map[string]string
	// PodSpec is the pod_spec Struct as JSON values; nil when unset.
	PodSpec map[string]any
	// PrimaryContainerName is K8sPod field 4, used only by node-level overrides (§1.2).
	PrimaryContainerName string
	DataConfig           bool
}

// SharedMemory is extended_resources.shared_memory.
type SharedMemory struct{ MountPath, MountName, SizeLimit string }

// Interface is the task's typed interface, variables in name order.
type Interface struct {
	Inputs  []Variable
	Outputs []Variable
}

// Variable is one named, typed input or output.
type Variable struct {
	Name        string
	Type        LiteralType
	Description string
}

// Input returns the input variable called name.
func (i Interface) Input(name string) (Variable, bool) {
	for _, v := range i.Inputs {
		if v.Name == name {
			return v, true
		}
	}
	return Variable{}, false
}
