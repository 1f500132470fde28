package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/browser"
	"github.com/corslint/corslint/lint/header"
)

var preflightRedirect = &lint.Rule{
	ID:              "preflight-redirect",
	Title:           "the preflight is answered with a redirect",
	Severity:        lint.Error,
	Blocks:          true,
	Phase:           lint.Preflight,
	Family:          FamilyPreflight,
	Spec:            specPreflightFetch,
	SpecStep:        "CORS-preflight fetch, steps 6-7 (the preflight uses HTTP-network-or-cache fetch, which never follows redirects; a redirect is not an ok status)",
	Chromium:        "PreflightDisallowedRedirect",
	ChromiumMessage: "Redirect is not allowed for a preflight request.",
	Firefox:         "CORSExternalRedirectNotAllowed",
	Doc: "Browsers never follow a redirect in answer to a preflight. Typical causes: an http:// URL " +
		"upgraded to https://, a missing or extra trailing slash that the framework redirects, a login " +
		"redirect from an authentication layer that also guards OPTIONS.",
	Fix: "Call the final URL directly (scheme, host and trailing slash as the server wants them), and " +
		"answer OPTIONS with 2xx and the CORS headers before any redirecting or authenticating layer.",
	Failing: "OPTIONS /api/orders\n-> HTTP 301, Location: /api/orders/",
	Passing: "OPTIONS /api/orders/\n-> HTTP 204, Access-Control-Allow-Origin: https://app.example.com",
}

func init() {
	// Set here rather than in the literal: the check refers to the rule.
	preflightRedirect.Check = func(s *lint.Step) []lint.Diagnostic {
		if s.ConflictingLocations() {
			return one(multipleLocations(s))
		}
		if !isFollowedRedirect(s) {
			return nil
		}
		return one(blocked(preflightRedirect, s, "", s.StatusLine(), "Location: "+s.Header("Location")[0]))
	}
}

var preflightStatus = &lint.Rule{
	ID:              "preflight-status-not-ok",
	Title:           "the preflight response's status is not 2xx",
	Severity:        lint.Error,
	Blocks:          true,
	Phase:           lint.Preflight,
	Family:          FamilyPreflight,
	Spec:            specPreflightFetch,
	SpecStep:        "CORS-preflight fetch, step 7 (the response's status must be an ok status, 200-299)",
	Chromium:        "PreflightInvalidStatus",
	ChromiumMessage: "It does not have HTTP ok status.",
	Firefox:         "CORSPreflightDidNotSucceed3",
	Doc: "The preflight must succeed with a 2xx status. A preflight carries no credentials: no " +
		"Authorization header and no cookies, ever. So an authorizer, API key check or login " +
		"middleware that also guards OPTIONS answers 401 or 403 and every credentialed call fails, " +
		"while an API tester that sends the token shows 200. 404 and 405 mean no route handles OPTIONS.",
	Fix: "Answer OPTIONS before authentication: exclude OPTIONS from the authorizer (or route it to a " +
		"CORS/mock integration), and reply 204 (or 200) with Access-Control-Allow-Origin, " +
		"-Methods, -Headers and, for credentialed calls, -Credentials.",
	Failing: "OPTIONS /orders (no Authorization: browsers never send it on a preflight)\n-> HTTP 401",
	Passing: "OPTIONS /orders\n-> HTTP 204\n-> Access-Control-Allow-Origin: https://app.example.com\n-> Access-Control-Allow-Methods: POST\n-> Access-Control-Allow-Headers: authorization, content-type",
}

var acamUnparsable = &lint.Rule{
	ID:              "acam-unparsable",
	Title:           "Access-Control-Allow-Methods cannot be parsed",
	Severity:        lint.Error,
	Blocks:          true,
	Phase:           lint.Preflight,
	Family:          FamilyPreflight,
	Spec:            specPreflightFetch,
	SpecStep:        "CORS-preflight fetch, step 7.3 (extracting the header list values fails: return a network error)",
	Chromium:        "InvalidAllowMethodsPreflightResponse",
	ChromiumMessage: "Cannot parse Access-Control-Allow-Methods response header field in preflight response.",
	Firefox:         "CORSInvalidAllowMethod",
	Doc: "Access-Control-Allow-Methods is a comma-separated list of method tokens. Spaces instead of " +
		"commas (\"GET PUT\"), quotes or other separators make the whole header unparsable, and the " +
		"preflight fails even when the method being requested needed no entry.",
	Fix:     "Separate methods with commas: Access-Control-Allow-Methods: GET, PUT, DELETE.",
	Failing: "-> Access-Control-Allow-Methods: GET PUT",
	Passing: "-> Access-Control-Allow-Methods: GET, PUT",
}

