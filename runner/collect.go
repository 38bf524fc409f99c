package runner

import (
	"archive/tar"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/containerd/errdefs"
	"github.com/docker/docker/api/types/container"
)

// Files a caller asks for are read from the pod's sandbox once the pod has ended and before
// teardown removes it: the sandbox mounts every podrun volume at plan.SandboxVolumeDir/<volume>,
// so what the containers wrote into a volume is read through it, from a local engine or a remote
// one alike. A Flyte run reads the task's error.pb and outputs.pb this way, as propeller reads
// them from blob storage after the primary has finished (flyte-pod-semantics.md §3.9).

// maxCollectedFile bounds one collected file: a runaway output must not exhaust podrun's memory.
const maxCollectedFile = 256 << 20

// collectTimeout bounds the reads, which run even when the caller's context has ended (after
// Ctrl-C the files are still read; teardown waits for them).
const collectTimeout = 30 * time.Second

// fileReader is the part of the engine collect uses.
type fileReader interface {
	CopyFromContainer(ctx context.Context, id, path string) (io.ReadCloser, container.PathStat, error)
}

// collect reads each path from the container id. A path that does not exist is left out of the
// map (the task wrote no such file); any other failure is an error.
func collect(ctx context.Context, eng fileReader, id string, paths []string) (map[string][]byte, error) {
	if len(paths) == 0 || id == "" {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), collectTimeout)
	defer cancel()
	out := map[string][]byte{}
	for _, p := range paths {
		data, err := readFile(ctx, eng, id, p)
		switch {
		case errdefs.IsNotFound(err):
			continue
		case err != nil:
			return out, fmt.Errorf("collect %s: %w", p, err)
		}
		out[p] = data
	}
	return out, nil
}

// readFile reads one regular file out of the tar stream the engine sends for path.
func readFile(ctx context.Context, eng fileReader, id, path string) ([]byte, error) {
	rc, _, err := eng.CopyFromContainer(ctx, id, path)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	tr := tar.NewReader(rc)
	hdr, err := tr.Next()
	if err != nil {
		return nil, fmt.Errorf("read the engine's archive: %w", err)
	}
	if hdr.Typeflag != tar.TypeReg {
		return nil, errors.New("not a regular file")
	}
	if hdr.Size > maxCollectedFile {
		return nil, fmt.Errorf("%d bytes: larger than the %d podrun reads", hdr.Size, maxCollectedFile)
	}
	data, err := io.ReadAll(tr)
	if err != nil {
		return nil, fmt.Errorf("read the engine's archive: %w", err)
	}
	return data, nil
}
