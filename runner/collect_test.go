package runner

import (
	"archive/tar"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/containerd/errdefs"
	"github.com/docker/docker/api/types/container"
)

// tarFiles answers CopyFromContainer as the engine does: a tar stream holding the path.
type tarFiles struct {
	files map[string]string // path → content; a path ending in "/" is a directory
	fail  error
	asked []string
}

func (t *tarFiles) CopyFromContainer(_ context.Context, id, path string) (io.ReadCloser, container.PathStat, error) {
	t.asked = append(t.asked, id+":"+path)
	if t.fail != nil {
		return nil, container.PathStat{}, t.fail
	}
	content, ok := t.files[path]
	if !ok {
		return nil, container.PathStat{}, fmt.Errorf("%w: Could not find the file %s in container %s", errdefs.ErrNotFound, path, id)
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	hdr := &tar.Header{Name: path[strings.LastIndex(path, "/")+1:], Mode: 0o644, Size: int64(len(content)), Typeflag: tar.TypeReg}
	if strings.HasSuffix(path, "/") {
		hdr = &tar.Header{Name: "dir/", Mode: 0o755, Typeflag: tar.TypeDir}
	}
	_ = tw.WriteHeader(hdr)
	if hdr.Typeflag == tar.TypeReg {
		_, _ = tw.Write([]byte(content))
	}
	_ = tw.Close()
	return io.NopCloser(&buf), container.PathStat{Name: hdr.Name, Size: hdr.Size}, nil
}

// TestCollect: existing files come back by path, absent ones are left out (a task that wrote no
// error.pb), and the engine's other failures are errors.
func TestCollect(t *testing.T) {
	const errPB, outPB = "/.podrun/volumes/flyte/0/error.pb", "/.podrun/volumes/flyte/0/outputs.pb"
	eng := &tarFiles{files: map[string]string{outPB: "\x0a\x02o0"}}
	got, err := collect(context.Background(), eng, "sandbox", []string{errPB, outPB})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || string(got[outPB]) != "\x0a\x02o0" {
		t.Errorf("collected %q, want only outputs.pb", got)
	}
	if want := "sandbox:" + errPB; eng.asked[0] != want {
		t.Errorf("asked %v, want the sandbox first for %s", eng.asked, errPB)
	}

	dir := &tarFiles{files: map[string]string{"/.podrun/volumes/flyte/0/": ""}}
	if _, err := collect(context.Background(), dir, "sandbox", []string{"/.podrun/volumes/flyte/0/"}); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a directory: want an error, got %v", err)
	}
	broken := &tarFiles{fail: fmt.Errorf("%w: engine down", errdefs.ErrUnavailable)}
	if _, err := collect(context.Background(), broken, "sandbox", []string{outPB}); err == nil || !strings.Contains(err.Error(), "collect "+outPB) {
		t.Errorf("an engine failure: want a wrapped error, got %v", err)
	}
	if got, err := collect(context.Background(), broken, "sandbox", nil); got != nil || err != nil {
		t.Errorf("nothing asked: want nothing done, got %v, %v", got, err)
	}
}

// TestCollectAfterCancel: files are read even when the caller's context has ended (Ctrl-C): the
// pod has ended either way and its files are still there until teardown.
func TestCollectAfterCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	eng := &tarFiles{files: map[string]string{"/x": "y"}}
	got, err := collect(ctx, eng, "sandbox", []string{"/x"})
	if err != nil || string(got["/x"]) != "y" {
		t.Errorf("got %q, %v", got, err)
	}
}
