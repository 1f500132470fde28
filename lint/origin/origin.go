// Package origin models web origins the way browsers serialize them in the
// Origin request header.
//
// A browser never sends a path, a trailing slash, an upper-case host, a
// default port or a Unicode host name in Origin: it sends the ASCII
// serialization of an origin
// (https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin),
// or "null" for an opaque origin. Parse is therefore strict: an origin that a
// browser could not have sent is an error that says what to write instead,
// because testing a server with such a value proves nothing about browsers.
package origin

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// Null is the serialization of an opaque origin: a sandboxed iframe, a data:
// document, or a request tainted by a cross-origin redirect.
const Null = "null"

// maxLen bounds the input we are willing to inspect; no real host is longer.
const maxLen = 2048

// Origin is a tuple origin (scheme, host, port) or the opaque origin.
// The zero value is not a valid origin.
type Origin struct {
	Scheme string // "http" or "https"
	Host   string // lower-case ASCII; IPv6 addresses keep their brackets
	Port   string // empty when it is the scheme's default port
	opaque bool
}

// Opaque returns the opaque origin, which serializes as "null".
func Opaque() Origin { return Origin{opaque: true} }

// IsOpaque reports whether o is the opaque origin.
func (o Origin) IsOpaque() bool { return o.opaque }

// String returns the ASCII serialization of o, as sent in the Origin header.
func (o Origin) String() string {
	if o.opaque {
		return Null
	}
	if o.Scheme == "" {
		return ""
	}
	s := o.Scheme + "://" + o.Host
	if o.Port != "" {
		s += ":" + o.Port
	}
	return s
}

// HostName returns the host without IPv6 brackets.
func (o Origin) HostName() string {
	return strings.TrimSuffix(strings.TrimPrefix(o.Host, "["), "]")
}

// IsIP reports whether the host is an IP address literal.
func (o Origin) IsIP() bool { return net.ParseIP(o.HostName()) != nil }

// IsLoopback reports whether the host is a loopback IP or a localhost name
// (RFC 6761 section 6.3), which browsers treat as potentially trustworthy.
func (o Origin) IsLoopback() bool {
	// "localhost." is the same name, fully qualified; browsers treat it alike.
	h := strings.TrimSuffix(o.HostName(), ".")
	if ip := net.ParseIP(h); ip != nil {
		return ip.IsLoopback()
	}
	return h == "localhost" || strings.HasSuffix(h, ".localhost")
}

// RegistrableDomain returns the host's registrable domain (eTLD+1), or the
// host itself for IP addresses, localhost and hosts that are a public suffix.
func (o Origin) RegistrableDomain() string {
	h := o.HostName()
	if o.IsIP() || !strings.Contains(h, ".") {
		return h
	}
	d, err := publicsuffix.EffectiveTLDPlusOne(h)
	if err != nil {
		return h
	}
	return d
}

// SameOrigin reports whether a and b are the same origin. An opaque origin
// is not the same origin as anything, itself included.
func SameOrigin(a, b Origin) bool {
	if a.opaque || b.opaque {
		return false
	}
	return a.Scheme == b.Scheme && a.Host == b.Host && a.Port == b.Port
}

// SameSite reports whether a and b are schemefully same-site
// (https://html.spec.whatwg.org/multipage/browsers.html#same-site), the
// relation behind Sec-Fetch-Site.
func SameSite(a, b Origin) bool {
	if a.opaque || b.opaque {
		return false
	}
	return a.Scheme == b.Scheme && a.RegistrableDomain() == b.RegistrableDomain()
}

// FromURL returns the origin of an http(s) URL the way a browser computes it:
// lower-case scheme and host, IDN hosts in punycode, default port dropped.
func FromURL(u *url.URL) (Origin, error) {
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return Origin{}, fmt.Errorf("scheme %q is not http or https", u.Scheme)
	}
	host, err := asciiHost(u.Hostname())
	if err != nil {
		return Origin{}, err
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	port := u.Port()
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n > 65535 {
			return Origin{}, fmt.Errorf("invalid port %q", port)
		}
		port = strconv.Itoa(n)
		if port == defaultPort(scheme) {
			port = ""
		}
	}
	return Origin{Scheme: scheme, Host: host, Port: port}, nil
}

