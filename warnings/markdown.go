package warnings

import (
	"bytes"
	"fmt"
	"strings"
)

// Markdown renders the classification and the warning codes as a document (docs/fidelity.md),
// grouped by type, with counts per class. The file is generated: a test fails when it is stale.
func Markdown() []byte {
	fields := Classification()
	var b bytes.Buffer
	b.WriteString("# Fidelity: what podrun does with each field of a Pod\n\n")
	b.WriteString("<!-- Generated from warnings/fields_*.go and warnings/codes.go by `go test ./warnings -update`. Do not edit. -->\n\n")
	b.WriteString("podrun runs a pod on a local Docker engine with the kubelet's semantics. Every field of the\n")
	b.WriteString("Kubernetes Pod type (k8s.io/api, walked by reflection in a test, so a new field cannot go\n")
	b.WriteString("unnoticed) is in one of four classes:\n\n")
	b.WriteString("- **emulated**: behaves as on a cluster.\n")
	b.WriteString("- **approximated**: works, with a stated difference; setting it produces a warning.\n")
	b.WriteString("- **not-emulated**: ignored by this build; setting it produces a warning.\n")
	b.WriteString("- **not-applicable**: has no meaning without a cluster; an info where the user would care.\n\n")
	b.WriteString("`podrun check FILE` prints the warnings for a manifest; `podrun run --strict` refuses a pod that\n")
	b.WriteString("has any, and `--allow CODE` (or a family, `--allow scheduling`) silences chosen codes.\n")
	b.WriteString("Section numbers (§7.2) refer to the kubelet semantics reference podrun follows.\n\n")

	counts := map[Class]int{}
	for _, f := range fields {
		counts[f.Class]++
	}
	b.WriteString("| class | fields |\n| --- | ---: |\n")
	for _, c := range Classes {
		fmt.Fprintf(&b, "| %s | %d |\n", c, counts[c])
	}
	fmt.Fprintf(&b, "| **total** | **%d** |\n\n", len(fields))

	for _, group := range groupByType(fields) {
		fmt.Fprintf(&b, "## %s\n\n%s\n\n", group.typ, classCounts(group.fields))
		b.WriteString("| field | class | note |\n| --- | --- | --- |\n")
		for _, f := range group.fields {
			_, name, _ := strings.Cut(f.Name, ".")
			fmt.Fprintf(&b, "| `%s` | %s | %s |\n", name, f.Class, escapeCell(f.Note))
		}
		b.WriteString("\n")
	}

	b.WriteString("## Warning codes\n\n")
	b.WriteString("Codes are stable; one goes away when podrun starts emulating what it warns about.\n\n")
	b.WriteString("| code | severity | meaning |\n| --- | --- | --- |\n")
	for _, d := range codeDocs {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", d.Code, d.Severity, escapeCell(d.Summary))
	}
	return b.Bytes()
}

type typeGroup struct {
	typ    string
	fields []Field
}

// groupByType keeps the types in order of first appearance.
func groupByType(fields []Field) []typeGroup {
	var groups []typeGroup
	at := map[string]int{}
	for _, f := range fields {
		typ, _, _ := strings.Cut(f.Name, ".")
		i, ok := at[typ]
		if !ok {
			i = len(groups)
			at[typ] = i
			groups = append(groups, typeGroup{typ: typ})
		}
		groups[i].fields = append(groups[i].fields, f)
	}
	return groups
}

func classCounts(fields []Field) string {
	counts := map[Class]int{}
	for _, f := range fields {
		counts[f.Class]++
	}
	var parts []string
	for _, c := range Classes {
		if counts[c] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[c], c))
		}
	}
	noun := "fields"
	if len(fields) == 1 {
		noun = "field"
	}
	return fmt.Sprintf("%d %s: %s.", len(fields), noun, strings.Join(parts, ", "))
}

func escapeCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
