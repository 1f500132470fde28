package lint

import (
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/corslint/corslint/lint/browser"
)

// Exchange is one HTTP request sent and its response, recorded with every
// secret already redacted: nothing downstream of the engine can leak one.
type Exchange struct {
	Method   string          `json:"method"`
	URL      string          `json:"url"`
	Header   []browser.Field `json:"headers"`
	Response *Response       `json:"response,omitempty"`
	// Error is why no response was obtained: timeout, refused, TLS, a
	// malformed response. Empty when Response is set.
	Error    string        `json:"error,omitempty"`
	Duration time.Duration `json:"-"`
	netErr   *NetError
}

// Response is the part of an HTTP response the rules look at.
type Response struct {
	Status int         `json:"status"`
	Proto  string      `json:"proto"`
	Header http.Header `json:"headers"`
}

// SortedHeaderLines renders a header map as "Name: value" lines sorted by
// name, keeping the order of repeated lines.
func SortedHeaderLines(h http.Header) []string {
	names := make([]string, 0, len(h))
	for name := range h {
		names = append(names, name)
	}
	sort.Strings(names)
	var lines []string
	for _, name := range names {
		for _, v := range h[name] {
			lines = append(lines, name+": "+v)
		}
	}
	return lines
}

// Redacted is what replaces a secret in every output.
const Redacted = "[redacted]"

// secretHeaders carry credentials whatever their value.
var secretHeaders = map[string]bool{
	"authorization":       true,
	"proxy-authorization": true,
	"cookie":              true,
	"set-cookie":          true,
	"x-api-key":           true,
	"x-auth-token":        true,
	"x-csrf-token":        true,
	"x-xsrf-token":        true,
}

// IsSecretHeader reports whether a request header's value is a credential
// whose literal value must be redacted wherever it reappears (a server may
// echo it): the headers always redacted by name, and any name that speaks of
// a token, key, secret, session or authentication.
func IsSecretHeader(name string) bool {
	lower := strings.ToLower(name)
	if secretHeaders[lower] {
		return true
	}
	for _, word := range []string{"token", "key", "secret", "auth", "session"} {
		if strings.Contains(lower, word) {
			return true
		}
	}
	return false
}

// secretParams are query parameter names whose values are treated as secrets.
var secretParams = []string{"token", "key", "secret", "password", "passwd", "signature", "sig", "auth", "session", "credential", "code"}

// Redactor removes secrets from everything the engine records: the values
// of credential headers, query parameters that look like credentials, and
// every literal secret it was given (tokens expanded from the environment,
// cookie values), wherever they appear.
type Redactor struct {
	secrets []string
}

// NewRedactor returns a redactor for the given literal secrets.
func NewRedactor(secrets ...string) *Redactor {
	r := &Redactor{}
	r.Add(secrets...)
	return r
}

// Add registers more literal secrets. Very short values are ignored, since
// replacing them everywhere would mangle the output without protecting
// anything.
func (r *Redactor) Add(secrets ...string) {
	for _, s := range secrets {
		s = strings.TrimSpace(s)
		if len(s) < 4 {
			continue
		}
		r.secrets = append(r.secrets, s)
		// A bearer token's credential part is a secret on its own too.
		if _, cred, ok := strings.Cut(s, " "); ok && len(cred) >= 4 {
			r.secrets = append(r.secrets, strings.TrimSpace(cred))
		}
	}
	// Longest first, so a secret that contains another is removed whole.
	sort.Slice(r.secrets, func(i, j int) bool { return len(r.secrets[i]) > len(r.secrets[j]) })
}

// String redacts every known secret in s.
func (r *Redactor) String(s string) string {
	if r == nil {
		return s
	}
	for _, secret := range r.secrets {
		s = strings.ReplaceAll(s, secret, Redacted)
	}
	return s
}

// Value redacts a header value, wholly for credential headers.
func (r *Redactor) Value(name, value string) string {
	if secretHeaders[strings.ToLower(name)] {
		if value == "" {
			return ""
		}
		// Keep an auth scheme ("Bearer") visible: it helps debugging and
		// proves nothing about the credential.
		if scheme, _, ok := strings.Cut(value, " "); ok && strings.EqualFold(name, "authorization") && len(scheme) < 16 {
			return scheme + " " + Redacted
		}
		return Redacted
	}
	return r.String(value)
}

// URL redacts userinfo passwords, secret-looking query parameters and known
// secrets in a URL.
func (r *Redactor) URL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return r.String(raw)
	}
	if u.User != nil {
		if _, hasPassword := u.User.Password(); hasPassword {
			u.User = url.UserPassword(u.User.Username(), "redacted")
		}
	}
	if u.RawQuery != "" {
		q := u.Query()
		changed := false
		for name, values := range q {
			if isSecretParam(name) {
				for i := range values {
					values[i] = "redacted"
				}
				changed = true
			}
		}
		if changed {
			u.RawQuery = q.Encode()
		}
	}
	return r.String(u.String())
}

func isSecretParam(name string) bool {
	lower := strings.ToLower(name)
	for _, p := range secretParams {
		if lower == p || strings.HasSuffix(lower, "_"+p) || strings.HasSuffix(lower, "-"+p) ||
			strings.HasPrefix(lower, p+"_") || strings.HasPrefix(lower, "access_"+p) || lower == "api"+p || lower == "apikey" {
			return true
		}
	}
	return false
}

// Fields redacts a request header list.
func (r *Redactor) Fields(fields []browser.Field) []browser.Field {
	out := make([]browser.Field, len(fields))
	for i, f := range fields {
		out[i] = browser.Field{Name: f.Name, Value: r.Value(f.Name, f.Value)}
	}
	return out
}

// Header redacts a response header map.
func (r *Redactor) Header(h http.Header) http.Header {
	out := make(http.Header, len(h))
	for name, values := range h {
		redacted := make([]string, len(values))
		for i, v := range values {
			redacted[i] = r.Value(name, v)
		}
		out[name] = redacted
	}
	return out
}
