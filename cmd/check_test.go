package cmd_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/corslint/corslint/cmd"
	"github.com/corslint/corslint/examples/server"
)

// checkOutput is the part of the JSON report these tests read.
type checkOutput struct {
	Results []struct {
		Origin    string `json:"origin"`
		Verdict   string `json:"verdict"`
		BlockedBy *struct {
			Rule          string `json:"rule"`
			ChromiumError string `json:"chromium_error"`
			Message       string `json:"message"`
		} `json:"blocked_by"`
		Preflight struct {
			Needed  bool `json:"needed"`
			Request *struct {
				Headers []struct{ Name, Value string } `json:"headers"`
			} `json:"request"`
		} `json:"preflight"`
		Actual struct {
			Sent          bool   `json:"sent"`
			NotSentReason string `json:"not_sent_reason"`
		} `json:"actual"`
		Findings []struct {
			Rule     string   `json:"rule"`
			Severity string   `json:"severity"`
			Message  string   `json:"message"`
			Evidence []string `json:"evidence"`
			Fix      string   `json:"fix"`
		} `json:"findings"`
	} `json:"results"`
}

// run executes corslint in-process and returns stdout, stderr, exit code.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cmd.Main(context.Background(), args, &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

func runJSON(t *testing.T, args ...string) (checkOutput, int) {
	t.Helper()
	stdout, stderr, code := run(t, append(args, "--format", "json")...)
	var out checkOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("corslint %s: invalid JSON (%v); stderr: %s", strings.Join(args, " "), err, stderr)
	}
	return out, code
}

// seedRequest is the story's credentialed, preflighted POST with a JWT.
func seedRequest(url string, origins ...string) []string {
	args := []string{"check", url + "/orders", "-X", "POST", "--credentials", "--send",
		"-H", "Authorization: Bearer " + server.Token, "-H", "Content-Type: application/json", "-d", `{"item":"tea"}`}
	for _, o := range origins {
		args = append(args, "--origin", o)
	}
	return args
}

// TestSeedStory walks the story's broken setups: each is reported by its
// own rule, in Chromium's words, with a fix; the fixed setup is allowed
// from both front-end origins.
func TestSeedStory(t *testing.T) {
	cases := []struct {
		variant   string
		rule      string
		chromium  string
		message   string // a fragment of Chromium's console text
		alsoRules []string
	}{
		{variant: "authorizer-guards-options", rule: "preflight-status-not-ok", chromium: "PreflightInvalidStatus",
			message: "Response to preflight request doesn't pass access control check: It does not have HTTP ok status."},
		{variant: "broken", rule: "preflight-acao-missing", chromium: "PreflightMissingAllowOriginHeader",
			message:   "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
			alsoRules: []string{"preflight-status-not-ok", "acao-wildcard-with-credentials"}},
		{variant: "wildcard-with-credentials", rule: "preflight-acao-wildcard-with-credentials", chromium: "PreflightWildcardOriginNotAllowed",
			message: "must not be the wildcard '*' when the request's credentials mode is 'include'."},
		{variant: "authorization-not-allowed", rule: "header-not-allowed", chromium: "HeaderDisallowedByPreflightResponse",
			message: "Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response."},
		{variant: "post-missing-credentials", rule: "acac-not-true", chromium: "InvalidAllowCredentials",
			message: "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true'"},
		{variant: "origin-typo", rule: "preflight-acao-mismatch", chromium: "PreflightAllowOriginMismatch",
			message: "has a value 'http:/app.example.test' that is not equal to the supplied origin."},
		{variant: "cdn-drops-origin", rule: "preflight-acao-missing", chromium: "PreflightMissingAllowOriginHeader",
			message: "No 'Access-Control-Allow-Origin' header is present", alsoRules: []string{"acao-missing"}},
	}
	for _, c := range cases {
		t.Run(c.variant, func(t *testing.T) {
			setup, _ := server.Lookup(c.variant)
			ts := httptest.NewServer(server.Handler(setup))
			defer ts.Close()
			out, code := runJSON(t, seedRequest(ts.URL, server.PCOrigin)...)
			if code != cmd.ExitFindings {
				t.Errorf("exit code %d; want %d", code, cmd.ExitFindings)
			}
			res := out.Results[0]
			if res.Verdict != "blocked" || res.BlockedBy == nil || res.BlockedBy.Rule != c.rule || res.BlockedBy.ChromiumError != c.chromium {
				t.Fatalf("got %s by %+v; want blocked by %s (%s)", res.Verdict, res.BlockedBy, c.rule, c.chromium)
			}
			if !strings.Contains(res.BlockedBy.Message, c.message) {
				t.Errorf("message %q; want it to contain %q", res.BlockedBy.Message, c.message)
			}
			found := map[string]bool{}
			for _, f := range res.Findings {
				found[f.Rule] = true
				if f.Severity == "error" && (f.Fix == "" || len(f.Evidence) == 0) {
					t.Errorf("finding %s has no fix or no evidence", f.Rule)
				}
			}
			for _, r := range append([]string{c.rule}, c.alsoRules...) {
				if !found[r] {
					t.Errorf("no %s finding; got %v", r, found)
				}
			}
		})
	}
	t.Run("fixed", func(t *testing.T) {
		setup, _ := server.Lookup("fixed")
		ts := httptest.NewServer(server.Handler(setup))
		defer ts.Close()
		out, code := runJSON(t, seedRequest(ts.URL, server.PCOrigin, server.PhoneOrigin)...)
		if code != cmd.ExitOK || len(out.Results) != 2 {
			t.Fatalf("exit code %d with %d results; want 0 with 2", code, len(out.Results))
		}
		for _, res := range out.Results {
			if res.Verdict != "allowed" || len(res.Findings) != 0 {
				t.Errorf("%s: got %s with %d findings; want allowed with none", res.Origin, res.Verdict, len(res.Findings))
			}
		}
	})
}

