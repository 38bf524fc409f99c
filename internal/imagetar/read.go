package imagetar

import (
	"archive/tar"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Image is what an archive from Build says about its image, as the engine will see it.
type Image struct {
	ID           string // "sha256:…" of the config JSON: the image ID on the classic image store
	RepoTags     []string
	Architecture string
	OS           string
	DiffIDs      []string // "sha256:…" of each uncompressed layer
	Config       Config
	Entries      []Entry // the layer's contents in archive order, paths relative to the root
}

// Read parses an archive written by Build (one image, one layer) and checks what `docker load`
// checks: the files manifest.json names exist and each layer's digest is its config's diff_id.
func Read(archive []byte) (Image, error) {
	files, err := untar(archive)
	if err != nil {
		return Image{}, fmt.Errorf("read image archive: %w", err)
	}
	var manifest []manifestEntry
	if err := json.Unmarshal(files[manifestName], &manifest); err != nil {
		return Image{}, fmt.Errorf("read image archive: %s: %w", manifestName, err)
	}
	if len(manifest) != 1 {
		return Image{}, fmt.Errorf("read image archive: %d images, want 1", len(manifest))
	}
	m := manifest[0]
	configJSON, ok := files[m.Config]
	if !ok {
		return Image{}, fmt.Errorf("read image archive: config %q missing", m.Config)
	}
	var c imageConfig
	if err := json.Unmarshal(configJSON, &c); err != nil {
		return Image{}, fmt.Errorf("read image archive: config: %w", err)
	}
	if len(m.Layers) != 1 || len(c.RootFS.DiffIDs) != 1 {
		return Image{}, fmt.Errorf("read image archive: %d layers and %d diff_ids, want 1",
			len(m.Layers), len(c.RootFS.DiffIDs))
	}
	layer, ok := files[m.Layers[0]]
	if !ok {
		return Image{}, fmt.Errorf("read image archive: layer %q missing", m.Layers[0])
	}
	if got := "sha256:" + sha256Hex(layer); got != c.RootFS.DiffIDs[0] {
		return Image{}, fmt.Errorf("read image archive: layer digest %s, config says %s", got, c.RootFS.DiffIDs[0])
	}
	entries, err := layerEntries(layer)
	if err != nil {
		return Image{}, fmt.Errorf("read image archive: layer: %w", err)
	}
	return Image{
		ID:           "sha256:" + sha256Hex(configJSON),
		RepoTags:     m.RepoTags,
		Architecture: c.Architecture,
		OS:           c.OS,
		DiffIDs:      c.RootFS.DiffIDs,
		Config:       c.runConfig(),
		Entries:      entries,
	}, nil
}

// untar returns the regular files of a tar by name.
func untar(b []byte) (map[string][]byte, error) {
	files := map[string][]byte{}
	tr := tar.NewReader(bytes.NewReader(b))
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return files, nil
		}
		if err != nil {
			return nil, err
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", h.Name, err)
		}
		files[h.Name] = data
	}
}

func layerEntries(b []byte) ([]Entry, error) {
	var entries []Entry
	tr := tar.NewReader(bytes.NewReader(b))
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return entries, nil
		}
		if err != nil {
			return nil, err
		}
		e := Entry{Path: strings.TrimSuffix(h.Name, "/"), Mode: h.Mode}
		switch h.Typeflag {
		case tar.TypeDir:
			e.Dir = true
		case tar.TypeSymlink:
			e.Link = h.Linkname
		case tar.TypeReg:
			if e.Data, err = io.ReadAll(tr); err != nil {
				return nil, fmt.Errorf("%s: %w", h.Name, err)
			}
			if len(e.Data) == 0 {
				e.Data = nil // as Build's callers write an empty file
			}
		default:
			return nil, fmt.Errorf("%s: unexpected tar type %q", h.Name, h.Typeflag)
		}
		entries = append(entries, e)
	}
}
