package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/podrun/podrun/runner"
)

// palette is the per-container colour cycle on terminals (ANSI foreground colours).
var palette = []string{"36", "33", "32", "35", "34", "91", "96", "93", "92", "95"}

// logPrinter writes container output as "name | line" (stdout) and "name ! line" (stderr),
// names padded to one width so lines align, one colour per container on a terminal.
type logPrinter struct {
	w      io.Writer
	width  int
	color  bool
	colors map[string]string
}

func newLogPrinter(w io.Writer, color bool, names []string) *logPrinter {
	p := &logPrinter{w: w, color: color, colors: map[string]string{}}
	for i, n := range names {
		p.width = max(p.width, len(n))
		p.colors[n] = palette[i%len(palette)]
	}
	return p
}

// print is called by the runner, one line at a time (the runner serializes callbacks).
func (p *logPrinter) print(l runner.LogLine) {
	sep := "|"
	if l.Stderr {
		sep = "!"
	}
	name := l.Container + strings.Repeat(" ", max(0, p.width-len(l.Container)))
	if p.color {
		fmt.Fprintf(p.w, "\x1b[%sm%s %s\x1b[0m %s\n", p.colors[l.Container], name, sep, l.Text)
		return
	}
	fmt.Fprintf(p.w, "%s %s %s\n", name, sep, l.Text)
}
