package flyte

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// maxEntry bounds one archive entry: serialized tasks are kilobytes, not gigabytes.
const maxEntry = 64 << 20

// archiveTasks lists the tasks of a pyflyte package: a gzipped tar of serialized entities, one
// .pb each; tasks are admin.TaskSpec messages (pyflyte names them <n>_<name>_1.pb, §1.4).
// Workflows and launch plans fail templateIdentity and are skipped.
func archiveTasks(file string, data []byte) ([]candidate, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("read package: %w", err)
	}
	tr := tar.NewReader(zr)
	var out []candidate
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read package: %w", err)
		}
		if h.Typeflag != tar.TypeReg || !strings.HasSuffix(h.Name, ".pb") || h.Size > maxEntry {
			continue
		}
		b, err := io.ReadAll(io.LimitReader(tr, maxEntry))
		if err != nil {
			return nil, fmt.Errorf("read package entry %s: %w", h.Name, err)
		}
		c, ok := binaryTemplate(b)
		if !ok {
			continue
		}
		c.path = path.Clean(h.Name) + ":" + c.path
		out = append(out, c)
	}
	return out, nil
}
