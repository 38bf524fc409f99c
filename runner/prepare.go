package runner

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/docker/docker/api/types/container"
	"github.com/podrun/podrun/plan"
)

// podAddresses are the values of the downward-API fields known only once the sandbox runs.
type podAddresses struct {
	PodIP  string
	HostIP string
}

// fieldValue is a run-time downward-API field's value (§7.4). podrun's pods have one IP family,
// so the plural fields hold one address.
func (a podAddresses) fieldValue(field string) (string, bool) {
	switch field {
	case "status.podIP", "status.podIPs":
		return a.PodIP, true
	case "status.hostIP", "status.hostIPs":
		return a.HostIP, true
	}
	return "", false
}

// resolveContainer returns c with its own copies of Config and Host, its run-time fields
// substituted (Env, Entrypoint, Cmd), its subPath binds added and its Localhost seccomp profile
// inlined. The plan is not modified.
func resolveContainer(c plan.Container, addrs podAddresses, binds []string, profiles map[string]string) (plan.Container, error) {
	cfg := *c.Config
	cfg.Env = slices.Clone(cfg.Env)
	cfg.Entrypoint = slices.Clone(cfg.Entrypoint)
	cfg.Cmd = slices.Clone(cfg.Cmd)
	cfg.Labels = maps.Clone(cfg.Labels)
	for _, field := range c.RuntimeFields {
		v, ok := addrs.fieldValue(field)
		if !ok {
			return c, fmt.Errorf("container %q: unknown run-time field %q", c.Name, field)
		}
		ph := plan.Placeholder(field)
		for _, list := range [][]string{cfg.Env, cfg.Entrypoint, cfg.Cmd} {
			for i := range list {
				list[i] = strings.ReplaceAll(list[i], ph, v)
			}
		}
	}
	c.Config = &cfg
	if c.Host != nil {
		host := *inlineSeccomp(c.Host, profiles)
		host.Binds = append(slices.Clone(host.Binds), binds...)
		c.Host = &host
	} else if len(binds) > 0 {
		c.Host = &container.HostConfig{Binds: binds}
	}
	return c, nil
}

// instanceName is the engine name of a container's attempt-th instance: the plan's name for
// the first, DockerName_<attempt> for each restart (every restart is a new container).
func instanceName(c plan.Container, attempt int) string {
	if attempt == 0 {
		return c.DockerName
	}
	return c.DockerName + "_" + strconv.Itoa(attempt)
}

// instanceConfig is c's create configuration for one attempt, labelled with the attempt.
func instanceConfig(c plan.Container, attempt int) *container.Config {
	cfg := *c.Config
	cfg.Labels = maps.Clone(cfg.Labels)
	if cfg.Labels == nil {
		cfg.Labels = map[string]string{}
	}
	cfg.Labels[plan.LabelAttempt] = strconv.Itoa(attempt)
	return &cfg
}
