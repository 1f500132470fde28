package rules

import (
	"strconv"
	"strings"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/header"
)

// accessFailure describes one way the CORS check fails, shared by the
// preflight and actual variants of the rule.
type accessFailure struct {
	label    header.Access
	id       string // actual-phase ID; the preflight one is "preflight-" + id
	chromium string // CorsError name without the Preflight prefix
	message  string
	firefox  string
	title    string
	specStep string
	doc      string
	fix      string
	failing  string
	passing  string
}

// fetchValueSuffix is what Chromium appends to ACAO value errors for fetch().
const fetchValueSuffix = " Have the server send the header with a valid value."

var accessFailures = []accessFailure{
	{
		label:    header.AccessWildcardCreds,
		id:       "acao-wildcard-with-credentials",
		chromium: "WildcardOriginNotAllowed",
		message:  "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
		firefox:  "CORSNotSupportingCredentials",
		title:    "Access-Control-Allow-Origin is * on a credentialed request",
		specStep: "CORS check, steps 3-4 (\"*\" only matches requests whose credentials mode is not \"include\")",
		doc: "A request sent with credentials (cookies, or fetch's credentials: 'include', " +
			"XHR withCredentials) is only readable when the server names the page's origin " +
			"exactly. The wildcard is refused even together with Access-Control-Allow-Credentials: true, " +
			"because it would hand every site on the web the user's authenticated data.",
		fix: "Answer with the page's exact origin instead of *, taken from an allow-list " +
			"(never copied blindly from the request's Origin), add Access-Control-Allow-Credentials: true " +
			"and Vary: Origin.",
		failing: "Origin: https://app.example.com (credentials: include)\n-> Access-Control-Allow-Origin: *\n-> Access-Control-Allow-Credentials: true",
		passing: "Origin: https://app.example.com (credentials: include)\n-> Access-Control-Allow-Origin: https://app.example.com\n-> Access-Control-Allow-Credentials: true\n-> Vary: Origin",
	},
	{
		label:    header.AccessMissing,
		id:       "acao-missing",
		chromium: "MissingAllowOriginHeader",
		message:  "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
		firefox:  "CORSMissingAllowOrigin2",
		title:    "no Access-Control-Allow-Origin header",
		specStep: "CORS check, step 2 (no Access-Control-Allow-Origin: failure)",
		doc: "Without Access-Control-Allow-Origin the browser hides the response from the page, " +
			"whatever its status. An API tester or curl shows the response because they do not run " +
			"the CORS check. Error responses (401, 403, 404, 5xx) often lose the header because they " +
			"are produced by a gateway, an authorizer or a framework's error handler before the CORS " +
			"code runs, so the page sees a CORS error instead of the status.",
		fix: "Send Access-Control-Allow-Origin with the page's origin (or * for public, uncredentialed " +
			"data) on every response to this URL, including errors and redirects: add the CORS headers " +
			"where every response passes (gateway response headers, a middleware that runs first), " +
			"not only in the success path.",
		failing: "Origin: https://app.example.com\n-> HTTP 200 (no Access-Control-Allow-Origin)",
		passing: "Origin: https://app.example.com\n-> Access-Control-Allow-Origin: https://app.example.com",
	},
	{
		label:    header.AccessMultiple,
		id:       "acao-multiple-values",
		chromium: "MultipleAllowOriginValues",
		message:  "The 'Access-Control-Allow-Origin' header contains multiple values '%s', but only one is allowed." + fetchValueSuffix,
		firefox:  "CORSMultipleAllowOriginNotAllowed",
		title:    "Access-Control-Allow-Origin holds several values",
		specStep: "CORS check, step 4 (the value must equal the request's origin byte for byte)",
		doc: "Access-Control-Allow-Origin takes exactly one origin, or *. A list such as " +
			"\"https://a.example, https://b.example\" matches nothing; two header lines are joined into " +
			"such a list, so a proxy or a second middleware adding its own copy breaks the response " +
			"even when both copies are right.",
		fix: "Keep an allow-list on the server and answer with the single origin that matches the " +
			"request's Origin. Make sure only one layer (application, gateway, CDN) sets the header.",
		failing: "-> Access-Control-Allow-Origin: https://app.example.com, https://m.example.com",
		passing: "Origin: https://m.example.com\n-> Access-Control-Allow-Origin: https://m.example.com\n-> Vary: Origin",
	},
	{
		label:    header.AccessInvalid,
		id:       "acao-invalid-value",
		chromium: "InvalidAllowOriginValue",
		message:  "The 'Access-Control-Allow-Origin' header contains the invalid value '%s'." + fetchValueSuffix,
		firefox:  "CORSAllowOriginNotMatchingOrigin",
		title:    "Access-Control-Allow-Origin is not a valid origin",
		specStep: "CORS check, step 4",
		doc: "The value is not an origin at all: empty, quoted, a bare host without a scheme " +
			"(example.com), or with stray characters. The browser compares it byte for byte with " +
			"the request's origin, so it can never match.",
		fix: "Send the serialized origin exactly as the browser sends it in Origin: scheme, \"://\", " +
			"host, and the port only when it is not the default, e.g. https://app.example.com.",
		failing: "-> Access-Control-Allow-Origin: app.example.com",
		passing: "-> Access-Control-Allow-Origin: https://app.example.com",
	},
	{
		label:    header.AccessMismatch,
		id:       "acao-mismatch",
		chromium: "AllowOriginMismatch",
		message:  "The 'Access-Control-Allow-Origin' header has a value '%s' that is not equal to the supplied origin." + fetchValueSuffix,
		firefox:  "CORSAllowOriginNotMatchingOrigin",
		title:    "Access-Control-Allow-Origin does not equal the page's origin",
		specStep: "CORS check, step 4 (byte-for-byte comparison with the request's origin)",
		doc: "The comparison is exact: a trailing slash, a path, another scheme, an explicit or " +
			"missing port, upper case, a typo such as https:/example.com, or another front-end's " +
			"origin all fail. After a redirect to another origin the request's origin becomes " +
			"\"null\", so a value naming the page fails there too.",
		fix: "Answer with the request's exact origin when it is on your allow-list (compare the " +
			"whole serialized origin, never a prefix, suffix or unanchored pattern), and add Vary: Origin.",
		failing: "Origin: https://app.example.com\n-> Access-Control-Allow-Origin: https://app.example.com/",
		passing: "Origin: https://app.example.com\n-> Access-Control-Allow-Origin: https://app.example.com",
	},
	{
		label:    header.AccessCredentialsNotTrue,
		id:       "acac-not-true",
		chromium: "InvalidAllowCredentials",
		message:  "The value of the 'Access-Control-Allow-Credentials' header in the response is '%s' which must be 'true' when the request's credentials mode is 'include'.",
		firefox:  "CORSMissingAllowCredentials",
		title:    "credentialed request without Access-Control-Allow-Credentials: true",
		specStep: "CORS check, steps 5-7 (Access-Control-Allow-Credentials must be `true`)",
		doc: "A request with credentials mode \"include\" is only readable when the response says " +
			"Access-Control-Allow-Credentials: true, lower case, exactly once. \"True\", \"TRUE\", " +
			"\"1\" or two header lines (\"true, true\") all fail. A preflight that passes does not " +
			"help: the actual response needs the header too, and function integrations that set only " +
			"a status and a body drop it.",
		fix: "Send Access-Control-Allow-Credentials: true (exactly that, once) on every response " +
			"to credentialed requests, the preflight and the actual response alike.",
		failing: "Origin: https://app.example.com (credentials: include)\n-> Access-Control-Allow-Origin: https://app.example.com\n(no Access-Control-Allow-Credentials)",
		passing: "-> Access-Control-Allow-Origin: https://app.example.com\n-> Access-Control-Allow-Credentials: true",
	},
}

