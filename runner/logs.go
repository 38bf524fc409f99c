package runner

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/pkg/stdcopy"
)

// maxLineBytes bounds a line held back while waiting for its newline; a longer line is handed
// on in pieces, so a container writing without newlines cannot grow podrun's memory.
const maxLineBytes = 64 << 10

// lineWriter splits a byte stream into lines and hands each, without its newline, to emit.
type lineWriter struct {
	buf  []byte
	tty  bool // a terminal ends lines with \r\n
	emit func(text string)
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.buf = append(w.buf, p...)
	for {
		i := bytes.IndexByte(w.buf, '\n')
		if i < 0 {
			break
		}
		w.line(w.buf[:i])
		w.buf = w.buf[i+1:]
	}
	for len(w.buf) >= maxLineBytes {
		w.line(w.buf[:maxLineBytes])
		w.buf = w.buf[maxLineBytes:]
	}
	if len(w.buf) == 0 {
		w.buf = nil // drop the consumed backing array
	}
	return len(p), nil
}

func (w *lineWriter) line(b []byte) {
	if w.tty {
		b = bytes.TrimSuffix(b, []byte("\r"))
	}
	w.emit(string(b))
}

// flush hands on a last line that has no newline.
func (w *lineWriter) flush() {
	if len(w.buf) > 0 {
		w.line(w.buf)
		w.buf = nil
	}
}

// followLogs streams one container instance's output, line by line, until the instance exited
// (exited is closed) or ctx ends. Without a TTY the engine multiplexes stdout and stderr in one
// stream (stdcopy framing); with a TTY the stream is raw and all of it is stdout.
//
// A following stream can end before the engine wrote the instance's last, unterminated line
// (Docker 20.10 does this), so once the instance exited the log is read once more, without
// following, and what the stream had not delivered is handed on.
func followLogs(ctx context.Context, eng Engine, id string, tty bool, exited <-chan struct{}, emit func(stderr bool, text string)) error {
	sink := newLogSink(tty, emit)
	defer sink.flush()
	opts := container.LogsOptions{ShowStdout: true, ShowStderr: true, Follow: true}
	rc, err := eng.ContainerLogs(ctx, id, opts)
	if err != nil {
		return fmt.Errorf("follow logs: %w", err)
	}
	err = sink.copy(rc)
	rc.Close()
	if err != nil && ctx.Err() == nil {
		return fmt.Errorf("follow logs: %w", err)
	}
	select {
	case <-exited:
	case <-ctx.Done():
		return nil
	}
	opts.Follow = false
	rc, err = eng.ContainerLogs(ctx, id, opts)
	if err != nil {
		return fmt.Errorf("read logs: %w", err)
	}
	defer rc.Close()
	sink.skip = sink.seen
	if err := sink.copy(rc); err != nil && ctx.Err() == nil {
		return fmt.Errorf("read logs: %w", err)
	}
	return nil
}

// logSink turns one instance's log streams into lines, counting the bytes of each stream so
// that a second read can skip what the first delivered.
type logSink struct {
	tty   bool
	lines [2]*lineWriter // stdout, stderr
	seen  [2]int64
	skip  [2]int64
}

func newLogSink(tty bool, emit func(stderr bool, text string)) *logSink {
	s := &logSink{tty: tty}
	s.lines[0] = &lineWriter{tty: tty, emit: func(t string) { emit(false, t) }}
	s.lines[1] = &lineWriter{tty: tty, emit: func(t string) { emit(true, t) }}
	return s
}

func (s *logSink) copy(r io.Reader) error {
	out, errw := &streamWriter{s, 0}, &streamWriter{s, 1}
	if s.tty {
		_, err := io.Copy(out, r)
		return err
	}
	_, err := stdcopy.StdCopy(out, errw, r)
	return err
}

func (s *logSink) flush() {
	s.lines[0].flush()
	s.lines[1].flush()
}

// streamWriter feeds one stream of a logSink, dropping the bytes it must skip.
type streamWriter struct {
	s      *logSink
	stream int
}

func (w *streamWriter) Write(p []byte) (int, error) {
	n := len(p)
	drop := min(w.s.skip[w.stream], int64(len(p)))
	w.s.skip[w.stream] -= drop
	p = p[drop:]
	w.s.seen[w.stream] += int64(len(p))
	if len(p) > 0 {
		_, _ = w.s.lines[w.stream].Write(p)
	}
	return n, nil
}
