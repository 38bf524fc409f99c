package main

import (
	"os"
	"strconv"
	"strings"
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
	pid, ok := ownerPID(label, hostname)
	switch {
	case !ok:
		return ownerUnknown
	case alive(pid):
		return ownerAlive
	}
	return ownerDead
}

// ownerPID is the pid in an owner label when the label names this host.
func ownerPID(label, hostname string) (int, bool) {
	host, pidText, ok := strings.Cut(label, "/")
	if !ok || host != hostname {
		return 0, false
	}
	pid, err := strconv.Atoi(pidText)
	if err != nil || pid <= 0 {
		return 0, false
	}
	return pid, true
}

// liveOwner is the pid of the podrun process that owns a run, when it runs on this machine.
func liveOwner(label string) (int, bool) {
	pid, ok := ownerPID(label, hostname())
	return pid, ok && processAlive(pid)
}

func hostname() string {
	h, _ := os.Hostname()
	return h
}
