package rules

import (
	"slices"
	"strings"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/header"
)

// safelistedResponseHeaders are the CORS-safelisted response-header names
// (https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name): a
// script reads them without Access-Control-Expose-Headers.
var safelistedResponseHeaders = []string{
	"cache-control", "content-language", "content-length", "content-type", "expires", "last-modified", "pragma",
}

var headerNotExposed = &lint.Rule{
	ID:       "response-header-not-exposed",
	Title:    "the page reads a response header CORS hides",
	Severity: lint.Error,
	Phase:    lint.Actual,
	Family:   FamilyAdvisory,
	Spec:     "https://fetch.spec.whatwg.org/#http-access-control-expose-headers",
	SpecStep: "CORS-filtered response (only CORS-safelisted response-header names and those in Access-Control-Expose-Headers are visible; * only without credentials)",
	Doc: "A cross-origin response shows the script only Cache-Control, Content-Language, Content-Length, " +
		"Content-Type, Expires, Last-Modified and Pragma, plus the names in Access-Control-Expose-Headers. " +
		"Any other header, such as Location on a 201, X-Total-Count or a rate-limit header, reads as " +
		"null in the page although the network panel shows it, and no error is printed. * in " +
		"Access-Control-Expose-Headers exposes everything only for requests without credentials. " +
		"Set-Cookie is never exposed.",
	Fix: "List the header in Access-Control-Expose-Headers on the actual response (not the preflight), " +
		"e.g. Access-Control-Expose-Headers: Location, X-Total-Count; with credentials, name them instead of *.",
	Failing: "(the script reads X-Total-Count)\n-> X-Total-Count: 42\n(no Access-Control-Expose-Headers)",
	Passing: "(the script reads X-Total-Count)\n-> X-Total-Count: 42\n-> Access-Control-Expose-Headers: X-Total-Count",
}

func init() {
	headerNotExposed.Check = func(s *lint.Step) []lint.Diagnostic {
		if !s.CORS || len(s.Reads) == 0 || s.Redirect != nil || s.Exchange == nil || s.Exchange.Response == nil || !passesCORSCheck(s) {
			return nil
		}
		exposed, bad, ok := header.ParseList(s.Header(header.ExposeHeaders))
		var out []lint.Diagnostic
		for _, name := range s.Reads {
			lower := strings.ToLower(name)
			switch {
			case lower == "set-cookie" || lower == "set-cookie2":
				out = append(out, lint.Diagnostic{
					Param:    name,
					Message:  "The page reads " + name + ", which browsers never expose to scripts.",
					Note:     "Cookies reach the browser's jar, not the script; return the data in the body instead.",
					Evidence: s.Lines(header.ExposeHeaders),
				})
				continue
			case slices.Contains(safelistedResponseHeaders, lower), containsFold(exposed, lower),
				!s.Credentials && slices.Contains(exposed, "*"):
				continue
			}
			d := lint.Diagnostic{
				Param:    name,
				Message:  "The page reads the response header " + name + ", but it is not exposed: response.headers.get('" + name + "') returns null.",
				Evidence: append(s.Lines(header.ExposeHeaders), s.Lines(name)...),
			}
			switch {
			case !ok:
				d.Note = "Access-Control-Expose-Headers cannot be parsed ('" + bad + "' is not a header name), so it exposes nothing."
			case s.Credentials && slices.Contains(exposed, "*"):
				d.Note = "With credentials, * in Access-Control-Expose-Headers is a literal name, not a wildcard."
			}
			if !s.HasHeader(name) {
				d.Note = strings.TrimSpace(d.Note + " The response does not carry " + name + " at all either.")
			}
			out = append(out, d)
		}
		return out
	}
}

var exposeRules = []*lint.Rule{headerNotExposed}
