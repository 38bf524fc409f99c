package imagetar

import (
	"encoding/json"
	"fmt"
)

// Config is what a container created from the image starts with, unless the create call
// overrides it (Kubernetes' command → Entrypoint, args → Cmd).
type Config struct {
	Entrypoint, Cmd, Env []string
	Labels               map[string]string
	WorkingDir           string
	User                 string // "uid[:gid]" or a name from the image's /etc/passwd; "" is root
}

// createdAt is the creation time written into the config: the epoch, as ko and Bazel's image
// rules do, because a real clock would make every build a different image.
const createdAt = "1970-01-01T00:00:00Z"

// imageConfig is the image config JSON (the Docker image spec v1.2, a superset of OCI's):
// its SHA-256 is the image ID, so its field order is fixed here and maps are sorted by
// encoding/json.
type imageConfig struct {
	Architecture string    `json:"architecture"`
	OS           string    `json:"os"`
	Created      string    `json:"created"`
	Config       runConfig `json:"config"`
	RootFS       rootFS    `json:"rootfs"`
	History      []history `json:"history"`
}

type runConfig struct {
	User       string            `json:"User,omitempty"`
	Env        []string          `json:"Env,omitempty"`
	Entrypoint []string          `json:"Entrypoint,omitempty"`
	Cmd        []string          `json:"Cmd,omitempty"`
	WorkingDir string            `json:"WorkingDir,omitempty"`
	Labels     map[string]string `json:"Labels,omitempty"`
}

type rootFS struct {
	Type    string   `json:"type"`
	DiffIDs []string `json:"diff_ids"`
}

type history struct {
	Created   string `json:"created"`
	CreatedBy string `json:"created_by"`
}

// historyCreatedBy is what `docker history` shows for the single layer.
const historyCreatedBy = "podrun imagetar: one layer built from Go"

func configJSON(arch string, cfg Config, diffIDs []string) ([]byte, error) {
	c := imageConfig{
		Architecture: arch,
		OS:           "linux",
		Created:      createdAt,
		Config: runConfig{
			User:       cfg.User,
			Env:        cfg.Env,
			Entrypoint: cfg.Entrypoint,
			Cmd:        cfg.Cmd,
			WorkingDir: cfg.WorkingDir,
			Labels:     cfg.Labels,
		},
		RootFS:  rootFS{Type: "layers", DiffIDs: diffIDs},
		History: []history{{Created: createdAt, CreatedBy: historyCreatedBy}},
	}
	b, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("encode image config: %w", err)
	}
	return b, nil
}

func (c imageConfig) runConfig() Config {
	return Config{
		Entrypoint: c.Config.Entrypoint,
		Cmd:        c.Config.Cmd,
		Env:        c.Config.Env,
		Labels:     c.Config.Labels,
		WorkingDir: c.Config.WorkingDir,
		User:       c.Config.User,
	}
}
