package podspec

import "strings"

// imageTag returns the tag of an image reference and whether it has a digest, the way the API
// server's defaulting reads it (parsers.ParseImageName): a reference with neither tag nor digest
// means "latest". A ":" before the last "/" belongs to a registry host's port, so
// `registry:5000/app` has no tag and `registry:5000/app:1.2` has tag 1.2.
func imageTag(ref string) (tag string, digest bool) {
	name, _, digest := strings.Cut(ref, "@")
	lastSlash := strings.LastIndexByte(name, '/')
	if colon := strings.LastIndexByte(name, ':'); colon > lastSlash {
		tag = name[colon+1:]
	}
	if tag == "" && !digest {
		tag = "latest"
	}
	return tag, digest
}

// defaultPullPolicy is the API server's default: Always for `:latest` (written or implied),
// IfNotPresent for any other tag or a digest.
func defaultPullPolicy(image string) string {
	if tag, _ := imageTag(image); tag == "latest" {
		return "Always"
	}
	return "IfNotPresent"
}