// TestNoFalsePositives: preflight replies that look odd but are fine.
func TestNoFalsePositives(t *testing.T) {
	cases := []struct {
		desc  string
		acam  string
		extra []string
	}{
		{desc: "ACAM OPTIONS only, with a POST: POST is safelisted", acam: "OPTIONS"},
		{desc: "ACAM with a trailing comma", acam: "POST, GET, OPTIONS,"},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
				w.Header().Set("Access-Control-Allow-Credentials", "true")
				w.Header().Set("Vary", "Origin")
				if r.Method == http.MethodOptions {
					w.Header().Set("Access-Control-Allow-Methods", c.acam)
					w.Header().Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
					w.WriteHeader(http.StatusNoContent)
				}
			}))
			defer ts.Close()
			out, code := runJSON(t, seedRequest(ts.URL, server.PCOrigin)...)
			res := out.Results[0]
			if code != cmd.ExitOK || res.Verdict != "allowed" || len(res.Findings) != 0 {
				t.Errorf("exit %d, verdict %s, findings %+v; want 0, allowed, none", code, res.Verdict, res.Findings)
			}
		})
	}
}

// TestPreflightOnTheWire: the preflight carries no credentials and lists
// the unsafe header names as Chromium does.
func TestPreflightOnTheWire(t *testing.T) {
	var got http.Header
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodOptions {
			got = r.Header.Clone()
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer ts.Close()
	run(t, "check", ts.URL, "--origin", "http://app.example.test", "-X", "patch", "--credentials",
		"-H", "Authorization: Bearer secret-token-1", "-H", "X-B: 1", "-H", "x-a: 2", "-b", "session=abc123")
	if got == nil {
		t.Fatal("no preflight received")
	}
	want := map[string]string{
		"Origin":                         "http://app.example.test",
		"Access-Control-Request-Method":  "patch",
		"Access-Control-Request-Headers": "authorization,x-a,x-b",
		"Authorization":                  "",
		"Cookie":                         "",
		"X-A":                            "",
	}
	for name, v := range want {
		if got.Get(name) != v {
			t.Errorf("preflight %s: got %q; want %q", name, got.Get(name), v)
		}
	}
}

// TestActualNotSentWithoutSend: methods that may change data are not sent
// unless asked, and the result says so.
func TestActualNotSentWithoutSend(t *testing.T) {
	posts := 0
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut {
			posts++
		}
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Access-Control-Allow-Methods", "PUT")
		w.WriteHeader(http.StatusNoContent)
	}))
	defer ts.Close()
	out, code := runJSON(t, "check", ts.URL, "--origin", "http://app.example.test", "-X", "PUT")
	res := out.Results[0]
	if posts != 0 || res.Verdict != "unverified" || res.Actual.Sent || !strings.Contains(res.Actual.NotSentReason, "--send") || code != cmd.ExitOK {
		t.Errorf("PUTs %d, verdict %s, sent %t, reason %q, exit %d; want 0, unverified, false, a reason naming --send, 0",
			posts, res.Verdict, res.Actual.Sent, res.Actual.NotSentReason, code)
	}
}

