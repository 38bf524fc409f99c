package podspec

import (
	"bytes"
)

// document is one YAML document of a multi-document stream, with the line (1-based) of its
// first byte in the whole file, so that lines reported inside it can be made file-relative.
// Empty documents (blanks and comments only) are dropped and not numbered.
type document struct {
	index     int // 1-based position in the stream
	firstLine int
	data      []byte
}

// splitDocuments cuts a YAML stream at its `---` separator lines, as kubectl's YAML reader
// does (k8s.io/apimachinery/pkg/util/yaml). Each part keeps its starting line. A JSON file has
// no separator lines and comes back whole.
func splitDocuments(data []byte) []document {
	var docs []document
	start, startLine, line := 0, 1, 1
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end >= 0 {
			next = off + end + 1
		}
		if isSeparator(data[off:next]) {
			docs = append(docs, document{firstLine: startLine, data: data[start:off]})
			start, startLine = next, line+1
		}
		off = next
		line++
	}
	docs = append(docs, document{firstLine: startLine, data: data[start:]})
	kept := docs[:0]
	for _, d := range docs {
		if !isBlank(d.data) {
			d.index = len(kept) + 1
			kept = append(kept, d)
		}
	}
	return kept
}

// isSeparator reports whether a line is a document separator: `---`, optionally followed by
// blanks or a comment. A separator followed by content on the same line (`--- {a: 1}`) is not
// supported, as in kubectl.
func isSeparator(line []byte) bool {
	rest, ok := bytes.CutPrefix(line, []byte("---"))
	if !ok {
		return false
	}
	rest = bytes.TrimLeft(rest, " \t")
	return len(rest) == 0 || rest[0] == '\n' || rest[0] == '\r' || rest[0] == '#'
}

// isBlank reports whether a document holds nothing but blanks, comments and document-end
// markers: such documents are skipped.
func isBlank(data []byte) bool {
	for line := range bytes.Lines(data) {
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' || bytes.Equal(t, []byte("...")) {
			continue
		}
		return false
	}
	return true
}
