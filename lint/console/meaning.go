package console

import (
	"strings"

	"github.com/corslint/corslint/lint"
)

// Meaning says in plain words what the message means for its URL, origin
// and quoted value: one sentence or short paragraph per element.
func (m *Match) Meaning() []string {
	var out []string
	if m.Note != "" {
		return append(out, m.Note)
	}
	if m.Rule == nil {
		return nil
	}
	out = append(out, m.what())
	if m.Rule.Blocks && (m.Preflight || m.Rule.Phase == lint.Preflight) {
		out = append(out, "It failed at the preflight: the OPTIONS request the browser sends first, "+
			"without cookies or Authorization. The request the script asked for was never sent.")
	}
	if s := m.specific(); s != "" {
		out = append(out, s)
	}
	if m.Initiator == "XMLHttpRequest" && credentialed(m.Rule) {
		out = append(out, "For XMLHttpRequest, the request carries credentials when withCredentials is true.")
	}
	return out
}

// what says who refused what.
func (m *Match) what() string {
	var b strings.Builder
	b.WriteString(string(m.Browser))
	if !m.Rule.Blocks {
		b.WriteString(" let the request through but warns that it breaks the standard")
		if m.URL != "" {
			b.WriteString(" (" + m.URL + ")")
		}
		b.WriteString(": browsers that follow the standard will block it.")
		return b.String()
	}
	b.WriteString(" refused to let ")
	if m.Origin != "" {
		b.WriteString("the page at " + m.Origin)
	} else {
		b.WriteString("the page")
	}
	if m.URL != "" {
		b.WriteString(" read the response from " + m.URL)
	} else {
		b.WriteString(" read the response")
	}
	if m.RedirectedFrom != "" {
		b.WriteString(", which it reached through a redirect from " + m.RedirectedFrom)
	}
	if m.Status != "" && m.Status != "(null)" {
		b.WriteString(" (HTTP " + m.Status + ")")
	}
	b.WriteString(".")
	return b.String()
}

func credentialed(r *lint.Rule) bool {
	switch baseName(r.Chromium) {
	case "WildcardOriginNotAllowed", "InvalidAllowCredentials":
		return true
	}
	return false
}

// baseName drops the Preflight prefix Chromium gives the preflight variants
// of the CORS check's errors.
func baseName(name string) string {
	switch name {
	case "PreflightInvalidStatus", "PreflightDisallowedRedirect":
		return name
	}
	return strings.TrimPrefix(name, "Preflight")
}

