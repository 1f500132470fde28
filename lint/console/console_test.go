package console_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/corslint/corslint/lint/console"
	"github.com/corslint/corslint/rules"
)

const (
	api    = "https://api.example.com/orders"
	page   = "https://app.example.com"
	prefix = "Response to preflight request doesn't pass access control check: "
)

func chromium(body string) string {
	return "Access to fetch at '" + api + "' from origin '" + page + "' has been blocked by CORS policy: " + body
}

func TestParseChromium(t *testing.T) {
	tests := []struct {
		desc      string
		text      string
		rule      string
		url       string
		from      string
		origin    string
		initiator string
		preflight bool
		param     string
	}{
		{
			desc: "actual response, missing header",
			text: chromium("No 'Access-Control-Allow-Origin' header is present on the requested resource."),
			rule: "acao-missing", url: api, origin: page, initiator: "fetch",
		},
		{
			desc: "preflight prefix picks the preflight variant",
			text: chromium(prefix + "No 'Access-Control-Allow-Origin' header is present on the requested resource."),
			rule: "preflight-acao-missing", url: api, origin: page, initiator: "fetch", preflight: true,
		},
		{
			desc: "value with the fetch-only suffix",
			text: chromium("The 'Access-Control-Allow-Origin' header has a value 'https://app.example.com/' that is not equal to the supplied origin. Have the server send the header with a valid value."),
			rule: "acao-mismatch", url: api, origin: page, initiator: "fetch", param: "https://app.example.com/",
		},
		{
			desc: "XHR variant, without the fetch suffix",
			text: "Access to XMLHttpRequest at '" + api + "' from origin '" + page + "' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains multiple values 'https://a.example, https://b.example', but only one is allowed.",
			rule: "acao-multiple-values", url: api, origin: page, initiator: "XMLHttpRequest", param: "https://a.example, https://b.example",
		},
		{
			desc: "redirected request",
			text: "Access to fetch at 'https://cdn.example.net/x' (redirected from '" + api + "') from origin '" + page + "' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'https://app.example.com' that is not equal to the supplied origin. Have the server send the header with a valid value.",
			rule: "acao-mismatch", url: "https://cdn.example.net/x", from: api, origin: page, initiator: "fetch", param: "https://app.example.com",
		},
		{
			desc: "console noise around the message",
			text: "(index):1  " + chromium("Method PATCH is not allowed by Access-Control-Allow-Methods in preflight response.") + "\nGET https://api.example.com/orders net::ERR_FAILED 204 (No Content)",
			rule: "method-not-allowed", url: api, origin: page, initiator: "fetch", param: "PATCH",
		},
		{
			desc: "message wrapped over lines",
			text: "Access to fetch at '" + api + "' from origin\n'" + page + "' has been blocked by CORS policy:\nRequest header field authorization is not allowed by\nAccess-Control-Allow-Headers in preflight response.",
			rule: "header-not-allowed", url: api, origin: page, initiator: "fetch", param: "authorization",
		},
		{
			desc: "empty failed parameter",
			text: chromium("The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'."),
			rule: "acac-not-true", url: api, origin: page, initiator: "fetch",
		},
		{
			desc: "another initiator",
			text: "Access to font at 'https://cdn.example.net/a.woff2' from origin '" + page + "' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
			rule: "acao-missing", url: "https://cdn.example.net/a.woff2", origin: page, initiator: "font",
		},
	}
	for _, tc := range tests {
		m, err := console.Parse(tc.text, rules.All())
		if err != nil {
			t.Errorf("%s: Parse: %v", tc.desc, err)
			continue
		}
		if m.Rule == nil || m.Rule.ID != tc.rule {
			t.Errorf("%s: rule = %v; want %s", tc.desc, ruleID(m), tc.rule)
		}
		got := []string{m.URL, m.RedirectedFrom, m.Origin, m.Initiator, m.Param}
		want := []string{tc.url, tc.from, tc.origin, tc.initiator, tc.param}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: url|from|origin|initiator|param = %q; want %q", tc.desc, got, want)
		}
		if m.Preflight != tc.preflight {
			t.Errorf("%s: Preflight = %v; want %v", tc.desc, m.Preflight, tc.preflight)
		}
	}
}

