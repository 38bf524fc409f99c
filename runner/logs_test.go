package runner

import (
	"bytes"
	"context"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/pkg/stdcopy"
)

func TestLineWriter(t *testing.T) {
	tests := []struct {
		name   string
		tty    bool
		writes []string
		want   []string
	}{
		{"lines split across writes", false, []string{"he", "llo\nwor", "ld\n"}, []string{"hello", "world"}},
		{"partial last line flushed", false, []string{"a\nb"}, []string{"a", "b"}},
		{"empty lines kept", false, []string{"\n\n"}, []string{"", ""}},
		{"tty carriage returns dropped", true, []string{"a\r\nb\r\n"}, []string{"a", "b"}},
		{"carriage return kept without tty", false, []string{"a\r\n"}, []string{"a\r"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			w := &lineWriter{tty: tc.tty, emit: func(s string) { got = append(got, s) }}
			for _, s := range tc.writes {
				_, _ = w.Write([]byte(s))
			}
			w.flush()
			if !slices.Equal(got, tc.want) {
				t.Errorf("lines %q, want %q", got, tc.want)
			}
		})
	}
}

func TestLineWriterBoundsLongLines(t *testing.T) {
	var got []string
	w := &lineWriter{emit: func(s string) { got = append(got, s) }}
	_, _ = w.Write([]byte(strings.Repeat("x", maxLineBytes+10)))
	if len(got) != 1 || len(got[0]) != maxLineBytes {
		t.Fatalf("a line over the bound is not handed on: %d pieces", len(got))
	}
	w.flush()
	if len(got) != 2 || len(got[1]) != 10 {
		t.Errorf("rest %d pieces", len(got))
	}
}

// logsEngine answers ContainerLogs with a fixed stream.
type logsEngine struct {
	Engine
	stream []byte
	tty    bool
}

// ContainerLogs answers a follow with the stream up to its last newline, as Docker 20.10 does,
// and a plain read with all of it.
func (e logsEngine) ContainerLogs(_ context.Context, _ string, opts container.LogsOptions) (io.ReadCloser, error) {
	b := e.stream
	if opts.Follow && e.tty {
		b = b[:bytes.LastIndexByte(b, '\n')+1]
	}
	return io.NopCloser(bytes.NewReader(b)), nil
}

func closed() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}

func TestFollowLogsDemultiplexes(t *testing.T) {
	var buf bytes.Buffer
	_, _ = stdcopy.NewStdWriter(&buf, stdcopy.Stdout).Write([]byte("out 1\nout"))
	_, _ = stdcopy.NewStdWriter(&buf, stdcopy.Stderr).Write([]byte("err 1\n"))
	_, _ = stdcopy.NewStdWriter(&buf, stdcopy.Stdout).Write([]byte(" 2\n"))
	var got []string
	err := followLogs(context.Background(), logsEngine{stream: buf.Bytes()}, "id", false, closed(), func(stderr bool, s string) {
		if stderr {
			s = "E:" + s
		}
		got = append(got, s)
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"out 1", "E:err 1", "out 2"}; !slices.Equal(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
}

func TestFollowLogsTTYIsRaw(t *testing.T) {
	var got []string
	err := followLogs(context.Background(), logsEngine{stream: []byte("a\r\nb"), tty: true}, "id", true, closed(), func(stderr bool, s string) {
		got = append(got, s)
	})
	if err != nil || !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("lines %q, err %v", got, err)
	}
}