var accessRuleCache = map[lint.Phase][]*lint.Rule{
	lint.Preflight: buildAccessRules(lint.Preflight),
	lint.Actual:    buildAccessRules(lint.Actual),
}

// accessRules returns the CORS-check rules for one phase.
func accessRules(phase lint.Phase) []*lint.Rule { return accessRuleCache[phase] }

func buildAccessRules(phase lint.Phase) []*lint.Rule {
	var out []*lint.Rule
	for _, f := range accessFailures {
		f := f
		r := &lint.Rule{
			ID:              f.id,
			Title:           f.title,
			Severity:        lint.Error,
			Blocks:          true,
			Phase:           phase,
			Family:          FamilyCORSCheck,
			Spec:            specCORSCheck,
			SpecStep:        f.specStep,
			Chromium:        f.chromium,
			ChromiumMessage: f.message,
			Firefox:         f.firefox,
			Doc:             f.doc,
			Fix:             f.fix,
			Failing:         f.failing,
			Passing:         f.passing,
		}
		if phase == lint.Preflight {
			r.ID = "preflight-" + f.id
			r.Title = "preflight: " + f.title
			r.Chromium = "Preflight" + f.chromium
			r.Spec = specPreflightFetch
			r.SpecStep = "CORS-preflight fetch, step 7 (CORS check on the preflight response, with the actual request's credentials mode): " + f.specStep
			r.Doc = "On the preflight response. " + f.doc + " Chromium runs this check before " +
				"looking at the preflight's status, so a 401 or 404 without CORS headers is reported this way."
		}
		r.Check = func(s *lint.Step) []lint.Diagnostic {
			// A response with conflicting Location lines never reaches the
			// CORS check: Chromium's network stack fails it first.
			if !s.CORS || (phase == lint.Preflight && isFollowedRedirect(s)) || s.ConflictingLocations() {
				return nil
			}
			label, param := header.CheckAccess(s.Header(header.AllowOrigin), s.Header(header.AllowCredentials), s.Credentials, s.Origin)
			if label != f.label {
				return nil
			}
			evidence := s.Lines(header.AllowOrigin)
			if label == header.AccessCredentialsNotTrue {
				evidence = append(evidence, s.Lines(header.AllowCredentials)...)
			}
			d := blocked(r, s, param, append([]string{s.StatusLine()}, evidence...)...)
			d.Note = accessHint(s, label)
			if label == header.AccessMultiple && len(s.Header(header.AllowOrigin)) == 1 {
				d.Firefox = "CORSAllowOriginNotMatchingOrigin"
			}
			return one(d)
		}
		out = append(out, r)
	}
	return out
}

