package plan

import "testing"

// TestExpand covers the kubelet's expansion rules (§7.2) case by case.
func TestExpand(t *testing.T) {
	vars := map[string]string{
		"A":     "alpha",
		"B":     "$(A)", // a value is never expanded again
		"EMPTY": "",
		"SP AC": "spaced",
	}
	tests := []struct {
		name, in, want string
	}{
		{"plain text", "hello", "hello"},
		{"empty input", "", ""},
		{"defined", "$(A)", "alpha"},
		{"defined in text", "x-$(A)-y", "x-alpha-y"},
		{"two references", "$(A)$(A)", "alphaalpha"},
		{"defined empty", "[$(EMPTY)]", "[]"},
		{"undefined stays as written", "$(NOPE)", "$(NOPE)"},
		{"undefined beside defined", "$(NOPE)/$(A)", "$(NOPE)/alpha"},
		{"value not re-expanded", "$(B)", "$(A)"},
		{"escaped operator", "$$", "$"},
		{"escaped reference", "$$(A)", "$(A)"},
		{"escape then reference", "$$$(A)", "$alpha"},
		{"double escape", "$$$$(A)", "$$(A)"},
		{"dollar letter is literal", "$A", "$A"},
		{"dollar brace is literal", "${A}", "${A}"},
		{"trailing dollar", "cost: 5$", "cost: 5$"},
		{"lone dollar", "$", "$"},
		{"unclosed reference", "$(A", "$(A"},
		{"name runs to the first close", "$($(A)", "$($(A)"},
		{"unclosed reference then text", "$(A and $(A)", "$(A and $(A)"},
		{"empty name is undefined", "$()", "$()"},
		{"name with a space", "$(SP AC)", "spaced"},
		{"nested parentheses end at the first close", "$((A))", "$((A))"},
		{"close without open", "A)", "A)"},
		{"non-ASCII around", "é$(A)ü", "éalphaü"},
		{"dollar before non-ASCII", "$é", "$é"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := expand(tc.in, lookupIn(vars)); got != tc.want {
				t.Errorf("expand(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
