package flyte

import (
	"fmt"

	"github.com/podrun/podrun/podspec"
	corev1 "k8s.io/api/core/v1"
)

// Override is what `podrun run --primary NAME [--image] [--env K=V] [--cpu/--memory…]
// [-- CMD ARGS]` says about a plain Pod manifest's primary: the task's container, as flytekit's
// Pod plugin would serialize it (§2, issue point 3).
type Override struct {
	// Primary names the primary container; DefaultPrimaryName when empty.
	Primary string
	// Image is the task image; empty keeps the container's own (required to inject a primary).
	Image string
	// Env is the task's environment: it comes first, the container's own env after it.
	Env []corev1.EnvVar
	// Requests and Limits are the task's resources: when either is given, they replace the
	// container's resources wholesale, limits included.
	Requests, Limits corev1.ResourceList
	// Args is the task's command line. flytekit puts it in args and clears command, so the
	// image's ENTRYPOINT stays (§2.1). Nil keeps the container's own command and args.
	Args []string
}

// PrimaryOverride applies flytekit's Pod-plugin serialization to a copy of pod (§2, left
// column): the primary is injected at the end of containers when absent; its image, command
// and args, resources and env follow the task. Other containers, init containers and pod fields
// are untouched. Pass the pod as written, before API-server defaults: a defaulted
// restartPolicy (Always) would hide the Never propeller sets when it is empty.
func PrimaryOverride(pod *corev1.Pod, o Override) (*corev1.Pod, error) {
	p, _, err := primaryOverride(pod, o)
	return p, err
}

func primaryOverride(pod *corev1.Pod, o Override) (*corev1.Pod, []Departure, error) {
	name := firstNonEmpty(o.Primary, DefaultPrimaryName)
	p := pod.DeepCopy()
	idx := -1
	for i := range p.Spec.Containers {
		if p.Spec.Containers[i].Name == name {
			idx = i
		}
	}
	var notes []Departure
	if idx < 0 {
		if o.Image == "" {
			return nil, nil, fmt.Errorf("primary container %q is not in the pod: give --image to inject it, as flytekit would with the task image", name)
		}
		p.Spec.Containers = append(p.Spec.Containers, corev1.Container{Name: name})
		idx = len(p.Spec.Containers) - 1
		notes = append(notes, Departure{Code: CodePrimaryInjected, Severity: SeverityInfo, Container: name,
			Path:    fmt.Sprintf("spec.containers[%d]", idx),
			Message: fmt.Sprintf("the pod has no container %q: flytekit appends one with the task's image, command, resources and env", name)})
	}
	c := &p.Spec.Containers[idx]
	path := fmt.Sprintf("spec.containers[%d]", idx)
	overwrite := func(field, what string) {
		notes = append(notes, Departure{Code: CodePrimaryOverwritten, Severity: SeverityWarning, Container: name, Path: path + "." + field,
			Message: fmt.Sprintf("the primary's %s in the pod spec is overwritten by the task's %s: flytekit replaces it when serializing", field, what)})
	}
	if o.Image != "" {
		if c.Image != "" && c.Image != o.Image {
			overwrite("image", "image")
		}
		c.Image = o.Image
	}
	if o.Args != nil {
		if len(c.Command) > 0 {
			overwrite("command", "command (flytekit writes command: [])")
		}
		if len(c.Args) > 0 {
			overwrite("args", "command line")
		}
		c.Command, c.Args = []string{}, append([]string{}, o.Args...)
	}
	if len(o.Requests) > 0 || len(o.Limits) > 0 {
		if len(c.Resources.Requests) > 0 || len(c.Resources.Limits) > 0 {
			overwrite("resources", "resources, limits included even when only requests are given,")
		}
		c.Resources = corev1.ResourceRequirements{Requests: o.Requests.DeepCopy(), Limits: o.Limits.DeepCopy()}
	}
	if len(o.Env) > 0 { // SDK env first, user env after, duplicates kept (the last one applies)
		c.Env = append(append([]corev1.EnvVar{}, o.Env...), c.Env...)
	}
	return p, notes, nil
}

// AsTask treats a plain Pod manifest as a Flyte Pod task (type sidecar, version 2): flytekit's
// primary rules applied by PrimaryOverride, the pod's labels and annotations as k8sPod.metadata,
// the pod's name as the task's name. Task.Pod then applies propeller's rules. file names the
// manifest in messages; paths are the manifest's (spec.containers[1].image).
func AsTask(file string, pod *corev1.Pod, o Override) (*Task, error) {
	p, notes, err := primaryOverride(pod, o)
	if err != nil {
		return nil, podspec.FieldError{File: file, Path: "spec.containers", Msg: err.Error()}
	}
	name := firstNonEmpty(o.Primary, DefaultPrimaryName)
	return &Task{
		File:            file,
		ID:              Identifier{Name: p.Name},
		Type:            TypeSidecar,
		TaskTypeVersion: 2,
		K8sPod:          &K8sPod{Labels: p.Labels, Annotations: p.Annotations},
		Config:          map[string]string{PrimaryContainerKey: name},
		PodSpec:         &p.Spec,
		PrimaryName:     name,
		PodLabels:       p.Labels,
		PodAnnotations:  p.Annotations,
		SpecPath:        "spec",
		overridden:      notes,
	}, nil
}
