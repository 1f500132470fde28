package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/corslint/corslint/lint"
)

var redirectTooMany = &lint.Rule{
	ID:       "redirect-too-many",
	Title:    "more than 20 redirects",
	Severity: lint.Error,
	Blocks:   true,
	Phase:    lint.Actual,
	Family:   FamilyRedirect,
	Spec:     specRedirectFetch,
	SpecStep: "HTTP-redirect fetch, step 7 (a 21st redirect is a network error)",
	Chromium: "net::ERR_TOO_MANY_REDIRECTS",
	Doc: "Browsers follow at most 20 redirects and then fail the request with a network error " +
		"(no CORS message, the page only sees \"Failed to fetch\"). A loop between two URLs, often " +
		"http/https or trailing-slash rules fighting each other, is the usual cause.",
	Fix:     "Break the loop: make the URL the page calls the final one, or fix the rules that redirect back and forth.",
	Failing: "/a -> 302 /b -> 302 /a -> ... (21 redirects)",
	Passing: "/a -> 302 /b -> 200",
}

var redirectUnsafeScheme = &lint.Rule{
	ID:       "redirect-unsafe-scheme",
	Title:    "a redirect to a scheme other than http or https",
	Severity: lint.Error,
	Blocks:   true,
	Phase:    lint.Actual,
	Family:   FamilyRedirect,
	Spec:     specRedirectFetch,
	SpecStep: "HTTP-redirect fetch, step 6 (a location URL whose scheme is not an HTTP(S) scheme is a network error)",
	Chromium: "net::ERR_UNSAFE_REDIRECT",
	Doc:      "A fetch() only follows redirects to http: and https: URLs; data:, file:, or a custom app scheme fail the request.",
	Fix:      "Redirect to an https:// URL, or return the target in the body for the page to handle.",
	Failing:  "-> HTTP 302, Location: myapp://callback",
	Passing:  "-> HTTP 302, Location: https://api.example.com/callback",
}

var redirectInvalidLocation = &lint.Rule{
	ID:       "redirect-invalid-location",
	Title:    "a redirect whose Location is not a valid URL",
	Severity: lint.Error,
	Blocks:   true,
	Phase:    lint.Actual,
	Family:   FamilyRedirect,
	Spec:     specRedirectFetch,
	SpecStep: "HTTP-redirect fetch, step 5 (a location URL that fails to parse is a network error)",
	Chromium: "net::ERR_INVALID_REDIRECT",
	Doc:      "The Location header of a redirect could not be parsed as a URL, so the browser fails the request.",
	Fix:      "Send an absolute, percent-encoded URL in Location.",
	Failing:  "-> HTTP 302, Location: http://[bad",
	Passing:  "-> HTTP 302, Location: https://api.example.com/next",
}

var redirectUserinfo = &lint.Rule{
	ID:              "redirect-userinfo",
	Title:           "a redirect to a URL with a user name or password",
	Severity:        lint.Error,
	Blocks:          true,
	Phase:           lint.Actual,
	Family:          FamilyRedirect,
	Spec:            specRedirectFetch,
	SpecStep:        "HTTP-redirect fetch, steps 9-10 (a cross-origin or CORS request redirected to a URL that includes credentials is a network error)",
	Chromium:        "RedirectContainsCredentials",
	ChromiumMessage: "Redirect location '%s' contains a username and password, which is disallowed for cross-origin requests.",
	Doc: "A redirect to https://user:password@host/ is refused for CORS requests. Chromium also " +
		"blocks it for same-origin requests, as it blocks any sub-resource URL with embedded credentials.",
	Fix:     "Redirect to a URL without userinfo and authenticate with a header or a cookie instead.",
	Failing: "-> HTTP 302, Location: https://user:pass@api.example.com/",
	Passing: "-> HTTP 302, Location: https://api.example.com/",
}

// redirectSchemeErrors are the redirect targets Chromium 156 refuses before
// its CORS loader sees them, as measured by the conformance suite: content's
// IsSafeRedirectTarget and the WebUI schemes give net::ERR_UNSAFE_REDIRECT;
// isolated-app: has no loader; view-source: is a blocked local resource.
// Any other scheme that is not http or https fails in the CORS loader
// (cors_url_loader.cc) with CorsDisabledScheme.
var redirectSchemeErrors = map[string]string{
	"about": "net::ERR_UNSAFE_REDIRECT", "blob": "net::ERR_UNSAFE_REDIRECT", "chrome": "net::ERR_UNSAFE_REDIRECT",
	"chrome-extension": "net::ERR_UNSAFE_REDIRECT", "chrome-untrusted": "net::ERR_UNSAFE_REDIRECT",
	"data": "net::ERR_UNSAFE_REDIRECT", "devtools": "net::ERR_UNSAFE_REDIRECT", "file": "net::ERR_UNSAFE_REDIRECT",
	"filesystem": "net::ERR_UNSAFE_REDIRECT", "isolated-app": "net::ERR_UNKNOWN_URL_SCHEME", "view-source": "blocked:other",
}

