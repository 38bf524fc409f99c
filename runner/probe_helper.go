package runner

import (
	"archive/tar"
	"context"
	"debug/elf"
	"fmt"
	"io"
	"os"
	"path"
	"slices"

	"github.com/docker/docker/api/types/container"

	"github.com/podrun/podrun/internal/imagetar"
	"github.com/podrun/podrun/plan"
)

// The kubelet sends network probes and httpGet hooks from the node to the pod IP (§5, §6.3).
// podrun's host may not reach the pod IP (Docker Desktop's VM, a remote engine), so podrun
// copies its own executable into the sandbox and runs each of them there as an exec
// (`podrun __probe …`, package probe): the sandbox's network namespace is the pod's, and the
// request still goes to the pod IP. That needs an executable the engine's containers can run —
// a static Linux build for the engine's architecture, as `make build` makes. Otherwise the
// requests leave from podrun's own host, as before.

// helperPath is where the sandbox holds podrun's executable. The pause image is FROM scratch
// and runs as 65535: the file is world-executable, in world-readable directories.
const helperPath = "/.podrun/bin/podrun"

// needsNetProber says whether any container has a network probe or an httpGet hook.
func needsNetProber(p *plan.Plan) bool {
	for _, c := range slices.Concat(p.Init, p.Containers) {
		hs := []*plan.Handler{c.PostStart, c.PreStop}
		if ps := c.Probes; ps != nil {
			for _, pr := range []*plan.Probe{ps.Startup, ps.Liveness, ps.Readiness} {
				if pr != nil {
					hs = append(hs, &pr.Handler)
				}
			}
		}
		for _, h := range hs {
			if h != nil && (h.HTTPGet != nil || h.TCPSocket != nil || h.GRPC != nil) {
				return true
			}
		}
	}
	return false
}

// elfMachines are the ELF machines of the architectures podrun can be built for.
var elfMachines = map[string]elf.Machine{
	"amd64":   elf.EM_X86_64,
	"arm64":   elf.EM_AARCH64,
	"386":     elf.EM_386,
	"arm":     elf.EM_ARM,
	"ppc64le": elf.EM_PPC64,
	"s390x":   elf.EM_S390,
	"riscv64": elf.EM_RISCV,
}

// helperUnfit says why the executable in r cannot run in the engine's containers (engineOS and
// engineArch as Info reports them), "" when it can: a Linux ELF for the engine's machine, with
// no program interpreter (static: the pause image has no libc).
func helperUnfit(r io.ReaderAt, engineOS, engineArch string) string {
	if engineOS != "" && engineOS != "linux" {
		return fmt.Sprintf("the engine runs %s containers", engineOS)
	}
	f, err := elf.NewFile(r)
	if err != nil {
		return "podrun is not a Linux executable"
	}
	if f.OSABI != elf.ELFOSABI_NONE && f.OSABI != elf.ELFOSABI_LINUX {
		return "podrun is not a Linux executable"
	}
	arch, err := imagetar.Arch(engineArch)
	if want, ok := elfMachines[arch]; err != nil || !ok || f.Machine != want {
		return fmt.Sprintf("podrun is built for %s, the engine runs %s", f.Machine, engineArch)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			return "podrun is dynamically linked (build it with CGO_ENABLED=0, as make build does)"
		}
	}
	return ""
}

// installProbeHelper copies the executable at exe into the sandbox as helperPath when it can
// run there, and says why not otherwise ("" when installed). A copy that fails is a reason to
// fall back, not an error: the host prober still works where the pod IP is reachable.
func installProbeHelper(ctx context.Context, eng Engine, sandboxID, exe string) string {
	if exe == "" {
		return "podrun's executable is unknown"
	}
	f, err := os.Open(exe)
	if err != nil {
		return fmt.Sprintf("read podrun's executable: %v", err)
	}
	defer f.Close()
	info, err := eng.Info(ctx)
	if err != nil {
		return fmt.Sprintf("engine info: %v", err)
	}
	if why := helperUnfit(f, info.OSType, info.Architecture); why != "" {
		return why
	}
	st, err := f.Stat()
	if err != nil {
		return fmt.Sprintf("read podrun's executable: %v", err)
	}
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(writeHelperTar(pw, io.NewSectionReader(f, 0, st.Size()), st.Size())) }()
	err = eng.CopyToContainer(ctx, sandboxID, "/", pr, container.CopyToContainerOptions{})
	pr.CloseWithError(err) // ends the writer if the engine stopped reading
	if err != nil {
		return fmt.Sprintf("copy podrun into the sandbox: %v", err)
	}
	return ""
}

// writeHelperTar streams a tar of helperPath's directories and the executable, root-owned and
// world-executable, without holding the executable in memory.
func writeHelperTar(w io.Writer, exe io.Reader, size int64) error {
	tw := tar.NewWriter(w)
	for _, d := range []string{path.Dir(path.Dir(helperPath)), path.Dir(helperPath)} {
		if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: d[1:] + "/", Mode: 0o755}); err != nil {
			return err
		}
	}
	if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: helperPath[1:], Mode: 0o755, Size: size}); err != nil {
		return err
	}
	if _, err := io.Copy(tw, exe); err != nil {
		return err
	}
	return tw.Close()
}
