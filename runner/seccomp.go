package runner

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/docker/docker/api/types/container"
	"github.com/podrun/podrun/plan"
)

// A Localhost seccomp profile is a file on the node, named relative to the kubelet's seccomp
// directory (§11). The plan writes it as the engine option seccomp=<path>; the engine API wants
// the profile's JSON instead (the docker CLI reads such files on the client side), so the runner
// reads each profile once, before any container exists, and inlines it.

const seccompPrefix = "seccomp="

// ErrRemoteSeccompProfile refuses a Localhost seccomp profile on a remote engine: the profile
// belongs to the node, the engine's machine, whose files podrun cannot read.
var ErrRemoteSeccompProfile = errors.New("a Localhost seccomp profile is a file on the engine's machine, which podrun cannot read when the engine is remote")

// seccompProfiles reads every Localhost profile the plan's containers name and returns each
// one's JSON by the path the plan wrote.
func seccompProfiles(p *plan.Plan, opts Options) (map[string]string, error) {
	profiles := map[string]string{}
	for _, c := range slices.Concat(p.Init, p.Containers) {
		if c.Host == nil {
			continue
		}
		for _, opt := range c.Host.SecurityOpt {
			name, ok := localhostProfile(opt)
			if !ok {
				continue
			}
			if _, done := profiles[name]; done {
				continue
			}
			data, err := readSeccompProfile(name, opts)
			if err != nil {
				return nil, fmt.Errorf("read seccomp profile %q of container %q: %w", name, c.Name, err)
			}
			profiles[name] = data
		}
	}
	return profiles, nil
}

// localhostProfile tells a seccomp option that names a profile file from the engine's own
// values: unconfined, and a profile already given as JSON.
func localhostProfile(opt string) (string, bool) {
	v, ok := strings.CutPrefix(opt, seccompPrefix)
	if !ok || v == "unconfined" || v == "" || strings.HasPrefix(strings.TrimSpace(v), "{") {
		return "", false
	}
	return v, true
}

// readSeccompProfile reads a profile: a relative path is taken from Options.SeccompProfileRoot
// (the kubelet's <root-dir>/seccomp), else from the working directory.
func readSeccompProfile(name string, opts Options) (string, error) {
	if !opts.LocalEngine {
		return "", ErrRemoteSeccompProfile
	}
	path := name
	if !filepath.IsAbs(path) && opts.SeccompProfileRoot != "" {
		path = filepath.Join(opts.SeccompProfileRoot, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	if !json.Valid(data) {
		return "", fmt.Errorf("%s is not a JSON seccomp profile", path)
	}
	return string(data), nil
}

// inlineSeccomp returns host with every Localhost profile replaced by its JSON; host itself is
// not modified.
func inlineSeccomp(host *container.HostConfig, profiles map[string]string) *container.HostConfig {
	if host == nil || len(profiles) == 0 {
		return host
	}
	out := *host
	out.SecurityOpt = slices.Clone(host.SecurityOpt)
	for i, opt := range out.SecurityOpt {
		if name, ok := localhostProfile(opt); ok {
			if data, found := profiles[name]; found {
				out.SecurityOpt[i] = seccompPrefix + data
			}
		}
	}
	return &out
}
