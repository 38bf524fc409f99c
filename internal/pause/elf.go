package pause

import "encoding/binary"

// An ELF64 executable with no sections: the ELF header, two program headers, then the program.
// One PT_LOAD maps the whole file read+execute (the program writes no memory of its own: the
// kernel reads the sigaction structs from it); PT_GNU_STACK asks for a non-executable stack.
const (
	elfHeaderSize  = 64
	progHeaderSize = 56
	progHeaders    = 2
	textOffset     = elfHeaderSize + progHeaders*progHeaderSize // 176, a multiple of 16

	// loadAddr is where the file is mapped: the traditional static-executable base, above
	// vm.mmap_min_addr and aligned for any page size up to 4 MiB.
	loadAddr = 0x400000

	etExec      = 2
	ptLoad      = 1
	ptGNUStack  = 0x6474e551
	pfX         = 1
	pfW         = 2
	pfR         = 4
	emX86_64    = 62
	emAArch64   = 183
	evCurrent   = 1
	elfClass64  = 2
	elfData2LSB = 1
)

// elfFile is one architecture's executable: its ELF machine and PT_LOAD alignment (arm64
// kernels may use 64 KiB pages) and the program.
type elfFile struct {
	machine uint16
	align   uint64
	program func() *program
}

// build links the program at its load address and wraps it in the headers.
func (f elfFile) build() ([]byte, error) {
	p := f.program()
	text, err := p.link(loadAddr + textOffset)
	if err != nil {
		return nil, err
	}
	start, err := p.entry("start")
	if err != nil {
		return nil, err
	}
	size := uint64(textOffset + len(text))
	le := binary.LittleEndian

	b := []byte{0x7f, 'E', 'L', 'F', elfClass64, elfData2LSB, evCurrent, 0 /* ELFOSABI_NONE */}
	b = append(b, make([]byte, 8)...)                         // EI_ABIVERSION and padding
	b = le.AppendUint16(b, etExec)                            // e_type
	b = le.AppendUint16(b, f.machine)                         // e_machine
	b = le.AppendUint32(b, evCurrent)                         // e_version
	b = le.AppendUint64(b, loadAddr+textOffset+uint64(start)) // e_entry
	b = le.AppendUint64(b, elfHeaderSize)                     // e_phoff: right after this header
	b = le.AppendUint64(b, 0)                                 // e_shoff: no section headers
	b = le.AppendUint32(b, 0)                                 // e_flags
	b = le.AppendUint16(b, elfHeaderSize)                     // e_ehsize
	b = le.AppendUint16(b, progHeaderSize)                    // e_phentsize
	b = le.AppendUint16(b, progHeaders)                       // e_phnum
	b = le.AppendUint16(b, 0)                                 // e_shentsize
	b = le.AppendUint16(b, 0)                                 // e_shnum
	b = le.AppendUint16(b, 0)                                 // e_shstrndx

	b = progHeader(b, ptLoad, pfR|pfX, 0, loadAddr, size, f.align)
	b = progHeader(b, ptGNUStack, pfR|pfW, 0, 0, 0, 16)
	return append(b, text...), nil
}

// progHeader appends an Elf64_Phdr; file and memory sizes are equal (no .bss).
func progHeader(b []byte, typ, flags uint32, offset, vaddr, size, align uint64) []byte {
	le := binary.LittleEndian
	b = le.AppendUint32(b, typ)
	b = le.AppendUint32(b, flags)
	b = le.AppendUint64(b, offset)
	b = le.AppendUint64(b, vaddr) // p_vaddr
	b = le.AppendUint64(b, vaddr) // p_paddr
	b = le.AppendUint64(b, size)  // p_filesz
	b = le.AppendUint64(b, size)  // p_memsz
	return le.AppendUint64(b, align)
}
