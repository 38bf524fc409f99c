package main

import "testing"

func TestGarbageRuns(t *testing.T) {
	alive := func(pid int) bool { return pid == 100 }
	cases := []struct {
		name string
		r    runObjects
		want bool
	}{
		{"owner alive", runObjects{owner: "here/100"}, false},
		{"owner dead", runObjects{owner: "here/200"}, true},
		{"owner dead but kept", runObjects{owner: "here/200", keep: true}, false},
		{"owner on another host", runObjects{owner: "there/200"}, false},
		{"no owner (compose, older podrun)", runObjects{}, false},
		{"malformed owner", runObjects{owner: "here/x"}, false},
	}
	for _, tc := range cases {
		if got := tc.r.garbage("here", alive); got != tc.want {
			t.Errorf("%s: garbage = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestProcessAlive(t *testing.T) {
	if !processAlive(1) {
		t.Error("pid 1 is not alive?")
	}
	if processAlive(1 << 22) { // above Linux's pid_max ceiling
		t.Error("an impossible pid is alive")
	}
}
