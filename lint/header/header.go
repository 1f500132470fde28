// Package header parses the CORS response header values the way Chromium
// does, with the Fetch standard's rules cited at each decision. Every parser
// here is pure, total (never panics) and fuzzed.
package header

import (
	"strconv"
	"strings"
)

// Canonical names of the CORS headers.
const (
	AllowOrigin      = "Access-Control-Allow-Origin"
	AllowCredentials = "Access-Control-Allow-Credentials"
	AllowMethods     = "Access-Control-Allow-Methods"
	AllowHeaders     = "Access-Control-Allow-Headers"
	MaxAge           = "Access-Control-Max-Age"
	ExposeHeaders    = "Access-Control-Expose-Headers"
	RequestMethod    = "Access-Control-Request-Method"
	RequestHeaders   = "Access-Control-Request-Headers"
	Vary             = "Vary"
	Location         = "Location"
)

// Join combines the values of repeated header lines into one value, as
// Chromium's HttpResponseHeaders::GetNormalizedHeader and the Fetch
// standard's "get" (https://fetch.spec.whatwg.org/#concept-header-list-get)
// do: with ", ". The second result is false when the header is absent.
func Join(values []string) (string, bool) {
	if len(values) == 0 {
		return "", false
	}
	return strings.Join(values, ", "), true
}

// IsToken reports whether s is an RFC 9110 token (1*tchar).
func IsToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !IsTokenByte(s[i]) {
			return false
		}
	}
	return true
}

// IsTokenByte reports whether c is an RFC 9110 tchar.
func IsTokenByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

// TrimOWS removes leading and trailing SP and HTAB.
func TrimOWS(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return r == ' ' || r == '\t' })
}

// ParseList parses a list-based header value such as
// Access-Control-Allow-Methods or Access-Control-Allow-Headers, the way
// Chromium's ParseAccessControlAllowList does and as the Fetch standard's
// "extract header list values" requires
// (https://fetch.spec.whatwg.org/#extract-header-list-values): split on
// commas, trim OWS, skip empty elements, and require every remaining element
// to be a token. A single bad element makes the whole header unparsable; bad
// is that element. The lines of a repeated header are joined first.
func ParseList(values []string) (items []string, bad string, ok bool) {
	joined, present := Join(values)
	if !present {
		return nil, "", true
	}
	for _, part := range strings.Split(joined, ",") {
		part = TrimOWS(part)
		if part == "" {
			continue
		}
		if !IsToken(part) {
			return nil, part, false
		}
		items = append(items, part)
	}
	return items, "", true
}

// IsTrue reports whether an Access-Control-Allow-Credentials value is the
// byte-exact "true" the CORS check demands
// (https://fetch.spec.whatwg.org/#cors-check, step 7); "True", "TRUE",
// `"true"` and "true, true" (two lines) all fail.
func IsTrue(values []string) bool {
	v, ok := Join(values)
	return ok && v == "true"
}

// Browser caps on how long a preflight result is cached.
const (
	DefaultMaxAge  = 5     // seconds, when the header is absent or invalid (spec, Chromium)
	ChromiumMaxAge = 7200  // services/network/cors/preflight_result.cc kMaxTimeout
	FirefoxMaxAge  = 86400 // nsCORSListenerProxy.cpp
	SafariMaxAge   = 600   // WebKit CrossOriginPreflightResultCache.cpp
)

// MaxAgeResult is how each browser reads Access-Control-Max-Age.
type MaxAgeResult struct {
	Present  bool
	Valid    bool  // delta-seconds per the spec: one or more digits
	Seconds  int64 // the value as written, when Valid
	Chromium int64 // seconds Chromium caches the preflight for
	Firefox  int64 // seconds Firefox caches it for (0: not cached)
}

// ParseMaxAge reads Access-Control-Max-Age as Chromium
// (ParseAccessControlMaxAge: base::StringToInt64 on the joined value, invalid
// means the 5 s default, negative means 0, capped at 2 h) and Firefox
// (digits only, else not cached; capped at 24 h) do.
func ParseMaxAge(values []string) MaxAgeResult {
	v, present := Join(values)
	if !present {
		return MaxAgeResult{Chromium: DefaultMaxAge, Firefox: DefaultMaxAge}
	}
	r := MaxAgeResult{Present: true}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		switch {
		case n < 0:
			r.Chromium = 0
		case n > ChromiumMaxAge:
			r.Chromium = ChromiumMaxAge
		default:
			r.Chromium = n
		}
	} else {
		r.Chromium = DefaultMaxAge
	}
	if IsDigits(v) {
		r.Valid = true
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil { // overflow: an absurdly long run of digits
			n = 1<<63 - 1
		}
		r.Seconds = n
		r.Firefox = min(n, FirefoxMaxAge)
	}
	return r
}

// IsDigits reports whether s is 1*DIGIT.
func IsDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
