package imagetar

import "fmt"

// archAliases maps the names an architecture goes by to the GOARCH name image configs use:
// Docker's Info.Architecture reports uname's machine ("x86_64", "aarch64"), while image configs
// and platforms use Go's names ("amd64", "arm64").
var archAliases = map[string]string{
	"amd64":   "amd64",
	"x86_64":  "amd64",
	"x86-64":  "amd64",
	"arm64":   "arm64",
	"aarch64": "arm64",
	"386":     "386",
	"i386":    "386",
	"i686":    "386",
	"arm":     "arm",
	"armv7l":  "arm",
	"ppc64le": "ppc64le",
	"s390x":   "s390x",
	"riscv64": "riscv64",
}

// Arch returns the image-config name (GOARCH) for an architecture named either way.
func Arch(name string) (string, error) {
	if a, ok := archAliases[name]; ok {
		return a, nil
	}
	return "", fmt.Errorf("unknown architecture %q", name)
}
