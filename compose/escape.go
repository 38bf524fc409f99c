package compose

import (
	"strings"

	"github.com/podrun/podrun/plan"
)

// escape doubles every "$": compose interpolates $VAR and ${VAR} in every string value (and
// refuses "$(" as an invalid interpolation), but the plan's strings are final — podrun has
// already expanded $(VAR) by the kubelet's rules (§8), and a shell's "$page" must reach the
// container as it is.
func escape(s string) string { return strings.ReplaceAll(s, "$", "$$") }

func escapeAll(in []string) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = escape(s)
	}
	return out
}

func escapeMap(in map[string]string) map[string]string {
	if in == nil {
		return nil
	}
	out := make(map[string]string, len(in))
	for k, v := range in {
		out[k] = escape(v)
	}
	return out
}

// escapeService escapes every string compose would interpolate.
func escapeService(s service) service {
	s.Entrypoint = escapeAll(s.Entrypoint)
	s.Command = escapeAll(s.Command)
	s.Environment = escapeAll(s.Environment)
	s.WorkingDir = escape(s.WorkingDir)
	s.User = escape(s.User)
	s.Hostname = escape(s.Hostname)
	s.Volumes = escapeAll(s.Volumes)
	s.Labels = escapeMap(s.Labels)
	s.Sysctls = escapeMap(s.Sysctls)
	return s
}

// contentFiles counts the files of a volume, not the directories and symlinks of the kubelet's
// atomic layout (..data → ..<timestamp>) or the root's mode.
func contentFiles(files []plan.File) int {
	n := 0
	for _, f := range files {
		if !f.Dir && f.Link == "" && f.Path != "." {
			n++
		}
	}
	return n
}
