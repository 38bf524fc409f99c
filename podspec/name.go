package podspec

import (
	"path/filepath"
	"strings"
)

// nameFromFile derives a pod name for a bare PodSpec from the file it came from: the base name
// without its extension, made a DNS-1123 label (lower case, [a-z0-9-], ≤ 63 characters, starting
// and ending alphanumeric), as metadata.name must be. Stdin or nothing usable gives "pod".
func nameFromFile(file string) string {
	if file == "-" || file == "" {
		return "pod"
	}
	base := filepath.Base(file)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(base) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	name := b.String()
	if len(name) > 63 {
		name = name[:63]
	}
	name = strings.Trim(name, "-")
	if name == "" {
		return "pod"
	}
	return name
}
