package main

import (
	"bytes"
	"debug/elf"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"

	"github.com/podrun/podrun/internal/imagetar"
	"github.com/podrun/podrun/internal/pause"
)

// BusyboxRef is the image examples and tests run.
const BusyboxRef = "podrun/busybox:local"

const busyboxInImage = "/bin/busybox"

// pathEnv is the PATH of Debian and of the official busybox image, where --list-full puts applets.
const pathEnv = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

// The accounts images are expected to have: root, and nobody at 65534, whose group also goes
// by Debian's and the official busybox image's name, nogroup.
const (
	passwd = "root:x:0:0:root:/root:/bin/sh\n" +
		"nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n"
	group = "root:x:0:\n" +
		"nobody:x:65534:\n" +
		"nogroup:x:65534:\n"
)

// busyboxImage builds podrun/busybox:local from the static busybox at path: /bin/busybox, a
// symlink per applet at the place busybox itself installs it, /tmp, /root, and /etc/passwd and
// /etc/group. It refuses a busybox the engine cannot run (dynamic, or another architecture).
func busyboxImage(path, engineArch string) ([]byte, error) {
	bin, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read busybox: %w (install Debian's busybox-static, or set BUSYBOX)", err)
	}
	arch, err := staticArch(bin)
	if err != nil {
		return nil, fmt.Errorf("busybox %s: %w", path, err)
	}
	if want, _ := imagetar.Arch(engineArch); arch != want {
		return nil, fmt.Errorf("busybox %s is for %s, the engine runs %s", path, arch, engineArch)
	}
	applets, err := appletPaths(path)
	if err != nil {
		return nil, err
	}
	entries := []imagetar.Entry{
		{Path: busyboxInImage, Mode: 0o755, Data: bin},
		{Path: "/tmp", Dir: true, Mode: 0o1777},
		{Path: "/root", Dir: true, Mode: 0o700},
		{Path: "/etc/passwd", Mode: 0o644, Data: []byte(passwd)},
		{Path: "/etc/group", Mode: 0o644, Data: []byte(group)},
	}
	for _, a := range applets {
		entries = append(entries, imagetar.Entry{Path: a, Link: busyboxInImage})
	}
	cfg := imagetar.Config{
		Cmd:    []string{"sh"},
		Env:    []string{pathEnv},
		Labels: map[string]string{pause.LabelImage: "busybox"},
	}
	return imagetar.Build(BusyboxRef, arch, entries, cfg)
}

// staticArch returns the GOARCH of an ELF executable with no program interpreter.
func staticArch(bin []byte) (string, error) {
	f, err := elf.NewFile(bytes.NewReader(bin))
	if err != nil {
		return "", fmt.Errorf("not an ELF executable: %w", err)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			return "", fmt.Errorf("dynamically linked: install Debian's busybox-static")
		}
	}
	arch, ok := map[elf.Machine]string{
		elf.EM_X86_64:  "amd64",
		elf.EM_AARCH64: "arm64",
		elf.EM_386:     "386",
		elf.EM_ARM:     "arm",
		elf.EM_PPC64:   "ppc64le",
		elf.EM_S390:    "s390x",
		elf.EM_RISCV:   "riscv64",
	}[f.Machine]
	if !ok {
		return "", fmt.Errorf("unsupported machine %v", f.Machine)
	}
	return arch, nil
}

// appletPaths asks busybox where its applets go (--list-full: "bin/sh", "usr/bin/wget"),
// falling back to /bin/<applet> for builds without that option. /bin/sh is always there.
func appletPaths(path string) ([]string, error) {
	lines, err := busyboxOutput(path, "--list-full")
	if err != nil {
		if lines, err = busyboxOutput(path, "--list"); err != nil {
			return nil, err
		}
		for i, l := range lines {
			lines[i] = "bin/" + l
		}
	}
	seen := map[string]bool{strings.TrimPrefix(busyboxInImage, "/"): true}
	paths := []string{"/bin/sh"}
	seen["bin/sh"] = true
	for _, l := range lines {
		if !seen[l] {
			seen[l] = true
			paths = append(paths, "/"+l)
		}
	}
	sort.Strings(paths)
	return paths, nil
}

func busyboxOutput(path string, arg string) ([]string, error) {
	out, err := exec.Command(path, arg).Output()
	if err != nil {
		return nil, fmt.Errorf("list busybox applets: %s %s: %w", path, arg, err)
	}
	return strings.Fields(string(out)), nil
}
