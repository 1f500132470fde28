package config

import (
	"fmt"
	"strings"
)

// span is where an expanded environment value sits in the expanded string.
type span struct {
	start int
	value string
}

// expand replaces every ${NAME} in s with the variable's value, and $${
// with a literal ${. A bare $NAME is left alone: shells and CI systems
// expand that form themselves, and a config file should not do it twice.
// An unset or empty variable is an error, because a CI secret that did not
// reach the job would otherwise send "Authorization: Bearer " and report
// findings about the wrong thing.
func expand(s string, lookup func(string) (string, bool)) (string, []span, error) {
	if !strings.Contains(s, "$") {
		return s, nil, nil
	}
	var b strings.Builder
	var spans []span
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "$${"):
			b.WriteString("${")
			i += 3
		case strings.HasPrefix(s[i:], "${"):
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return "", nil, fmt.Errorf("unterminated ${ in %q: write ${NAME}, or $${ for a literal ${", s)
			}
			name := s[i+2 : i+end]
			if !isEnvName(name) {
				return "", nil, fmt.Errorf("invalid variable name %q in ${%s}: want letters, digits and _, not starting with a digit", name, name)
			}
			value, ok := lookup(name)
			switch {
			case !ok:
				return "", nil, fmt.Errorf("environment variable %s is not set (referenced as ${%s})", name, name)
			case value == "":
				return "", nil, fmt.Errorf("environment variable %s is empty (referenced as ${%s})", name, name)
			}
			spans = append(spans, span{start: b.Len(), value: value})
			b.WriteString(value)
			i += end + 1
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String(), spans, nil
}

func isEnvName(s string) bool {
	if s == "" || ('0' <= s[0] && s[0] <= '9') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// authorityEnd returns the offset where a URL's path, query or fragment
// starts: values expanded before it name a scheme, host or port, which every
// report shows anyway, and are not secrets.
func authorityEnd(u string) int {
	i := strings.Index(u, "://")
	if i < 0 {
		return 0
	}
	if j := strings.IndexAny(u[i+3:], "/?#"); j >= 0 {
		return i + 3 + j
	}
	return len(u)
}
