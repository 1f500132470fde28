package header

import (
	"net/netip"
	"strings"
	"unicode/utf8"
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
			return AccessWildcardCreds, "" // Chromium reports no parameter here
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
// needs a valid host and a numeric port no greater than 65535; any other
// scheme is valid ("localhost:3000" parses as scheme "localhost"). The host
// is checked after percent-decoding (validHost), as an IPv4 address when it
// ends in a number, and as an IPv6 address in brackets. Go's net/url
// differs and is not used here.
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
	if strings.HasPrefix(host, "[") {
		if !validIPv6(host) {
			return false
		}
	} else if !validHost(host) {
		return false
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

// validHost reports whether GURL accepts a special URL's host that is not
// in brackets (url_canon_host.cc, url_canon_ip.cc). It decodes percent
// escapes first, so "%6Cocalhost" is the host "localhost" and "%25" is a
// bad "%". What remains must be free of the URL standard's forbidden domain
// code points (https://url.spec.whatwg.org/#forbidden-domain-code-point),
// except the space, which Chromium still accepts (crbug.com/1416013), and
// non-ASCII bytes must be UTF-8 for IDNA. A host that ends in a number must
// be an IPv4 address (https://url.spec.whatwg.org/#concept-host-parser).
func validHost(host string) bool {
	var b strings.Builder
	for i := 0; i < len(host); i++ {
		c := host[i]
		if c == '%' {
			if i+2 >= len(host) || !isHex(host[i+1]) || !isHex(host[i+2]) {
				return false
			}
			c = unhex(host[i+1])<<4 | unhex(host[i+2])
			i += 2
		}
		if c < 0x20 || c == 0x7f || strings.IndexByte("#%/:<>?@[\\]^|", c) >= 0 {
			return false
		}
		b.WriteByte(c)
	}
	decoded := b.String()
	if !utf8.ValidString(decoded) {
		return false
	}
	if endsInNumber(decoded) {
		return isIPv4(decoded)
	}
	return true
}

// endsInNumber is https://url.spec.whatwg.org/#ends-in-a-number-checker.
func endsInNumber(host string) bool {
	parts := strings.Split(host, ".")
	if parts[len(parts)-1] == "" {
		if len(parts) == 1 {
			return false
		}
		parts = parts[:len(parts)-1]
	}
	last := parts[len(parts)-1]
	if IsDigits(last) {
		return true
	}
	_, ok := ipv4Number(last)
	return ok
}

// isIPv4 is https://url.spec.whatwg.org/#concept-ipv4-parser: up to four
// decimal, octal (leading 0) or hex (0x) parts, each but the last below 256.
func isIPv4(host string) bool {
	parts := strings.Split(host, ".")
	if parts[len(parts)-1] == "" && len(parts) > 1 {
		parts = parts[:len(parts)-1]
	}
	if len(parts) > 4 {
		return false
	}
	for i, p := range parts {
		n, ok := ipv4Number(p)
		if !ok {
			return false
		}
		if i < len(parts)-1 && n > 255 {
			return false
		}
		if i == len(parts)-1 && n >= 1<<(8*(5-len(parts))) {
			return false
		}
	}
	return true
}

// ipv4Number is https://url.spec.whatwg.org/#ipv4-number-parser.
func ipv4Number(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	base := uint64(10)
	switch {
	case len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'):
		base, s = 16, s[2:]
	case len(s) >= 2 && s[0] == '0':
		base, s = 8, s[1:]
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d uint64
		switch {
		case '0' <= c && c <= '9':
			d = uint64(c - '0')
		case base == 16 && isHex(c):
			d = uint64(unhex(c))
		default:
			return 0, false
		}
		if d >= base {
			return 0, false
		}
		// Saturate: anything past 2^32 is out of range for every part.
		n = min(n*base+d, 1<<33)
	}
	return n, true
}

// validIPv6 reports whether "[...]" holds an IPv6 address as the URL
// standard parses it: no zone, and not a bare IPv4 address.
func validIPv6(bracketed string) bool {
	addr, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(bracketed, "["), "]"))
	return err == nil && addr.Is6() && addr.Zone() == ""
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
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
