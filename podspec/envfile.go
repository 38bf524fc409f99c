package podspec

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"k8s.io/apimachinery/pkg/util/validation"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// parseEnvFile reads an env file by kubectl's rules (k8s.io/kubectl pkg/cmd/util/env_file.go,
// AddFromEnvFile and processEnvFileLine), calling add for each KEY=VALUE:
//
//   - lines are split as bufio.Scanner splits them (a trailing \r is dropped); a UTF-8 BOM is
//     dropped from the first line; each line must be valid UTF-8;
//   - leading whitespace is trimmed; empty lines and lines starting with '#' are skipped;
//   - the key is everything before the first '=' and must be a C identifier-like env var name
//     (validation.IsEnvVarName); the value is everything after it, taken as written: no
//     trimming, no quote removal, no escapes, no `export` prefix;
//   - a line with a key and no '=' takes its value from the environment (kubectl's
//     os.Getenv(key): "" when unset), here getenv.
func parseEnvFile(file string, data []byte, getenv func(string) string, add func(key, value string) error) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 0; sc.Scan(); n++ {
		line := sc.Bytes()
		if !utf8.Valid(line) {
			return fmt.Errorf("env file %s contains invalid utf8 bytes at line %d: %v", file, n+1, line)
		}
		if n == 0 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		line = bytes.TrimLeftFunc(line, unicode.IsSpace)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, value, hasValue := strings.Cut(string(line), "=")
		if msgs := validation.IsEnvVarName(key); len(msgs) > 0 {
			return fmt.Errorf("env file %s, line %d: %q is not a valid key name: %s", file, n+1, key, strings.Join(msgs, ";"))
		}
		if !hasValue && getenv != nil {
			value = getenv(key)
		}
		if err := add(key, value); err != nil {
			return fmt.Errorf("env file %s, line %d: %w", file, n+1, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("env file %s: %w", file, err)
	}
	return nil
}
