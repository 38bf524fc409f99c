package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/docker/docker/api/types/image"
	"github.com/docker/docker/client"
	"github.com/docker/go-units"

	"github.com/podrun/podrun/runner"
)

// progressEngine is the engine with image pulls shown as they progress: on a terminal, one
// status line rewritten in place; elsewhere (CI logs) nothing more than the Pulling and Pulled
// lines podrun prints anyway, never a spinner.
type progressEngine struct {
	*client.Client
	display *pullDisplay
}

var _ runner.Engine = progressEngine{}

func (p progressEngine) ImagePull(ctx context.Context, ref string, opts image.PullOptions) (io.ReadCloser, error) {
	rc, err := p.Client.ImagePull(ctx, ref, opts)
	if err != nil {
		return rc, err
	}
	return p.display.track(ref, rc), nil
}

// pullDisplay keeps the progress of every image being pulled and draws it on one line.
type pullDisplay struct {
	mu    sync.Mutex
	w     io.Writer
	width int
	pulls map[string]*pullState
	drawn bool
}

type pullState struct {
	layers map[string][2]int64 // id → current, total bytes
	status string
}

func newPullDisplay(w io.Writer, width int) *pullDisplay {
	return &pullDisplay{w: w, width: width, pulls: map[string]*pullState{}}
}

func (d *pullDisplay) track(ref string, rc io.ReadCloser) io.ReadCloser {
	d.mu.Lock()
	d.pulls[ref] = &pullState{layers: map[string][2]int64{}}
	d.mu.Unlock()
	t := &trackedPull{ReadCloser: rc, d: d, ref: ref}
	return t
}

// trackedPull passes the pull's JSON stream through unchanged, reading each message on the way.
type trackedPull struct {
	io.ReadCloser
	d    *pullDisplay
	ref  string
	buf  []byte
	once sync.Once
}

func (t *trackedPull) Read(p []byte) (int, error) {
	n, err := t.ReadCloser.Read(p)
	t.buf = append(t.buf, p[:n]...)
	for {
		i := bytes.IndexByte(t.buf, '\n')
		if i < 0 {
			break
		}
		t.d.update(t.ref, t.buf[:i])
		t.buf = t.buf[i+1:]
	}
	return n, err
}

func (t *trackedPull) Close() error {
	t.once.Do(func() { t.d.done(t.ref) })
	return t.ReadCloser.Close()
}

// pullMessage is the part of the engine's progress messages the display uses.
type pullMessage struct {
	ID             string `json:"id"`
	Status         string `json:"status"`
	ProgressDetail struct {
		Current int64 `json:"current"`
		Total   int64 `json:"total"`
	} `json:"progressDetail"`
}

func (d *pullDisplay) update(ref string, line []byte) {
	var m pullMessage
	if json.Unmarshal(line, &m) != nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	st, ok := d.pulls[ref]
	if !ok {
		return
	}
	if m.ID != "" && m.ProgressDetail.Total > 0 && m.Status == "Downloading" {
		st.layers[m.ID] = [2]int64{m.ProgressDetail.Current, m.ProgressDetail.Total}
	} else if m.ID != "" && (m.Status == "Download complete" || m.Status == "Pull complete") {
		if l, ok := st.layers[m.ID]; ok {
			st.layers[m.ID] = [2]int64{l[1], l[1]}
		}
	}
	st.status = m.Status
	d.draw()
}

func (d *pullDisplay) done(ref string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.pulls, ref)
	d.draw()
}

// draw rewrites the status line (or clears it when no pull remains).
func (d *pullDisplay) draw() {
	if len(d.pulls) == 0 {
		if d.drawn {
			fmt.Fprint(d.w, "\r\x1b[K")
			d.drawn = false
		}
		return
	}
	fmt.Fprint(d.w, "\r\x1b[K"+truncate(d.line(), d.width))
	d.drawn = true
}

func (d *pullDisplay) line() string {
	refs := make([]string, 0, len(d.pulls))
	for r := range d.pulls {
		refs = append(refs, r)
	}
	sort.Strings(refs)
	parts := make([]string, len(refs))
	for i, r := range refs {
		var cur, total int64
		for _, l := range d.pulls[r].layers {
			cur += l[0]
			total += l[1]
		}
		switch {
		case total > 0:
			parts[i] = fmt.Sprintf("%s %s/%s", r, units.HumanSize(float64(cur)), units.HumanSize(float64(total)))
		case d.pulls[r].status != "":
			parts[i] = r + " " + strings.ToLower(d.pulls[r].status)
		default:
			parts[i] = r
		}
	}
	return "pulling " + strings.Join(parts, ", ")
}

func truncate(s string, width int) string {
	if width <= 1 || len(s) < width {
		return s
	}
	return s[:width-2] + "…"
}
