// Package browser builds the requests a browser sends for a script's
// fetch() call, exactly as Chromium builds them: method normalization,
// forbidden request headers, the preflight decision and the preflight
// request itself, and what a redirect does to all of these. It does no I/O.
package browser

import (
	"fmt"
	"strings"

	"github.com/corslint/corslint/lint/header"
)

// Field is one request header as a script sets it.
type Field struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// String renders the field as a header line.
func (f Field) String() string { return f.Name + ": " + f.Value }

// Note records something the browser does to a script's request that the
// script's author may not expect, such as silently dropping a header.
type Note struct {
	Header string // the header concerned, if any
	Text   string
}

// NormalizeMethod validates and normalizes a method the way fetch() and XHR
// do (https://fetch.spec.whatwg.org/#concept-method-normalize): a
// byte-case-insensitive match for DELETE, GET, HEAD, OPTIONS, POST or PUT is
// upper-cased and every other method is sent verbatim, so "patch" stays
// "patch". CONNECT, TRACE and TRACK throw a TypeError before any I/O.
func NormalizeMethod(method string) (string, error) {
	if !header.IsToken(method) {
		return "", fmt.Errorf("invalid method %q: not an HTTP token (fetch() throws a TypeError)", method)
	}
	upper := strings.ToUpper(method)
	switch upper {
	case "CONNECT", "TRACE", "TRACK":
		return "", fmt.Errorf("method %s is forbidden: browsers throw a TypeError before sending anything", upper)
	case "DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT":
		return upper, nil
	}
	return method, nil
}

// ParseHeaderLine parses a curl-style header argument, "Name: value", or
// "Name;" for an empty value. The value is normalized as Headers.append does
// (leading and trailing HTTP whitespace removed) and must not contain NUL,
// CR or LF (https://fetch.spec.whatwg.org/#concept-header-value).
func ParseHeaderLine(line string) (Field, error) {
	name, value, ok := strings.Cut(line, ":")
	if !ok {
		if n, isEmpty := strings.CutSuffix(line, ";"); isEmpty {
			name, value, ok = n, "", true
		}
	}
	if !ok {
		return Field{}, fmt.Errorf("invalid header %q: want \"Name: value\"", line)
	}
	if !header.IsToken(name) {
		return Field{}, fmt.Errorf("invalid header name %q: not an HTTP token", name)
	}
	value = strings.Trim(value, " \t\r\n")
	if strings.ContainsAny(value, "\x00\r\n") {
		return Field{}, fmt.Errorf("invalid value for header %s: contains NUL, CR or LF", name)
	}
	return Field{Name: name, Value: value}, nil
}

// ForbiddenReason reports why browsers silently drop a header a script sets
// (https://fetch.spec.whatwg.org/#forbidden-request-header), or "" when they
// send it. User-Agent is on the standard's list no longer, but Chromium still
// ignores it when a script sets it.
func ForbiddenReason(name, value string) string {
	lower := strings.ToLower(name)
	switch lower {
	case "accept-charset", "accept-encoding", "access-control-request-headers",
		"access-control-request-method", "connection", "content-length", "cookie",
		"cookie2", "date", "dnt", "expect", "host", "keep-alive", "origin", "referer",
		"set-cookie", "te", "trailer", "transfer-encoding", "upgrade", "via":
		return "a forbidden request header: browsers drop it silently"
	case "user-agent":
		return "Chromium ignores a User-Agent set by a script (Firefox sends it, with a preflight)"
	case "x-http-method", "x-http-method-override", "x-method-override":
		for _, m := range strings.Split(value, ",") {
			switch strings.ToUpper(header.TrimOWS(m)) {
			case "CONNECT", "TRACE", "TRACK":
				return "its value names a forbidden method: browsers drop it silently"
			}
		}
		return ""
	}
	if strings.HasPrefix(lower, "proxy-") || strings.HasPrefix(lower, "sec-") {
		return "a forbidden request header (Proxy-* and Sec-* are reserved to the browser): browsers drop it silently"
	}
	return ""
}

// IsCookieHeader reports whether name is Cookie, which a script cannot set
// but the browser's cookie jar attaches to credentialed requests.
func IsCookieHeader(name string) bool { return strings.EqualFold(name, "Cookie") }

