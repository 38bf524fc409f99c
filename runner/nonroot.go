package runner

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/podrun/podrun/plan"
	"golang.org/x/sync/errgroup"
)

// reasonCreateContainerConfigError is the kubelet's waiting reason for a container whose
// configuration it refuses to build: a runAsNonRoot violation, a missing ConfigMap key (§3.3).
const reasonCreateContainerConfigError = "CreateContainerConfigError"

// ContainerConfigError is a container the kubelet would refuse to create: its status is
// Waiting/CreateContainerConfigError. The kubelet retries such a container on every sync, for
// ever, and the pod stays Pending; podrun ends the run instead, with this error, once the
// container is due to start (earlier containers run as they would in a cluster), after stopping
// what runs and tearing the pod down.
type ContainerConfigError struct {
	Container string
	Message   string // the kubelet's message
}

func (e *ContainerConfigError) Error() string {
	return fmt.Sprintf("create container %q: %s: %s", e.Container, reasonCreateContainerConfigError, e.Message)
}

// nonRootRefusals inspects the images of the containers that ask for runAsNonRoot without a
// user of their own and returns, by container name, the kubelet's refusal for each container
// whose effective user is root or cannot be verified (§11, verifyRunAsNonRoot). The images are
// present: this runs after the pulls.
func nonRootRefusals(ctx context.Context, eng Engine, p *plan.Plan) (map[string]string, error) {
	ctrs := append(append([]plan.Container{}, p.Init...), p.Containers...)
	imageUser := make([]string, len(ctrs))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(pullLimit)
	for i, c := range ctrs {
		if !c.RunAsNonRoot || c.Config.User != "" {
			continue
		}
		g.Go(func() error {
			img, err := eng.ImageInspect(gctx, c.Image)
			if err != nil {
				return fmt.Errorf("inspect image %q: %w", c.Image, err)
			}
			if img.Config != nil {
				imageUser[i] = img.Config.User
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	refusals := map[string]string{}
	for i, c := range ctrs {
		if msg := nonRootRefusal(c, imageUser[i], p.Pod); msg != "" {
			refusals[c.Name] = msg
		}
	}
	return refusals, nil
}

// nonRootRefusal is the kubelet's verifyRunAsNonRoot for one container, in its words; "" when
// the container may run. The plan's User is runAsUser[:runAsGroup]; without it the image's
// USER applies ("name[:group]" or "uid[:gid]"; empty means root).
func nonRootRefusal(c plan.Container, imageUser string, pod plan.PodMeta) string {
	if !c.RunAsNonRoot {
		return ""
	}
	where := fmt.Sprintf("(pod: %q, container: %s)", pod.Name+"_"+pod.Namespace+"("+pod.UID+")", c.Name)
	if u := userPart(c.Config.User); u != "" {
		if uid, err := strconv.ParseInt(u, 10, 64); err == nil && uid == 0 {
			return "container's runAsUser breaks non-root policy " + where
		}
		return ""
	}
	u := userPart(imageUser)
	uid, err := strconv.ParseInt(u, 10, 64)
	switch {
	case u == "" || (err == nil && uid == 0):
		return "container has runAsNonRoot and image will run as root " + where
	case err != nil:
		return fmt.Sprintf("container has runAsNonRoot and image has non-numeric user (%s), cannot verify user is non-root %s", u, where)
	}
	return ""
}

// userPart is the user of an engine "user[:group]".
func userPart(s string) string {
	u, _, _ := strings.Cut(s, ":")
	return u
}