func TestParseFirefox(t *testing.T) {
	const lead = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at " + api + ". (Reason: "
	tests := []struct {
		desc   string
		text   string
		rule   string
		also   string
		key    string
		param  string
		status string
	}{
		{
			desc: "missing header with status",
			text: lead + "CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 401.",
			rule: "acao-missing", also: "preflight-acao-missing", key: "CORSMissingAllowOrigin2", status: "401",
		},
		{
			desc: "straight quotes and a Learn More tail",
			text: lead + "CORS header 'Access-Control-Allow-Origin' missing).[Learn More]",
			rule: "acao-missing", also: "preflight-acao-missing", key: "CORSMissingAllowOrigin2",
		},
		{
			desc: "not matching: a real origin is a mismatch",
			text: lead + "CORS header ‘Access-Control-Allow-Origin’ does not match ‘https://other.example’).",
			rule: "acao-mismatch", also: "preflight-acao-mismatch", key: "CORSAllowOriginNotMatchingOrigin", param: "https://other.example",
		},
		{
			desc: "not matching: a bare host is invalid",
			text: lead + "CORS header ‘Access-Control-Allow-Origin’ does not match ‘example.com’).",
			rule: "acao-invalid-value", also: "preflight-acao-invalid-value", key: "CORSAllowOriginNotMatchingOrigin", param: "example.com",
		},
		{
			desc: "not matching: a list on one line is Chromium's multiple values",
			text: lead + "CORS header ‘Access-Control-Allow-Origin’ does not match ‘https://a.example, https://b.example’).",
			rule: "acao-multiple-values", also: "preflight-acao-multiple-values", key: "CORSAllowOriginNotMatchingOrigin", param: "https://a.example, https://b.example",
		},
		{
			desc: "credentials with the URL in quotes",
			text: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ‘" + api + "’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).",
			rule: "acao-wildcard-with-credentials", also: "preflight-acao-wildcard-with-credentials", key: "CORSNotSupportingCredentials",
		},
		{
			desc: "preflight status",
			text: lead + "CORS preflight response did not succeed). Status code: 403.",
			rule: "preflight-status-not-ok", key: "CORSPreflightDidNotSucceed3", status: "403",
		},
		{
			desc: "header not allowed names the header",
			text: lead + "header ‘x-api-key’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).",
			rule: "header-not-allowed", key: "CORSMissingAllowHeaderFromPreflight2", param: "x-api-key",
		},
		{
			desc: "deprecation warning maps to the advisory rule",
			text: "Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at " + api + " soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`).",
			rule: "authorization-covered-by-wildcard", key: "CORSAllowHeaderFromPreflightDeprecation",
		},
	}
	for _, tc := range tests {
		m, err := console.Parse(tc.text, rules.All())
		if err != nil {
			t.Errorf("%s: Parse: %v", tc.desc, err)
			continue
		}
		if m.Browser != console.Firefox || m.URL != api {
			t.Errorf("%s: browser, url = %s, %q; want Firefox, %q", tc.desc, m.Browser, m.URL, api)
		}
		if ruleID(m) != tc.rule {
			t.Errorf("%s: rule = %s; want %s", tc.desc, ruleID(m), tc.rule)
		}
		var also []string
		for _, r := range m.Also {
			also = append(also, r.ID)
		}
		if strings.Join(also, ",") != tc.also {
			t.Errorf("%s: also = %v; want %q", tc.desc, also, tc.also)
		}
		if m.FirefoxKey != tc.key || m.Param != tc.param || m.Status != tc.status {
			t.Errorf("%s: key, param, status = %q, %q, %q; want %q, %q, %q", tc.desc, m.FirefoxKey, m.Param, m.Status, tc.key, tc.param, tc.status)
		}
	}
}

func TestParseNames(t *testing.T) {
	tests := []struct {
		desc string
		text string
		rule string
	}{
		{desc: "CDP name", text: "PreflightMissingAllowOriginHeader", rule: "preflight-acao-missing"},
		{desc: "Firefox key", text: "CORSMethodNotFound", rule: "method-not-allowed"},
		{desc: "MDN page name without the digit", text: "CORSMissingAllowOrigin", rule: "acao-missing"},
		{desc: "MDN link", text: "https://developer.mozilla.org/docs/Web/HTTP/CORS/Errors/CORSNotSupportingCredentials?utm_source=devtools", rule: "acao-wildcard-with-credentials"},
		{desc: "request line with a net error", text: "GET https://api.example.com/a net::ERR_TOO_MANY_REDIRECTS", rule: "redirect-too-many"},
	}
	for _, tc := range tests {
		m, err := console.Parse(tc.text, rules.All())
		if err != nil {
			t.Errorf("%s: Parse(%q): %v", tc.desc, tc.text, err)
			continue
		}
		if ruleID(m) != tc.rule {
			t.Errorf("%s: Parse(%q) rule = %s; want %s", tc.desc, tc.text, ruleID(m), tc.rule)
		}
	}
}