// accessHint adds corslint's own explanation after the browser's words,
// for the cases developers misread most.
func accessHint(s *lint.Step, label header.Access) string {
	value, _ := header.Join(s.Header(header.AllowOrigin))
	switch {
	case label == header.AccessMismatch && s.Origin == "null" && s.PageOrigin != "null":
		return "After a redirect to another origin the browser sends Origin: null, so the value must be * (without credentials) or null."
	case label == header.AccessMismatch && strings.EqualFold(strings.TrimSuffix(value, "/"), s.Origin) && value != s.Origin:
		return "'" + value + "' differs from '" + s.Origin + "' only by case or a trailing slash; the comparison is byte for byte."
	case label == header.AccessMismatch && looksLikeSlashTypo(value, s.Origin):
		return "'" + value + "' is missing a '/' after the scheme; the page's origin is '" + s.Origin + "'."
	case label == header.AccessMissing && s.Phase == lint.Preflight && s.Status() >= 400:
		return "The preflight got HTTP " + strconv.Itoa(s.Status()) + " without CORS headers: something in front of the CORS handler (an authorizer, a gateway, a WAF) answered the OPTIONS request."
	}
	return ""
}

func looksLikeSlashTypo(value, want string) bool {
	scheme, rest, ok := strings.Cut(value, ":")
	return ok && !strings.HasPrefix(rest, "//") && scheme+":/"+rest == want
}
