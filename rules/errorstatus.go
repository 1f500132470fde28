package rules

import (
	"net/http"
	"strconv"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/header"
)

var errorStatusWithoutCORS = &lint.Rule{
	ID:       "error-status-without-cors",
	Title:    "an error response carries no CORS headers, so the page sees a CORS error instead of the status",
	Severity: lint.Warning,
	Phase:    lint.Actual,
	Family:   FamilyAdvisory,
	Spec:     specHTTPFetch,
	SpecStep: "HTTP fetch (the CORS check runs on the response whatever its status)",
	Doc: "The CORS check applies to error responses too. A 401, 403, 404 or 5xx without " +
		"Access-Control-Allow-Origin (or, for a credentialed request, without Access-Control-Allow-Credentials) " +
		"reaches the page as a network error: fetch() rejects with \"TypeError: Failed to fetch\", the " +
		"status is invisible, and the console blames CORS. The page cannot send the user to the login " +
		"screen on an expired session or show the server's error message, and the bug report says " +
		"\"CORS is broken\". These responses usually come from a layer in front of the CORS code: an " +
		"authorizer, a gateway's own error responses, a framework's error handler, a crash.",
	Fix: "Add the CORS headers to every response of the endpoint, errors included: run the CORS middleware " +
		"first (outside authentication and error recovery), configure the gateway's error responses to " +
		"carry the headers, and with nginx use add_header ... always.",
	Failing: "Origin: https://app.example.com\n-> HTTP 401 (no Access-Control-Allow-Origin)",
	Passing: "Origin: https://app.example.com\n-> HTTP 401\n-> Access-Control-Allow-Origin: https://app.example.com",
}

// isErrorStatus reports whether a status is one a page needs to see to react
// to it: authentication, authorization, missing resource and server errors.
func isErrorStatus(status int) bool {
	return status == http.StatusUnauthorized || status == http.StatusForbidden ||
		status == http.StatusNotFound || status >= 500
}

func init() {
	errorStatusWithoutCORS.Check = func(s *lint.Step) []lint.Diagnostic {
		if !s.CORS || s.Redirect != nil || !isErrorStatus(s.Status()) {
			return nil
		}
		label, _ := header.CheckAccess(s.Header(header.AllowOrigin), s.Header(header.AllowCredentials), s.Credentials, s.Origin)
		missing := label == header.AccessMissing ||
			(label == header.AccessCredentialsNotTrue && !s.HasHeader(header.AllowCredentials))
		if !missing {
			return nil
		}
		status := strconv.Itoa(s.Status())
		return one(lint.Diagnostic{
			Message: "The server answered HTTP " + status + " without CORS headers: the page's fetch() rejects with " +
				"\"Failed to fetch\" and never sees the " + status + ".",
			Param:    status,
			Evidence: append([]string{s.StatusLine()}, s.Lines(header.AllowOrigin, header.AllowCredentials)...),
		})
	}
}
