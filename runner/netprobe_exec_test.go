package runner

import (
	"archive/tar"
	"bytes"
	"context"
	"debug/elf"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docker/docker/api/types/container"

	"github.com/podrun/podrun/plan"
)

// fakeELF is the smallest 64-bit little-endian ELF executable header debug/elf reads: one
// program header, PT_INTERP when dynamic (what a cgo build has), else PT_LOAD.
func fakeELF(machine elf.Machine, dynamic bool) []byte {
	var b bytes.Buffer
	ident := [16]byte{0x7f, 'E', 'L', 'F', byte(elf.ELFCLASS64), byte(elf.ELFDATA2LSB), byte(elf.EV_CURRENT), byte(elf.ELFOSABI_NONE)}
	b.Write(ident[:])
	le := binary.LittleEndian
	hdr := []any{uint16(elf.ET_EXEC), uint16(machine), uint32(elf.EV_CURRENT), uint64(0x401000),
		uint64(64), uint64(0), uint32(0), uint16(64), uint16(56), uint16(1), uint16(64), uint16(0), uint16(0)}
	for _, v := range hdr {
		_ = binary.Write(&b, le, v)
	}
	typ := elf.PT_LOAD
	if dynamic {
		typ = elf.PT_INTERP
	}
	for _, v := range []any{uint32(typ), uint32(elf.PF_R), uint64(0), uint64(0), uint64(0), uint64(0), uint64(0), uint64(0)} {
		_ = binary.Write(&b, le, v)
	}
	return b.Bytes()
}

func TestHelperUnfit(t *testing.T) {
	static, dynamic := fakeELF(elf.EM_X86_64, false), fakeELF(elf.EM_X86_64, true)
	for _, tc := range []struct {
		name       string
		exe        []byte
		os, arch   string
		wantReason string // "" when the executable can run in the engine's containers
	}{
		{"static amd64 on x86_64", static, "linux", "x86_64", ""},
		{"static arm64 on aarch64", fakeELF(elf.EM_AARCH64, false), "linux", "aarch64", ""},
		{"dynamic (cgo) build", dynamic, "linux", "x86_64", "dynamically linked"},
		{"other architecture", static, "linux", "aarch64", "built for EM_X86_64"},
		{"not an ELF (macOS, Windows)", []byte("\xcf\xfa\xed\xfe not elf"), "linux", "x86_64", "not a Linux executable"},
		{"Windows containers", static, "windows", "x86_64", "windows containers"},
	} {
		got := helperUnfit(bytes.NewReader(tc.exe), tc.os, tc.arch)
		if (tc.wantReason == "") != (got == "") || !strings.Contains(got, tc.wantReason) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.wantReason)
		}
	}
}

// httpProbe is a readiness httpGet on port 8080.
func httpProbe() *plan.Probe {
	return &plan.Probe{Handler: plan.Handler{HTTPGet: &plan.HTTPGet{Scheme: "HTTP", Port: 8080, Path: "/ready"}},
		Period: 10 * time.Millisecond, Timeout: time.Second, SuccessThreshold: 1, FailureThreshold: 3}
}

// runUntilReady runs a pod whose web container has probe, with exe as podrun's executable,
// until it is ready (or a few seconds passed).
func runUntilReady(t *testing.T, f *fakeEngine, exe string, probe *plan.Probe) *recorder {
	t.Helper()
	web := ctr("web", plan.RoleApp)
	web.Probes = &plan.Probes{Readiness: probe}
	p := testPlan(f, plan.RestartAlways, nil, web)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	rec := &recorder{}
	opts := rec.options()
	opts.ProbeHelper = exe
	onEvent := opts.OnEvent
	opts.OnEvent = func(e Event) {
		onEvent(e)
		if e.Kind == EventPodReady && e.ExitCode == 1 {
			cancel()
		}
	}
	_, _ = Run(ctx, f, p, opts)
	return rec
}

func writeExe(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "podrun")
	if err := os.WriteFile(p, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// A static podrun for the engine's architecture is copied into the sandbox, world-executable,
// and network probes run there as execs of `podrun __probe` against the pod IP.
func TestNetworkProbesRunInsideThePodWithAStaticPodrun(t *testing.T) {
	f := newFake()
	exe := fakeELF(elf.EM_X86_64, false) // the fake engine is x86_64
	var mu sync.Mutex
	copied := map[string]*tar.Header{}
	var copiedData []byte
	f.copyTo = func(name, path string, content io.Reader) error {
		if name != "pod-r1-pause" || path != "/" {
			return nil
		}
		tr := tar.NewReader(content)
		for {
			h, err := tr.Next()
			if err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
			data, _ := io.ReadAll(tr)
			mu.Lock()
			copied[h.Name] = h
			if h.Typeflag == tar.TypeReg {
				copiedData = data
			}
			mu.Unlock()
		}
	}
	var probes [][]string
	f.execFn = func(c *fakeContainer, cmd []string) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		if c.Docker != "pod-r1-pause" {
			return 127, nil // nothing network-related may run in the app container
		}
		probes = append(probes, cmd)
		if len(probes) < 2 {
			return 1, nil // not ready at first
		}
		return 0, nil
	}
	rec := runUntilReady(t, f, writeExe(t, exe), httpProbe())
	mu.Lock()
	defer mu.Unlock()
	h := copied[".podrun/bin/podrun"]
	if h == nil || h.Mode&0o755 != 0o755 || !bytes.Equal(copiedData, exe) {
		t.Fatalf("podrun not copied into the sandbox as a world-executable /.podrun/bin/podrun: %v", copied)
	}
	if d := copied[".podrun/bin/"]; d == nil || d.Mode&0o055 != 0o055 {
		t.Errorf("the helper's directory is not traversable by the pause user (65535): %+v", d)
	}
	want := "/.podrun/bin/podrun __probe http --scheme HTTP --path /ready --port 8080 --pod-ip 10.88.0.5 --timeout 1s"
	if len(probes) < 2 || strings.Join(probes[0], " ") != want {
		t.Fatalf("probes in the sandbox: %q; want %q at least twice", probes, want)
	}
	if !slices.ContainsFunc(rec.events, func(e Event) bool { return e.Kind == EventPodReady && e.ExitCode == 1 }) {
		t.Error("the in-pod probe's success did not make the pod ready")
	}
	if slices.ContainsFunc(rec.events, func(e Event) bool { return e.Kind == EventProbeFromHost }) {
		t.Error("a fallback to the host was reported though podrun was installed")
	}
}

