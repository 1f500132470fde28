package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/header"
)

var authorizationWildcard = &lint.Rule{
	ID:       "authorization-covered-by-wildcard",
	Title:    "Authorization is allowed only through Access-Control-Allow-Headers: *",
	Severity: lint.Warning,
	Phase:    lint.Preflight,
	Family:   FamilyAdvisory,
	Spec:     specNonWildcard,
	SpecStep: "CORS-preflight fetch, step 7.6 (Authorization is a CORS non-wildcard request-header name: * never covers it)",
	Firefox:  "CORSAllowHeaderFromPreflightDeprecation",
	Doc: "The Fetch standard says * in Access-Control-Allow-Headers never covers Authorization. " +
		"Chromium (156) and Firefox still accept it for requests without credentials, Firefox with a " +
		"deprecation warning; this works today and breaks when browsers enforce the standard.",
	Fix:     "Name authorization explicitly: Access-Control-Allow-Headers: authorization, *.",
	Failing: "Access-Control-Request-Headers: authorization\n-> Access-Control-Allow-Headers: *",
	Passing: "Access-Control-Request-Headers: authorization\n-> Access-Control-Allow-Headers: authorization, *",
}

var acamMethodCase = &lint.Rule{
	ID:       "acam-method-case",
	Title:    "Access-Control-Allow-Methods names the method only in another case",
	Severity: lint.Warning,
	Phase:    lint.Preflight,
	Family:   FamilyAdvisory,
	Spec:     specPreflightFetch,
	SpecStep: "CORS-preflight fetch, step 7.5 (methods are compared case-sensitively)",
	Doc: "Methods are case-sensitive. fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and " +
		"PUT; any other method is sent as the script wrote it. Chromium before 109 (or with the " +
		"AccessControlAllowMethodsInCORSPreflightSpecConformant enterprise policy off) compared " +
		"upper-cased, so a setup that once worked can fail now.",
	Fix:     "Write the method in Access-Control-Allow-Methods exactly as the browser sends it (PUT, PATCH), and have scripts write PATCH in upper case.",
	Failing: "Access-Control-Request-Method: PUT\n-> Access-Control-Allow-Methods: put",
	Passing: "Access-Control-Request-Method: PUT\n-> Access-Control-Allow-Methods: PUT",
}

var acacIgnored = &lint.Rule{
	ID:       "acac-ignored",
	Title:    "Access-Control-Allow-Credentials on a request without credentials",
	Severity: lint.Info,
	Phase:    lint.Actual,
	Family:   FamilyAdvisory,
	Spec:     specACAC,
	SpecStep: "CORS check, step 5 (without credentials mode \"include\" the header is not consulted)",
	Doc: "The request was made without credentials, so browsers ignore Access-Control-Allow-Credentials. " +
		"If the page is meant to send cookies or HTTP authentication, it must use credentials: " +
		"'include' (or withCredentials), or the user will look logged out.",
	Fix: "Either send the request with credentials: 'include' if it needs the user's cookies, " +
		"or drop Access-Control-Allow-Credentials from this endpoint.",
	Failing: "(credentials: same-origin)\n-> Access-Control-Allow-Credentials: true",
	Passing: "(credentials: include)\n-> Access-Control-Allow-Credentials: true",
}

var maxAgeOverCap = &lint.Rule{
	ID:       "max-age-over-cap",
	Title:    "Access-Control-Max-Age exceeds what browsers honour",
	Severity: lint.Info,
	Phase:    lint.Preflight,
	Family:   FamilyAdvisory,
	Spec:     specPreflightCache,
	SpecStep: "CORS-preflight fetch, step 7.8 and the CORS-preflight cache (user agents cap max-age)",
	Doc: "Browsers cap the preflight cache: Chromium at 7200 s (2 h), Firefox at 86400 s, Safari at " +
		"600 s. A longer value is silently shortened. Note the other side too: while a result is " +
		"cached, a broken preflight stays hidden from the browser that cached it, so a deploy can " +
		"look fine for hours.",
	Fix:     "Use a value no larger than 7200 and test preflights with a fresh cache (corslint always sends a fresh one).",
	Failing: "-> Access-Control-Max-Age: 86400",
	Passing: "-> Access-Control-Max-Age: 7200",
}

var maxAgeInvalid = &lint.Rule{
	ID:       "max-age-invalid",
	Title:    "Access-Control-Max-Age is not a number of seconds",
	Severity: lint.Warning,
	Phase:    lint.Preflight,
	Family:   FamilyAdvisory,
	Spec:     specPreflightFetch,
	SpecStep: "CORS-preflight fetch, step 7.8 (max-age must be delta-seconds; otherwise the default applies)",
	Doc: "Access-Control-Max-Age must be a non-negative integer. Chromium falls back to 5 s for " +
		"anything it cannot read as an integer (5.5, abc, two header lines) and treats negative values " +
		"as 0, while Firefox does not cache such a result at all: every request preflights.",
	Fix:     "Send a single integer number of seconds, e.g. Access-Control-Max-Age: 600.",
	Failing: "-> Access-Control-Max-Age: 5.5",
	Passing: "-> Access-Control-Max-Age: 600",
}

