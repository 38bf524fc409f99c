package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/containerd/errdefs"
	"github.com/docker/docker/api/types/image"
	"github.com/podrun/podrun/internal/pause"
	"github.com/podrun/podrun/plan"
	"golang.org/x/sync/errgroup"
)

// pullLimit bounds concurrent pulls, as crane and compose do.
const pullLimit = 4

// ErrImageNeverPull is returned when an image is absent and its pull policy forbids pulling;
// the kubelet's ErrImageNeverPull.
var ErrImageNeverPull = errors.New("image not present and pull policy is Never")

// missingImages inspects every image the pod needs and returns those that must be pulled. It
// fails, before the pod has any object on the engine, when an image is absent under Never.
func missingImages(ctx context.Context, eng Engine, images []plan.Image) ([]plan.Image, error) {
	need := make([]bool, len(images))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(pullLimit)
	for i, img := range images {
		if img.Policy == plan.PullAlways {
			need[i] = true
			continue
		}
		g.Go(func() error {
			_, err := eng.ImageInspect(gctx, img.Ref)
			switch {
			case err == nil:
				return nil
			case !errdefs.IsNotFound(err):
				return fmt.Errorf("inspect image %q: %w", img.Ref, err)
			case img.Policy == plan.PullNever:
				return fmt.Errorf("image %q: %w", img.Ref, ErrImageNeverPull)
			}
			need[i] = true
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var pulls []plan.Image
	for i, img := range images {
		if need[i] {
			pulls = append(pulls, img)
		}
	}
	return pulls, nil
}

// pullImages pulls images concurrently, reporting Pulling and Pulled for each.
func pullImages(ctx context.Context, eng Engine, images []plan.Image, n *notifier) error {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(pullLimit)
	for _, img := range images {
		g.Go(func() error {
			n.event(Event{Kind: EventPulling, Message: img.Ref})
			if err := pullImage(gctx, eng, img.Ref); err != nil {
				// imagePullPolicy Always (a :latest or untagged image, by default) on a machine
				// that cannot reach the registry: a cluster would fail with ErrImagePull, but a
				// developer's local image is what they mean to run. Run it, and say so.
				if img.Policy == plan.PullAlways {
					if _, ierr := eng.ImageInspect(gctx, img.Ref); ierr == nil {
						n.event(Event{Kind: EventPullFailed, Message: fmt.Sprintf(
							"%s: %v; running the engine's local copy (a cluster would fail with ErrImagePull; --pull missing avoids the pull)", img.Ref, err)})
						return nil
					}
				}
				return fmt.Errorf("pull image %q: %w", img.Ref, err)
			}
			n.event(Event{Kind: EventPulled, Message: img.Ref})
			return nil
		})
	}
	return g.Wait()
}

// pullImage pulls one image. The engine reports a failed pull inside the progress stream, not
// as the call's error, so the stream is read to its end and checked.
func pullImage(ctx context.Context, eng Engine, ref string) error {
	rc, err := eng.ImagePull(ctx, ref, image.PullOptions{})
	if err != nil {
		return err
	}
	defer rc.Close()
	return pullStreamError(rc)
}

// pauseTar returns the pause image archive for an engine architecture (Info.Architecture's
// x86_64/aarch64 or GOARCH names); a variable so that tests can stand in for it.
var pauseTar = pause.Tar

// ensurePause loads podrun's own pause image when the engine lacks it: the sandbox must never
// need a registry (DESIGN.md), on amd64 or arm64 engines alike.
func ensurePause(ctx context.Context, eng Engine, ref string, n *notifier) error {
	_, err := eng.ImageInspect(ctx, ref)
	if err == nil {
		return nil
	}
	if !errdefs.IsNotFound(err) {
		return fmt.Errorf("inspect image %q: %w", ref, err)
	}
	info, err := eng.Info(ctx)
	if err != nil {
		return fmt.Errorf("load pause image: engine info: %w", err)
	}
	tar, err := pauseTar(info.Architecture)
	if err != nil {
		return fmt.Errorf("load pause image: %w", err)
	}
	n.event(Event{Kind: EventPulling, Role: plan.RolePause, Message: ref + " (loading podrun's own)"})
	resp, err := eng.ImageLoad(ctx, bytes.NewReader(tar))
	if err != nil {
		return fmt.Errorf("load pause image: %w", err)
	}
	if resp.Body != nil {
		defer resp.Body.Close()
	}
	if err := drainLoad(resp); err != nil {
		return fmt.Errorf("load pause image: %w", err)
	}
	n.event(Event{Kind: EventPulled, Role: plan.RolePause, Message: ref})
	return nil
}

// drainLoad reads a load response to its end; like a pull, a failed load is reported inside it.
func drainLoad(resp image.LoadResponse) error {
	if resp.Body == nil {
		return nil
	}
	if !resp.JSON {
		_, err := io.Copy(io.Discard, resp.Body)
		return err
	}
	return pullStreamError(resp.Body)
}

// pullStreamError reads a JSON progress stream to its end and returns the error it reports.
func pullStreamError(r io.Reader) error {
	dec := json.NewDecoder(r)
	for {
		var msg struct {
			Error       string `json:"error"`
			ErrorDetail struct {
				Message string `json:"message"`
			} `json:"errorDetail"`
		}
		if err := dec.Decode(&msg); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("read progress: %w", err)
		}
		if msg.ErrorDetail.Message != "" {
			return errors.New(msg.ErrorDetail.Message)
		}
		if msg.Error != "" {
			return errors.New(msg.Error)
		}
	}
}
