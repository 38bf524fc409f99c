package podspec

import (
	"fmt"
	"strings"
)

// FieldError is one problem with the input, located by file, line and field path.
type FieldError struct {
	File string
	Line int    // 0 when unknown
	Path string // e.g. spec.containers[1].imagePullPolicy
	Msg  string // what is wrong and what is expected
}

func (e FieldError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Path != "" {
		b.WriteString(": ")
		b.WriteString(e.Path)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is every problem found in one input; it is refused as a whole.
type ErrorList []FieldError

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}
