package runner

import (
	"context"
	"fmt"

	"github.com/docker/docker/api/types/container"
)

// LogsOptions are `podrun logs`' filters, as kubectl logs and docker logs name them.
type LogsOptions struct {
	Follow     bool
	Since      string // a duration (10m) or a timestamp (RFC 3339); the engine reads both
	Timestamps bool   // prefix each line with the engine's RFC 3339 timestamp
	Tail       string // lines from the end; "" or "all" for everything
}

// ReadLogs hands on, line by line, what one container instance wrote, for `podrun logs`. It
// reads the engine's log store, so it works for detached and kept pods alike, whatever the
// instance's state.
func ReadLogs(ctx context.Context, eng Engine, id string, tty bool, o LogsOptions, emit func(stderr bool, text string)) error {
	tail := o.Tail
	if tail == "" || tail == "-1" {
		tail = "all"
	}
	rc, err := eng.ContainerLogs(ctx, id, container.LogsOptions{
		ShowStdout: true, ShowStderr: true, Follow: o.Follow,
		Since: o.Since, Timestamps: o.Timestamps, Tail: tail,
	})
	if err != nil {
		return fmt.Errorf("read logs: %w", err)
	}
	defer rc.Close()
	sink := newLogSink(tty, emit)
	err = sink.copy(rc)
	sink.flush()
	if err != nil && ctx.Err() == nil {
		return fmt.Errorf("read logs: %w", err)
	}
	return nil
}
