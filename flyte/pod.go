package flyte

import (
	"fmt"
	"strconv"

	"github.com/podrun/podrun/podspec"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/validation"
)

// Pod builds the Pod flytepropeller would create for the task's attempt o.Attempt, following
// §3.2's build order exactly, and returns it with the primary container's name:
//
//  1. BuildResource: the pod spec and primary name of the task's generation; pod-spec
//     labels and annotations (§1.1);
//  2. ApplyFlytePodConfiguration: for every init container, then every container, placeholders
//     rendered in command and args (§3.3), Flyte's env appended (§3.4), resources (§3.7); the
//     primary must exist; restartPolicy Never when empty; shared memory on the primary;
//  3. the primary_container_name annotation for sidecar tasks and single-container pods;
//  4. addObjectMetadata: namespace, name, labels and annotations, later sources winning (§3.5).
//
// No base PodTemplate, platform config or admission webhook exists locally: Departures says so.
func (t *Task) Pod(o PodOptions) (*corev1.Pod, string, error) {
	o = t.withDefaults(o)
	name := podName(o)

	// 1. BuildResource
	spec, primary := t.buildSpec(name)
	podAnnotations := copyMap(t.PodAnnotations)
	podLabels := copyMap(t.PodLabels)

	// 2. ApplyFlytePodConfiguration
	paths := dataPaths(o, name)
	vals := renderValues{
		Input: paths.Inputs, InputPrefix: paths.InputPrefix, OutputPrefix: paths.OutputPrefix,
		RawOutputDataPrefix: paths.RawOutputPrefix, CheckpointOutputPrefix: paths.Checkpoint,
		PrevCheckpointPrefix: paths.PrevCheckpoint, PerRetryUniqueKey: perRetryKey(name),
		Namespace: o.Namespace, Inputs: o.Inputs,
	}
	env := flyteEnv(t, o)
	for i := range spec.InitContainers {
		if err := t.customize(&spec.InitContainers[i], fmt.Sprintf("initContainers[%d]", i), true, vals, env); err != nil {
			return nil, "", err
		}
	}
	for i := range spec.Containers {
		c := &spec.Containers[i]
		if err := t.customize(c, fmt.Sprintf("containers[%d]", i), c.Name == primary, vals, env); err != nil {
			return nil, "", err
		}
	}
	primaryIndex := -1
	for i := range spec.Containers {
		if spec.Containers[i].Name == primary {
			primaryIndex = i
		}
	}
	if primaryIndex < 0 {
		return nil, "", podspec.FieldError{File: t.File, Path: joinPath(t.SpecPath, "containers"),
			Msg: fmt.Sprintf("invalid TaskSpecification, primary container [%s] not defined", primary)}
	}
	if spec.RestartPolicy == "" { // UpdatePod: only when empty, so OnFailure/Always are kept (§3.6)
		spec.RestartPolicy = corev1.RestartPolicyNever
	}
	if err := t.applySharedMemory(spec, primaryIndex); err != nil {
		return nil, "", err
	}

	// 3. The primary annotation decides how the phase is computed (§3.2 step 3, §3.11).
	if t.Type == TypeSidecar || (len(spec.Containers) == 1 && t.Type != TypeRawContainer) {
		if podAnnotations == nil {
			podAnnotations = map[string]string{}
		}
		podAnnotations[PrimaryContainerKey] = primary
	}

	// 4. addObjectMetadata: UnionMaps(defaults, pod, task metadata, execution), later wins.
	execLabel := sanitizeLabelValue(o.ExecutionID)
	interruptible := t.Metadata.Interruptible != nil && *t.Metadata.Interruptible
	execLabels := map[string]string{
		"execution-id":  execLabel,
		"project":       o.Project,
		"domain":        o.Domain,
		"workflow-name": sanitizeLabelValue(o.Workflow),
		"shard-key":     shardKey(execLabel),
	}
	execLabels = unionMaps(execLabels, o.Labels, map[string]string{
		"node-id":       sanitizeLabelValue(o.NodeID),
		"task-name":     sanitizeLabelValue(t.taskName()),
		"interruptible": strconv.FormatBool(interruptible),
	})
	if t.Secrets > 0 {
		execLabels["inject-flyte-secrets"] = "true"
	}
	pod := &corev1.Pod{
		TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Pod"},
		ObjectMeta: metav1.ObjectMeta{
			Name:      name,
			Namespace: o.Namespace,
			Labels:    unionMaps(podLabels, t.Metadata.Labels, execLabels),
			Annotations: unionMaps(map[string]string{"cluster-autoscaler.kubernetes.io/safe-to-evict": "false"},
				podAnnotations, t.Metadata.Annotations, o.Annotations),
		},
		Spec: *spec,
	}
	return pod, primary, nil
}

