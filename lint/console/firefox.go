package console

import (
	"strings"

	"github.com/corslint/corslint/lint"
)

// firefoxReason is one of Firefox's CORS console messages
// (dom/locales/en-US/chrome/security/security.properties): the text inside
// "(Reason: ...)", with %s for the parameter Firefox quotes.
type firefoxReason struct {
	key    string
	reason string
	// chromium lists the Chromium CorsError names (actual-phase form) of
	// the same failure; rules are found by these and by their Firefox key.
	chromium []string
	// byValue picks among chromium by the Access-Control-Allow-Origin
	// value Firefox quotes, for the one key that covers several errors.
	byValue bool
	// note explains reasons that no rule covers.
	note string
}

// firefoxReasons lists current keys and, where older Firefox versions
// printed other words for the same failure, their older keys too.
var firefoxReasons = []firefoxReason{
	{key: "CORSMissingAllowOrigin2", reason: "CORS header ‘Access-Control-Allow-Origin’ missing)", chromium: []string{"MissingAllowOriginHeader"}},
	{key: "CORSMultipleAllowOriginNotAllowed", reason: "Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed)", chromium: []string{"MultipleAllowOriginValues"}},
	{key: "CORSAllowOriginNotMatchingOrigin", reason: "CORS header ‘Access-Control-Allow-Origin’ does not match ‘%s’)", chromium: []string{"AllowOriginMismatch", "InvalidAllowOriginValue", "MultipleAllowOriginValues"}, byValue: true},
	{key: "CORSNotSupportingCredentials", reason: "Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’)", chromium: []string{"WildcardOriginNotAllowed"}},
	{key: "CORSMissingAllowCredentials", reason: "expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’)", chromium: []string{"InvalidAllowCredentials"}},
	{key: "CORSPreflightDidNotSucceed3", reason: "CORS preflight response did not succeed)", chromium: []string{"PreflightInvalidStatus"}},
	{key: "CORSPreflightDidNotSucceed", reason: "CORS preflight channel did not succeed)", chromium: []string{"PreflightInvalidStatus"}},
	{key: "CORSExternalRedirectNotAllowed", reason: "CORS request external redirect not allowed)", chromium: []string{"PreflightDisallowedRedirect"}},
	{key: "CORSInvalidAllowMethod", reason: "invalid token ‘%s’ in CORS header ‘Access-Control-Allow-Methods’)", chromium: []string{"InvalidAllowMethodsPreflightResponse"}},
	{key: "CORSInvalidAllowHeader", reason: "invalid token ‘%s’ in CORS header ‘Access-Control-Allow-Headers’)", chromium: []string{"InvalidAllowHeadersPreflightResponse"}},
	{key: "CORSMethodNotFound", reason: "Did not find method in CORS header ‘Access-Control-Allow-Methods’)", chromium: []string{"MethodDisallowedByPreflightResponse"}},
	{key: "CORSMissingAllowHeaderFromPreflight2", reason: "header ‘%s’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response)", chromium: []string{"HeaderDisallowedByPreflightResponse"}},
	{key: "CORSMissingAllowHeaderFromPreflight", reason: "missing token ‘%s’ in CORS header ‘Access-Control-Allow-Headers’ from CORS preflight channel)", chromium: []string{"HeaderDisallowedByPreflightResponse"}},
	{key: "CORSAllowHeaderFromPreflightDeprecation", reason: "When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered."},
	{
		key: "CORSDidNotSucceed2", reason: "CORS request did not succeed)",
		note: "No response reached the CORS check: DNS, connection, TLS or timeout failed, or the request " +
			"was cancelled (often because an earlier CORS error in the console already failed it). " +
			"`corslint check` reports such targets as unreachable (exit 3).",
	},
	{
		key: "CORSDisabled", reason: "CORS disabled)",
		note: "CORS is switched off in this Firefox profile (content.cors.disable), which blocks every " +
			"cross-origin request. Nothing on the server can fix it; reset the preference.",
	},
	{
		key: "CORSRequestNotHttp", reason: "CORS request not HTTP)",
		note: "The page fetched a URL that is not http or https (file:, or an app's own scheme), which has " +
			"no CORS. Serve the page and the resource over http(s).",
	},
	{
		key: "CORSOriginHeaderNotAdded", reason: "CORS header ‘Origin’ cannot be added)",
		note: "Firefox could not add the Origin header to the request, which an extension or a rewritten " +
			"request usually causes. Nothing on the server can fix it.",
	},
}

