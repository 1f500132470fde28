// Package console reads the CORS errors browsers print in the developer
// console, Chromium's and Firefox's, and finds the rule behind each one.
//
// Chromium's texts are matched against the rules' own ChromiumMessage
// templates, so a rule's wording and the way corslint recognises it cannot
// drift apart. Firefox's reason texts belong to no rule (a Firefox key can
// stand for several), so they live in a table here, tied to rules through the
// rules' Firefox keys and Chromium error names.
package console

import (
	"strings"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/header"
)

// Browser names the browser a message comes from.
type Browser string

// Browsers whose console messages corslint reads.
const (
	Chromium Browser = "Chromium"
	Firefox  Browser = "Firefox"
)

// Match is what a console message says, and the rule it maps to.
type Match struct {
	Browser Browser
	// Initiator is what Chromium says was blocked: "fetch",
	// "XMLHttpRequest", or a resource kind such as "font".
	Initiator string
	// URL is the URL whose response was refused: the final one, after
	// redirects. RedirectedFrom is the URL the page asked for, when
	// Chromium says the request was redirected.
	URL, RedirectedFrom string
	// Origin is the page's origin as Chromium prints it; Firefox does not
	// print it.
	Origin string
	// Preflight is true when the message says the preflight failed.
	Preflight bool
	// Reason is the message's own explanation: Chromium's text after "has
	// been blocked by CORS policy: " (and after the preflight prefix),
	// Firefox's "(Reason: ...)".
	Reason string
	// Param is the value the message quotes: the header value, method or
	// header name that failed, when the message names one.
	Param string
	// Status is Firefox's "Status code: N", when present.
	Status string
	// FirefoxKey is the security.properties key of a Firefox message.
	FirefoxKey string
	// Rule is the rule that fires on this failure; nil for a message
	// corslint recognises but has no rule for, which Note then explains.
	Rule *lint.Rule
	// Also lists rules the same message can come from, when the message
	// cannot tell them apart (Firefox does not say whether the preflight
	// or the actual response failed).
	Also []*lint.Rule
	Note string
}

// UnknownError says a text is not a console message corslint recognises.
type UnknownError struct {
	// Browser is set when the text has the shape of that browser's CORS
	// message but its reason is one corslint does not know.
	Browser Browser
	Reason  string
	// Hint says what to paste instead, when the text suggests it.
	Hint string
}

func (e *UnknownError) Error() string {
	msg := "not a Chromium or Firefox CORS console message"
	if e.Browser != "" {
		msg = "a " + string(e.Browser) + " CORS message with a reason corslint does not know: " + quoteShort(e.Reason)
	}
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return msg
}

// Chromium's fixed parts of a CORS console message (Blink's
// cors_error_string.cc and the console's "Access to ... at" framing).
const (
	chromiumAccess  = "Access to "
	chromiumBlocked = " has been blocked by CORS policy: "
	chromiumOrigin  = " from origin '"
	chromiumRedir   = "' (redirected from '"
	// PreflightPrefix starts the reason when the preflight failed the
	// CORS check, its status check or had a redirect.
	PreflightPrefix = "Response to preflight request doesn't pass access control check: "
	// fetchSuffix ends the Access-Control-Allow-Origin value errors for
	// fetch() only; rules carry it in their templates, XHR messages lack it.
	fetchSuffix = " Have the server send the header with a valid value."
)

// Parse reads one pasted console message (surrounding noise such as the
// console's file:line prefix or the net::ERR_FAILED line that follows is
// ignored) and finds its rule in list. It also accepts a bare Chromium
// error name (as DevTools' Issues panel and CDP show it, e.g.
// PreflightMissingAllowOriginHeader), a Firefox key (CORSMissingAllowOrigin,
// as in the "Learn more" link) or a request line ending in a net:: error.
func Parse(text string, list []*lint.Rule) (*Match, error) {
	s := strings.Join(strings.Fields(text), " ")
	if s == "" {
		return nil, &UnknownError{Hint: "the text is empty"}
	}
	if m, err, ok := parseChromium(s, list); ok {
		return m, err
	}
	if m, err, ok := parseFirefox(s, list); ok {
		return m, err
	}
	if m, ok := parseName(s, list); ok {
		return m, nil
	}
	e := &UnknownError{Hint: `paste the whole line that starts with "Access to fetch at" (Chromium) or "Cross-Origin Request Blocked" (Firefox)`}
	if strings.Contains(s, "net::ERR_FAILED") {
		e.Hint = "net::ERR_FAILED is the generic line Chromium prints after a CORS error; paste the \"Access to fetch at\" line above it"
	}
	return nil, e
}

