package imagetar

import (
	"fmt"
	"regexp"
)

// refPattern accepts a tagged reference as `docker load` requires one (a RepoTag without a tag
// or with a digest is refused by the engine): [host[:port]/]path:tag, the path lower-case.
var refPattern = regexp.MustCompile(`^` +
	`(?:[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?(?::[0-9]+)?/)?` + // optional registry host
	`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*` + // first path component
	`(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*` + // more path components
	`:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$`) // tag

func checkRef(ref string) error {
	if !refPattern.MatchString(ref) || len(ref) > 255 {
		return fmt.Errorf("image reference %q: want name:tag", ref)
	}
	return nil
}