// Firefox's fixed parts of a CORS console message.
const (
	firefoxBlocked = "The Same Origin Policy disallows reading the remote resource at "
	firefoxWarned  = "The Same Origin Policy will disallow reading the remote resource at "
	firefoxReasonA = "(Reason: "
	firefoxStatus  = "Status code: "
)

// FirefoxReason returns the words Firefox prints inside "(Reason: ...)" for
// a security.properties key, with %s for the quoted parameter.
func FirefoxReason(key string) (string, bool) {
	for _, e := range firefoxReasons {
		if e.key == key {
			return strings.TrimSuffix(e.reason, ")"), true
		}
	}
	return "", false
}

// normQuotes turns the typographic quotes and backticks Firefox prints into
// apostrophes, so a message whose quotes an editor or chat tool replaced
// still matches.
func normQuotes(s string) string {
	return strings.NewReplacer("‘", "'", "’", "'", "`", "'").Replace(s)
}

// parseFirefox reads "Cross-Origin Request Blocked: The Same Origin Policy
// disallows reading the remote resource at <url>. (Reason: <reason>).[
// Status code: <n>.]" and Firefox's warnings of the same shape. ok is false
// when the text does not have that shape.
func parseFirefox(s string, list []*lint.Rule) (m *Match, err error, ok bool) {
	s = normQuotes(s)
	lead := firefoxBlocked
	i := indexFold(s, lead)
	if i < 0 {
		lead = firefoxWarned
		if i = indexFold(s, lead); i < 0 {
			return nil, nil, false
		}
	}
	rest := s[i+len(lead):]
	r := indexFold(rest, firefoxReasonA)
	if r < 0 {
		return nil, nil, false
	}
	url := strings.TrimSpace(rest[:r])
	url = strings.TrimSuffix(url, ".")
	url = strings.TrimSuffix(url, " soon")
	m = &Match{Browser: Firefox, URL: strings.Trim(url, "'")}
	reason := rest[r+len(firefoxReasonA):]
	if k := indexFold(reason, firefoxStatus); k >= 0 {
		status := reason[k+len(firefoxStatus):]
		if end := strings.IndexAny(status, " ["); end >= 0 {
			status = status[:end]
		}
		m.Status = strings.TrimSuffix(status, ".")
	}
	for _, e := range firefoxReasons {
		params, found := matchTemplate(normQuotes(e.reason), reason)
		if !found {
			continue
		}
		m.FirefoxKey = e.key
		m.Reason = strings.TrimSuffix(reason[:len(reason)-len(afterTemplate(normQuotes(e.reason), reason))], ")")
		if len(params) > 0 {
			m.Param = params[0]
		}
		resolveFirefox(m, e, list)
		return m, nil, true
	}
	if k := strings.Index(reason, ")"); k >= 0 {
		reason = reason[:k]
	}
	return nil, &UnknownError{Browser: Firefox, Reason: reason}, true
}

// afterTemplate returns what follows a matched template in text.
func afterTemplate(tpl, text string) string {
	parts := strings.Split(tpl, "%s")
	rest, _ := cutPrefixFold(text, parts[0])
	for _, p := range parts[1:] {
		if k := indexFold(rest, p); k >= 0 {
			rest = rest[k+len(p):]
		}
	}
	return rest
}

// resolveFirefox finds the rules behind a Firefox reason. Firefox's message
// never says whether the preflight or the actual response failed, so the
// actual-phase rule comes first and its preflight twin goes to Also.
func resolveFirefox(m *Match, e firefoxReason, list []*lint.Rule) {
	if e.note != "" {
		m.Note = e.note
		return
	}
	names := e.chromium
	if e.byValue && m.Param != "" {
		names = []string{classifyAllowOrigin(m.Param)}
	}
	var found []*lint.Rule
	add := func(r *lint.Rule) {
		for _, f := range found {
			if f == r {
				return
			}
		}
		found = append(found, r)
	}
	// In the order of names, so the likeliest failure comes first.
	for _, n := range names {
		for _, r := range list {
			if chromiumNameIs(r, n) {
				add(r)
			}
		}
	}
	if !e.byValue {
		for _, r := range list {
			if r.Firefox == e.key {
				add(r)
			}
		}
	}
	if len(found) == 0 {
		m.Note = "corslint has no rule for this Firefox message yet."
		return
	}
	m.Rule, m.Also = pick(found, func(r *lint.Rule) bool { return r.Phase != lint.Preflight })
}
