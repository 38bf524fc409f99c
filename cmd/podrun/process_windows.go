//go:build windows

package main

import (
	"os"
	"syscall"
)

// processAlive reports whether pid is a live process on this machine: Windows opens a handle
// only to a process that exists.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}

// askToStop ends a detached run's owner. Windows has no SIGTERM to ask it for a graceful stop,
// so the owner is ended and `podrun down` stops the pod itself, in the kubelet's order.
func askToStop(pid int) error {
	p, err := os.FindProcess(pid)
	if err != nil {
		return err
	}
	return p.Kill()
}

// detachedProcAttr starts the owner detached from the console, in a process group of its own,
// out of the reach of the console's Ctrl-C.
func detachedProcAttr() *syscall.SysProcAttr {
	const detachedProcess = 0x00000008 // DETACHED_PROCESS
	return &syscall.SysProcAttr{CreationFlags: syscall.CREATE_NEW_PROCESS_GROUP | detachedProcess}
}

// notifyResize does nothing: Windows consoles send no resize signal.
func notifyResize(chan<- os.Signal) {}