// corsSchemesMessage is Chromium 156's console text for CorsDisabledScheme.
const corsSchemesMessage = "Cross origin requests are only supported for protocol schemes: chrome, chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, isolated-app."

// multipleLocations is the network error of a response whose Location lines
// differ, which Chromium fails before any CORS check.
func multipleLocations(s *lint.Step) lint.Diagnostic {
	return lint.Diagnostic{
		Message:  s.Method + " " + s.URL + " net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION",
		Chromium: "net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION",
		Note:     "The response has two different Location headers; Chromium refuses the whole response, whatever its status.",
		Evidence: append([]string{s.StatusLine()}, s.Lines("Location")...),
	}
}

var redirectRules = []*lint.Rule{redirectTooMany, redirectUnsafeScheme, redirectInvalidLocation, redirectUserinfo}

func init() {
	redirectTooMany.Check = func(s *lint.Step) []lint.Diagnostic {
		if s.Redirect == nil || s.Redirect.Count <= lint.MaxRedirects {
			return nil
		}
		return one(lint.Diagnostic{
			Message:  s.Method + " " + s.FirstURL + " net::ERR_TOO_MANY_REDIRECTS",
			Note:     "This would be redirect number " + strconv.Itoa(s.Redirect.Count) + "; browsers stop after 20.",
			Evidence: []string{s.StatusLine(), "Location: " + s.Redirect.Location},
		})
	}
	redirectInvalidLocation.Check = func(s *lint.Step) []lint.Diagnostic {
		if s.ConflictingLocations() {
			return one(multipleLocations(s))
		}
		if s.Redirect == nil || s.Redirect.Target != nil || s.Redirect.Count > lint.MaxRedirects {
			return nil
		}
		return one(lint.Diagnostic{
			Message:  s.Method + " " + s.URL + " net::ERR_INVALID_REDIRECT",
			Evidence: []string{s.StatusLine(), "Location: " + s.Redirect.Location},
		})
	}
	redirectUnsafeScheme.Check = func(s *lint.Step) []lint.Diagnostic {
		r := s.Redirect
		if r == nil || r.Target == nil || r.Count > lint.MaxRedirects || r.Target.Scheme == "http" || r.Target.Scheme == "https" {
			return nil
		}
		d := lint.Diagnostic{
			Message:  s.Method + " " + s.URL + " net::ERR_UNSAFE_REDIRECT",
			Note:     "The redirect leads to a " + r.Target.Scheme + ": URL.",
			Evidence: []string{s.StatusLine(), "Location: " + r.Location},
		}
		switch name, known := redirectSchemeErrors[strings.ToLower(r.Target.Scheme)]; {
		case !known:
			d.Chromium = "CorsDisabledScheme"
			d.Message = fmt.Sprintf("Access to fetch at '%s' (redirected from '%s') from origin '%s' has been blocked by CORS policy: %s",
				r.Location, s.FirstURL, s.PageOrigin, corsSchemesMessage)
		case name != redirectUnsafeScheme.Chromium:
			d.Chromium = name
			d.Message = s.Method + " " + s.URL + " " + name
		}
		return one(d)
	}
	redirectUserinfo.Check = func(s *lint.Step) []lint.Diagnostic {
		r := s.Redirect
		if r == nil || r.Target == nil || r.Target.User == nil || r.Count > lint.MaxRedirects ||
			(r.Target.Scheme != "http" && r.Target.Scheme != "https") {
			return nil
		}
		evidence := []string{s.StatusLine(), "Location: " + r.Location}
		if r.CrossOrigin || s.CORS {
			// Chromium 156 leaves failedParameter empty.
			return one(blocked(redirectUserinfo, s, "", evidence...))
		}
		return one(lint.Diagnostic{
			Message:  "Chromium blocks sub-resource requests whose URL embeds credentials (blockedReason: origin).",
			Chromium: "blocked:origin",
			Evidence: evidence,
		})
	}
}
