package runner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/pkg/stdcopy"
)

// maxExecOutput is how much of an exec's output is kept for events: the kubelet keeps 10 KiB.
const maxExecOutput = 10 * 1024

// errExecTimeout is an exec probe that outlived its timeoutSeconds (§5, ExecProbeTimeout).
var errExecTimeout = errors.New("command timed out")

// execIn runs cmd in a container without a shell, as CRI ExecSync does, and returns its exit
// code and output. ctx bounds it: when ctx ends first, the result is errExecTimeout (the
// engine cannot kill an exec'd process; it is left to finish or die with its container).
func execIn(ctx context.Context, eng Engine, id string, cmd []string, tty bool) (int, string, error) {
	created, err := eng.ContainerExecCreate(ctx, id, container.ExecOptions{Cmd: cmd, AttachStdout: true, AttachStderr: true})
	if err != nil {
		return 0, "", timedOut(ctx, fmt.Errorf("exec %q: %w", cmd, err))
	}
	// Attaching starts the exec (POST /exec/{id}/start, hijacked).
	att, err := eng.ContainerExecAttach(ctx, created.ID, container.ExecAttachOptions{})
	if err != nil {
		return 0, "", timedOut(ctx, fmt.Errorf("exec %q: %w", cmd, err))
	}
	defer att.Close()
	var out limitedBuffer
	copied := make(chan error, 1)
	go func() {
		var err error
		if tty {
			_, err = io.Copy(&out, att.Reader)
		} else {
			_, err = stdcopy.StdCopy(&out, &out, att.Reader)
		}
		copied <- err
	}()
	select {
	case <-copied:
	case <-ctx.Done():
		att.Close() // unblocks the copy
		<-copied
		return 0, out.String(), errExecTimeout
	}
	info, err := eng.ContainerExecInspect(ctx, created.ID)
	if err != nil {
		return 0, out.String(), timedOut(ctx, fmt.Errorf("exec %q: %w", cmd, err))
	}
	return info.ExitCode, out.String(), nil
}

func timedOut(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return errExecTimeout
	}
	return err
}

// limitedBuffer keeps the first maxExecOutput bytes written to it and discards the rest.
type limitedBuffer struct{ bytes.Buffer }

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := maxExecOutput - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