var chromiumOnlySafelisted = &lint.Rule{
	ID:       "chromium-only-safelisted-header",
	Title:    "Firefox and Safari preflight a header Chromium treats as safe",
	Severity: lint.Warning,
	Phase:    lint.AnyPhase,
	Family:   FamilyAdvisory,
	Spec:     specSafelistedHeader,
	SpecStep: "CORS-safelisted request-header (the standard's list has no client hints)",
	Doc: "Chromium sends a few client-hint headers (DPR, Width, Viewport-Width, Device-Memory, RTT, " +
		"Downlink, ECT, Save-Data) and Intervention without a preflight. The standard, Firefox and " +
		"Safari preflight them, so a server that never answers OPTIONS works in Chrome only.",
	Fix:     "Answer the preflight for these headers too (list them in Access-Control-Allow-Headers), or stop setting them from script.",
	Failing: "DPR: 2 (set by the script, no OPTIONS handler)",
	Passing: "-> Access-Control-Allow-Headers: dpr",
}

var advisoryRules = []*lint.Rule{authorizationWildcard, acamMethodCase, maxAgeOverCap, maxAgeInvalid, acacIgnored, chromiumOnlySafelisted}

func init() {
	authorizationWildcard.Check = func(s *lint.Step) []lint.Diagnostic {
		if !s.CORS || s.Credentials || !s.SendsAuthorization() {
			return nil
		}
		names, _, ok := header.ParseList(s.Header(header.AllowHeaders))
		if !ok || !slices.Contains(names, "*") || containsFold(names, "authorization") {
			return nil
		}
		return one(lint.Diagnostic{
			Message: "Authorization is allowed only by the wildcard in Access-Control-Allow-Headers; " +
				"Chromium and Firefox accept this today, the Fetch standard does not.",
			Evidence: append([]string{"Access-Control-Request-Headers: " + strings.Join(s.Decision.UnsafeHeaders, ",")}, s.Lines(header.AllowHeaders)...),
		})
	}
	acamMethodCase.Check = func(s *lint.Step) []lint.Diagnostic {
		if !s.CORS {
			return nil
		}
		methods, _, ok := header.ParseList(s.Header(header.AllowMethods))
		if !ok || slices.Contains(methods, s.Method) || !containsFold(methods, s.Method) {
			return nil
		}
		return one(lint.Diagnostic{
			Message:  "Access-Control-Allow-Methods lists " + s.Method + " only in another case.",
			Evidence: append([]string{"Access-Control-Request-Method: " + s.Method}, s.Lines(header.AllowMethods)...),
		})
	}
	maxAgeOverCap.Check = func(s *lint.Step) []lint.Diagnostic {
		if !s.CORS || !isOK(s.Status()) || !passesCORSCheck(s) {
			return nil
		}
		r := header.ParseMaxAge(s.Header(header.MaxAge))
		if !r.Valid || r.Seconds <= header.ChromiumMaxAge {
			return nil
		}
		return one(lint.Diagnostic{
			Message: "Access-Control-Max-Age " + strconv.FormatInt(r.Seconds, 10) + " is capped to " +
				strconv.Itoa(header.ChromiumMaxAge) + " s in Chromium, " + strconv.FormatInt(r.Firefox, 10) +
				" s in Firefox and " + strconv.Itoa(header.SafariMaxAge) + " s in Safari.",
			Evidence: s.Lines(header.MaxAge),
		})
	}
	maxAgeInvalid.Check = func(s *lint.Step) []lint.Diagnostic {
		if !s.CORS || !isOK(s.Status()) || !passesCORSCheck(s) {
			return nil
		}
		r := header.ParseMaxAge(s.Header(header.MaxAge))
		if !r.Present || r.Valid {
			return nil
		}
		return one(lint.Diagnostic{
			Message: "Access-Control-Max-Age is not a non-negative integer: Chromium caches the preflight for " +
				strconv.FormatInt(r.Chromium, 10) + " s, Firefox does not cache it.",
			Evidence: s.Lines(header.MaxAge),
		})
	}
	acacIgnored.Check = func(s *lint.Step) []lint.Diagnostic {
		if !s.CORS || s.Credentials || s.Hop > 0 || !s.HasHeader(header.AllowCredentials) {
			return nil
		}
		if s.Declared.Source.Kind != "" && s.Declared.Source.Kind != lint.SourceAllowed {
			return nil // attacker probes report their own findings
		}
		return one(lint.Diagnostic{
			Message:  "The response allows credentials, but the request was made without them, so the header is ignored.",
			Evidence: s.Lines(header.AllowCredentials),
		})
	}
	chromiumOnlySafelisted.Check = func(s *lint.Step) []lint.Diagnostic {
		// Report once per fetch: on the preflight when there is one.
		if !s.CORS || s.Hop > 0 || (s.Phase == lint.Preflight) != s.Decision.Needed ||
			len(s.Decision.SpecUnsafeHeaders) == len(s.Decision.UnsafeHeaders) {
			return nil
		}
		var extra []string
		for _, h := range s.Decision.SpecUnsafeHeaders {
			if !slices.Contains(s.Decision.UnsafeHeaders, h) {
				extra = append(extra, h)
			}
		}
		msg := "Firefox and Safari send a preflight for " + strings.Join(extra, ", ") + "; Chromium does not."
		if !s.Decision.Needed {
			msg += " corslint followed Chromium, so no preflight response was checked."
		}
		return one(lint.Diagnostic{Message: msg, Evidence: []string{"request headers: " + strings.Join(extra, ", ")}})
	}
}
