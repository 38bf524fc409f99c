package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/client"
	"github.com/docker/docker/pkg/stdcopy"
)

// logOptions are podrun logs' filters, as kubectl logs and docker logs name them.
type logOptions struct {
	follow     bool
	since      string // a duration (10m) or a timestamp (RFC 3339); the engine reads both
	timestamps bool   // prefix each line with the engine's RFC 3339 timestamp
	tail       string // lines from the end, per container; "" or "all" for everything
}

// readLogs streams one container instance's output line by line. It reads the engine's log
// store, so it works for detached and kept pods alike, and whatever the instance's state.
func readLogs(ctx context.Context, cli *client.Client, id string, tty bool, o logOptions, emit func(stderr bool, text string)) error {
	tail := o.tail
	if tail == "" || tail == "-1" {
		tail = "all"
	}
	rc, err := cli.ContainerLogs(ctx, id, container.LogsOptions{
		ShowStdout: true, ShowStderr: true, Follow: o.follow,
		Since: o.since, Timestamps: o.timestamps, Tail: tail,
	})
	if err != nil {
		return fmt.Errorf("read logs: %w", err)
	}
	defer rc.Close()
	stdout := &lines{emit: func(s string) { emit(false, s) }}
	stderr := &lines{emit: func(s string) { emit(true, s) }}
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

// lines cuts a stream into lines (a TTY's \r\n too) and emits each without its newline; a last
// line without one is emitted by flush.
type lines struct {
	mu   sync.Mutex
	buf  []byte
	emit func(string)
}

func (l *lines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf = append(l.buf, p...)
	for {
		i := bytes.IndexByte(l.buf, '\n')
		if i < 0 {
			return len(p), nil
		}
		l.emit(string(bytes.TrimSuffix(l.buf[:i], []byte("\r"))))
		l.buf = l.buf[i+1:]
	}
}

func (l *lines) flush() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.buf) > 0 {
		l.emit(string(l.buf))
		l.buf = nil
	}
}