// TestSecretsNeverPrinted: the bearer token and the cookie never appear in
// any output format, verbose or not.
func TestSecretsNeverPrinted(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A server that echoes what it got, credentials included.
		w.Header().Set("X-Echo-Auth", r.Header.Get("Authorization"))
		w.Header().Set("Set-Cookie", "session=s3cr3t-cookie-value; HttpOnly")
		w.WriteHeader(http.StatusOK)
	}))
	defer ts.Close()
	for _, format := range []string{"text", "json", "sarif", "junit", "github", "markdown"} {
		stdout, stderr, _ := run(t, "check", ts.URL+"/?access_token=qwerty-token-42", "--origin", "http://app.example.test",
			"--credentials", "-H", "Authorization: Bearer super-secret-jwt", "-b", "sid=cookie-secret-99", "-v", "--format", format)
		for _, secret := range []string{"super-secret-jwt", "cookie-secret-99", "s3cr3t-cookie-value", "qwerty-token-42"} {
			if strings.Contains(stdout, secret) || strings.Contains(stderr, secret) {
				t.Errorf("%s output contains %q", format, secret)
			}
		}
	}
}

// TestUsageErrors: bad input is exit 2 with one line naming the problem.
func TestUsageErrors(t *testing.T) {
	cases := []struct {
		desc string
		args []string
		want string
	}{
		{desc: "no origin", args: []string{"check", "http://127.0.0.1:1/"}, want: "--origin is required"},
		{desc: "origin typo", args: []string{"check", "http://127.0.0.1:1/", "--origin", "https:/example.com"}, want: `did you mean "https://example.com"`},
		{desc: "origin with path", args: []string{"check", "http://127.0.0.1:1/", "--origin", "https://example.com/"}, want: "trailing slash"},
		{desc: "star origin", args: []string{"check", "http://127.0.0.1:1/", "--origin", "*"}, want: "not an origin"},
		{desc: "relative URL", args: []string{"check", "/orders", "--origin", "https://example.com"}, want: "absolute"},
		{desc: "URL with userinfo", args: []string{"check", "http://u:p@127.0.0.1:1/", "--origin", "https://example.com"}, want: "user name or password"},
		{desc: "forbidden method", args: []string{"check", "http://127.0.0.1:1/", "--origin", "https://example.com", "-X", "TRACE"}, want: "forbidden"},
		{desc: "bad header", args: []string{"check", "http://127.0.0.1:1/", "--origin", "https://example.com", "-H", "nocolon"}, want: "Name: value"},
		{desc: "GET with body", args: []string{"check", "http://127.0.0.1:1/", "--origin", "https://example.com", "-d", "x"}, want: "cannot have a body"},
		{desc: "missing data file", args: []string{"check", "http://127.0.0.1:1/", "--origin", "https://example.com", "-X", "POST", "-d", "@/nonexistent/file"}, want: "--data file"},
		{desc: "bad fail-on", args: []string{"check", "http://127.0.0.1:1/", "--origin", "https://example.com", "--fail-on", "sometimes"}, want: "--fail-on"},
		{desc: "bad format", args: []string{"check", "http://127.0.0.1:1/", "--origin", "https://example.com", "--format", "xml"}, want: "--format"},
		{desc: "unknown flag", args: []string{"check", "--bogus"}, want: "unknown flag"},
		{desc: "two URLs", args: []string{"check", "http://a.test", "http://b.test", "--origin", "https://example.com"}, want: "exactly one URL"},
	}
	for _, c := range cases {
		stdout, stderr, code := run(t, c.args...)
		if code != cmd.ExitUsage || !strings.Contains(stderr, c.want) || strings.Count(stderr, "\n") != 1 || stdout != "" {
			t.Errorf("%s: exit %d, stderr %q, stdout %q; want exit 2 and one line containing %q", c.desc, code, stderr, stdout, c.want)
		}
	}
}

