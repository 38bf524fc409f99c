package pause

import (
	"errors"
	"fmt"

	"github.com/podrun/podrun/internal/imagetar"
)

// LabelImage marks the images podrun builds itself (plan.LabelPrefix + "image"); the pause
// image carries LabelImage=pause.
const LabelImage = "dev.podrun.image"

// Path is where the executable sits in the image, and the image's entrypoint.
const Path = "/pause"

// MessageDir holds empty termination-message files, "0-0" … "<MessageFiles-1>-0" (mode 0666), one
// per container index of a pod's first instances. A fresh volume mounted there by the sandbox
// receives them from the image when the sandbox is created (the engine's copy of image content
// into an empty volume), so the kubelet's per-instance message files (§3.4) cost podrun no copy
// before the pod's first containers start.
const (
	MessageDir   = "/.podrun/termination"
	MessageFiles = 64
)

// EmptyDirRoots holds empty directories "0" … "<EmptyDirRootCount-1>" of mode 0777. A fresh
// volume the sandbox also mounts at one of them takes that mode from the image (the engine
// copies a mount point's mode and owner into an empty volume), so an emptyDir's root gets the
// kubelet's 0777 (§9.2) with no copy before the pod's first container starts.
const (
	EmptyDirRoots     = "/.podrun/empty-dir-roots"
	EmptyDirRootCount = 32
)

// layout names what the image holds besides the program; it is part of Ref's hash.
const layout = "message-files-v1,empty-dir-roots-v1"

// ErrUnsupportedArch is returned for an architecture with no pause program.
var ErrUnsupportedArch = errors.New("no pause program for this architecture")

// executables are the programs by GOARCH.
var executables = map[string]elfFile{
	"amd64": {machine: emX86_64, align: 0x1000, program: amd64Program},
	"arm64": {machine: emAArch64, align: 0x10000, program: arm64Program},
}

// Binary returns the pause executable for linux/arch; arch is a GOARCH or what Docker's
// Info.Architecture reports (x86_64, aarch64).
func Binary(arch string) ([]byte, error) {
	goarch, _ := imagetar.Arch(arch)
	f, ok := executables[goarch]
	if !ok {
		return nil, fmt.Errorf("pause binary for %q: %w", arch, ErrUnsupportedArch)
	}
	b, err := f.build()
	if err != nil {
		return nil, fmt.Errorf("pause binary for %q: %w", goarch, err)
	}
	return b, nil
}

// Tar returns the pause image archive for linux/arch, tagged Ref, for the engine's ImageLoad.
// Like registry.k8s.io/pause it runs as 65535:65535: the program needs no privilege.
func Tar(arch string) ([]byte, error) {
	bin, err := Binary(arch)
	if err != nil {
		return nil, err
	}
	entries := []imagetar.Entry{{Path: Path, Mode: 0o755, Data: bin}, {Path: MessageDir, Mode: 0o755, Dir: true}}
	for i := range MessageFiles {
		entries = append(entries, imagetar.Entry{Path: fmt.Sprintf("%s/%d-0", MessageDir, i), Mode: 0o666})
	}
	entries = append(entries, imagetar.Entry{Path: EmptyDirRoots, Mode: 0o755, Dir: true})
	for i := range EmptyDirRootCount {
		entries = append(entries, imagetar.Entry{Path: fmt.Sprintf("%s/%d", EmptyDirRoots, i), Mode: 0o777, Dir: true})
	}
	cfg := imagetar.Config{
		Entrypoint: []string{Path},
		Labels:     map[string]string{LabelImage: "pause"},
		User:       "65535:65535",
	}
	return imagetar.Build(Ref, arch, entries, cfg)
}
