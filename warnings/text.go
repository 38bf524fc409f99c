package warnings

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Text prints warnings for people: a summary line, then the pod's own warnings, then each
// container's in pod order (init containers, containers, ephemeral containers). With color,
// severities, codes and hints are highlighted with ANSI escapes.
func Text(w io.Writer, file string, ws []Warning, color bool) {
	st := style{on: color}
	if len(ws) == 0 {
		fmt.Fprintf(w, "%s: no warnings\n", st.bold(file))
		return
	}
	fmt.Fprintf(w, "%s: %s\n", st.bold(file), summary(ws))
	for _, g := range groupByContainer(ws) {
		fmt.Fprintf(w, "\n  %s\n", st.bold(g.title))
		for _, x := range g.warnings {
			loc := x.Path
			if x.Line > 0 {
				loc = fmt.Sprintf("%s (line %d)", x.Path, x.Line)
			}
			fmt.Fprintf(w, "    %s %s  %s\n", st.severity(x.Severity), st.bold(string(x.Code)), loc)
			fmt.Fprintf(w, "      %s\n", x.Message)
			if x.Hint != "" {
				fmt.Fprintf(w, "      %s %s\n", st.dim("hint:"), x.Hint)
			}
		}
	}
}

// summary counts warnings and infos: "3 warnings, 1 info".
func summary(ws []Warning) string {
	var n, infos int
	for _, w := range ws {
		if w.Severity == SeverityInfo {
			infos++
		} else {
			n++
		}
	}
	var parts []string
	if n > 0 {
		parts = append(parts, plural(n, "warning"))
	}
	if infos > 0 {
		parts = append(parts, plural(infos, "info"))
	}
	return strings.Join(parts, ", ")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

type containerGroup struct {
	title    string
	rank     [2]int // list (init, regular, ephemeral, unknown), index
	warnings []Warning
}

// groupByContainer puts the pod's warnings first, then each container's, in pod order, which
// it reads from the paths (…initContainers[1]…), so it works on any slice of warnings.
func groupByContainer(ws []Warning) []containerGroup {
	pod := containerGroup{title: "pod", rank: [2]int{-1, 0}}
	byName := map[string]*containerGroup{}
	var order []*containerGroup
	for _, w := range ws {
		if w.Container == "" {
			pod.warnings = append(pod.warnings, w)
			continue
		}
		g, ok := byName[w.Container]
		if !ok {
			g = &containerGroup{title: fmt.Sprintf("container %q", w.Container), rank: [2]int{3, 0}}
			byName[w.Container] = g
			order = append(order, g)
		}
		if list, i, ok := containerPosition(w.Path); ok && [2]int{list, i} != g.rank && (g.rank[0] == 3 || list < g.rank[0]) {
			g.rank = [2]int{list, i}
			g.title = fmt.Sprintf("%s %q", [...]string{"init container", "container", "ephemeral container"}[list], w.Container)
		}
		g.warnings = append(g.warnings, w)
	}
	slices.SortStableFunc(order, func(a, b *containerGroup) int {
		if a.rank[0] != b.rank[0] {
			return a.rank[0] - b.rank[0]
		}
		return a.rank[1] - b.rank[1]
	})
	var out []containerGroup
	if len(pod.warnings) > 0 {
		out = append(out, pod)
	}
	for _, g := range order {
		out = append(out, *g)
	}
	return out
}

// containerPosition finds the container list and index a path points into.
func containerPosition(path string) (list, i int, ok bool) {
	toks := parsePath(path)
	for j := 0; j+1 < len(toks); j++ {
		if toks[j].isIdx || toks[j].isKey || !toks[j+1].isIdx {
			continue
		}
		switch toks[j].name {
		case "initContainers":
			return 0, toks[j+1].index, true
		case "containers":
			return 1, toks[j+1].index, true
		case "ephemeralContainers":
			return 2, toks[j+1].index, true
		}
	}
	return 0, 0, false
}

// style applies ANSI colours when on.
type style struct{ on bool }

func (s style) wrap(code, text string) string {
	if !s.on {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

func (s style) bold(t string) string { return s.wrap("1", t) }
func (s style) dim(t string) string  { return s.wrap("2", t) }

func (s style) severity(sev Severity) string {
	if sev == SeverityInfo {
		return s.wrap("36", "info   ")
	}
	return s.wrap("33", "warning")
}
