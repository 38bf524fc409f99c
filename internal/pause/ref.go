package pause

// Ref is the pause image's tag. Its tag is a content hash of both executables (the first 12 hex
// digits of SHA-256 over the amd64 then the arm64 one, checked by TestRefMatchesBinaries), so a
// change to the program is a new tag and an engine never keeps running an older pause.
const Ref = "podrun/pause:ddf0006c49ca"
