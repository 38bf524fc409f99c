//go:build !windows

package main

import (
	"errors"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
)

// processAlive reports whether pid is a live process on this machine. A process of another
// user (EPERM) is alive; a zombie (killed, not yet reaped by its parent) is not.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	if err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	if stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat"); err == nil {
		if i := strings.LastIndexByte(string(stat), ')'); i >= 0 && i+2 < len(stat) && stat[i+2] == 'Z' {
			return false
		}
	}
	return true
}

// askToStop asks a detached run's owner to stop its pod: SIGTERM is its first-Ctrl-C path, a
// graceful stop in the kubelet's order followed by teardown.
func askToStop(pid int) error { return syscall.Kill(pid, syscall.SIGTERM) }

// detachedProcAttr starts the owner in a session of its own, out of the terminal's reach.
func detachedProcAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setsid: true} }

// notifyResize delivers the terminal's size changes (SIGWINCH) on ch.
func notifyResize(ch chan<- os.Signal) { signal.Notify(ch, syscall.SIGWINCH) }
