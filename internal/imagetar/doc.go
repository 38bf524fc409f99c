// Package imagetar builds container image archives in the format `docker save` writes and
// `docker load` (the Engine's ImageLoad) reads, so podrun can provide images with no registry.
//
// The archive holds manifest.json, one image config JSON and one uncompressed layer tar, which
// every engine from 20.10 (API 1.41) to today's loads, with the classic image store or the
// containerd one. Building is pure and deterministic: entries are sorted, every timestamp is the
// Unix epoch and owners are root, so the same inputs always give the same bytes and therefore the
// same image ID (the SHA-256 of the config JSON).
package imagetar