// ParseError explains why a string is not a serialized origin, and what the
// browser would have sent instead when that can be told.
type ParseError struct {
	Input      string
	Reason     string
	Suggestion string // a valid serialization close to Input, or ""
}

func (e *ParseError) Error() string {
	msg := fmt.Sprintf("invalid origin %q: %s", e.Input, e.Reason)
	if e.Suggestion != "" {
		msg += fmt.Sprintf("; did you mean %q?", e.Suggestion)
	}
	return msg
}

// Parse parses s as a serialized origin: "null", or scheme://host[:port]
// with scheme http or https, exactly as a browser writes it in Origin.
func Parse(s string) (Origin, error) {
	fail := func(reason, suggestion string) (Origin, error) {
		if suggestion != "" && suggestion != s {
			if _, err := Parse(suggestion); err != nil {
				suggestion = ""
			}
		} else {
			suggestion = ""
		}
		return Origin{}, &ParseError{Input: s, Reason: reason, Suggestion: suggestion}
	}
	switch {
	case s == Null:
		return Opaque(), nil
	case s == "":
		return fail("empty", "")
	case len(s) > maxLen:
		return fail(fmt.Sprintf("longer than %d bytes", maxLen), "")
	case s == "*":
		return fail(`"*" is a response value, not an origin a browser can send`, "")
	case strings.TrimSpace(s) != s:
		return fail("leading or trailing whitespace", strings.TrimSpace(s))
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f {
			return fail(fmt.Sprintf("control, space or non-ASCII byte at offset %d", i), suggest(s))
		}
	}
	scheme, rest, ok := strings.Cut(s, ":")
	if !ok || !isScheme(scheme) {
		return fail("missing scheme (http:// or https://)", suggest(s))
	}
	if lower := strings.ToLower(scheme); lower != "http" && lower != "https" {
		return fail(fmt.Sprintf("scheme %q: only http and https origins can make CORS requests here", scheme), "")
	}
	if !strings.HasPrefix(rest, "//") {
		return fail(fmt.Sprintf(`missing "//" after %q`, scheme+":"), suggest(s))
	}
	authority := rest[2:]
	if i := strings.IndexAny(authority, "/?#\\"); i >= 0 {
		what := "a path"
		switch {
		case authority[i:] == "/":
			what = "a trailing slash"
		case authority[i] == '?':
			what = "a query"
		case authority[i] == '#':
			what = "a fragment"
		}
		return fail("an origin has no path, query or fragment, but this has "+what, suggest(s))
	}
	if strings.Contains(authority, "@") {
		return fail("an origin has no user name or password", suggest(s))
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return fail("not a URL", "")
	}
	if u.Hostname() == "" {
		return fail("empty host", "")
	}
	o, err := FromURL(u)
	if err != nil {
		return fail(err.Error(), "")
	}
	if want := o.String(); want != s {
		return fail("not serialized as a browser sends it (lower-case scheme and host, punycode, no default port)", want)
	}
	return o, nil
}

// MustParse is Parse for literals known to be valid; it panics otherwise.
func MustParse(s string) Origin {
	o, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return o
}

// suggest returns the serialization a browser would send for a sloppy
// origin such as "example.com/", "https:/example.com" or "HTTPS://X:443",
// or "" when there is no obvious one.
func suggest(s string) string {
	t := strings.TrimSpace(s)
	if !strings.Contains(t, "://") {
		if scheme, rest, ok := strings.Cut(t, ":"); ok && isScheme(scheme) &&
			(strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https")) {
			t = scheme + "://" + strings.TrimLeft(rest, "/\\")
		} else {
			t = "https://" + strings.TrimLeft(t, "/")
		}
	}
	u, err := url.Parse(t)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	o, err := FromURL(u)
	if err != nil {
		return ""
	}
	if _, err := Parse(o.String()); err != nil {
		return ""
	}
	return o.String()
}

