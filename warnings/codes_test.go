package warnings

import (
	"regexp"
	"strings"
	"testing"
)

var codeForm = regexp.MustCompile(`^[a-z]+(-[a-z]+)*\.[a-z0-9]+(-[a-z0-9]+)*$`)

func TestCodesAreDocumentedOnce(t *testing.T) {
	families := map[string]bool{}
	for _, f := range families_() {
		families[f] = true
	}
	seen := map[Code]bool{}
	for _, d := range Codes() {
		if seen[d.Code] {
			t.Errorf("%s is documented twice", d.Code)
		}
		seen[d.Code] = true
		if !codeForm.MatchString(string(d.Code)) {
			t.Errorf("%s is not family.kebab-case", d.Code)
		}
		if !families[d.Code.Family()] {
			t.Errorf("%s: family %q has no rules", d.Code, d.Code.Family())
		}
		if d.Severity != SeverityWarning && d.Severity != SeverityInfo {
			t.Errorf("%s: severity %q", d.Code, d.Severity)
		}
		if d.Summary == "" || strings.HasSuffix(d.Summary, ".") {
			t.Errorf("%s: the summary must be one line without a final period", d.Code)
		}
	}
}

func families_() []string {
	var out []string
	for _, f := range families {
		out = append(out, f.name)
	}
	return out
}

// TestEveryCodeIsEmittedAndDocumented runs the corpus and every rule table, and checks that the
// codes they emit and the documented codes are the same set.
func TestEveryCodeIsEmittedAndDocumented(t *testing.T) {
	emitted := map[Code]bool{}
	for _, file := range corpusFiles(t) {
		_, ws := checkOutput(t, file)
		for _, w := range ws {
			emitted[w.Code] = true
		}
	}
	for _, tables := range allRuleTables() {
		for _, tc := range tables {
			for _, w := range analyzeYAML(t, tc.pod, tc.cms, tc.secs) {
				emitted[w.Code] = true
			}
		}
	}
	for _, c := range flyteCodesEmitted(t) {
		emitted[c] = true
	}
	for c := range emitted {
		if _, ok := Lookup(c); !ok {
			t.Errorf("%s is emitted but not documented in codes.go", c)
		}
	}
	for _, d := range Codes() {
		if !emitted[d.Code] {
			t.Errorf("%s is documented but no corpus manifest or rule test emits it", d.Code)
		}
	}
}
