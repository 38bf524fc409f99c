package imagetar

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// manifestEntry is one image in manifest.json, the index `docker load` reads first.
type manifestEntry struct {
	Config   string   `json:"Config"`
	RepoTags []string `json:"RepoTags"`
	Layers   []string `json:"Layers"`
}

const manifestName = "manifest.json"

// Build returns an image archive tagged ref (name:tag) for linux/arch, whose single layer holds
// entries and whose config is cfg. arch may be a GOARCH or a uname name (x86_64, aarch64).
// The same arguments always give the same bytes, and so the same image ID.
func Build(ref, arch string, entries []Entry, cfg Config) ([]byte, error) {
	goarch, err := Arch(arch)
	if err != nil {
		return nil, fmt.Errorf("build image %q: %w", ref, err)
	}
	if err := checkRef(ref); err != nil {
		return nil, fmt.Errorf("build image: %w", err)
	}
	layer, err := layerTar(entries)
	if err != nil {
		return nil, fmt.Errorf("build image %q: %w", ref, err)
	}
	diffID := sha256Hex(layer)
	config, err := configJSON(goarch, cfg, []string{"sha256:" + diffID})
	if err != nil {
		return nil, fmt.Errorf("build image %q: %w", ref, err)
	}
	// The names follow `docker save` on Engine 20.10: <config digest>.json, <layer>/layer.tar.
	configName := sha256Hex(config) + ".json"
	layerName := diffID + "/layer.tar"
	manifest, err := json.Marshal([]manifestEntry{{
		Config:   configName,
		RepoTags: []string{ref},
		Layers:   []string{layerName},
	}})
	if err != nil {
		return nil, fmt.Errorf("build image %q: encode manifest: %w", ref, err)
	}
	return archive([]archiveFile{
		{name: diffID, dir: true},
		{name: layerName, data: layer},
		{name: configName, data: config},
		{name: manifestName, data: manifest},
	})
}

type archiveFile struct {
	name string
	data []byte
	dir  bool
}

// archive writes the outer tar in the given order, with the same fixed metadata as the layer.
func archive(files []archiveFile) ([]byte, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, f := range files {
		h := header(f.name, Entry{Data: f.data, Dir: f.dir})
		if err := tw.WriteHeader(h); err != nil {
			return nil, fmt.Errorf("write %q: %w", f.name, err)
		}
		if _, err := tw.Write(f.data); err != nil {
			return nil, fmt.Errorf("write %q: %w", f.name, err)
		}
	}
	if err := tw.Close(); err != nil {
		return nil, fmt.Errorf("close archive: %w", err)
	}
	return buf.Bytes(), nil
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