var acahUnparsable = &lint.Rule{
	ID:              "acah-unparsable",
	Title:           "Access-Control-Allow-Headers cannot be parsed",
	Severity:        lint.Error,
	Blocks:          true,
	Phase:           lint.Preflight,
	Family:          FamilyPreflight,
	Spec:            specPreflightFetch,
	SpecStep:        "CORS-preflight fetch, step 7.3",
	Chromium:        "InvalidAllowHeadersPreflightResponse",
	ChromiumMessage: "Cannot parse Access-Control-Allow-Headers response header field in preflight response.",
	Firefox:         "CORSInvalidAllowHeader",
	Doc: "Access-Control-Allow-Headers is a comma-separated list of header names. Spaces instead of " +
		"commas, semicolons, slashes or quotes make the whole header unparsable and fail every " +
		"preflight to this URL.",
	Fix:     "Separate header names with commas: Access-Control-Allow-Headers: authorization, content-type.",
	Failing: "-> Access-Control-Allow-Headers: authorization content-type",
	Passing: "-> Access-Control-Allow-Headers: authorization, content-type",
}

var methodNotAllowed = &lint.Rule{
	ID:              "method-not-allowed",
	Title:           "the method is not in Access-Control-Allow-Methods",
	Severity:        lint.Error,
	Blocks:          true,
	Phase:           lint.Preflight,
	Family:          FamilyPreflight,
	Spec:            specPreflightFetch,
	SpecStep:        "CORS-preflight fetch, step 7.5 (method not safelisted, not listed, and * does not apply)",
	Chromium:        "MethodDisallowedByPreflightResponse",
	ChromiumMessage: "Method %s is not allowed by Access-Control-Allow-Methods in preflight response.",
	Firefox:         "CORSMethodNotFound",
	Doc: "A method other than GET, HEAD and POST must be listed in Access-Control-Allow-Methods, " +
		"case-sensitively (Chromium since version 109): \"put\" does not allow PUT, and \"PATCH\" does " +
		"not allow a script's \"patch\", which fetch() sends verbatim. * allows any method only for " +
		"requests without credentials; with credentials it is the literal method name \"*\".",
	Fix: "List the method exactly as the browser sends it (PUT, DELETE, and PATCH only if the " +
		"script writes PATCH) in Access-Control-Allow-Methods; with credentials, never rely on *.",
	Failing: "Access-Control-Request-Method: PUT\n-> Access-Control-Allow-Methods: GET, POST",
	Passing: "Access-Control-Request-Method: PUT\n-> Access-Control-Allow-Methods: GET, POST, PUT",
}

var headerNotAllowed = &lint.Rule{
	ID:              "header-not-allowed",
	Title:           "a request header is not in Access-Control-Allow-Headers",
	Severity:        lint.Error,
	Blocks:          true,
	Phase:           lint.Preflight,
	Family:          FamilyPreflight,
	Spec:            specPreflightFetch,
	SpecStep:        "CORS-preflight fetch, steps 7.6-7.7 (every CORS-unsafe request-header name must be listed, or * without credentials)",
	Chromium:        "HeaderDisallowedByPreflightResponse",
	ChromiumMessage: "Request header field %s is not allowed by Access-Control-Allow-Headers in preflight response.",
	Firefox:         "CORSMissingAllowHeaderFromPreflight2",
	Doc: "Every request header that is not CORS-safelisted (Authorization, Content-Type other than " +
		"form or text/plain, any custom X- header) must be named in Access-Control-Allow-Headers " +
		"(case-insensitively). * covers them only for requests without credentials, and the " +
		"standard never lets * cover Authorization.",
	Fix: "Name every header the page sends in Access-Control-Allow-Headers, e.g. " +
		"authorization, content-type; with credentials, list them instead of *.",
	Failing: "Access-Control-Request-Headers: authorization,content-type\n-> Access-Control-Allow-Headers: content-type",
	Passing: "Access-Control-Request-Headers: authorization,content-type\n-> Access-Control-Allow-Headers: authorization, content-type",
}

var preflightRules = []*lint.Rule{preflightStatus, acamUnparsable, acahUnparsable, methodNotAllowed, headerNotAllowed}