// TestUnreachable: a refused connection is exit 3 with a one-line error.
func TestUnreachable(t *testing.T) {
	ts := httptest.NewServer(http.NotFoundHandler())
	url := ts.URL
	ts.Close()
	_, stderr, code := run(t, "check", url, "--origin", "http://app.example.test")
	if code != cmd.ExitUnreachable || !strings.Contains(stderr, "connection refused") {
		t.Errorf("exit %d, stderr %q; want 3 and connection refused", code, stderr)
	}
}

// TestUserAgent: corslint names itself unless told to send another
// User-Agent (a script cannot set it in Chromium; a WAF may insist on one).
func TestUserAgent(t *testing.T) {
	var got []string
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Header.Get("User-Agent"))
		w.Header().Set("Access-Control-Allow-Origin", "*")
	}))
	defer ts.Close()
	run(t, "check", ts.URL, "--origin", "https://app.example.com")
	run(t, "check", ts.URL, "--origin", "https://app.example.com", "--user-agent", "Mozilla/5.0 (X11) Chrome/156")
	if len(got) != 2 || !strings.HasPrefix(got[0], "corslint/") || got[1] != "Mozilla/5.0 (X11) Chrome/156" {
		t.Errorf("User-Agents %q; want corslint/..., then the one given", got)
	}
}

// TestMixedContent: an https page cannot fetch an http URL (loopback hosts
// excepted, "localhost." too), whatever the CORS headers say; the browser
// blocks before it sends anything, so corslint sends nothing to the http
// URL either, and a server that is down is blocked all the same. Chromium
// 156 measured all of these (conformance cases x301-x318).
func TestMixedContent(t *testing.T) {
	var hits atomic.Int32 // requests the http API saw
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Access-Control-Allow-Methods", "PUT")
	}))
	defer ts.Close()
	port := ts.URL[strings.LastIndex(ts.URL, ":")+1:]
	// An https API that redirects to the http one.
	tlsAPI := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		http.Redirect(w, r, "http://api.example.test:"+port+"/x", http.StatusFound)
	}))
	defer tlsAPI.Close()
	// A port nothing listens on: the API is down.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	down := l.Addr().(*net.TCPAddr).Port
	l.Close()
	downURL := "http://api.example.test:" + strconv.Itoa(down) + "/x"

	cases := []struct {
		desc, url, origin, want string
		args                    []string
		// sent is whether the http API sees a request.
		sent bool
	}{
		{desc: "https page, http API", url: "http://api.example.test:" + port + "/x", origin: "https://app.example.com", want: "mixed-content"},
		{desc: "http page, http API", url: "http://api.example.test:" + port + "/x", origin: "http://app.example.com", sent: true},
		{desc: "https page, loopback API", url: ts.URL + "/x", origin: "https://app.example.com", sent: true},
		{desc: "https page, localhost. API", url: "http://localhost.:" + port + "/x", origin: "https://app.example.com", sent: true},
		{desc: "https page, http API that is down", url: downURL, origin: "https://app.example.com", want: "mixed-content"},
		{desc: "https page, preflighted PUT to the http API", url: "http://api.example.test:" + port + "/x", origin: "https://app.example.com", want: "mixed-content",
			args: []string{"-X", "PUT", "--send"}},
		{desc: "https page, https API redirecting to the http API", url: tlsAPI.URL + "/x", origin: "https://app.example.com", want: "mixed-content",
			args: []string{"--insecure"}},
	}
	for _, c := range cases {
		hits.Store(0)
		args := append([]string{"check", c.url, "--origin", c.origin,
			"--resolve", "api.example.test:" + port + ":127.0.0.1", "--resolve", "localhost.:" + port + ":127.0.0.1",
			"--resolve", "api.example.test:" + strconv.Itoa(down) + ":127.0.0.1"}, c.args...)
		out, _ := runJSON(t, args...)
		res := out.Results[0]
		got := ""
		if res.BlockedBy != nil {
			got = res.BlockedBy.Rule
		}
		if got != c.want {
			t.Errorf("%s: blocked by %q (verdict %s); want %q", c.desc, got, res.Verdict, c.want)
		}
		if sent := hits.Load() > 0; sent != c.sent {
			t.Errorf("%s: the http API saw %d requests; want sent=%t", c.desc, hits.Load(), c.sent)
		}
	}
}
