package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/docker/docker/client"
)

// engineFlags are the global --host and --context flags (docker's -H and -c).
type engineFlags struct {
	host    string
	context string
}

// endpoint is the engine podrun will talk to, and where that choice came from, so an engine
// that does not answer can be named with the reason it was chosen.
type endpoint struct {
	Host string
	// Source says why this host: "--host", "DOCKER_HOST", `context "x" (--context)`, …
	Source string
	// FromEnv: TLS settings come from DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, as for the docker
	// CLI's default context. Otherwise TLS comes from the context's store (TLS below).
	FromEnv bool
	TLS     *contextTLS
}

// contextTLS is a context's TLS material, as `docker context create --docker …,ca=,cert=,key=`
// stores it (files under contexts/tls/<id>/docker/).
type contextTLS struct {
	CAFile, CertFile, KeyFile string
	SkipVerify                bool
}

// dockerEnv is what endpoint resolution reads of the process environment.
type dockerEnv struct {
	Getenv    func(string) string
	ConfigDir string // DOCKER_CONFIG, or ~/.docker
}

func osDockerEnv() dockerEnv {
	dir := os.Getenv("DOCKER_CONFIG")
	if dir == "" {
		if home, err := os.UserHomeDir(); err == nil {
			dir = filepath.Join(home, ".docker")
		}
	}
	return dockerEnv{Getenv: os.Getenv, ConfigDir: dir}
}

// resolveEndpoint chooses the engine the way the docker CLI does (cli/command/cli.go,
// resolveContextName): --context, then --host, then DOCKER_HOST, then DOCKER_CONTEXT, then the
// config file's currentContext (`docker context use`), then the default socket. The context
// named "default" is the environment's DOCKER_HOST/TLS settings, as in the CLI.
func resolveEndpoint(f engineFlags, env dockerEnv) (endpoint, error) {
	if f.host != "" && f.context != "" {
		return endpoint{}, inputError{errors.New("conflicting options: either specify --host or --context, not both")}
	}
	switch {
	case f.context != "":
		return contextEndpoint(f.context, "--context", env)
	case f.host != "":
		return endpoint{Host: f.host, Source: "--host", FromEnv: true}, nil
	case env.Getenv(client.EnvOverrideHost) != "":
		return endpoint{Host: env.Getenv(client.EnvOverrideHost), Source: "DOCKER_HOST", FromEnv: true}, nil
	case env.Getenv("DOCKER_CONTEXT") != "":
		return contextEndpoint(env.Getenv("DOCKER_CONTEXT"), "DOCKER_CONTEXT", env)
	}
	current, err := currentContext(env.ConfigDir)
	if err != nil {
		return endpoint{}, err
	}
	if current != "" {
		return contextEndpoint(current, "currentContext in "+filepath.Join(env.ConfigDir, "config.json"), env)
	}
	return endpoint{Host: client.DefaultDockerHost, Source: "the default socket (no DOCKER_HOST, no docker context)", FromEnv: true}, nil
}

// currentContext reads currentContext from the docker CLI's config.json; a missing file means
// none was chosen.
func currentContext(configDir string) (string, error) {
	if configDir == "" {
		return "", nil
	}
	path := filepath.Join(configDir, "config.json")
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read docker config: %w", err)
	}
	var cfg struct {
		CurrentContext string `json:"currentContext"`
	}
	if err := json.Unmarshal(data, &cfg); err != nil {
		return "", fmt.Errorf("read docker config %s: %w", path, err)
	}
	return cfg.CurrentContext, nil
}

// contextMeta is a context's meta.json in the docker CLI's store
// (contexts/meta/<sha256 of the name>/meta.json).
type contextMeta struct {
	Name      string `json:"Name"`
	Endpoints map[string]struct {
		Host          string `json:"Host"`
		SkipTLSVerify bool   `json:"SkipTLSVerify"`
	} `json:"Endpoints"`
}

// contextEndpoint reads the docker endpoint of a named context from the CLI's context store.
func contextEndpoint(name, why string, env dockerEnv) (endpoint, error) {
	source := fmt.Sprintf("context %q (%s)", name, why)
	if name == "default" {
		// The default context is not stored: it is DOCKER_HOST or the default socket.
		host := env.Getenv(client.EnvOverrideHost)
		if host == "" {
			host = client.DefaultDockerHost
		}
		return endpoint{Host: host, Source: source, FromEnv: true}, nil
	}
	id := contextID(name)
	metaPath := filepath.Join(env.ConfigDir, "contexts", "meta", id, "meta.json")
	data, err := os.ReadFile(metaPath)
	if errors.Is(err, fs.ErrNotExist) {
		return endpoint{}, fmt.Errorf("docker context %q (%s) not found: no %s (docker context ls lists them)", name, why, metaPath)
	}
	if err != nil {
		return endpoint{}, fmt.Errorf("docker context %q: %w", name, err)
	}
	var meta contextMeta
	if err := json.Unmarshal(data, &meta); err != nil {
		return endpoint{}, fmt.Errorf("docker context %q: read %s: %w", name, metaPath, err)
	}
	ep, ok := meta.Endpoints["docker"]
	if !ok || ep.Host == "" {
		return endpoint{}, fmt.Errorf("docker context %q (%s) has no docker endpoint", name, why)
	}
	out := endpoint{Host: ep.Host, Source: source}
	tlsDir := filepath.Join(env.ConfigDir, "contexts", "tls", id, "docker")
	t := &contextTLS{SkipVerify: ep.SkipTLSVerify}
	for file, dst := range map[string]*string{"ca.pem": &t.CAFile, "cert.pem": &t.CertFile, "key.pem": &t.KeyFile} {
		p := filepath.Join(tlsDir, file)
		if _, err := os.Stat(p); err == nil {
			*dst = p
		}
	}
	if t.CAFile != "" || t.CertFile != "" || t.SkipVerify {
		out.TLS = t
	}
	return out, nil
}

// contextID is the directory name the docker CLI's store gives a context: the hex SHA-256 of
// its name (cli/context/store: contextdirOf).
func contextID(name string) string {
	sum := sha256.Sum256([]byte(name))
	return hex.EncodeToString(sum[:])
}