// parseChromium reads "Access to <initiator> at '<url>'[ (redirected from
// '<url>')] from origin '<origin>' has been blocked by CORS policy: <reason>".
// ok is false when the text does not have that shape.
func parseChromium(s string, list []*lint.Rule) (m *Match, err error, ok bool) {
	j := strings.Index(s, chromiumBlocked)
	if j < 0 {
		if m, ok := parseSameOriginMode(s); ok {
			return m, nil, true
		}
		return nil, nil, false
	}
	i := strings.LastIndex(s[:j], chromiumAccess)
	if i < 0 {
		return nil, nil, false
	}
	head := s[i+len(chromiumAccess) : j]
	m = &Match{Browser: Chromium}
	k := strings.LastIndex(head, chromiumOrigin)
	if k < 0 || !strings.HasSuffix(head, "'") {
		return nil, nil, false
	}
	m.Origin = head[k+len(chromiumOrigin) : len(head)-1]
	head = head[:k]
	if strings.HasSuffix(head, "')") {
		if r := strings.LastIndex(head, chromiumRedir); r >= 0 {
			m.RedirectedFrom = head[r+len(chromiumRedir) : len(head)-2]
			head = head[:r+1]
		}
	}
	a := strings.Index(head, " at '")
	if a < 0 || !strings.HasSuffix(head, "'") {
		return nil, nil, false
	}
	m.Initiator, m.URL = head[:a], head[a+len(" at '"):len(head)-1]

	reason := s[j+len(chromiumBlocked):]
	if rest, found := cutPrefixFold(reason, PreflightPrefix); found {
		m.Preflight, reason = true, rest
	}
	m.Reason = reason

	var best []*lint.Rule
	bestLen := -1
	for _, r := range list {
		tpl := strings.TrimSuffix(r.ChromiumMessage, fetchSuffix)
		if tpl == "" || len(tpl) < bestLen {
			continue
		}
		params, found := matchTemplate(tpl, reason)
		if !found {
			continue
		}
		// The longest template wins, should one ever be a prefix of another.
		if len(tpl) > bestLen {
			best, bestLen = nil, len(tpl)
			m.Param = ""
			if len(params) > 0 {
				m.Param = params[0]
			}
		}
		best = append(best, r)
	}
	if len(best) == 0 {
		for _, n := range chromiumNotes {
			if strings.Contains(reason, n.contains) {
				m.Note = n.note
				return m, nil, true
			}
		}
		return nil, &UnknownError{Browser: Chromium, Reason: reason}, true
	}
	// The CORS check's rules exist once per phase with the same template;
	// the preflight prefix tells them apart.
	want := lint.Actual
	if m.Preflight {
		want = lint.Preflight
	}
	m.Rule, m.Also = pick(best, func(r *lint.Rule) bool { return r.Phase == want })
	return m, nil, true
}

// chromiumNotes explain Chromium CORS messages no rule covers, because
// no response header can fix them. Matched by a phrase, not a template:
// these are recognised, not parsed.
var chromiumNotes = []struct{ contains, note string }{
	{
		contains: "Access-Control-Allow-Private-Network",
		note: "Private Network Access, Chromium's earlier scheme for public pages calling private " +
			"addresses: the preflight lacked Access-Control-Allow-Private-Network: true. Current Chromium " +
			"replaced it with Local Network Access, a permission the user grants. corslint has no rule for it.",
	},
	{
		contains: "address space",
		note: "Local Network Access: a public page called a private or loopback address and the user (or " +
			"policy) did not grant the permission. No response header can allow this; serve the API from " +
			"a public address or have the user grant access. corslint has no rule for it.",
	},
	{
		contains: "Cross origin requests are only supported for protocol schemes",
		note: "The page fetched a URL whose scheme has no CORS (file:, or an app's own scheme): only http " +
			"and https can be fetched cross-origin. Serve the page and the resource over http(s). " +
			"corslint has no rule for it.",
	},
}

// parseSameOriginMode recognises Blink's message for fetch(url, {mode:
// 'same-origin'}) aimed at another origin, which never reaches the network.
func parseSameOriginMode(s string) (*Match, bool) {
	const lead, mode = "Fetch API cannot load ", `. Request mode is "same-origin"`
	i := strings.Index(s, lead)
	if i < 0 {
		return nil, false
	}
	rest := s[i+len(lead):]
	k := strings.Index(rest, mode)
	if k < 0 {
		return nil, false
	}
	return &Match{
		Browser: Chromium, Initiator: "fetch", URL: rest[:k], Reason: strings.TrimPrefix(rest[k:], ". "),
		Note: "The script passed mode: 'same-origin' to fetch() for a URL on another origin, so the browser " +
			"refused before sending anything. Drop the mode option (the default, 'cors', is what a " +
			"cross-origin call needs). No server change can help; corslint has no rule for it.",
	}, true
}

// pick returns the first rule satisfying prefer (or the first rule) and the
// others.
func pick(rules []*lint.Rule, prefer func(*lint.Rule) bool) (*lint.Rule, []*lint.Rule) {
	at := 0
	for i, r := range rules {
		if prefer(r) {
			at = i
			break
		}
	}
	var also []*lint.Rule
	for i, r := range rules {
		if i != at {
			also = append(also, r)
		}
	}
	return rules[at], also
}

