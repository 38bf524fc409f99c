package pause

import (
	"encoding/binary"
	"fmt"
)

// x86-64 system call numbers (arch/x86/entry/syscalls/syscall_64.tbl).
const (
	amd64SysRtSigaction = 13
	amd64SysPause       = 34
	amd64SysExitGroup   = 231
)

// x86-64 registers by their encoding number.
const (
	rax = 0
	rdx = 2
	rsi = 6
	rdi = 7
	r10 = 10
)

// amd64Program is the pause program for linux/amd64. A system call takes its number in rax
// and arguments in rdi, rsi, rdx, r10; it returns in rax and clobbers only rax, rcx and r11.
//
//	start:   mov  eax, 13              ; rt_sigaction(
//	         mov  edi, 17              ;   SIGCHLD,
//	         lea  rsi, [rip+ignore]    ;   &ignore,
//	         xor  edx, edx             ;   NULL,
//	         mov  r10d, 8              ;   sizeof(sigset_t))
//	         syscall
//	         test eax, eax             ; 0, or -errno
//	         jnz  fail
//	         mov  eax, 13              ; rt_sigaction(SIGTERM, &quit, NULL, 8):
//	         mov  edi, 15              ;   rdx and r10 still hold NULL and 8
//	         lea  rsi, [rip+quit]
//	         syscall
//	         test eax, eax
//	         jnz  fail
//	         mov  eax, 13              ; rt_sigaction(SIGINT, &quit, NULL, 8):
//	         mov  edi, 2               ;   rsi still points at quit
//	         syscall
//	         test eax, eax
//	         jnz  fail
//	sleep:   mov  eax, 34              ; pause(): returns only after a handler returns,
//	         syscall                   ;   which ours never does; loop to be safe
//	         jmp  sleep
//	exit:    xor  edi, edi             ; the SIGTERM/SIGINT handler: exit_group(0)
//	         mov  eax, 231
//	         syscall
//	fail:    mov  edi, 1               ; a failed rt_sigaction: exit_group(1), like pause.c
//	         mov  eax, 231
//	         syscall
//	ignore:  struct sigaction{SIG_IGN, 0, 0, 0}
//	quit:    struct sigaction{exit, SA_RESTORER, exit, 0}
//
// x86-64 refuses to deliver a signal to a handler without SA_RESTORER (the kernel pushes the
// restorer as the handler's return address); exit never returns, so it is its own restorer.
func amd64Program() *program {
	a := x86{newProgram()}
	a.label("start")
	a.movImm32(rax, amd64SysRtSigaction)
	a.movImm32(rdi, sigCHLD)
	a.leaRIP(rsi, "ignore")
	a.xor32(rdx)
	a.movImm32(r10, sigsetSize)
	a.syscall()
	a.testEAX()
	a.jnz("fail")

	a.movImm32(rax, amd64SysRtSigaction)
	a.movImm32(rdi, sigTERM)
	a.leaRIP(rsi, "quit")
	a.syscall()
	a.testEAX()
	a.jnz("fail")

	a.movImm32(rax, amd64SysRtSigaction)
	a.movImm32(rdi, sigINT)
	a.syscall()
	a.testEAX()
	a.jnz("fail")

	a.label("sleep")
	a.movImm32(rax, amd64SysPause)
	a.syscall()
	a.jmp("sleep")

	a.label("exit")
	a.xor32(rdi)
	a.movImm32(rax, amd64SysExitGroup)
	a.syscall()

	a.label("fail")
	a.movImm32(rdi, 1)
	a.movImm32(rax, amd64SysExitGroup)
	a.syscall()

	a.sigactionIgnore("ignore")
	a.sigactionHandler("quit", "exit", saRestorer, "exit")
	return a.program
}

// x86 emits the few x86-64 instructions the program needs (Intel SDM vol. 2 encodings).
type x86 struct{ *program }

// movImm32: mov r32, imm32 = [REX.B] B8+r id. Writing a 32-bit register zero-extends into
// the 64-bit one.
func (a x86) movImm32(reg int, imm uint32) {
	if reg >= 8 {
		a.emit(0x41) // REX.B: the register is r8–r15
	}
	a.emit(0xb8 + byte(reg&7))
	a.u32(imm)
}

// leaRIP: lea r64, [rip+disp32] = REX.W 8D /r with ModRM mod=00 rm=101 (RIP-relative); the
// displacement counts from the end of the instruction, which is the end of disp32.
func (a x86) leaRIP(reg int, label string) {
	rex := byte(0x48) // REX.W: 64-bit operand
	if reg >= 8 {
		rex |= 0x04 // REX.R
	}
	a.emit(rex, 0x8d, 0x05|byte(reg&7)<<3)
	a.fix(0, label, rel32)
	a.u32(0)
}

// xor32: xor r32, r32 = [REX.RB] 31 /r with ModRM mod=11: the shortest way to zero a register.
func (a x86) xor32(reg int) {
	if reg >= 8 {
		a.emit(0x45)
	}
	a.emit(0x31, 0xc0|byte(reg&7)<<3|byte(reg&7))
}

func (a x86) syscall() { a.emit(0x0f, 0x05) }

// testEAX: test eax, eax = 85 /r with ModRM 11 000 000; sets ZF when eax is zero.
func (a x86) testEAX() { a.emit(0x85, 0xc0) }

// jnz: jnz rel8 = 75 cb; jmp: jmp rel8 = EB cb. rel8 counts from the end of the instruction.
func (a x86) jnz(label string) { a.emit(0x75); a.fix(0, label, rel8); a.emit(0) }

func (a x86) jmp(label string) { a.emit(0xeb); a.fix(0, label, rel8); a.emit(0) }

func rel8(code []byte, at, target int, _ uint64) error {
	rel := target - (at + 1)
	if !fitsSigned(rel, 8) {
		return fmt.Errorf("rel8 %d out of range", rel)
	}
	code[at] = byte(int8(rel))
	return nil
}

func rel32(code []byte, at, target int, _ uint64) error {
	rel := target - (at + 4)
	if !fitsSigned(rel, 32) {
		return fmt.Errorf("rel32 %d out of range", rel)
	}
	binary.LittleEndian.PutUint32(code[at:], uint32(int32(rel)))
	return nil
}