// HeaderList applies what Headers.append does to a script's fields: drop the
// forbidden ones (with a note each) and combine repeated names into one
// field whose value is joined with ", ", keeping first-seen order.
func HeaderList(fields []Field) ([]Field, []Note) {
	var out []Field
	var notes []Note
	index := map[string]int{}
	for _, f := range fields {
		if reason := ForbiddenReason(f.Name, f.Value); reason != "" {
			notes = append(notes, Note{Header: f.Name, Text: f.Name + " dropped: " + reason})
			continue
		}
		key := strings.ToLower(f.Name)
		if i, seen := index[key]; seen {
			out[i].Value += ", " + f.Value
			continue
		}
		index[key] = len(out)
		out = append(out, f)
	}
	return out, notes
}

// Get returns the value of the first field named name, case-insensitively.
func Get(fields []Field, name string) (string, bool) {
	for _, f := range fields {
		if strings.EqualFold(f.Name, name) {
			return f.Value, true
		}
	}
	return "", false
}

// Without returns fields minus those named in names, case-insensitively.
func Without(fields []Field, names ...string) []Field {
	var out []Field
	for _, f := range fields {
		drop := false
		for _, n := range names {
			if strings.EqualFold(f.Name, n) {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, f)
		}
	}
	return out
}

// TextPlainUTF8 is the Content-Type fetch() gives a string body when the
// script sets none (https://fetch.spec.whatwg.org/#concept-bodyinit-extract).
const TextPlainUTF8 = "text/plain;charset=UTF-8"

// Preflight reasons: why the browser sends a CORS preflight.
const (
	ReasonMethod  = "method"
	ReasonHeaders = "headers"
)

// PreflightDecision says whether a cross-origin request is preflighted and why
// (https://fetch.spec.whatwg.org/#main-fetch, step 12 "CORS-preflight
// fetch" condition; Chromium cors_url_loader.cc NeedsPreflight).
type PreflightDecision struct {
	Needed        bool
	Why           string   // human-readable reason, "" when not needed
	UnsafeHeaders []string // names for Access-Control-Request-Headers
	// SpecUnsafeHeaders are the names the standard (and so Firefox and
	// Safari) consider unsafe; they differ from UnsafeHeaders only through
	// Chromium's extra safelisted client hints.
	SpecUnsafeHeaders []string
}

// DecidePreflight decides whether the browser preflights a cross-origin
// request with this normalized method and header list. Credentials never
// trigger a preflight on their own.
func DecidePreflight(method string, fields []Field) PreflightDecision {
	d := PreflightDecision{
		UnsafeHeaders:     UnsafeHeaderNames(fields, Chromium),
		SpecUnsafeHeaders: UnsafeHeaderNames(fields, Spec),
	}
	var why []string
	if !IsSafelistedMethod(method) {
		why = append(why, fmt.Sprintf("method %s is not GET, HEAD or POST", method))
	}
	if len(d.UnsafeHeaders) > 0 {
		why = append(why, "non-safelisted request headers: "+strings.Join(d.UnsafeHeaders, ", "))
	}
	d.Needed = len(why) > 0
	d.Why = strings.Join(why, "; ")
	return d
}

// PreflightFields returns the CORS headers of the preflight for an actual
// request (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0, steps 1-5):
// Access-Control-Request-Method with the method exactly as it will be sent,
// and Access-Control-Request-Headers with the unsafe names lower-cased,
// sorted and joined by "," without spaces, omitted when there are none.
// The preflight never carries the script's headers, cookies or a body.
func PreflightFields(method string, unsafeHeaders []string) []Field {
	fields := []Field{{Name: header.RequestMethod, Value: method}}
	if len(unsafeHeaders) > 0 {
		fields = append(fields, Field{Name: header.RequestHeaders, Value: strings.Join(unsafeHeaders, ",")})
	}
	return fields
}

// RedirectMethod returns the method and whether the body (with its
// Content-* headers) survives a redirect with this status
// (https://fetch.spec.whatwg.org/#http-redirect-fetch, step 12): 301 and 302
// turn POST into GET; 303 turns everything but GET and HEAD into GET.
func RedirectMethod(status int, method string) (string, bool) {
	if ((status == 301 || status == 302) && method == "POST") ||
		(status == 303 && method != "GET" && method != "HEAD") {
		return "GET", false
	}
	return method, true
}

// RequestBodyHeaders are removed with the body when a redirect turns the
// request into a GET (https://fetch.spec.whatwg.org/#request-body-header-name).
var RequestBodyHeaders = []string{"Content-Encoding", "Content-Language", "Content-Location", "Content-Type"}

// IsRedirectStatus reports whether Chromium follows a response with this
// status when it carries a Location (net HttpResponseHeaders::IsRedirect):
// 300 is not followed.
func IsRedirectStatus(status int) bool {
	switch status {
	case 301, 302, 303, 307, 308:
		return true
	}
	return false
}
