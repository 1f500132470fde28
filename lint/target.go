package lint

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/corslint/corslint/lint/browser"
	"github.com/corslint/corslint/lint/header"
	"github.com/corslint/corslint/lint/origin"
)

// Request is the fetch() call a page's script makes, as the user describes
// it on the command line or in the config file.
type Request struct {
	URL    string
	Method string          // as the script passes it; normalized by Prepare
	Header []browser.Field // as the script sets them, forbidden ones included
	// Body is sent with the actual request only; HasBody distinguishes an
	// empty body from none.
	Body    []byte
	HasBody bool
	// Credentials is credentials mode "include".
	Credentials bool
	// Cookie is what the browser's cookie jar would attach to a
	// credentialed request to URL's host.
	Cookie string
	// Send allows sending actual requests whose method may change data
	// (anything but GET and HEAD).
	Send bool
	// Reads are the response headers the script reads
	// (response.headers.get), which CORS hides unless exposed.
	Reads []string
}

// Prepared is a Request after the browser's own processing.
type Prepared struct {
	URL    *url.URL
	Origin origin.Origin // the target URL's origin
	Method string
	// Fields is the header list the browser sends: forbidden headers
	// dropped, repeats combined, the implicit Content-Type of a string body
	// and fetch()'s default Accept added.
	Fields  []browser.Field
	Body    []byte
	HasBody bool
	Notes   []string
}

// UsageError is bad input from the user: a malformed URL, method, header or
// origin. It maps to exit code 2.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

func usageErrorf(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// ParseTargetURL validates the URL a script fetches: absolute http(s), a
// host, and no user name or password (fetch() throws a TypeError for those).
func ParseTargetURL(raw string) (*url.URL, origin.Origin, error) {
	if strings.TrimSpace(raw) != raw || raw == "" {
		return nil, origin.Origin{}, usageErrorf("invalid URL %q: empty or surrounded by whitespace", raw)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, origin.Origin{}, usageErrorf("invalid URL %q: %v", raw, unwrapURLError(err))
	}
	if u.Scheme == "" || u.Host == "" {
		return nil, origin.Origin{}, usageErrorf("invalid URL %q: want an absolute http:// or https:// URL", raw)
	}
	if u.User != nil {
		return nil, origin.Origin{}, usageErrorf("invalid URL %q: fetch() rejects URLs with a user name or password", raw)
	}
	o, err := origin.FromURL(u)
	if err != nil {
		return nil, origin.Origin{}, usageErrorf("invalid URL %q: %v", raw, err)
	}
	u.Fragment, u.RawFragment = "", ""
	return u, o, nil
}

func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

// Prepare applies what the browser does to a script's request before any
// CORS logic: URL checks, method normalization, header list rules and the
// implicit headers of fetch().
func Prepare(r Request) (*Prepared, error) {
	u, o, err := ParseTargetURL(r.URL)
	if err != nil {
		return nil, err
	}
	method, err := browser.NormalizeMethod(r.Method)
	if err != nil {
		return nil, &UsageError{Err: err}
	}
	if r.HasBody && (method == "GET" || method == "HEAD") {
		return nil, usageErrorf("a %s request cannot have a body: fetch() throws a TypeError", method)
	}
	for _, f := range r.Header {
		for i := 0; i < len(f.Value); i++ {
			if c := f.Value[i]; (c < 0x20 && c != '\t') || c == 0x7f {
				// fetch() accepts these bytes (they make the header
				// CORS-unsafe), but Go's HTTP client refuses to send them.
				return nil, usageErrorf("header %s: control byte 0x%02x in its value cannot be sent by corslint (browsers send it and preflight the request)", f.Name, c)
			}
		}
	}
	fields, notes := browser.HeaderList(r.Header)
	p := &Prepared{URL: u, Origin: o, Method: method, Body: r.Body, HasBody: r.HasBody}
	for _, n := range notes {
		p.Notes = append(p.Notes, n.Text)
	}
	if r.HasBody {
		if _, ok := browser.Get(fields, "Content-Type"); !ok {
			fields = append(fields, browser.Field{Name: "Content-Type", Value: browser.TextPlainUTF8})
			p.Notes = append(p.Notes, "Content-Type: "+browser.TextPlainUTF8+" added: fetch() types a string body that way")
		}
	}
	if _, ok := browser.Get(fields, "Accept"); !ok {
		// https://fetch.spec.whatwg.org/#fetching, step 12: "*/*" when unset.
		fields = append([]browser.Field{{Name: "Accept", Value: "*/*"}}, fields...)
	}
	for _, name := range r.Reads {
		if !header.IsToken(name) {
			return nil, usageErrorf("invalid response header name %q: not an HTTP token", name)
		}
	}
	if r.Cookie != "" && !r.Credentials {
		p.Notes = append(p.Notes, "cookies not sent: without credentials mode \"include\" the browser attaches no cookies to a cross-origin request")
	}
	p.Fields = fields
	return p, nil
}

// Target is one endpoint and the request a page makes to it.
type Target struct {
	Name    string // from the config; defaults to method and URL
	Request Request
	// Origins are the page origins that must be allowed.
	Origins []origin.Origin
	// Denied are origins that must not be granted access.
	Denied []origin.Origin
	// Public marks endpoints meant to be readable by any site.
	Public bool
	// TrustSubdomains declares that every subdomain of the allowed
	// origins' registrable domains is trusted.
	TrustSubdomains bool
}

// Probe is one simulated fetch: a target requested from one origin.
type Probe struct {
	Target *Target
	Origin origin.Origin
	Source Source
}