// specific explains the failure with the message's own URL, origin and
// value.
func (m *Match) specific() string {
	v := m.Param
	switch baseName(m.Rule.Chromium) {
	case "MissingAllowOriginHeader":
		s := "The response had no Access-Control-Allow-Origin header. Without it the browser hides the " +
			"response whatever its status, so a 401 or a 500 surfaces as this CORS error."
		if isErrorStatus(m.Status) {
			s += " Firefox saw HTTP " + m.Status + ": an error response made before, or without, the CORS " +
				"code, typically by an authorizer, a gateway or an error handler."
		}
		if m.Rule.Phase == lint.Preflight {
			s += " Chromium checks the preflight's CORS headers before its status, so an OPTIONS request " +
				"answered 401, 403 or 404 without CORS headers lands here too."
		}
		return s
	case "MultipleAllowOriginValues":
		if v == "" {
			return "Access-Control-Allow-Origin held more than one value; it takes exactly one origin."
		}
		if a, b, ok := strings.Cut(v, ","); ok && strings.TrimSpace(a) == strings.TrimSpace(b) {
			return "Access-Control-Allow-Origin was '" + v + "': the same origin twice. Two layers (a proxy " +
				"and the application, say) each add the header, and the browser joins the two lines with ', '."
		}
		return "Access-Control-Allow-Origin was '" + v + "': more than one value. The header takes exactly " +
			"one origin, which the server must pick to match the request."
	case "InvalidAllowOriginValue":
		s := "'" + v + "' is not an origin: the value must be a scheme, '://', a host and an optional port"
		if m.Origin != "" {
			s += ", exactly like '" + m.Origin + "'"
		}
		return s + "."
	case "AllowOriginMismatch":
		if m.Origin == "" {
			return "The server allowed '" + v + "', which is not the page's origin; the two must be equal byte for byte."
		}
		return "The server allowed '" + v + "', but the page's origin is '" + m.Origin +
			"'; the two must be equal byte for byte." + mismatchHint(v, m.Origin, m.RedirectedFrom != "")
	case "WildcardOriginNotAllowed":
		s := "The request carried credentials (fetch's credentials: 'include', or cookies through " +
			"withCredentials) and the response allowed every origin with '*'. For such requests the " +
			"browser needs the exact origin"
		if m.Origin != "" {
			s += " '" + m.Origin + "'"
		}
		return s + " and Access-Control-Allow-Credentials: true."
	case "InvalidAllowCredentials":
		switch {
		case m.Browser == Firefox:
			return "The request carried credentials, and Access-Control-Allow-Credentials was missing or not exactly 'true'."
		case v == "":
			return "The request carried credentials, and the response had no Access-Control-Allow-Credentials " +
				"header; it must say exactly 'true'."
		}
		return "The request carried credentials, and Access-Control-Allow-Credentials was '" + v +
			"'; only 'true', lower case and once, is accepted."
	case "PreflightDisallowedRedirect":
		return "The server answered the preflight with a redirect, which browsers never follow: call the " +
			"final URL directly (scheme, host and trailing slash as the server wants them)."
	case "PreflightInvalidStatus":
		switch {
		case m.Status == "401" || m.Status == "403":
			return "The preflight got HTTP " + m.Status + ": something that wants credentials (an authorizer, " +
				"an API key check, a login middleware) guards OPTIONS, but a preflight never carries them."
		case m.Status == "404" || m.Status == "405" || m.Status == "501":
			return "The preflight got HTTP " + m.Status + ": nothing at this URL answers OPTIONS."
		case m.Status != "" && m.Status != "(null)":
			return "The preflight got HTTP " + m.Status + " instead of a 2xx status."
		}
		return "The preflight was answered with a status outside 200-299. Chromium does not print it: find " +
			"the OPTIONS request in the Network panel. 401 or 403 means authentication guards OPTIONS; " +
			"404 or 405 means nothing answers OPTIONS at this URL."
	case "InvalidAllowMethodsPreflightResponse":
		return listHint("Access-Control-Allow-Methods", "method", v)
	case "InvalidAllowHeadersPreflightResponse":
		return listHint("Access-Control-Allow-Headers", "header name", v)
	case "MethodDisallowedByPreflightResponse":
		if v == "" {
			return "The method the page uses is not listed in the preflight's Access-Control-Allow-Methods."
		}
		s := "The page sends method " + v + ", which the preflight's Access-Control-Allow-Methods does not " +
			"list; methods are compared case-sensitively."
		if v != strings.ToUpper(v) {
			s += " fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT, so '" + v +
				"' went out as the script wrote it."
		}
		return s
	case "HeaderDisallowedByPreflightResponse":
		if v == "" {
			return "The page sets a request header the preflight's Access-Control-Allow-Headers does not list."
		}
		s := "The page sets the request header '" + v + "', which the preflight's Access-Control-Allow-Headers does not list."
		switch strings.ToLower(v) {
		case "authorization":
			s += " '*' does not cover Authorization for requests with credentials (and, by the standard, " +
				"not at all): name it."
		case "content-type":
			s += " Content-Type needs a preflight unless it is application/x-www-form-urlencoded, " +
				"multipart/form-data or text/plain, so JSON bodies need it listed."
		}
		return s
	case "RedirectContainsCredentials":
		return "A redirect pointed the request at a URL with a user name or password in it, which browsers " +
			"refuse for cross-origin requests. Chromium leaves the location out of the message."
	case "net::ERR_TOO_MANY_REDIRECTS":
		return "The request went through more than 20 redirects, and the browser gave up with a network error."
	case "net::ERR_UNSAFE_REDIRECT":
		return "A redirect pointed to a scheme other than http or https."
	case "net::ERR_INVALID_REDIRECT":
		return "A redirect's Location header was not a valid URL."
	}
	return ""
}

func isErrorStatus(s string) bool { return len(s) == 3 && (s[0] == '4' || s[0] == '5') }

func listHint(name, what, token string) string {
	s := name + " on the preflight response is not a comma-separated list of " + what + "s"
	if token != "" {
		s += ": '" + token + "' is not a valid " + what
	}
	return s + ". A list the browser cannot parse fails every preflight to this URL, even for requests that needed no entry in it."
}

// mismatchHint names the difference between an allowed value and the
// page's origin, for the mistakes people make most.
func mismatchHint(value, origin string, redirected bool) string {
	vs, vrest, _ := strings.Cut(value, "://")
	os, orest, _ := strings.Cut(origin, "://")
	vhost, _, _ := strings.Cut(vrest, "/")
	ohost := orest
	switch {
	case value == "null":
		return " 'null' matches only sandboxed pages and requests redirected across origins; never allow it for a real site."
	case redirected && value == origin:
		return " After a redirect to another origin the browser sends Origin: null, so the last response must allow '*' (without credentials) or 'null'."
	case value != origin && strings.EqualFold(strings.TrimSuffix(value, "/"), origin):
		return " They differ only by letter case or a trailing slash."
	case strings.HasPrefix(value, origin+"/"):
		return " The value carries a path; an origin never has one."
	case vs != os && strings.EqualFold(vrest, orest):
		return " The schemes differ (" + vs + " and " + os + ")."
	case hostOnly(vhost) == hostOnly(ohost) && vhost != ohost:
		return " The ports differ; a default port (:443 for https, :80 for http) is never written in an origin."
	case strings.HasPrefix(value, os+":/") && !strings.HasPrefix(value, os+"://"):
		return " The value is missing a '/' after the scheme."
	}
	return ""
}

func hostOnly(hostport string) string {
	if i := strings.LastIndexByte(hostport, ':'); i >= 0 && !strings.HasSuffix(hostport, "]") {
		return hostport[:i]
	}
	return hostport
}
