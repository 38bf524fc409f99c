package runner

import (
	"context"
	"fmt"
	"io"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/pkg/stdcopy"
)

// ReadLogs prints what one container instance wrote, line by line, for `podrun logs`: all of
// it, and with follow what it writes until it exits. It reads the engine's log store, so it
// works for detached and kept pods alike.
func ReadLogs(ctx context.Context, eng Engine, id string, tty, follow bool, emit func(stderr bool, text string)) error {
	rc, err := eng.ContainerLogs(ctx, id, container.LogsOptions{ShowStdout: true, ShowStderr: true, Follow: follow})
	if err != nil {
		return fmt.Errorf("read logs: %w", err)
	}
	defer rc.Close()
	stdout := &lineWriter{tty: tty, emit: func(s string) { emit(false, s) }}
	stderr := &lineWriter{tty: tty, emit: func(s string) { emit(true, s) }}
	if tty {
		_, err = io.Copy(stdout, rc)
	} else {
		_, err = stdcopy.StdCopy(stdout, stderr, rc)
	}
	stdout.flush()
	stderr.flush()
	if err != nil && ctx.Err() == nil {
		return fmt.Errorf("read logs: %w", err)
	}
	return nil
}
