package warnings

import (
	"strconv"
	"strings"
)

// Field paths are written the way Kubernetes reports them: dotted JSON names, list indices in
// brackets and map keys quoted in brackets — spec.containers[2].resources.limits["nvidia.com/gpu"].

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

func key(path, k string) string { return path + "[" + strconv.Quote(k) + "]" }

// pathToken is one step of a path: a field name, a list index or a map key.
type pathToken struct {
	name  string
	index int
	isIdx bool
	isKey bool
}

// parsePath splits a path into its steps; a malformed tail is kept as one name.
func parsePath(p string) []pathToken {
	var toks []pathToken
	for len(p) > 0 {
		switch p[0] {
		case '.':
			p = p[1:]
		case '[':
			end := strings.IndexByte(p, ']')
			if len(p) > 1 && p[1] == '"' {
				// A quoted key may contain ']' : find the closing quote first.
				if q, err := strconv.QuotedPrefix(p[1:]); err == nil {
					k, _ := strconv.Unquote(q)
					toks = append(toks, pathToken{name: k, isKey: true})
					p = strings.TrimPrefix(p[1+len(q):], "]")
					continue
				}
			}
			if end < 0 {
				return append(toks, pathToken{name: p})
			}
			if n, err := strconv.Atoi(p[1:end]); err == nil {
				toks = append(toks, pathToken{index: n, isIdx: true})
			} else {
				toks = append(toks, pathToken{name: p[1:end], isKey: true})
			}
			p = p[end+1:]
		default:
			end := strings.IndexAny(p, ".[")
			if end < 0 {
				end = len(p)
			}
			toks = append(toks, pathToken{name: p[:end]})
			p = p[end:]
		}
	}
	return toks
}

// comparePaths orders paths step by step, indices numerically (containers[2] before
// containers[10]), a parent before its children.
func comparePaths(a, b string) int {
	ta, tb := parsePath(a), parsePath(b)
	for i := 0; i < len(ta) && i < len(tb); i++ {
		x, y := ta[i], tb[i]
		switch {
		case x.isIdx && y.isIdx:
			if x.index != y.index {
				return x.index - y.index
			}
		case x.isIdx != y.isIdx:
			if x.isIdx {
				return -1
			}
			return 1
		default:
			if c := strings.Compare(x.name, y.name); c != 0 {
				return c
			}
		}
	}
	return len(ta) - len(tb)
}

// lineOf finds the line of a path, or of its nearest ancestor the loader recorded. The loader
// writes map keys unquoted, as the API server does (limits[nvidia.com/gpu]).
func lineOf(lines map[string]int, p string) int {
	if len(lines) == 0 {
		return 0
	}
	toks := parsePath(p)
	for n := len(toks); n > 0; n-- {
		if line, ok := lines[apiPath(toks[:n])]; ok {
			return line
		}
	}
	return 0
}

// apiPath renders steps the API server's way: map keys in brackets, unquoted.
func apiPath(toks []pathToken) string {
	var b strings.Builder
	for i, t := range toks {
		switch {
		case t.isIdx:
			b.WriteString("[" + strconv.Itoa(t.index) + "]")
		case t.isKey:
			b.WriteString("[" + t.name + "]")
		case i > 0:
			b.WriteString("." + t.name)
		default:
			b.WriteString(t.name)
		}
	}
	return b.String()
}
