package plan

import "strings"

// expand replaces $(NAME) references in s by the kubelet's rules (§7.2; the kubelet's
// third_party/forked/golang/expansion): lookup decides what a defined name becomes, and an
// undefined name stays exactly as written. `$$` is an escaped `$` (so `$$(NAME)` yields the
// literal `$(NAME)`); a `$` that starts no reference, a `$(` without `)`, and a trailing `$` are
// literal. A substituted value is never expanded again.
func expand(s string, lookup func(name string) (string, bool)) string {
	if !strings.Contains(s, "$") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '$' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		switch next := s[i+1]; next {
		case '$': // escaped operator
			b.WriteByte('$')
			i++
		case '(':
			end := strings.IndexByte(s[i+2:], ')')
			if end < 0 { // incomplete reference: "$(" is literal, scanning goes on after it
				b.WriteString("$(")
				i++
				continue
			}
			name := s[i+2 : i+2+end]
			if v, ok := lookup(name); ok {
				b.WriteString(v)
			} else {
				b.WriteString("$(" + name + ")")
			}
			i += 2 + end
		default: // "$x" is literal: the `$` and the byte after it
			b.WriteByte('$')
			b.WriteByte(next)
			i++
		}
	}
	return b.String()
}

// lookupIn is expand's lookup over one map of defined names.
func lookupIn(vars map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		v, ok := vars[name]
		return v, ok
	}
}
