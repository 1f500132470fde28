package browser

import (
	"sort"
	"strings"

	"github.com/corslint/corslint/lint/header"
)

// maxSafelistedValue is the per-value limit of a CORS-safelisted
// request-header (https://fetch.spec.whatwg.org/#cors-safelisted-request-header, step 1).
const maxSafelistedValue = 128

// maxSafelistedTotal is the limit on the summed values of the safelisted
// headers above which all of them become unsafe
// (https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names, step 4).
const maxSafelistedTotal = 1024

// Flavor selects whose safelist applies.
type Flavor uint8

const (
	// Chromium safelists a few client-hint headers the standard does not
	// (services/network/public/cpp/cors/cors.cc IsCorsSafelistedHeader).
	Chromium Flavor = iota
	// Spec is the Fetch standard's list, which Firefox and Safari follow.
	Spec
)

// IsSafelistedMethod reports whether a normalized method is a CORS-safelisted
// method (https://fetch.spec.whatwg.org/#cors-safelisted-method). After
// normalization this is effectively case-sensitive.
func IsSafelistedMethod(method string) bool {
	return method == "GET" || method == "HEAD" || method == "POST"
}

// IsUnsafeByte reports whether c is a CORS-unsafe request-header byte
// (https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte).
func IsUnsafeByte(c byte) bool {
	return (c < 0x20 && c != '\t') || c == 0x7f || strings.IndexByte(`"():<>?@[\]{}`, c) >= 0
}

func hasUnsafeByte(v string) bool {
	for i := 0; i < len(v); i++ {
		if IsUnsafeByte(v[i]) {
			return true
		}
	}
	return false
}

// IsSafelisted reports whether a header set by a script is a CORS-safelisted
// request-header for the given flavor.
func IsSafelisted(name, value string, flavor Flavor) bool {
	if len(value) > maxSafelistedValue {
		return false
	}
	switch strings.ToLower(name) {
	case "accept":
		return !hasUnsafeByte(value)
	case "accept-language", "content-language":
		for i := 0; i < len(value); i++ {
			c := value[i]
			ok := '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' ||
				strings.IndexByte(" *,-.;=", c) >= 0
			if !ok {
				return false
			}
		}
		return true
	case "content-type":
		if hasUnsafeByte(value) {
			return false
		}
		essence, ok := MIMEEssence(value)
		return ok && (essence == "application/x-www-form-urlencoded" ||
			essence == "multipart/form-data" || essence == "text/plain")
	case "range":
		return isSimpleRange(value)
	}
	if flavor != Chromium {
		return false
	}
	// Chromium's extension: client hints a page may set itself, and the
	// Intervention header Chrome adds.
	switch strings.ToLower(name) {
	case "intervention":
		return true
	case "device-memory", "dpr", "downlink":
		return isDecimal(value)
	case "width", "viewport-width", "rtt":
		return header.IsDigits(value)
	case "ect":
		switch value {
		case "slow-2g", "2g", "3g", "4g":
			return true
		}
		return false
	case "save-data":
		return strings.EqualFold(value, "on")
	}
	return false
}

// UnsafeHeaderNames returns the CORS-unsafe request-header names of a header
// list (https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names):
// lower-cased, de-duplicated and sorted, exactly as they go into
// Access-Control-Request-Headers.
func UnsafeHeaderNames(fields []Field, flavor Flavor) []string {
	var unsafe, safe []string
	total := 0
	for _, f := range fields {
		name := strings.ToLower(f.Name)
		if IsSafelisted(f.Name, f.Value, flavor) {
			safe = append(safe, name)
			total += len(f.Value)
		} else {
			unsafe = append(unsafe, name)
		}
	}
	if total > maxSafelistedTotal {
		unsafe = append(unsafe, safe...)
	}
	return sortedSet(unsafe)
}

func sortedSet(names []string) []string {
	if len(names) == 0 {
		return nil
	}
	sort.Strings(names)
	out := names[:1]
	for _, n := range names[1:] {
		if n != out[len(out)-1] {
			out = append(out, n)
		}
	}
	return out
}

// MIMEEssence parses a Content-Type value with the WHATWG "parse a MIME type"
// algorithm (https://mimesniff.spec.whatwg.org/#parse-a-mime-type) as far as
// the essence, which is all the safelist needs: parameters never make parsing
// fail, so "text/plain;garbage" is text/plain, while "text /plain" and
// "text/plain,text/plain" are failures.
func MIMEEssence(value string) (string, bool) {
	value = strings.Trim(value, " \t\r\n")
	typ, rest, ok := strings.Cut(value, "/")
	if !ok || !header.IsToken(typ) {
		return "", false
	}
	sub, _, _ := strings.Cut(rest, ";")
	sub = strings.TrimRight(sub, " \t\r\n")
	if !header.IsToken(sub) {
		return "", false
	}
	return strings.ToLower(typ + "/" + sub), true
}

// isSimpleRange implements https://fetch.spec.whatwg.org/#simple-range-header-value
// as Chromium does: "bytes=" start "-" [end], one range, no whitespace, no
// suffix range, start <= end.
func isSimpleRange(value string) bool {
	v := strings.ToLower(value)
	rest, ok := strings.CutPrefix(v, "bytes=")
	if !ok {
		return false
	}
	start, end, ok := strings.Cut(rest, "-")
	if !ok || !header.IsDigits(start) || (end != "" && !header.IsDigits(end)) {
		return false
	}
	if len(start) > 18 || len(end) > 18 { // beyond int64: Chromium's parser fails
		return false
	}
	if end != "" && atoi(start) > atoi(end) {
		return false
	}
	return true
}

func atoi(s string) int64 {
	var n int64
	for i := 0; i < len(s); i++ {
		n = n*10 + int64(s[i]-'0')
	}
	return n
}

// isDecimal matches 1*DIGIT [ "." 1*DIGIT ].
func isDecimal(s string) bool {
	whole, frac, hasDot := strings.Cut(s, ".")
	return header.IsDigits(whole) && (!hasDot || header.IsDigits(frac))
}
