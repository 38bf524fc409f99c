package flyte

import (
	"encoding/base32"
	"hash/fnv"
	"regexp"
	"strconv"
	"strings"
)

// base32Encoder is flytestdlib's encoding for hashed names: lower-case letters and 1–6.
var base32Encoder = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz123456").WithPadding(base32.NoPadding)

// podName is encoding.FixedLengthUniqueIDForParts(50, [execution, node, attempt]) (§3.5):
// the parts joined with "-", or "f" + base32(fnv32a) when longer than 50 characters.
func podName(o PodOptions) string {
	return fixedLengthUniqueID(o.ExecutionID+"-"+o.NodeID+"-"+strconv.Itoa(o.Attempt), 50)
}

func fixedLengthUniqueID(id string, max int) string {
	if len(id) <= max {
		return id
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	return "f" + base32Encoder.EncodeToString(h.Sum(nil))
}

var invalidLabelChars = regexp.MustCompile(`[^-a-z0-9]+`)

// sanitizeLabelValue is propeller's utils.SanitizeLabelValue: lower-case, runs of other
// characters become "-", at most 63 characters, no leading or trailing "-".
func sanitizeLabelValue(s string) string {
	s = invalidLabelChars.ReplaceAllString(strings.ToLower(s), "-")
	if len(s) > 63 {
		s = s[:63]
	}
	return strings.Trim(s, "-")
}

// shardKey is fnv32a of the execution-id label, modulo the keyspace of 32 (compiler
// transformers, §3.5).
func shardKey(executionLabel string) string {
	h := fnv.New32a()
	h.Write([]byte(executionLabel))
	return strconv.FormatUint(uint64(h.Sum32()%32), 10)
}
