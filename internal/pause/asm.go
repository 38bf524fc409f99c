package pause

import (
	"encoding/binary"
	"fmt"
)

// program is a tiny assembler's buffer: machine code and data, with labels resolved after
// everything is emitted, so each architecture's file reads as a list of instructions.
type program struct {
	code   []byte
	labels map[string]int // offset of each label in code
	fixups []fixup
}

// fixup patches the bytes at `at` once the label's offset is known. base is the virtual address
// the code is loaded at.
type fixup struct {
	at    int
	label string
	patch func(code []byte, at, target int, base uint64) error
}

func newProgram() *program { return &program{labels: map[string]int{}} }

func (p *program) emit(b ...byte) { p.code = append(p.code, b...) }

func (p *program) u32(v uint32) { p.code = binary.LittleEndian.AppendUint32(p.code, v) }

func (p *program) u64(v uint64) { p.code = binary.LittleEndian.AppendUint64(p.code, v) }

func (p *program) label(name string) { p.labels[name] = len(p.code) }

// align pads with zero bytes (data only follows code that never falls through to it).
func (p *program) align(n int) {
	for len(p.code)%n != 0 {
		p.code = append(p.code, 0)
	}
}

// fix records a fixup at the current offset plus delta.
func (p *program) fix(delta int, label string, patch func(code []byte, at, target int, base uint64) error) {
	p.fixups = append(p.fixups, fixup{at: len(p.code) + delta, label: label, patch: patch})
}

// addr64 emits the absolute virtual address of a label (for pointers in data).
func (p *program) addr64(label string) {
	p.fix(0, label, func(code []byte, at, target int, base uint64) error {
		binary.LittleEndian.PutUint64(code[at:], base+uint64(target))
		return nil
	})
	p.u64(0)
}

// link resolves every fixup for code loaded at base and returns the finished bytes.
func (p *program) link(base uint64) ([]byte, error) {
	out := append([]byte(nil), p.code...)
	for _, f := range p.fixups {
		target, ok := p.labels[f.label]
		if !ok {
			return nil, fmt.Errorf("undefined label %q", f.label)
		}
		if err := f.patch(out, f.at, target, base); err != nil {
			return nil, fmt.Errorf("reference to %q at %#x: %w", f.label, f.at, err)
		}
	}
	return out, nil
}

// entry returns the offset of a label, for the ELF entry point.
func (p *program) entry(label string) (int, error) {
	off, ok := p.labels[label]
	if !ok {
		return 0, fmt.Errorf("undefined label %q", label)
	}
	return off, nil
}

func fitsSigned(v, bits int) bool {
	limit := 1 << (bits - 1)
	return v >= -limit && v < limit
}
