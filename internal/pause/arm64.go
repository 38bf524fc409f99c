package pause

import (
	"encoding/binary"
	"fmt"
)

// arm64 system call numbers (include/uapi/asm-generic/unistd.h). arm64 has no pause(): libcs
// implement it as ppoll with no descriptors and no timeout, and so does this program.
const (
	arm64SysPpoll       = 73
	arm64SysExitGroup   = 94
	arm64SysRtSigaction = 134
)

// arm64Program is the pause program for linux/arm64. A system call takes its number in x8 and
// arguments in x0–x5; it returns in x0 and preserves every other register.
//
//	start:   mov  x0, #17              ; rt_sigaction(SIGCHLD,
//	         adr  x1, ignore           ;   &ignore,
//	         mov  x2, #0               ;   NULL,
//	         mov  x3, #8               ;   sizeof(sigset_t))
//	         mov  x8, #134
//	         svc  #0
//	         cbnz x0, fail             ; 0, or -errno
//	         mov  x0, #15              ; rt_sigaction(SIGTERM, &quit, NULL, 8)
//	         adr  x1, quit
//	         svc  #0
//	         cbnz x0, fail
//	         mov  x0, #2               ; rt_sigaction(SIGINT, &quit, NULL, 8)
//	         svc  #0
//	         cbnz x0, fail
//	sleep:   mov  x0, #0               ; ppoll(NULL, 0, NULL, NULL, 0): sleeps until a
//	         mov  x1, #0               ;   signal handler runs, which ours never returns
//	         mov  x2, #0               ;   from; loop to be safe (x0 holds -EINTR then)
//	         mov  x3, #0
//	         mov  x4, #0
//	         mov  x8, #73
//	         svc  #0
//	         b    sleep
//	exit:    mov  x0, #0               ; the SIGTERM/SIGINT handler: exit_group(0)
//	         mov  x8, #94
//	         svc  #0
//	fail:    mov  x0, #1               ; a failed rt_sigaction: exit_group(1), like pause.c
//	         mov  x8, #94
//	         svc  #0
//	ignore:  struct sigaction{SIG_IGN, 0, 0, 0}
//	quit:    struct sigaction{exit, 0, 0, 0}
//
// arm64 needs no SA_RESTORER: the kernel returns through the vDSO's sigreturn trampoline.
func arm64Program() *program {
	a := a64{newProgram()}
	a.label("start")
	a.movz(0, sigCHLD)
	a.adr(1, "ignore")
	a.movz(2, 0)
	a.movz(3, sigsetSize)
	a.movz(8, arm64SysRtSigaction)
	a.svc0()
	a.cbnz(0, "fail")

	a.movz(0, sigTERM)
	a.adr(1, "quit")
	a.svc0()
	a.cbnz(0, "fail")

	a.movz(0, sigINT)
	a.svc0()
	a.cbnz(0, "fail")

	a.label("sleep")
	for reg := 0; reg <= 4; reg++ {
		a.movz(reg, 0)
	}
	a.movz(8, arm64SysPpoll)
	a.svc0()
	a.b("sleep")

	a.label("exit")
	a.movz(0, 0)
	a.movz(8, arm64SysExitGroup)
	a.svc0()

	a.label("fail")
	a.movz(0, 1)
	a.movz(8, arm64SysExitGroup)
	a.svc0()

	a.sigactionIgnore("ignore")
	a.sigactionHandler("quit", "exit", 0, "")
	return a.program
}

// a64 emits the few A64 instructions the program needs (Arm ARM, C6.2): each is one
// little-endian 32-bit word.
type a64 struct{ *program }

// movz: MOVZ Xd, #imm16 (sf=1, hw=0), which disassembles as "mov xd, #imm".
func (a a64) movz(rd int, imm uint16) { a.u32(0xd2800000 | uint32(imm)<<5 | uint32(rd)) }

// adr: ADR Xd, label — a PC-relative address ±1 MiB; immlo in bits 29–30, immhi in 5–23.
func (a a64) adr(rd int, label string) {
	a.fix(0, label, func(code []byte, at, target int, _ uint64) error {
		off := target - at
		if !fitsSigned(off, 21) {
			return fmt.Errorf("adr offset %d out of range", off)
		}
		return orWord(code, at, uint32(off&3)<<29|uint32(off>>2&0x7ffff)<<5)
	})
	a.u32(0x10000000 | uint32(rd))
}

// svc0: SVC #0, the system call.
func (a a64) svc0() { a.u32(0xd4000001) }

// cbnz: CBNZ Xt, label (sf=1) — branch when the register is not zero; imm19 words in bits 5–23.
func (a a64) cbnz(rt int, label string) {
	a.fix(0, label, branch(19, 5))
	a.u32(0xb5000000 | uint32(rt))
}

// b: B label — imm26 words in bits 0–25.
func (a a64) b(label string) {
	a.fix(0, label, branch(26, 0))
	a.u32(0x14000000)
}

// branch patches a word-counted signed offset of the given width at bit shift.
func branch(bits, shift int) func(code []byte, at, target int, _ uint64) error {
	return func(code []byte, at, target int, _ uint64) error {
		off := (target - at) / 4
		if (target-at)%4 != 0 || !fitsSigned(off, bits) {
			return fmt.Errorf("branch offset %d not encodable", target-at)
		}
		return orWord(code, at, uint32(off)&(1<<bits-1)<<shift)
	}
}

func orWord(code []byte, at int, bits uint32) error {
	if at%4 != 0 {
		return fmt.Errorf("instruction at %#x not word-aligned", at)
	}
	w := binary.LittleEndian.Uint32(code[at:])
	binary.LittleEndian.PutUint32(code[at:], w|bits)
	return nil
}
