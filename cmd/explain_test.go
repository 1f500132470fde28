package cmd_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/corslint/corslint/cmd"
	"github.com/corslint/corslint/rules"
)

// corslintMain runs corslint in-process and returns stdout, stderr and the
// exit code.
func corslintMain(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cmd.Main(context.Background(), args, &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

// squash folds whitespace, so text wrapped for the terminal compares equal
// to the rule's one-line text.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// Every rule has an explain page with its doc, its Fetch standard link and
// step, its browser names, both examples, the fix and every platform fix.
func TestExplainEveryRule(t *testing.T) {
	for _, r := range rules.All() {
		stdout, stderr, code := corslintMain(t, "explain", r.ID)
		if code != 0 {
			t.Errorf("explain %s: exit %d; stderr: %s", r.ID, code, stderr)
			continue
		}
		page := squash(stdout)
		want := map[string]string{
			"doc":       r.Doc,
			"spec link": r.Spec,
			"spec step": r.SpecStep,
			"fix":       r.Fix,
			"title":     r.Title,
			"reference": rules.HelpURI(r.ID),
		}
		if r.Chromium != "" {
			want["Chromium error"] = r.Chromium
		}
		if r.Firefox != "" {
			want["Firefox key"] = r.Firefox
		}
		for _, p := range rules.Platforms() {
			if text := r.Platforms[p.ID]; text != "" {
				want["fix on "+p.ID] = text
			}
		}
		for _, example := range []struct{ name, text string }{{"failing example", r.Failing}, {"passing example", r.Passing}} {
			if example.text == "" {
				t.Errorf("rule %s has no %s", r.ID, example.name)
			}
			for i, l := range strings.Split(example.text, "\n") {
				want[example.name+" line "+string(rune('1'+i))] = l
			}
		}
		for what, text := range want {
			if text == "" {
				t.Errorf("rule %s: empty %s", r.ID, what)
				continue
			}
			if !strings.Contains(page, squash(text)) {
				t.Errorf("explain %s: the page lacks the %s %q", r.ID, what, text)
			}
		}
	}
}

func TestExplainRuleIDIsCaseInsensitive(t *testing.T) {
	stdout, _, code := corslintMain(t, "explain", "ACAO-Missing")
	if code != 0 || !strings.HasPrefix(stdout, "acao-missing:") {
		t.Errorf("explain ACAO-Missing: exit %d, output %.40q; want exit 0 and the acao-missing page", code, stdout)
	}
}

func TestExplainPlatform(t *testing.T) {
	stdout, stderr, code := corslintMain(t, "explain", "acao-missing", "--platform", "nginx")
	if code != 0 {
		t.Fatalf("exit %d; stderr: %s", code, stderr)
	}
	page := squash(stdout)
	if want := squash(rules.ByID("acao-missing").Platforms["nginx"]); !strings.Contains(page, want) {
		t.Errorf("explain --platform nginx lacks the nginx fix %q", want)
	}
	if strings.Contains(page, "--platform express") || strings.Contains(page, "Fix by platform") {
		t.Errorf("explain --platform nginx shows other platforms:\n%s", stdout)
	}

	_, stderr, code = corslintMain(t, "explain", "acao-missing", "--platform", "apache")
	if code != 2 || !strings.Contains(stderr, "go-rs-cors") {
		t.Errorf("explain --platform apache: exit %d, stderr %q; want exit 2 listing the platforms", code, stderr)
	}
}

// The reference's Chromium console texts, verbatim after "has been blocked
// by CORS policy: ".
const (
	pfx = "Response to preflight request doesn't pass access control check: "
	// fetch() appends this to the Access-Control-Allow-Origin value errors.
	fetchTail = " Have the server send the header with a valid value."
	// XMLHttpRequest appends this to the wildcard and credentials errors.
	xhrTail = " The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."

	bodyMissing   = "No 'Access-Control-Allow-Origin' header is present on the requested resource."
	bodyMultiple  = "The 'Access-Control-Allow-Origin' header contains multiple values 'https://app.example.com, https://app.example.com', but only one is allowed."
	bodyInvalid   = "The 'Access-Control-Allow-Origin' header contains the invalid value 'app.example.com'."
	bodyMismatch  = "The 'Access-Control-Allow-Origin' header has a value 'https://app.example.com/' that is not equal to the supplied origin."
	bodyWildcard  = "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."
	bodyACAC      = "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'."
	bodyRedirect  = "Redirect is not allowed for a preflight request."
	bodyStatus    = "It does not have HTTP ok status."
	bodyACAM      = "Cannot parse Access-Control-Allow-Methods response header field in preflight response."
	bodyACAH      = "Cannot parse Access-Control-Allow-Headers response header field in preflight response."
	bodyMethod    = "Method PUT is not allowed by Access-Control-Allow-Methods in preflight response."
	bodyHeader    = "Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response."
	bodyUserinfo  = "Redirect location '' contains a username and password, which is disallowed for cross-origin requests."
	bodyScheme    = "Cross origin requests are only supported for protocol schemes: http, data, isolated-app, chrome-extension, chrome, https, chrome-untrusted."
	bodyLNA       = "Permission was denied for this request to access the `loopback` address space."
	bodyPNAAbsent = "No 'Access-Control-Allow-Private-Network' header was present in the preflight response for this private network request targeting the `private` address space."
	bodyPNAValue  = "The 'Access-Control-Allow-Private-Network' header in the preflight response for this private network request targeting the `private` address space had a value of 'false',  not 'true'."
)

func chromiumLine(api, body string) string {
	return api + " at 'https://api.example.com/orders' from origin 'https://app.example.com' has been blocked by CORS policy: " + body
}

// Every Chromium console message of the reference's rule catalogue maps to
// its rule through explain, in the variants the browser prints: fetch and
// XMLHttpRequest, with and without the preflight prefix, redirected.
func TestExplainChromiumConsoleMessages(t *testing.T) {
	tests := []struct {
		desc string
		text string
		rule string // the reference's rule ID
		// note is a phrase of the explanation explain gives while the
		// catalogue has no rule for the message.
		note string
	}{
		{desc: "missing, fetch", text: chromiumLine("Access to fetch", bodyMissing), rule: "acao-missing"},
		{desc: "missing, XHR", text: chromiumLine("Access to XMLHttpRequest", bodyMissing), rule: "acao-missing"},
		{desc: "missing, preflight", text: chromiumLine("Access to fetch", pfx+bodyMissing), rule: "preflight-acao-missing"},
		{desc: "multiple, fetch", text: chromiumLine("Access to fetch", bodyMultiple+fetchTail), rule: "acao-multiple-values"},
		{desc: "multiple, XHR", text: chromiumLine("Access to XMLHttpRequest", bodyMultiple), rule: "acao-multiple-values"},
		{desc: "multiple, preflight", text: chromiumLine("Access to fetch", pfx+bodyMultiple+fetchTail), rule: "preflight-acao-multiple-values"},
		{desc: "invalid, fetch", text: chromiumLine("Access to fetch", bodyInvalid+fetchTail), rule: "acao-invalid-value"},
		{desc: "invalid, XHR", text: chromiumLine("Access to XMLHttpRequest", bodyInvalid), rule: "acao-invalid-value"},
		{desc: "invalid, preflight", text: chromiumLine("Access to fetch", pfx+bodyInvalid+fetchTail), rule: "preflight-acao-invalid-value"},
		{desc: "mismatch, fetch", text: chromiumLine("Access to fetch", bodyMismatch+fetchTail), rule: "acao-mismatch"},
		{desc: "mismatch, XHR", text: chromiumLine("Access to XMLHttpRequest", bodyMismatch), rule: "acao-mismatch"},
		{desc: "mismatch, preflight", text: chromiumLine("Access to fetch", pfx+bodyMismatch+fetchTail), rule: "preflight-acao-mismatch"},
		{
			desc: "mismatch, redirected",
			text: "Access to fetch at 'https://cdn.example.net/orders' (redirected from 'https://api.example.com/orders') from origin 'https://app.example.com' has been blocked by CORS policy: " + bodyMismatch + fetchTail,
			rule: "acao-mismatch",
		},
		{desc: "wildcard, fetch", text: chromiumLine("Access to fetch", bodyWildcard), rule: "acao-wildcard-with-credentials"},
		{desc: "wildcard, XHR", text: chromiumLine("Access to XMLHttpRequest", bodyWildcard+xhrTail), rule: "acao-wildcard-with-credentials"},
		{desc: "wildcard, preflight", text: chromiumLine("Access to fetch", pfx+bodyWildcard), rule: "preflight-acao-wildcard-with-credentials"},
		{desc: "credentials, fetch", text: chromiumLine("Access to fetch", bodyACAC), rule: "acac-not-true"},
		{desc: "credentials, XHR", text: chromiumLine("Access to XMLHttpRequest", bodyACAC+xhrTail), rule: "acac-not-true"},
		{desc: "credentials, preflight", text: chromiumLine("Access to fetch", pfx+bodyACAC), rule: "preflight-acac-not-true"},
		{desc: "preflight redirect", text: chromiumLine("Access to fetch", pfx+bodyRedirect), rule: "preflight-redirect"},
		{desc: "preflight redirect, prefix dropped", text: chromiumLine("Access to fetch", bodyRedirect), rule: "preflight-redirect"},
		{desc: "preflight status", text: chromiumLine("Access to fetch", pfx+bodyStatus), rule: "preflight-status-not-ok"},
		{desc: "preflight status, prefix dropped", text: chromiumLine("Access to XMLHttpRequest", bodyStatus), rule: "preflight-status-not-ok"},
		{desc: "ACAM unparsable", text: chromiumLine("Access to fetch", bodyACAM), rule: "acam-unparsable"},
		{desc: "ACAM unparsable, with prefix", text: chromiumLine("Access to fetch", pfx+bodyACAM), rule: "acam-unparsable"},
		{desc: "ACAH unparsable", text: chromiumLine("Access to fetch", bodyACAH), rule: "acah-unparsable"},
		{desc: "ACAH unparsable, with prefix", text: chromiumLine("Access to fetch", pfx+bodyACAH), rule: "acah-unparsable"},
		{desc: "method", text: chromiumLine("Access to fetch", bodyMethod), rule: "method-not-allowed"},
		{desc: "method, with prefix", text: chromiumLine("Access to fetch", pfx+bodyMethod), rule: "method-not-allowed"},
		{desc: "header", text: chromiumLine("Access to XMLHttpRequest", bodyHeader), rule: "header-not-allowed"},
		{desc: "header, with prefix", text: chromiumLine("Access to fetch", pfx+bodyHeader), rule: "header-not-allowed"},
		{
			desc: "userinfo redirect",
			text: "Access to fetch at 'https://user:pass@cdn.example.net/orders' (redirected from 'https://api.example.com/orders') from origin 'https://app.example.com' has been blocked by CORS policy: " + bodyUserinfo,
			rule: "redirect-userinfo",
		},
		{desc: "non-CORS scheme", text: "Access to fetch at 'file:///tmp/orders.json' from origin 'null' has been blocked by CORS policy: " + bodyScheme, rule: "cors-disabled-scheme", note: "http(s)"},
		{desc: "Local Network Access", text: chromiumLine("Access to fetch", bodyLNA), rule: "lna-permission-denied", note: "Local Network Access"},
		{desc: "PNA header absent", text: chromiumLine("Access to fetch", pfx+bodyPNAAbsent), rule: "pna-preflight-missing-allow", note: "Private Network Access"},
		{desc: "PNA header not true", text: chromiumLine("Access to fetch", pfx+bodyPNAValue), rule: "pna-preflight-invalid-allow", note: "Private Network Access"},
	}
	for _, tc := range tests {
		stdout, stderr, code := corslintMain(t, "explain", tc.text)
		if code != 0 {
			t.Errorf("%s: exit %d; stderr: %s", tc.desc, code, stderr)
			continue
		}
		r := rules.ByID(tc.rule)
		if r == nil && tc.note != "" {
			if !strings.Contains(stdout, "No corslint rule covers this message") || !strings.Contains(squash(stdout), tc.note) {
				t.Errorf("%s: got\n%s\nwant no rule and a note with %q", tc.desc, stdout, tc.note)
			}
			continue
		}
		if r == nil || !strings.Contains(stdout, "\nRule: "+tc.rule+", ") {
			t.Errorf("%s: got\n%s\nwant rule %s", tc.desc, stdout, tc.rule)
			continue
		}
		if want := squash(r.Fix); !strings.Contains(squash(stdout), want) {
			t.Errorf("%s: the answer lacks the fix %q", tc.desc, want)
		}
	}
}

func TestExplainFirefoxConsoleMessages(t *testing.T) {
	const lead = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/orders. (Reason: "
	tests := []struct {
		desc string
		text string
		rule string
		also string
	}{
		{desc: "missing with status", text: lead + "CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 401.", rule: "acao-missing", also: "preflight-acao-missing"},
		{desc: "multiple lines", text: lead + "Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed).", rule: "acao-multiple-values", also: "preflight-acao-multiple-values"},
		{desc: "not matching", text: lead + "CORS header ‘Access-Control-Allow-Origin’ does not match ‘https://app.example.com/’).", rule: "acao-mismatch", also: "preflight-acao-mismatch"},
		{desc: "wildcard", text: lead + "Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).", rule: "acao-wildcard-with-credentials", also: "preflight-acao-wildcard-with-credentials"},
		{desc: "credentials", text: lead + "expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’).", rule: "acac-not-true", also: "preflight-acac-not-true"},
		{desc: "preflight redirect", text: lead + "CORS request external redirect not allowed).", rule: "preflight-redirect"},
		{desc: "preflight status", text: lead + "CORS preflight response did not succeed). Status code: 403.", rule: "preflight-status-not-ok"},
		{desc: "methods token", text: lead + "invalid token ‘GET PUT’ in CORS header ‘Access-Control-Allow-Methods’).", rule: "acam-unparsable"},
		{desc: "headers token", text: lead + "invalid token ‘x-a;’ in CORS header ‘Access-Control-Allow-Headers’).", rule: "acah-unparsable"},
		{desc: "method", text: lead + "Did not find method in CORS header ‘Access-Control-Allow-Methods’).", rule: "method-not-allowed"},
		{desc: "header", text: lead + "header ‘authorization’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).", rule: "header-not-allowed"},
	}
	for _, tc := range tests {
		stdout, stderr, code := corslintMain(t, "explain", tc.text)
		if code != 0 {
			t.Errorf("%s: exit %d; stderr: %s", tc.desc, code, stderr)
			continue
		}
		if !strings.Contains(stdout, "\nRule: "+tc.rule+", ") {
			t.Errorf("%s: got\n%s\nwant rule %s", tc.desc, stdout, tc.rule)
		}
		if tc.also != "" && !strings.Contains(stdout, "  or "+tc.also+", ") {
			t.Errorf("%s: got\n%s\nwant %s offered as the alternative", tc.desc, stdout, tc.also)
		}
	}
}

func TestExplainMessageAnswer(t *testing.T) {
	tests := []struct {
		desc     string
		args     []string
		want     []string
		wantNone []string
	}{
		{
			desc: "URL, origin and value from the message",
			args: []string{"explain", chromiumLine("Access to fetch", bodyMismatch+fetchTail)},
			want: []string{"blocked: https://api.example.com/orders", "page origin: https://app.example.com",
				"'https://app.example.com/'", "trailing slash",
				"corslint check https://api.example.com/orders --origin https://app.example.com"},
		},
		{
			desc: "method goes into the reproduce command",
			args: []string{"explain", chromiumLine("Access to fetch", bodyMethod)},
			want: []string{"-X PUT"},
		},
		{
			desc: "header goes into the reproduce command",
			args: []string{"explain", chromiumLine("Access to fetch", bodyHeader)},
			want: []string{"-H 'x-api-key: x'"},
		},
		{
			desc: "credentials go into the reproduce command",
			args: []string{"explain", chromiumLine("Access to XMLHttpRequest", bodyWildcard+xhrTail)},
			want: []string{"--credentials", "withCredentials"},
		},
		{
			desc:     "platform fix replaces the generic one",
			args:     []string{"explain", "--platform", "aws-apigateway-rest", chromiumLine("Access to fetch", pfx+bodyStatus)},
			want:     []string{"Fix on AWS API Gateway, REST API", "AddDefaultAuthorizerToCorsPreflight"},
			wantNone: []string{"add --platform"},
		},
		{
			desc: "Firefox: origin placeholder",
			args: []string{"explain", "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/orders. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 500."},
			want: []string{"--origin ORIGIN", "HTTP 500"},
		},
	}
	for _, tc := range tests {
		stdout, stderr, code := corslintMain(t, tc.args...)
		if code != 0 {
			t.Errorf("%s: exit %d; stderr: %s", tc.desc, code, stderr)
			continue
		}
		page := squash(stdout)
		for _, w := range tc.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: got\n%s\nwant %q in it", tc.desc, stdout, w)
			}
		}
		for _, w := range tc.wantNone {
			if strings.Contains(page, w) {
				t.Errorf("%s: got\n%s\nwant no %q", tc.desc, stdout, w)
			}
		}
	}
}

func TestExplainUsageErrors(t *testing.T) {
	tests := []struct {
		desc string
		args []string
		want string // in the one-line error
	}{
		{desc: "no argument", args: []string{"explain"}, want: "rule ID"},
		{desc: "typo of a rule ID", args: []string{"explain", "acao-mising"}, want: "did you mean acao-missing?"},
		{desc: "unknown ID", args: []string{"explain", "no-such-rule-at-all"}, want: "unknown rule"},
		{desc: "prose", args: []string{"explain", "it", "does", "not", "work"}, want: "Access to fetch at"},
		{desc: "follow-up line only", args: []string{"explain", "GET https://api.example.com/orders net::ERR_FAILED 401 (Unauthorized)"}, want: "net::ERR_FAILED"},
		{desc: "unknown Chromium reason", args: []string{"explain", chromiumLine("Access to fetch", "Something new.")}, want: "Something new."},
	}
	for _, tc := range tests {
		stdout, stderr, code := corslintMain(t, tc.args...)
		if code != 2 {
			t.Errorf("%s: exit %d; want 2", tc.desc, code)
		}
		if stdout != "" {
			t.Errorf("%s: stdout %q; want none", tc.desc, stdout)
		}
		if !strings.HasPrefix(stderr, "corslint: ") || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%s: stderr %q; want one line starting with \"corslint: \" containing %q", tc.desc, stderr, tc.want)
		}
	}
}

func TestExplainReadsStdin(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old }()
	go func() {
		// A paste from the console: the message, wrapped, then Chromium's
		// follow-up line.
		w.WriteString("(index):12 Access to fetch at 'https://api.example.com/orders' from origin 'https://app.example.com'\n" +
			"has been blocked by CORS policy: " + pfx + bodyMissing + "\n" +
			"GET https://api.example.com/orders net::ERR_FAILED 401 (Unauthorized)\n")
		w.Close()
	}()
	stdout, stderr, code := corslintMain(t, "explain", "-")
	if code != 0 || !strings.Contains(stdout, "\nRule: preflight-acao-missing, ") {
		t.Errorf("explain - : exit %d, stdout\n%s\nstderr %s; want preflight-acao-missing", code, stdout, stderr)
	}
}
