package pause

// Ref is the pause image's tag: the first 12 hex digits of SHA-256 over the amd64 program, the
// arm64 program and the image's layout name (checked by TestRefMatchesBinaries), so a change to
// either program or to what the image holds is a new tag, and an engine never keeps running an
// older pause under the same one.
const Ref = "podrun/pause:0cf91349ad29"