func init() {
	preflightStatus.Check = func(s *lint.Step) []lint.Diagnostic {
		if isFollowedRedirect(s) || isOK(s.Status()) {
			return nil
		}
		d := blocked(preflightStatus, s, "", s.StatusLine())
		switch s.Status() {
		case 401, 403:
			d.Note = "A preflight never carries Authorization or cookies: whatever answers " + strconv.Itoa(s.Status()) +
				" to this OPTIONS request (an authorizer, an API key check, a login middleware) must let OPTIONS through unauthenticated."
		case 404, 405, 501:
			d.Note = "No route answers OPTIONS for this URL: add an OPTIONS handler or a CORS middleware that runs before routing."
		}
		return one(d)
	}
	acamUnparsable.Check = func(s *lint.Step) []lint.Diagnostic {
		if !listsJudged(s) {
			return nil
		}
		if _, bad, ok := header.ParseList(s.Header(header.AllowMethods)); !ok {
			d := blocked(acamUnparsable, s, "", s.Lines(header.AllowMethods)...)
			d.Note = "'" + bad + "' is not a method token; separate methods with commas."
			return one(d)
		}
		return nil
	}
	acahUnparsable.Check = func(s *lint.Step) []lint.Diagnostic {
		if !listsJudged(s) {
			return nil
		}
		if _, bad, ok := header.ParseList(s.Header(header.AllowHeaders)); !ok {
			d := blocked(acahUnparsable, s, "", s.Lines(header.AllowHeaders)...)
			d.Note = "'" + bad + "' is not a header name; separate header names with commas."
			return one(d)
		}
		return nil
	}
	methodNotAllowed.Check = func(s *lint.Step) []lint.Diagnostic {
		if !listsJudged(s) || browser.IsSafelistedMethod(s.Method) {
			return nil
		}
		methods, _, ok := header.ParseList(s.Header(header.AllowMethods))
		if !ok || methodAllowed(s.Method, methods, s.Credentials) {
			return nil
		}
		d := blocked(methodNotAllowed, s, s.Method, "Access-Control-Request-Method: "+s.Method)
		d.Evidence = append(d.Evidence, s.Lines(header.AllowMethods)...)
		switch {
		case containsFold(methods, s.Method):
			d.Note = "Access-Control-Allow-Methods lists the method in another case; the comparison is case-sensitive."
		case s.Credentials && slices.Contains(methods, "*"):
			d.Note = "With credentials, * in Access-Control-Allow-Methods is the literal method name \"*\", not a wildcard."
		}
		return one(d)
	}
	headerNotAllowed.Check = func(s *lint.Step) []lint.Diagnostic {
		if !listsJudged(s) {
			return nil
		}
		names, _, ok := header.ParseList(s.Header(header.AllowHeaders))
		if !ok {
			return nil
		}
		for _, name := range s.Decision.UnsafeHeaders {
			if headerAllowed(name, names, s.Credentials) {
				continue
			}
			d := blocked(headerNotAllowed, s, name, "Access-Control-Request-Headers: "+strings.Join(s.Decision.UnsafeHeaders, ","))
			d.Evidence = append(d.Evidence, s.Lines(header.AllowHeaders)...)
			if s.Credentials && slices.Contains(names, "*") {
				d.Note = "With credentials, * in Access-Control-Allow-Headers is a literal header name, not a wildcard: list " + name + " explicitly."
			}
			return one(d)
		}
		return nil
	}
}

// listsJudged reports whether the ACAM/ACAH checks say anything useful
// about a preflight response. Chromium stops at the first failure; corslint
// goes on to find every problem at once, but skips these checks on
// responses that plainly did not come from a CORS handler (an error status
// without any Access-Control-Allow-Methods or -Headers), where they would
// only repeat the real problem.
func listsJudged(s *lint.Step) bool {
	if !s.CORS || isFollowedRedirect(s) {
		return false
	}
	return isOK(s.Status()) || s.HasHeader(header.AllowMethods) || s.HasHeader(header.AllowHeaders)
}

func isOK(status int) bool { return status >= 200 && status <= 299 }

// methodAllowed implements CORS-preflight fetch step 7.5 as Chromium does
// (preflight_result.cc EnsureAllowedCrossOriginMethod, spec-conformant mode).
func methodAllowed(method string, methods []string, credentialed bool) bool {
	return browser.IsSafelistedMethod(method) || slices.Contains(methods, method) ||
		(!credentialed && slices.Contains(methods, "*"))
}

// headerAllowed implements steps 7.6-7.7 as Chromium 156 does: Authorization
// under * is tolerated without credentials (kCorsNonWildcardRequestHeadersSupport
// is disabled by default); the advisory rule reports it.
func headerAllowed(name string, names []string, credentialed bool) bool {
	return containsFold(names, name) || (!credentialed && slices.Contains(names, "*"))
}

func containsFold(items []string, s string) bool {
	for _, it := range items {
		if strings.EqualFold(it, s) {
			return true
		}
	}
	return false
}
