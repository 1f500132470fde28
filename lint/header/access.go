package header

import (
	"strings"
)

// Access is the outcome of the CORS check on one response, labelled the way
// Chromium's network::cors::CheckAccess labels it. Only AccessOK passes; the
// other labels differ in diagnosis, not in verdict.
type Access uint8

const (
	AccessOK                 Access = iota
	AccessWildcardCreds             // ACAO "*" on a credentialed request
	AccessMissing                   // no ACAO
	AccessMultiple                  // ACAO contains a space or a comma
	AccessInvalid                   // ACAO is not a URL to Chromium's GURL
	AccessMismatch                  // ACAO is a URL (or "null") but not the request's origin
	AccessCredentialsNotTrue        // credentialed, and ACAC is not byte-exact "true"
)

// CheckAccess runs the CORS check (https://fetch.spec.whatwg.org/#cors-check)
// on a response's ACAO and ACAC header lines, for a request whose serialized
// origin is requestOrigin ("null" once tainted) and whose credentials mode is
// "include" when credentialed. It returns Chromium's label and the value
// Chromium reports as failedParameter. The order of the tests is Chromium's
// (services/network/public/cpp/cors/cors.cc CheckAccess), which decides
// which message a developer sees when several things are wrong.
func CheckAccess(acao, acac []string, credentialed bool, requestOrigin string) (Access, string) {
	value, present := Join(acao)
	switch {
	case present && value == "*":
		// Spec step 3-4: "*" only for requests whose credentials mode is
		// not "include", even with ACAC true.
		if credentialed {
			return AccessWildcardCreds, value
		}
		return AccessOK, ""
	case !present:
		return AccessMissing, ""
	case value != requestOrigin:
		switch {
		case strings.ContainsAny(value, " ,"):
			return AccessMultiple, value
		case value == "null":
			return AccessMismatch, value
		case !IsGURLValid(value):
			return AccessInvalid, value
		}
		return AccessMismatch, value
	}
	if credentialed {
		credentials, _ := Join(acac)
		if credentials != "true" {
			return AccessCredentialsNotTrue, credentials
		}
	}
	return AccessOK, ""
}

// IsGURLValid approximates whether Chromium's GURL accepts s as a valid URL,
// which is what separates InvalidAllowOriginValue from AllowOriginMismatch.
// GURL strips tabs and newlines, needs a scheme, and for the special schemes
// needs a non-empty host without forbidden code points and a numeric port
// no greater than 65535; any other scheme is valid ("localhost:3000" parses
// as scheme "localhost"). Go's net/url differs and is not used here.
func IsGURLValid(s string) bool {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
	s = strings.TrimFunc(s, func(r rune) bool { return r <= ' ' })
	colon := strings.IndexByte(s, ':')
	if colon <= 0 || !isSchemeName(s[:colon]) {
		return false
	}
	scheme := strings.ToLower(s[:colon])
	switch scheme {
	case "http", "https", "ws", "wss", "ftp":
	default: // file: and non-special schemes have no host to validate
		return true
	}
	rest := strings.TrimLeft(s[colon+1:], `/\`)
	end := strings.IndexAny(rest, `/\?#`)
	if end < 0 {
		end = len(rest)
	}
	authority := rest[:end]
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		authority = authority[at+1:]
	}
	host, port := authority, ""
	if strings.HasPrefix(host, "[") {
		closing := strings.IndexByte(host, ']')
		if closing < 0 {
			return false
		}
		host, port = host[:closing+1], host[closing+1:]
		if port != "" {
			if port[0] != ':' {
				return false
			}
			port = port[1:]
		}
	} else if i := strings.IndexByte(host, ':'); i >= 0 {
		host, port = host[:i], host[i+1:]
	}
	if host == "" {
		return false
	}
	if !strings.HasPrefix(host, "[") {
		for i := 0; i < len(host); i++ {
			c := host[i]
			if c < 0x20 || c == 0x7f || strings.IndexByte(" #%/:<>?@[\\]^|\"`{}", c) >= 0 {
				return false
			}
		}
	}
	if port != "" {
		n := 0
		for i := 0; i < len(port); i++ {
			if port[i] < '0' || port[i] > '9' {
				return false
			}
			n = n*10 + int(port[i]-'0')
			if n > 65535 {
				return false
			}
		}
	}
	return true
}

func isSchemeName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alpha := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if i == 0 && !alpha {
			return false
		}
		if !alpha && !('0' <= c && c <= '9') && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}