// asciiHost lower-cases a host and converts an IDN to punycode, rejecting
// characters that no browser would accept in a host.
func asciiHost(h string) (string, error) {
	if h == "" {
		return "", fmt.Errorf("empty host")
	}
	if ip := net.ParseIP(h); ip != nil {
		if ip4 := ip.To4(); ip4 != nil && !strings.Contains(h, ":") {
			return ip4.String(), nil
		}
		return ip.String(), nil
	}
	if endsInNumber(h) {
		// The URL standard reads such a host as IPv4 ("127.1", "0x7f.1"),
		// so a browser sends its dotted-decimal form.
		ip, ok := parseIPv4(h)
		if !ok {
			return "", fmt.Errorf("host %q is not a valid IPv4 address", h)
		}
		return ip, nil
	}
	ascii, err := idna.Lookup.ToASCII(h)
	if err != nil {
		// Browsers accept some hosts UTS 46 rejects (underscores, for
		// example); fall back to a plain character check.
		ascii = strings.ToLower(h)
		for _, r := range ascii {
			if r >= 0x80 || strings.ContainsRune(forbiddenHostChars, r) {
				return "", fmt.Errorf("host %q contains %q", h, r)
			}
		}
	}
	return ascii, nil
}

// endsInNumber implements the URL standard's "ends in a number checker".
func endsInNumber(h string) bool {
	labels := strings.Split(strings.TrimSuffix(h, "."), ".")
	last := labels[len(labels)-1]
	if last == "" {
		return false
	}
	if strings.Trim(last, "0123456789") == "" {
		return true
	}
	hex, ok := strings.CutPrefix(strings.ToLower(last), "0x")
	return ok && strings.Trim(hex, "0123456789abcdef") == ""
}

// parseIPv4 implements the URL standard's IPv4 parser: one to four parts,
// each decimal, 0x-hex or 0-octal, the last filling the remaining bytes.
func parseIPv4(h string) (string, bool) {
	parts := strings.Split(strings.TrimSuffix(h, "."), ".")
	if len(parts) > 4 {
		return "", false
	}
	nums := make([]uint64, len(parts))
	for i, p := range parts {
		base := 10
		switch lp := strings.ToLower(p); {
		case strings.HasPrefix(lp, "0x"):
			base, p = 16, p[2:]
		case len(p) > 1 && p[0] == '0':
			base, p = 8, p[1:]
		}
		if p == "" {
			if base != 16 {
				return "", false
			}
			p = "0"
		}
		n, err := strconv.ParseUint(p, base, 64)
		if err != nil {
			return "", false
		}
		nums[i] = n
	}
	for _, n := range nums[:len(nums)-1] {
		if n > 255 {
			return "", false
		}
	}
	last := nums[len(nums)-1]
	if last >= 1<<(8*(5-len(nums))) {
		return "", false
	}
	ip := last
	for i, n := range nums[:len(nums)-1] {
		ip += n << (8 * (3 - i))
	}
	return fmt.Sprintf("%d.%d.%d.%d", ip>>24, ip>>16&255, ip>>8&255, ip&255), true
}

// forbiddenHostChars are the WHATWG URL forbidden domain code points that can
// survive url.Parse.
const forbiddenHostChars = " \t\r\n#%/:<>?@[\\]^|*\"'`{}"

func isScheme(s string) bool {
	if s == "" || !isAlpha(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isAlpha(c) && !('0' <= c && c <= '9') && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

func isAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func defaultPort(scheme string) string {
	switch scheme {
	case "http", "ws":
		return "80"
	case "https", "wss":
		return "443"
	}
	return ""
}
