package podspec

import (
	"testing"
)

func TestSplitDocuments(t *testing.T) {
	t.Parallel()
	data := "---\n# only a comment\n---\na: 1\n--- # next\n\nb: 2\n...\n---\n"
	docs := splitDocuments([]byte(data))
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2: %+v", len(docs), docs)
	}
	for i, want := range []struct{ index, firstLine int }{{1, 4}, {2, 6}} {
		if docs[i].index != want.index || docs[i].firstLine != want.firstLine {
			t.Errorf("doc %d = index %d line %d, want %+v", i, docs[i].index, docs[i].firstLine, want)
		}
	}
	if docs := splitDocuments([]byte("a: '---'\nb: |\n  ---x\n")); len(docs) != 1 {
		t.Errorf("a --- that is not a separator line split the document: %d documents", len(docs))
	}
}

func TestNameFromFile(t *testing.T) {
	t.Parallel()
	tests := []struct{ file, want string }{
		{"pod.yaml", "pod"},
		{"/x/y/My_Web.App.yml", "my-web-app"},
		{"-", "pod"},
		{"___.yaml", "pod"},
		{"--a--b--.json", "a-b"},
		{"job", "job"},
		{"x0123456789012345678901234567890123456789012345678901234567890123456789.yaml",
			"x01234567890123456789012345678901234567890123456789012345678901"},
	}
	for _, tc := range tests {
		if got := nameFromFile(tc.file); got != tc.want {
			t.Errorf("nameFromFile(%q) = %q, want %q", tc.file, got, tc.want)
		}
	}
}

func TestParentPathAndLine(t *testing.T) {
	t.Parallel()
	tests := []struct{ path, want string }{
		{"spec.containers[1].image", "spec.containers[1]"},
		{"spec.containers[1]", "spec.containers"},
		{"metadata.labels[app.kubernetes.io/name]", "metadata.labels"},
		{"spec", ""},
		{"]", ""},
	}
	for _, tc := range tests {
		if got := parentPath(tc.path); got != tc.want {
			t.Errorf("parentPath(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
	in := &Input{Lines: map[string]int{"spec.containers[0]": 7}}
	if got := in.Line("spec.containers[0].ports[2].name"); got != 7 {
		t.Errorf("Line falls back to the nearest ancestor: got %d, want 7", got)
	}
	if got := in.Line("metadata.name"); got != 0 {
		t.Errorf("Line of an unknown path = %d, want 0", got)
	}
}

func TestClosestName(t *testing.T) {
	t.Parallel()
	names := []string{"image", "imagePullPolicy", "command", "args", "env"}
	tests := []struct{ name, want string }{
		{"imagePullPolcy", "imagePullPolicy"},
		{"Image", "image"},
		{"comand", "command"},
		{"volumes", ""},
		{"en", ""}, // too short to guess
	}
	for _, tc := range tests {
		if got := closestName(tc.name, names); got != tc.want {
			t.Errorf("closestName(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}
