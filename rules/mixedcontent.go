package rules

import (
	"net/url"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/origin"
)

// FamilyNetwork holds the browser's gates that are not CORS but fail the
// fetch all the same.
const FamilyNetwork = "network"

var mixedContent = &lint.Rule{
	ID:       "mixed-content",
	Title:    "an https page fetches an http URL",
	Severity: lint.Error,
	Blocks:   true,
	Phase:    lint.AnyPhase,
	Family:   FamilyNetwork,
	Spec:     "https://fetch.spec.whatwg.org/#main-fetch",
	SpecStep: "main fetch, step 7 (should fetching request be blocked as mixed content: a secure page's fetch of an http: URL is blocked before any request is sent)",
	Chromium: "blocked:mixed-content",
	Doc: "A page served over https cannot fetch an http:// URL: Chromium and Firefox block the request " +
		"before it is sent, with a Mixed Content error rather than a CORS one, and the script only sees " +
		"\"Failed to fetch\". This also applies to a redirect from https to http. Loopback hosts " +
		"(localhost, 127.0.0.1, [::1]) are exempt, which is why it works on a developer's machine and " +
		"fails once deployed.",
	Fix: "Serve the API over https and call it with an https:// URL; make every redirect stay on https " +
		"(an http URL that redirects to https is still blocked, since the first request is never sent).",
	Failing: "page https://app.example.com\nfetch('http://api.example.com/orders')",
	Passing: "page https://app.example.com\nfetch('https://api.example.com/orders')",

	// Chromium blocks on the URL alone and sends nothing (measured), so a
	// server that is down is blocked all the same.
	BeforeSend: true,
}

var networkRules = []*lint.Rule{mixedContent}

func init() {
	mixedContent.Check = func(s *lint.Step) []lint.Diagnostic {
		page, err := origin.Parse(s.PageOrigin)
		if err != nil || page.IsOpaque() || page.Scheme != "https" {
			return nil
		}
		u, err := url.Parse(s.URL)
		if err != nil || u.Scheme != "http" {
			return nil
		}
		// IsLoopback ignores one trailing dot, as Chromium does:
		// http://localhost.:8080 is exempt too (measured).
		if target, err := origin.FromURL(u); err == nil && target.IsLoopback() {
			return nil // potentially trustworthy: not mixed content
		}
		return one(lint.Diagnostic{
			Message: "Mixed Content: The page at '" + s.PageOrigin + "/' was loaded over HTTPS, but requested an insecure resource '" +
				s.URL + "'. This request has been blocked; the content must be served over HTTPS.",
			Evidence: []string{"page origin: " + s.PageOrigin, "request URL: " + s.URL},
		})
	}
}
