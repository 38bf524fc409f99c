package pause

// Linux ABI constants the programs use; the same numbers on amd64 and arm64 unless noted.
const (
	sigINT  = 2
	sigTERM = 15
	sigCHLD = 17

	sigIGN = 1 // SIG_IGN as a handler address

	// saRestorer says sa_restorer is set: x86-64 requires it for any handler, since the kernel
	// makes the handler return through it (arch/x86/kernel/signal_64.c).
	saRestorer = 0x04000000

	sigsetSize = 8 // sizeof(sigset_t) in the kernel: 64 signals
)

// The kernel's struct sigaction is the same on amd64 and arm64 (both define SA_RESTORER, so the
// struct has sa_restorer; Go's runtime sigactiont has this layout too):
//
//	sa_handler  uint64  an address, or SIG_IGN
//	sa_flags    uint64
//	sa_restorer uint64
//	sa_mask     uint64  signals blocked while the handler runs: none

// sigactionIgnore emits, 8-byte aligned at label, a struct sigaction that ignores the signal.
func (p *program) sigactionIgnore(label string) {
	p.align(8)
	p.label(label)
	p.u64(sigIGN)
	p.u64(0)
	p.u64(0)
	p.u64(0)
}

// sigactionHandler emits, 8-byte aligned at label, a struct sigaction that runs the code at
// handler; restorer may be "".
func (p *program) sigactionHandler(label, handler string, flags uint64, restorer string) {
	p.align(8)
	p.label(label)
	p.addr64(handler)
	p.u64(flags)
	if restorer == "" {
		p.u64(0)
	} else {
		p.addr64(restorer)
	}
	p.u64(0)
}