// parseName recognises a bare error name: a Chromium CorsError or net::
// error of some rule, a Firefox key (or its MDN page name, which drops the
// trailing digit), or a request line that ends in a rule's net:: error.
func parseName(s string, list []*lint.Rule) (*Match, bool) {
	word := strings.Trim(s, " .,;:'\"`")
	if i := strings.Index(word, "/Errors/"); i >= 0 { // an MDN link
		word = word[i+len("/Errors/"):]
		if k := strings.IndexAny(word, "?#/"); k >= 0 {
			word = word[:k]
		}
	}
	var named []*lint.Rule
	for _, r := range list {
		if r.Chromium != "" && r.Chromium == word {
			named = append(named, r)
		}
	}
	if len(named) > 0 {
		m := &Match{Browser: Chromium}
		m.Rule, m.Also = pick(named, func(*lint.Rule) bool { return true })
		return m, true
	}
	for _, e := range firefoxReasons {
		if word == e.key || word == strings.TrimRight(e.key, "0123456789") {
			m := &Match{Browser: Firefox, FirefoxKey: e.key, Reason: e.reason}
			resolveFirefox(m, e, list)
			return m, true
		}
	}
	for _, r := range list {
		if strings.HasPrefix(r.Chromium, "net::") && containsWord(s, r.Chromium) {
			m := &Match{Browser: Chromium, Reason: r.Chromium, Rule: r}
			if f := strings.Fields(s[:strings.Index(s, r.Chromium)]); len(f) > 0 {
				m.URL = f[len(f)-1]
			}
			return m, true
		}
	}
	return nil, false
}

// containsWord reports whether s contains w not followed by another
// identifier character, so net::ERR_FAILED does not match inside a longer
// name.
func containsWord(s, w string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return false
		}
		end := i + k + len(w)
		if end == len(s) || !isIdentByte(s[end]) {
			return true
		}
		i = end
	}
}

func isIdentByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// matchTemplate matches a message template, with %s for a parameter, at the
// start of text, ignoring ASCII case; whatever follows the template (a
// browser-specific suffix, the next console line) is ignored. It returns the
// parameters as they appear in text.
func matchTemplate(tpl, text string) ([]string, bool) {
	parts := strings.Split(tpl, "%s")
	rest, ok := cutPrefixFold(text, parts[0])
	if !ok {
		return nil, false
	}
	var params []string
	for _, p := range parts[1:] {
		if p == "" {
			params = append(params, rest)
			rest = ""
			continue
		}
		k := indexFold(rest, p)
		if k < 0 {
			return nil, false
		}
		params = append(params, rest[:k])
		rest = rest[k+len(p):]
	}
	return params, true
}

// asciiLower lower-cases ASCII letters only, so byte offsets are the same in
// the result as in s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || asciiLower(s[:len(prefix)]) != asciiLower(prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

func indexFold(s, sub string) int { return strings.Index(asciiLower(s), asciiLower(sub)) }

// ChromiumLine renders the console message Chromium prints when a fetch()
// from origin to url fails the rule, with param as the failed parameter. It
// returns "" for rules Chromium reports no message for.
func ChromiumLine(r *lint.Rule, url, origin, param string) string {
	switch {
	case r.ChromiumMessage != "":
		body := strings.Replace(r.ChromiumMessage, "%s", param, 1)
		// Chromium prefixes exactly the errors whose CorsError name starts
		// with Preflight: the preflight's CORS check, status and redirect.
		if strings.HasPrefix(r.Chromium, "Preflight") {
			body = PreflightPrefix + body
		}
		return chromiumAccess + "fetch at '" + url + "'" + chromiumOrigin + origin + "'" + chromiumBlocked + body
	case strings.HasPrefix(r.Chromium, "net::"):
		return "GET " + url + " " + r.Chromium
	}
	return ""
}

// accessLabelNames maps the CORS check's labels to Chromium's CorsError
// names (actual-phase form), to find the rule for a value Firefox quotes.
var accessLabelNames = map[header.Access]string{
	header.AccessMultiple: "MultipleAllowOriginValues",
	header.AccessInvalid:  "InvalidAllowOriginValue",
	header.AccessMismatch: "AllowOriginMismatch",
}

// classifyAllowOrigin says which of Chromium's Access-Control-Allow-Origin
// errors a value that matches no origin would give.
func classifyAllowOrigin(value string) string {
	// "\x00" is an origin no value can equal.
	label, _ := header.CheckAccess([]string{value}, nil, false, "\x00")
	if name, ok := accessLabelNames[label]; ok {
		return name
	}
	return "AllowOriginMismatch"
}

// chromiumNameIs reports whether a rule's Chromium error is name, in
// either phase.
func chromiumNameIs(r *lint.Rule, name string) bool {
	return r.Chromium == name || r.Chromium == "Preflight"+name
}

// quoteShort quotes s for a one-line error, shortened.
func quoteShort(s string) string {
	const max = 80
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "..."
	}
	return "\"" + s + "\""
}
