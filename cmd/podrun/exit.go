package main

import (
	"context"
	"errors"

	"github.com/podrun/podrun/podspec"
)

// Exit codes of podrun, by DESIGN.md's contract. They are decided here and nowhere else.
const (
	exitOK          = 0
	exitWarnings    = 1 // podrun check --strict found warnings
	exitInput       = 2 // input podrun refuses: parse, validation, --strict with warnings
	exitTimeout     = 124
	exitEngine      = 125 // podrun or the engine failed
	exitInterrupted = 130
)

var (
	// errInterrupted is the cause of a run's context when the user pressed Ctrl-C.
	errInterrupted = errors.New("interrupted")
	// errTimeout is the cause of a run's context when --timeout expired.
	errTimeout = errors.New("timeout expired")
)

// inputError marks input podrun refuses (exit 2): a manifest that does not load or validate, a
// plan that cannot be built from it, warnings under --strict, bad flags.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }
func (e inputError) Unwrap() error { return e.err }

// podResult carries the pod's own result: it is the exit code, whatever it is.
type podResult struct{ code int }

func (e podResult) Error() string { return "pod result" }

// exitCode maps what a command returned to the process exit code.
func exitCode(err error) int {
	var (
		res  podResult
		in   inputError
		list podspec.ErrorList
	)
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &res):
		return res.code
	case errors.As(err, &in), errors.As(err, &list):
		return exitInput
	case errors.Is(err, errInterrupted):
		return exitInterrupted
	case errors.Is(err, errTimeout), errors.Is(err, context.DeadlineExceeded):
		return exitTimeout
	default:
		return exitEngine
	}
}