// buildSpec returns a copy of the task's pod spec and its primary's name; for a container
// target, BuildRawContainer's one-container pod (§3.6).
func (t *Task) buildSpec(podName string) (*corev1.PodSpec, string) {
	if t.PodSpec != nil {
		return t.PodSpec.DeepCopy(), t.PrimaryName
	}
	name := podName
	if len(validation.IsDNS1123Label(name)) > 0 {
		name = fixedLengthUniqueID(name, 4) // propeller draws 4 random characters; podrun hashes
	}
	c := corev1.Container{
		Name:    name,
		Image:   t.Container.Image,
		Command: append([]string(nil), t.Container.Command...),
		Args:    append([]string(nil), t.Container.Args...),
		Resources: corev1.ResourceRequirements{
			Requests: resourceList(t.Container.Requests),
			Limits:   resourceList(t.Container.Limits),
		},
		TerminationMessagePolicy: corev1.TerminationMessageFallbackToLogsOnError,
	}
	for _, kv := range t.Container.Env {
		c.Env = append(c.Env, corev1.EnvVar{Name: kv.Key, Value: kv.Value})
	}
	return &corev1.PodSpec{Containers: []corev1.Container{c}}, name
}

// customize is AddFlyteCustomizationsToContainer: render command and args, append Flyte's env,
// then resources (the primary-style merge for the primary and init containers, §3.7).
func (t *Task) customize(c *corev1.Container, path string, primaryStyle bool, vals renderValues, env []corev1.EnvVar) error {
	var err error
	if c.Command, err = renderAll(c.Command, vals); err != nil {
		return podspec.FieldError{File: t.File, Path: joinPath(t.SpecPath, path+".command"), Msg: err.Error()}
	}
	if c.Args, err = renderAll(c.Args, vals); err != nil {
		return podspec.FieldError{File: t.File, Path: joinPath(t.SpecPath, path+".args"), Msg: err.Error()}
	}
	c.Env = append(c.Env, env...)
	if primaryStyle {
		mergePrimaryResources(&c.Resources)
	} else {
		sanitizeGPU(&c.Resources)
	}
	return nil
}

// applySharedMemory is ApplySharedMemory (§3.2 step 2.8): an emptyDir of medium Memory, mounted
// on the primary only. flytekit's defaults name it flyte-shared-memory at /dev/shm.
func (t *Task) applySharedMemory(spec *corev1.PodSpec, primary int) error {
	sm := t.SharedMemory
	if sm == nil {
		return nil
	}
	name, mount := firstNonEmpty(sm.MountName, "flyte-shared-memory"), firstNonEmpty(sm.MountPath, "/dev/shm")
	ed := &corev1.EmptyDirVolumeSource{Medium: corev1.StorageMediumMemory}
	if sm.SizeLimit != "" {
		q, err := resource.ParseQuantity(sm.SizeLimit)
		if err != nil {
			return t.fieldErr("extendedResources.sharedMemory.sizeLimit", err.Error())
		}
		ed.SizeLimit = &q
	}
	for _, v := range spec.Volumes {
		if v.Name == name {
			return t.fieldErr("extendedResources.sharedMemory", fmt.Sprintf("A volume is already named %s in the pod spec", name))
		}
	}
	spec.Volumes = append(spec.Volumes, corev1.Volume{Name: name, VolumeSource: corev1.VolumeSource{EmptyDir: ed}})
	c := &spec.Containers[primary]
	c.VolumeMounts = append(c.VolumeMounts, corev1.VolumeMount{Name: name, MountPath: mount})
	return nil
}

// unionMaps is propeller's UnionMaps: later maps win; nil when all are empty.
func unionMaps(maps ...map[string]string) map[string]string {
	var out map[string]string
	for _, m := range maps {
		for k, v := range m {
			if out == nil {
				out = map[string]string{}
			}
			out[k] = v
		}
	}
	return out
}

func copyMap(m map[string]string) map[string]string { return unionMaps(m) }
