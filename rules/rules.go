// Package rules is corslint's catalogue: each rule is a value with an ID, a
// severity, the Fetch standard step it enforces, Chromium's and Firefox's
// names for the failure, a doc and a fix. Rules are pure functions of a
// lint.Step; the blocking ones, in All's order, are the browser's algorithm.
package rules

import (
	"fmt"
	"strings"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/browser"
	"github.com/corslint/corslint/lint/header"
)

// Fetch standard anchors the rules cite.
const (
	specCORSCheck        = "https://fetch.spec.whatwg.org/#cors-check"
	specPreflightFetch   = "https://fetch.spec.whatwg.org/#cors-preflight-fetch-0"
	specRedirectFetch    = "https://fetch.spec.whatwg.org/#http-redirect-fetch"
	specHTTPFetch        = "https://fetch.spec.whatwg.org/#http-fetch"
	specCredentials      = "https://fetch.spec.whatwg.org/#cors-protocol-and-credentials"
	specNonWildcard      = "https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name"
	specPreflightCache   = "https://fetch.spec.whatwg.org/#cors-preflight-cache"
	specHTTPCaches       = "https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches"
	specACAC             = "https://fetch.spec.whatwg.org/#http-access-control-allow-credentials"
	specSafelistedHeader = "https://fetch.spec.whatwg.org/#cors-safelisted-request-header"
	specCORSProtocol     = "https://fetch.spec.whatwg.org/#http-cors-protocol"
)

// Rule families, one file each.
const (
	FamilyCORSCheck = "cors-check"
	FamilyPreflight = "preflight"
	FamilyRedirect  = "redirect"
	FamilyAdvisory  = "advisory"
	FamilySecurity  = "security"
	FamilyCache     = "cache"
)

// All returns every rule, blocking ones in the order Chromium applies them:
// the preflight (redirect, CORS check, status, ACAM/ACAH parsing, method,
// headers), then each actual response (CORS check, then the redirect
// checks), then the advisories and security rules, which never change the
// verdict.
func All() []*lint.Rule {
	var all []*lint.Rule
	all = append(all, networkRules...)
	all = append(all, preflightRedirect)
	all = append(all, accessRules(lint.Preflight)...)
	all = append(all, preflightRules...)
	all = append(all, accessRules(lint.Actual)...)
	all = append(all, redirectRules...)
	all = append(all, advisoryRules...)
	all = append(all, exposeRules...)
	all = append(all, securityRules...)
	all = append(all, cacheRules...)
	attachPlatforms(all)
	return all
}

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *lint.Rule {
	for _, r := range All() {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Validate checks that a rule list is well formed: unique kebab-case IDs,
// a title, a doc, a fix, a Fetch standard link and a check function.
func Validate(list []*lint.Rule) error {
	seen := map[string]bool{}
	for _, r := range list {
		switch {
		case r.ID == "" || strings.ToLower(r.ID) != r.ID || strings.ContainsAny(r.ID, " _"):
			return fmt.Errorf("rule %q: ID must be kebab-case", r.ID)
		case seen[r.ID]:
			return fmt.Errorf("rule %q: duplicate ID", r.ID)
		case r.Title == "" || r.Doc == "" || r.Fix == "":
			return fmt.Errorf("rule %q: title, doc and fix are required", r.ID)
		case !strings.HasPrefix(r.Spec, "https://"):
			return fmt.Errorf("rule %q: Spec must link the standard", r.ID)
		case r.Check == nil:
			return fmt.Errorf("rule %q: no check function", r.ID)
		case r.Blocks && r.Severity != lint.Error:
			return fmt.Errorf("rule %q: a blocking rule must be an error", r.ID)
		}
		seen[r.ID] = true
	}
	return nil
}

// preflightPrefix starts Chromium's console message for a failed preflight.
const preflightPrefix = "Response to preflight request doesn't pass access control check: "

// consoleLine renders Chromium's console error for a blocked fetch() on a
// step, in the browser's exact words (blink cors_error_string.cc
// GetErrorStringForConsoleMessage). Only the Preflight* errors carry the
// "Response to preflight request..." prefix; the method, header and
// list-parsing errors name the preflight in their own words.
func consoleLine(s *lint.Step, chromium, body string) string {
	redirected := ""
	if s.Hop > 0 && s.FirstURL != "" {
		redirected = fmt.Sprintf(" (redirected from '%s')", s.FirstURL)
	}
	prefix := ""
	if strings.HasPrefix(chromium, "Preflight") {
		prefix = preflightPrefix
	}
	return fmt.Sprintf("Access to fetch at '%s'%s from origin '%s' has been blocked by CORS policy: %s%s",
		s.URL, redirected, s.PageOrigin, prefix, body)
}

// blocked builds the diagnostic of a blocking rule from its message template.
func blocked(r *lint.Rule, s *lint.Step, param string, evidence ...string) lint.Diagnostic {
	body := r.ChromiumMessage
	if strings.Contains(body, "%s") {
		body = fmt.Sprintf(body, encodeHint(param))
	}
	return lint.Diagnostic{Message: consoleLine(s, r.Chromium, body), Param: param, Evidence: evidence}
}

// encodeHint prints a failed parameter as Chromium does: control and
// non-ASCII characters as \uXXXX.
func encodeHint(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0x20 && r < 0x7f {
			b.WriteRune(r)
			continue
		}
		if r > 0xffff {
			r = 0xfffd
		}
		fmt.Fprintf(&b, "\\u%04X", r)
	}
	return b.String()
}

// passesCORSCheck reports whether the step's response passes the CORS
// check: advisories about a response the browser refuses anyway would only
// distract from the failure.
func passesCORSCheck(s *lint.Step) bool {
	label, _ := header.CheckAccess(s.Header(header.AllowOrigin), s.Header(header.AllowCredentials), s.Credentials, s.Origin)
	return label == header.AccessOK
}

// one wraps a single diagnostic.
func one(d lint.Diagnostic) []lint.Diagnostic { return []lint.Diagnostic{d} }

// isFollowedRedirect reports whether a response is a redirect Chromium
// follows: 301, 302, 303, 307 or 308 with a Location.
func isFollowedRedirect(s *lint.Step) bool {
	location := s.Header("Location")
	return browser.IsRedirectStatus(s.Status()) && len(location) > 0 && location[0] != ""
}
