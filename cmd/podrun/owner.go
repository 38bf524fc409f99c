package main

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// ownerState is what podrun can tell of a run's owning process from its LabelOwner.
type ownerState int

const (
	ownerUnknown ownerState = iota // no owner label, or another host's process: cannot tell
	ownerAlive
	ownerDead
)

// ownerOf reads an owner label ("host/pid") against this host, with alive telling whether a
// pid runs here. It is pure so that the garbage decision is table-tested.
func ownerOf(label, hostname string, alive func(pid int) bool) ownerState {
	host, pidText, ok := strings.Cut(label, "/")
	if !ok || host != hostname {
		return ownerUnknown
	}
	pid, err := strconv.Atoi(pidText)
	if err != nil || pid <= 0 {
		return ownerUnknown
	}
	if alive(pid) {
		return ownerAlive
	}
	return ownerDead
}

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

func hostname() string {
	h, _ := os.Hostname()
	return h
}
