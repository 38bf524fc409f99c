package runner

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/api/types/volume"
	"github.com/podrun/podrun/plan"
	"golang.org/x/sync/errgroup"
)

// teardownTimeout bounds teardown after a run; it runs on a context of its own, so that it
// still works after the run's context was cancelled.
const teardownTimeout = 2 * time.Minute

// Teardown removes every container and volume of a run, found by its dev.podrun.run label:
// containers first (forcibly, with their anonymous volumes), concurrently, then volumes.
// Objects already gone, or being removed, count as removed, so Teardown is idempotent.
func Teardown(ctx context.Context, eng Engine, runID string) error {
	return teardown(ctx, eng, runID, newNotifier(Options{}, time.Now))
}

func teardown(ctx context.Context, eng Engine, runID string, n *notifier) error {
	if runID == "" {
		return errors.New("teardown: empty run id")
	}
	n.event(Event{Kind: EventTeardown, Message: runID})
	byRun := filters.NewArgs(filters.Arg("label", plan.LabelRun+"="+runID))
	var mu sync.Mutex
	var errs []error
	fail := func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	}

	ctrs, err := eng.ContainerList(ctx, container.ListOptions{All: true, Filters: byRun})
	if err != nil {
		return fmt.Errorf("teardown: list containers: %w", err)
	}
	var g errgroup.Group
	for _, c := range ctrs {
		g.Go(func() error {
			err := eng.ContainerRemove(ctx, c.ID, container.RemoveOptions{Force: true, RemoveVolumes: true})
			if err != nil && !isGone(err) {
				fail(fmt.Errorf("remove container %q: %w", summaryName(c), err))
				return nil
			}
			n.event(Event{Kind: EventRemoved, Container: c.Labels[plan.LabelContainer],
				Role: plan.Role(c.Labels[plan.LabelRole]), Message: summaryName(c)})
			return nil
		})
	}
	_ = g.Wait()

	vols, err := eng.VolumeList(ctx, volume.ListOptions{Filters: byRun})
	if err != nil {
		return errors.Join(append(errs, fmt.Errorf("teardown: list volumes: %w", err))...)
	}
	for _, v := range vols.Volumes {
		if v == nil {
			continue
		}
		g.Go(func() error {
			if err := eng.VolumeRemove(ctx, v.Name, true); err != nil && !isGone(err) {
				fail(fmt.Errorf("remove volume %q: %w", v.Name, err))
				return nil
			}
			n.event(Event{Kind: EventRemoved, Message: "volume " + v.Name})
			return nil
		})
	}
	_ = g.Wait()
	return errors.Join(errs...)
}

func summaryName(c container.Summary) string {
	if len(c.Names) > 0 {
		name := c.Names[0]
		if len(name) > 1 && name[0] == '/' {
			name = name[1:]
		}
		return name
	}
	return c.ID
}
