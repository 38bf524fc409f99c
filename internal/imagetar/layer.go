package imagetar

import (
	"archive/tar"
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"
	"time"
)

// Entry is one file system object in the image's only layer.
// Exactly one kind applies: Dir, a symlink (Link set), or a regular file (Data, possibly empty).
type Entry struct {
	Path string // absolute or relative to the root; "/bin/sh" and "bin/sh" are the same entry
	Mode int64  // permission bits incl. setuid/setgid/sticky (0o1777); 0 means 0644, dirs 0755
	Data []byte // a regular file's content
	Link string // symlink target, taken as is
	Dir  bool
}

// epoch is every timestamp in the archive: fixed, so that builds are reproducible.
var epoch = time.Unix(0, 0).UTC()

const (
	defaultFileMode = 0o644
	defaultDirMode  = 0o755
	linkMode        = 0o777
	modeBits        = 0o7777 // permissions plus setuid, setgid and sticky
)

// layerTar writes the entries as an uncompressed tar, sorted by path, with every missing parent
// directory added (0755) so that the engine never invents one with a mode of its own.
func layerTar(entries []Entry) ([]byte, error) {
	byPath, err := indexEntries(entries)
	if err != nil {
		return nil, err
	}
	if err := addParents(byPath); err != nil {
		return nil, err
	}
	paths := make([]string, 0, len(byPath))
	for p := range byPath {
		paths = append(paths, p)
	}
	// A parent's path is a prefix of its children's, so it always sorts first.
	sort.Strings(paths)

	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, p := range paths {
		e := byPath[p]
		if err := tw.WriteHeader(header(p, e)); err != nil {
			return nil, fmt.Errorf("write %q: %w", p, err)
		}
		if len(e.Data) > 0 {
			if _, err := tw.Write(e.Data); err != nil {
				return nil, fmt.Errorf("write %q: %w", p, err)
			}
		}
	}
	if err := tw.Close(); err != nil {
		return nil, fmt.Errorf("close layer: %w", err)
	}
	return buf.Bytes(), nil
}

// indexEntries validates the entries and keys them by their clean, root-relative path.
func indexEntries(entries []Entry) (map[string]Entry, error) {
	byPath := make(map[string]Entry, len(entries))
	for _, e := range entries {
		p, err := cleanPath(e.Path)
		if err != nil {
			return nil, err
		}
		if err := checkEntry(p, e); err != nil {
			return nil, err
		}
		if _, dup := byPath[p]; dup {
			return nil, fmt.Errorf("entry %q: listed twice", e.Path)
		}
		byPath[p] = e
	}
	return byPath, nil
}

func cleanPath(p string) (string, error) {
	c := strings.TrimPrefix(path.Clean("/"+p), "/")
	if c == "" || strings.Contains(p, "\x00") {
		return "", fmt.Errorf("entry %q: not a path below the root", p)
	}
	for _, part := range strings.Split(p, "/") {
		if part == ".." {
			return "", fmt.Errorf("entry %q: must not contain \"..\"", p)
		}
	}
	return c, nil
}

func checkEntry(p string, e Entry) error {
	kinds := 0
	for _, is := range []bool{e.Dir, e.Link != ""} {
		if is {
			kinds++
		}
	}
	switch {
	case kinds > 1:
		return fmt.Errorf("entry %q: both a directory and a symlink", p)
	case kinds == 1 && len(e.Data) > 0:
		return fmt.Errorf("entry %q: data on a directory or symlink", p)
	case e.Mode&^modeBits != 0 || e.Mode < 0:
		return fmt.Errorf("entry %q: mode %#o has bits beyond permissions", p, e.Mode)
	}
	return nil
}

// addParents adds every missing ancestor directory (mode 0755), and refuses an ancestor listed
// as a file or symlink: the engine would extract such a layer differently on each store.
func addParents(byPath map[string]Entry) error {
	for p := range byPath {
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			parent, ok := byPath[d]
			if !ok {
				byPath[d] = Entry{Path: d, Dir: true}
				continue
			}
			if !parent.Dir {
				return fmt.Errorf("entry %q: parent %q is not a directory", p, d)
			}
		}
	}
	return nil
}

// header is the tar header of one entry: root-owned, epoch-dated, with no user or group names,
// so nothing about the build machine leaks into the layer.
func header(p string, e Entry) *tar.Header {
	h := &tar.Header{
		Name:    p,
		Mode:    e.Mode,
		ModTime: epoch,
		Format:  tar.FormatPAX,
	}
	switch {
	case e.Dir:
		h.Typeflag = tar.TypeDir
		h.Name = p + "/"
		h.Mode = orDefault(e.Mode, defaultDirMode)
	case e.Link != "":
		h.Typeflag = tar.TypeSymlink
		h.Linkname = e.Link
		h.Mode = linkMode
	default:
		h.Typeflag = tar.TypeReg
		h.Size = int64(len(e.Data))
		h.Mode = orDefault(e.Mode, defaultFileMode)
	}
	return h
}

func orDefault(mode, def int64) int64 {
	if mode == 0 {
		return int64(def)
	}
	return mode
}
