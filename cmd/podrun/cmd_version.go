package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

// versionInfo is `podrun version -o json`.
type versionInfo struct {
	Podrun struct {
		Version string `json:"version"`
		Go      string `json:"go"`
		OS      string `json:"os"`
		Arch    string `json:"arch"`
	} `json:"podrun"`
	Engine *engineVersion `json:"engine,omitempty"`
}

type engineVersion struct {
	Host       string `json:"host"`
	Version    string `json:"version"`
	APIVersion string `json:"apiVersion"`
	MinAPI     string `json:"minAPIVersion"`
	// ClientAPI is the API version podrun negotiated with the engine.
	ClientAPI string `json:"clientAPIVersion"`
	OS        string `json:"os"`
	Arch      string `json:"arch"`
}

func versionCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print podrun's version and the Docker engine's version and API",
		Description: `Prints podrun's version, then the engine it would use (chosen as the docker CLI chooses:
--host, --context, DOCKER_HOST, DOCKER_CONTEXT, the current docker context) with its version
and the API version podrun negotiated. Exits 125 when no engine answers, after printing
podrun's own version.

Example:
   podrun version
   podrun --context remote version -o json`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "text", Usage: "text or json"},
		},
		Action: func(c *cli.Context) error {
			out := c.String("output")
			if out != "text" && out != "json" {
				return inputError{fmt.Errorf("--output %q: expected text or json", out)}
			}
			var v versionInfo
			v.Podrun.Version, v.Podrun.Go, v.Podrun.OS, v.Podrun.Arch = podrunVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH
			var engineErr error
			if cli, err := connect(c.Context, e); err != nil {
				engineErr = err
			} else {
				defer cli.Close()
				sv, err := cli.ServerVersion(c.Context)
				if err != nil {
					engineErr = fmt.Errorf("engine version: %w", err)
				} else {
					v.Engine = &engineVersion{
						Host: cli.DaemonHost(), Version: sv.Version, APIVersion: sv.APIVersion, MinAPI: sv.MinAPIVersion,
						ClientAPI: cli.ClientVersion(), OS: sv.Os, Arch: sv.Arch,
					}
				}
			}
			if out == "json" {
				data, err := json.MarshalIndent(v, "", "  ")
				if err != nil {
					return err
				}
				fmt.Fprintln(e.stdout, string(data))
				return engineErr
			}
			fmt.Fprintf(e.stdout, "podrun:  %s (%s, %s/%s)\n", v.Podrun.Version, v.Podrun.Go, v.Podrun.OS, v.Podrun.Arch)
			if en := v.Engine; en != nil {
				fmt.Fprintf(e.stdout, "engine:  %s (API %s, minimum %s), %s/%s at %s\n", en.Version, en.APIVersion, en.MinAPI, en.OS, en.Arch, en.Host)
				fmt.Fprintf(e.stdout, "API:     %s (negotiated)\n", en.ClientAPI)
			}
			return engineErr
		},
	}
}

// podrunVersion is the version set at build time, else the module version `go install` records.
func podrunVersion() string {
	if version != "dev" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return version
}
