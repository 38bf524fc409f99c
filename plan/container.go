package plan

import (
	"fmt"

	"github.com/docker/docker/api/types/container"
	corev1 "k8s.io/api/core/v1"
)

// containerSpec is one pod container with the role and restart policy it runs under.
type containerSpec struct {
	ctr    *corev1.Container
	role   Role
	index  int
	policy RestartPolicy
}

// buildContainer plans one init, sidecar or app container (§7, §8, §10, §11). It joins the
// sandbox's network and IPC namespaces (and PID namespace with shareProcessNamespace), so it
// carries no hostname, DNS, extra hosts or ports: those live on the sandbox, and the engine
// refuses them on a container that joins another's network.
func (b *builder) buildContainer(s containerSpec, qos corev1.PodQOSClass) (Container, error) {
	ctr := s.ctr
	env, err := b.buildEnv(ctr)
	if err != nil {
		return Container{}, err
	}
	c := Container{
		Name:                     ctr.Name,
		DockerName:               containerName(ctr.Name, b.pod.Name, b.ns, b.opts.RunID),
		Role:                     s.role,
		Index:                    s.index,
		Image:                    ctr.Image,
		RestartPolicy:            s.policy,
		RuntimeFields:            env.runtime,
		SecretEnv:                env.secretNames(),
		TerminationMessagePath:   ctr.TerminationMessagePath,
		TerminationMessagePolicy: string(ctr.TerminationMessagePolicy),
		Probes:                   buildProbes(ctr),
	}
	c.PostStart, c.PreStop = buildHooks(ctr)
	c.Config = &container.Config{
		Image:       ctr.Image,
		Env:         env.list(),
		WorkingDir:  ctr.WorkingDir,
		Tty:         ctr.TTY,
		OpenStdin:   ctr.Stdin,
		StdinOnce:   ctr.StdinOnce,
		Labels:      b.containerLabels(ctr.Name, s.role),
		Healthcheck: healthcheckNone(),
		StopTimeout: b.stopTimeout(),
	}
	// command → Entrypoint and args → Cmd only when non-empty: the engine's merge with the
	// image config then follows the Kubernetes table (§8). Both see the complete environment.
	if len(ctr.Command) > 0 {
		c.Config.Entrypoint = expandAll(ctr.Command, env)
	}
	if len(ctr.Args) > 0 {
		c.Config.Cmd = expandAll(ctr.Args, env)
	}
	if ctr.Lifecycle != nil && ctr.Lifecycle.StopSignal != nil {
		c.Config.StopSignal = string(*ctr.Lifecycle.StopSignal)
	}
	c.Host = b.joinSandbox()
	c.Host.Resources = resources(ctr, b.pod)
	c.Host.OomScoreAdj = oomScoreAdj(qos, b.pod, ctr, s.role == RoleSidecar, b.opts.NodeMemory)
	c.RunAsNonRoot = applySecurity(c.Config, c.Host, b.pod, ctr)
	if err := b.containerMounts(c.Host, &c, ctr, env); err != nil {
		return Container{}, err
	}
	return c, nil
}

// joinSandbox is the HostConfig part every container shares: the sandbox's namespaces, and
// neither the engine's restart policy nor its init (restarts are podrun's, as the kubelet's).
func (b *builder) joinSandbox() *container.HostConfig {
	join := "container:" + b.sandbox
	h := &container.HostConfig{
		NetworkMode:   container.NetworkMode(join),
		IpcMode:       container.IpcMode(join),
		RestartPolicy: container.RestartPolicy{Name: container.RestartPolicyDisabled},
	}
	switch {
	case b.pod.Spec.HostPID:
		h.PidMode = "host"
	case b.pod.Spec.ShareProcessNamespace != nil && *b.pod.Spec.ShareProcessNamespace:
		h.PidMode = container.PidMode(join)
	}
	return h
}

func expandAll(list []string, env *containerEnv) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = expand(s, lookupIn(env.values))
	}
	return out
}

// healthcheckNone turns off any HEALTHCHECK of the image: probes are podrun's (§5).
func healthcheckNone() *container.HealthConfig {
	return &container.HealthConfig{Test: []string{"NONE"}}
}

// stopTimeout is terminationGracePeriodSeconds, the engine's wait between stop signal and kill.
func (b *builder) stopTimeout() *int {
	t := int(b.gracePeriodSeconds())
	return &t
}

func (b *builder) containerLabels(name string, role Role) map[string]string {
	l := b.commonLabels()
	l[LabelContainer] = name
	l[LabelRole] = string(role)
	return l
}

// containerSpecs lists the pod's containers in start order with their roles and effective
// restart policies (§1.2, §1.3, §2.3): a native sidecar restarts Always; a regular init
// container runs under OnFailure, or Never in a Never pod; a regular container under the pod's
// policy. A container-level restartPolicy (ContainerRestartRules) overrides the latter two.
func containerSpecs(pod *corev1.Pod) (inits, apps []containerSpec) {
	podPolicy := podRestartPolicy(pod)
	for i := range pod.Spec.InitContainers {
		c := &pod.Spec.InitContainers[i]
		s := containerSpec{ctr: c, role: RoleInit, index: i, policy: RestartOnFailure}
		switch {
		case isSidecar(c):
			s.role, s.policy = RoleSidecar, RestartAlways
		case c.RestartPolicy != nil:
			s.policy = RestartPolicy(*c.RestartPolicy)
		case podPolicy == RestartNever:
			s.policy = RestartNever
		}
		inits = append(inits, s)
	}
	for i := range pod.Spec.Containers {
		c := &pod.Spec.Containers[i]
		s := containerSpec{ctr: c, role: RoleApp, index: i, policy: podPolicy}
		if c.RestartPolicy != nil {
			s.policy = RestartPolicy(*c.RestartPolicy)
		}
		apps = append(apps, s)
	}
	return inits, apps
}

// markPrimary gives the regular container called name the primary role: the runner ends the
// pod when it has exited for good, and its exit code is the pod's (flyte-pod-semantics.md §3.8).
func markPrimary(apps []containerSpec, name string) error {
	if name == "" {
		return nil
	}
	for i := range apps {
		if apps[i].ctr.Name == name {
			apps[i].role = RolePrimary
			return nil
		}
	}
	return fmt.Errorf("plan: primary container %q is not a regular container of the pod", name)
}

// isSidecar tells a native sidecar: an init container with restartPolicy Always (§1.3).
func isSidecar(c *corev1.Container) bool {
	return c.RestartPolicy != nil && *c.RestartPolicy == corev1.ContainerRestartPolicyAlways
}

func podRestartPolicy(pod *corev1.Pod) RestartPolicy {
	if pod.Spec.RestartPolicy == "" {
		return RestartAlways // the API server's default (§0)
	}
	return RestartPolicy(pod.Spec.RestartPolicy)
}

func wrapContainer(name string, err error) error {
	return fmt.Errorf("container %q: %w", name, err)
}