// A podrun that cannot run in the engine's containers is not copied; probes leave from this
// machine, and an event says so.
func TestNetworkProbesFallBackToTheHostWhenPodrunCannotBeCopied(t *testing.T) {
	for name, exe := range map[string]string{
		"dynamic": "dynamic", "copy refused": "static", "no executable": "",
	} {
		t.Run(name, func(t *testing.T) {
			f := newFake()
			var path string
			switch exe {
			case "dynamic":
				path = writeExe(t, fakeELF(elf.EM_X86_64, true))
			case "static":
				path = writeExe(t, fakeELF(elf.EM_X86_64, false))
				f.copyTo = func(name, p string, content io.Reader) error {
					if name == "pod-r1-pause" && p == "/" {
						return errors.New("container rootfs is marked read-only")
					}
					return nil
				}
			}
			probe := httpProbe()
			probe.Handler.HTTPGet.Port = 1 // nothing listens on the fake's pod IP: the host prober fails fast
			probe.Timeout = 50 * time.Millisecond
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			web := ctr("web", plan.RoleApp)
			web.Probes = &plan.Probes{Readiness: probe}
			p := testPlan(f, plan.RestartAlways, nil, web)
			rec := &recorder{}
			opts := rec.options()
			opts.ProbeHelper = path
			onEvent := opts.OnEvent
			opts.OnEvent = func(e Event) {
				onEvent(e)
				if e.Kind == EventUnhealthy {
					cancel() // a probe ran: from the host, since nothing ran in the sandbox
				}
			}
			_, _ = Run(ctx, f, p, opts)
			i := slices.IndexFunc(rec.events, func(e Event) bool { return e.Kind == EventProbeFromHost })
			if i < 0 || !strings.Contains(rec.events[i].Message, "10.88.0.5") {
				t.Fatalf("no ProbeFromHost event naming the pod IP: %v", rec.timeline)
			}
			for _, c := range f.callsOf("Exec") {
				if c == "pod-r1-pause" {
					t.Errorf("a probe was exec'd in the sandbox though podrun was not installed")
				}
			}
		})
	}
}

// A pod without network probes or httpGet hooks costs nothing: no copy, no event.
func TestNoNetworkProbesNoCopy(t *testing.T) {
	f := newFake()
	f.execFn = func(c *fakeContainer, cmd []string) (int, error) { return 0, nil }
	rec := runUntilReady(t, f, writeExe(t, fakeELF(elf.EM_X86_64, false)), execProbe("ready"))
	for _, cl := range f.calls {
		if cl.Op == "CopyToContainer" && cl.Name == "pod-r1-pause" && cl.Arg == "/" {
			t.Error("podrun was copied into a sandbox whose pod has no network probe")
		}
	}
	if slices.ContainsFunc(rec.events, func(e Event) bool { return e.Kind == EventProbeFromHost }) {
		t.Error("ProbeFromHost reported for a pod without network probes")
	}
}

// An in-pod probe that outlives its timeout and the exec slack is the prober's error, not a
// failure; an exit code that is no result is one too.
func TestExecProberErrors(t *testing.T) {
	f := newFake()
	c, _ := f.ContainerCreate(context.Background(), &container.Config{}, &container.HostConfig{}, nil, nil, "sb")
	_ = f.ContainerStart(context.Background(), c.ID, container.StartOptions{})
	f.execFn = func(*fakeContainer, []string) (int, error) { return 127, nil }
	x := execProber{eng: f, sandboxID: c.ID, podIP: "10.88.0.5"}
	if _, _, err := x.probe(context.Background(), httpProbe().Handler, time.Second); err == nil {
		t.Error("exit 127 (the helper could not run) is not a prober error")
	}
	f.execFn = func(*fakeContainer, []string) (int, error) { return 1, nil }
	if res, _, err := x.probe(context.Background(), httpProbe().Handler, time.Second); err != nil || res.ExitCode() != 1 {
		t.Errorf("exit 1: %v, %v; want a failure", res, err)
	}
	if err := x.lifecycleHTTP(context.Background(), *httpProbe().Handler.HTTPGet); err == nil {
		t.Error("a lifecycle call the helper failed is not an error")
	}
}
