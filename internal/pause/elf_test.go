package pause

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"testing"
)

// TestELFHeaders: the kernel needs a static 64-bit executable whose entry point lies in its one
// executable segment, and no executable stack.
func TestELFHeaders(t *testing.T) {
	t.Parallel()
	for arch, machine := range map[string]elf.Machine{"amd64": elf.EM_X86_64, "arm64": elf.EM_AARCH64} {
		t.Run(arch, func(t *testing.T) {
			t.Parallel()
			bin := mustBinary(t, arch)
			f, err := elf.NewFile(bytes.NewReader(bin))
			if err != nil {
				t.Fatalf("debug/elf: %v", err)
			}
			if f.Class != elf.ELFCLASS64 || f.Data != elf.ELFDATA2LSB || f.Type != elf.ET_EXEC ||
				f.Machine != machine || f.OSABI != elf.ELFOSABI_NONE {
				t.Errorf("header = %v %v %v %v %v", f.Class, f.Data, f.Type, f.Machine, f.OSABI)
			}
			var loads []*elf.Prog
			for _, p := range f.Progs {
				switch p.Type {
				case elf.PT_LOAD:
					loads = append(loads, p)
				case elf.PT_GNU_STACK:
					if p.Flags&elf.PF_X != 0 {
						t.Error("stack is executable")
					}
				case elf.PT_INTERP, elf.PT_DYNAMIC:
					t.Errorf("%v: the executable must be static", p.Type)
				}
			}
			if len(loads) != 1 {
				t.Fatalf("%d PT_LOAD segments, want 1", len(loads))
			}
			load := loads[0]
			if load.Flags != elf.PF_R|elf.PF_X || load.Off != 0 || load.Filesz != uint64(len(bin)) ||
				load.Memsz != load.Filesz || load.Vaddr%load.Align != 0 {
				t.Errorf("PT_LOAD = %+v, file is %d bytes", load.ProgHeader, len(bin))
			}
			if f.Entry < load.Vaddr+textOffset || f.Entry >= load.Vaddr+load.Memsz {
				t.Errorf("entry %#x outside the code [%#x, %#x)", f.Entry, load.Vaddr+textOffset, load.Vaddr+load.Memsz)
			}
			if arch == "arm64" && f.Entry%4 != 0 {
				t.Errorf("entry %#x not word-aligned", f.Entry)
			}
		})
	}
}

// TestSigactionPointers decodes the instructions that pass &struct sigaction to rt_sigaction
// and checks what they point at: an aligned SIG_IGN for SIGCHLD, then a handler inside the
// code (with itself as SA_RESTORER on amd64).
func TestSigactionPointers(t *testing.T) {
	t.Parallel()
	for arch, find := range map[string]func([]byte) []int{"amd64": amd64LeaTargets, "arm64": arm64AdrTargets} {
		t.Run(arch, func(t *testing.T) {
			t.Parallel()
			bin := mustBinary(t, arch)
			targets := find(bin)
			if len(targets) != 2 {
				t.Fatalf("found %d sigaction pointers, want 2 (SIGCHLD, then SIGTERM/SIGINT)", len(targets))
			}
			word := func(off int) uint64 { return binary.LittleEndian.Uint64(bin[off:]) }
			ignore, quit := targets[0], targets[1]
			if ignore%8 != 0 || quit%8 != 0 || quit+32 > len(bin) {
				t.Fatalf("structs at %#x and %#x: want 8-aligned, inside the file", ignore, quit)
			}
			if word(ignore) != sigIGN || word(ignore+8) != 0 || word(ignore+24) != 0 {
				t.Errorf("SIGCHLD action = %#x %#x _ %#x, want SIG_IGN, no flags, empty mask",
					word(ignore), word(ignore+8), word(ignore+24))
			}
			handler := word(quit)
			if handler < loadAddr+textOffset || handler >= loadAddr+uint64(len(bin)) {
				t.Errorf("SIGTERM handler %#x outside the code", handler)
			}
			if arch == "amd64" && (word(quit+8)&saRestorer == 0 || word(quit+16) != handler) {
				t.Errorf("amd64 SIGTERM action: flags %#x restorer %#x, want SA_RESTORER and the handler",
					word(quit+8), word(quit+16))
			}
		})
	}
}

// amd64LeaTargets returns the file offsets that `lea rsi, [rip+disp32]` (48 8D 35) points at.
func amd64LeaTargets(bin []byte) []int {
	var targets []int
	for i := textOffset; i+7 <= len(bin); i++ {
		if bin[i] == 0x48 && bin[i+1] == 0x8d && bin[i+2] == 0x35 {
			disp := int(int32(binary.LittleEndian.Uint32(bin[i+3:])))
			targets = append(targets, i+7+disp)
		}
	}
	return targets
}

// arm64AdrTargets returns the file offsets that `adr x1, label` instructions point at.
func arm64AdrTargets(bin []byte) []int {
	var targets []int
	for i := textOffset; i+4 <= len(bin); i += 4 {
		w := binary.LittleEndian.Uint32(bin[i:])
		if w&0x9f00001f != 0x10000001 { // ADR with Rd = x1
			continue
		}
		imm := int32(w>>5&0x7ffff)<<2 | int32(w>>29&3)
		imm = imm << 11 >> 11 // sign-extend 21 bits
		targets = append(targets, i+int(imm))
	}
	return targets
}

func mustBinary(t *testing.T, arch string) []byte {
	t.Helper()
	b, err := Binary(arch)
	if err != nil {
		t.Fatalf("Binary(%q): %v", arch, err)
	}
	return b
}