func TestParseRecognisedWithoutRule(t *testing.T) {
	tests := []struct {
		desc string
		text string
		want string // in the note
	}{
		{
			desc: "non-CORS scheme",
			text: "Access to fetch at 'file:///tmp/a.json' from origin 'null' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: http, data, isolated-app, chrome-extension, chrome, https, chrome-untrusted.",
			want: "http(s)",
		},
		{
			desc: "Local Network Access",
			text: chromium("Permission was denied for this request to access the `loopback` address space."),
			want: "Local Network Access",
		},
		{
			desc: "Private Network Access preflight",
			text: chromium(prefix + "No 'Access-Control-Allow-Private-Network' header was present in the preflight response for this private network request targeting the `private` address space."),
			want: "Private Network Access",
		},
		{
			desc: "mode same-origin",
			text: `Fetch API cannot load https://api.example.com/orders. Request mode is "same-origin" but the URL's origin is not same as the request origin https://app.example.com.`,
			want: "mode: 'same-origin'",
		},
		{
			desc: "Firefox network failure",
			text: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at " + api + ". (Reason: CORS request did not succeed). Status code: (null).",
			want: "unreachable",
		},
	}
	for _, tc := range tests {
		m, err := console.Parse(tc.text, rules.All())
		if err != nil {
			t.Errorf("%s: Parse: %v", tc.desc, err)
			continue
		}
		if m.Rule != nil {
			t.Errorf("%s: rule = %s; want none", tc.desc, m.Rule.ID)
		}
		if !strings.Contains(m.Note, tc.want) {
			t.Errorf("%s: note = %q; want it to contain %q", tc.desc, m.Note, tc.want)
		}
	}
}

func TestParseUnknown(t *testing.T) {
	tests := []struct {
		desc    string
		text    string
		browser console.Browser
		want    string // in the error
	}{
		{desc: "empty", text: "  \n", want: "empty"},
		{desc: "prose", text: "my API is broken", want: "Access to fetch at"},
		{desc: "only the follow-up line", text: "GET https://api.example.com/orders net::ERR_FAILED 401 (Unauthorized)", want: "net::ERR_FAILED"},
		{desc: "Chromium shape, unknown reason", text: chromium("Something new happened."), browser: console.Chromium, want: "Something new happened."},
		{desc: "Firefox shape, unknown reason", text: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at " + api + ". (Reason: something new).", browser: console.Firefox, want: "something new"},
	}
	for _, tc := range tests {
		_, err := console.Parse(tc.text, rules.All())
		var unknown *console.UnknownError
		if !errors.As(err, &unknown) {
			t.Errorf("%s: err = %v; want an UnknownError", tc.desc, err)
			continue
		}
		if unknown.Browser != tc.browser || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %q (browser %q); want browser %q and %q in it", tc.desc, err, unknown.Browser, tc.browser, tc.want)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %q spans several lines", tc.desc, err)
		}
	}
}

// Every rule Chromium reports with a console message must be found again
// from the message corslint itself renders for it.
func TestChromiumLineRoundTrip(t *testing.T) {
	for _, r := range rules.All() {
		line := console.ChromiumLine(r, api, page, "x-value")
		if line == "" {
			continue
		}
		m, err := console.Parse(line, rules.All())
		if err != nil {
			t.Errorf("%s: Parse(%q): %v", r.ID, line, err)
			continue
		}
		if m.Rule != r {
			t.Errorf("%s: Parse(%q) rule = %s", r.ID, line, ruleID(m))
		}
	}
}

// Every rule's Firefox key must have its reason text here, or explain could
// not read the message the rule's own doc names.
func TestFirefoxReasonForEveryRuleKey(t *testing.T) {
	for _, r := range rules.All() {
		if r.Firefox == "" {
			continue
		}
		if _, ok := console.FirefoxReason(r.Firefox); !ok {
			t.Errorf("rule %s: no Firefox reason text for key %s", r.ID, r.Firefox)
		}
	}
}

func TestMeaningUsesTheMessage(t *testing.T) {
	tests := []struct {
		desc string
		text string
		want []string
	}{
		{
			desc: "trailing slash",
			text: chromium("The 'Access-Control-Allow-Origin' header has a value 'https://app.example.com/' that is not equal to the supplied origin. Have the server send the header with a valid value."),
			want: []string{page, api, "'https://app.example.com/'", "trailing slash"},
		},
		{
			desc: "same value twice",
			text: chromium("The 'Access-Control-Allow-Origin' header contains multiple values 'https://app.example.com, https://app.example.com', but only one is allowed. Have the server send the header with a valid value."),
			want: []string{"the same origin twice", "Two layers"},
		},
		{
			desc: "preflight names the preflight",
			text: chromium(prefix + "It does not have HTTP ok status."),
			want: []string{"OPTIONS", "never sent", "Network panel"},
		},
		{
			desc: "Firefox status",
			text: "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at " + api + ". (Reason: CORS preflight response did not succeed). Status code: 401.",
			want: []string{"HTTP 401", "guards OPTIONS"},
		},
		{
			desc: "lower-case method",
			text: chromium("Method patch is not allowed by Access-Control-Allow-Methods in preflight response."),
			want: []string{"method patch", "as the script wrote it"},
		},
	}
	for _, tc := range tests {
		m, err := console.Parse(tc.text, rules.All())
		if err != nil {
			t.Errorf("%s: Parse: %v", tc.desc, err)
			continue
		}
		got := strings.Join(m.Meaning(), " ")
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: Meaning() = %q; want it to contain %q", tc.desc, got, w)
			}
		}
	}
}

func ruleID(m *console.Match) string {
	if m == nil || m.Rule == nil {
		return "<none>"
	}
	return m.Rule.ID
}
