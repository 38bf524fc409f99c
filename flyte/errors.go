package flyte

import (
	"github.com/podrun/podrun/podspec"
)

// joinPath joins field paths: "closure.compiledTask.template" + "k8sPod" (list indexes glue on).
func joinPath(base, rel string) string {
	switch {
	case base == "":
		return rel
	case rel == "":
		return base
	case rel[0] == '[':
		return base + rel
	}
	return base + "." + rel
}

// fieldErr locates a problem at rel, a path inside the task template, in t's file.
func (t *Task) fieldErr(rel, msg string) error {
	return podspec.FieldError{File: t.File, Path: joinPath(t.Path, rel), Msg: msg}
}
