package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/browser"
	"github.com/corslint/corslint/lint/config"
)

// env is a fixed environment for ${VAR} expansion.
func env(vars map[string]string) config.Options {
	return config.Options{LookupEnv: func(name string) (string, bool) {
		v, ok := vars[name]
		return v, ok
	}}
}

var testEnv = env(map[string]string{
	"API_TOKEN": "tok-3f9a8c7d",
	"API_HOST":  "api.example.com",
	"SESSION":   "sess-51be0e",
	"EMPTY":     "",
})

// The one-line error messages a config mistake produces: file, line, key
// and reason. Each case is the smallest file that shows it.
var errorCases = []struct {
	desc string
	yaml string
	want string
}{
	{
		desc: "unknown top-level key, with a suggestion",
		yaml: "origin:\n  - https://app.example.com\ntargets: []\n",
		want: `c.yaml:1: origin: unknown key "origin"; did you mean "origins"?`,
	},
	{
		desc: "unknown key deep inside, without a close match",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n    requests:\n      - method: GET\n        timeout: 3s\n",
		want: `c.yaml:6: targets[0].requests[0].timeout: unknown key "timeout"; want one of name, method, headers, credentials, cookie, body, send, reads_headers`,
	},
	{
		desc: "wrong type: a string where a list is expected",
		yaml: "origins: https://app.example.com\ntargets:\n  - url: https://api.example.com/a\n",
		want: `c.yaml:1: origins: want a list, got the string "https://app.example.com"`,
	},
	{
		desc: "wrong type: a string where a boolean is expected",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n    requests:\n      - credentials: yes\n",
		want: `c.yaml:5: targets[0].requests[0].credentials: want true or false, got the string "yes"`,
	},
	{
		desc: "wrong type: a number where a string is expected",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n    name: 42\n",
		want: `c.yaml:4: targets[0].name: want a string, got the number 42`,
	},
	{
		desc: "bad origin: trailing slash",
		yaml: "origins:\n  - https://app.example.com\n  - https://admin.example.com/\ntargets:\n  - url: https://api.example.com/a\n",
		want: `c.yaml:3: origins[1]: invalid origin "https://admin.example.com/": an origin has no path, query or fragment, but this has a trailing slash; did you mean "https://admin.example.com"?`,
	},
	{
		desc: "bad origin in deny_origins of a path",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - base_url: https://api.example.com\n    paths:\n      - path: /a\n        deny_origins: [evil.example]\n",
		want: `c.yaml:6: targets[0].paths[0].deny_origins[0]: invalid origin "evil.example": missing scheme (http:// or https://); did you mean "https://evil.example"?`,
	},
	{
		desc: "bad URL: not absolute",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: api.example.com/a\n",
		want: `c.yaml:3: targets[0].url: invalid URL "api.example.com/a": want an absolute http:// or https:// URL`,
	},
	{
		desc: "bad path: no leading slash",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - base_url: https://api.example.com\n    paths:\n      - /a\n      - b\n",
		want: `c.yaml:6: targets[0].paths[1]: invalid path "b": want a path starting with /`,
	},
	{
		desc: "base_url without paths",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - base_url: https://api.example.com\n",
		want: `c.yaml:3: targets[0].paths: missing: base_url needs paths (use url for a single endpoint)`,
	},
	{
		desc: "url and base_url together",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n    base_url: https://api.example.com\n",
		want: `c.yaml:4: targets[0].base_url: set url or base_url with paths, not both`,
	},
	{
		desc: "no targets",
		yaml: "origins: [https://app.example.com]\n",
		want: `c.yaml:1: targets: missing: list the endpoints to check under targets`,
	},
	{
		desc: "an endpoint without any origin",
		yaml: "targets:\n  - url: https://api.example.com/a\n",
		want: `c.yaml:2: targets[0]: no origins for this endpoint: list the origins of the pages that call it under origins (at the top level, on the target or on the path)`,
	},
	{
		desc: "an origin both allowed and denied",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n    deny_origins:\n      - https://app.example.com\n",
		want: `c.yaml:5: targets[0].deny_origins[0]: https://app.example.com is also an allowed origin (origins[0], line 1): an origin cannot be both`,
	},
	{
		desc: "bad method",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n    requests:\n      - method: TRACE\n",
		want: `c.yaml:5: targets[0].requests[0].method: method TRACE is forbidden: browsers throw a TypeError before sending anything`,
	},
	{
		desc: "body on a GET",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n    requests:\n      - body: x\n",
		want: `c.yaml:5: targets[0].requests[0].body: a GET request cannot have a body: fetch() throws a TypeError`,
	},
	{
		desc: "bad header line",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n    requests:\n      - headers:\n          - \"X-Token ${API_TOKEN}\"\n",
		want: `c.yaml:6: targets[0].requests[0].headers[0]: invalid header "X-Token [redacted]": want "Name: value"`,
	},
	{
		desc: "Cookie set as a header",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n    requests:\n      - headers: {Cookie: a=b}\n",
		want: `c.yaml:5: targets[0].requests[0].headers.Cookie: scripts cannot set Cookie (the browser drops it): use the request's cookie key`,
	},
	{
		desc: "duplicate header in the mapping form",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n    requests:\n      - headers:\n          X-A: 1\n          x-a: 2\n",
		want: `c.yaml:7: targets[0].requests[0].headers.x-a: duplicate header (first at line 6); use the list form (- "Name: value") to send a header twice`,
	},
	{
		desc: "duplicate key",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n    public: true\n    public: false\n",
		want: `c.yaml:5: targets[0].public: duplicate key (first at line 4)`,
	},
	{
		desc: "unknown rule, with a suggestion",
		yaml: "origins: [https://app.example.com]\nrules:\n  acao-mising: {severity: warning}\ntargets:\n  - url: https://api.example.com/a\n",
		want: `c.yaml:3: rules.acao-mising: unknown rule "acao-mising"; did you mean "acao-missing"?`,
	},
	{
		desc: "rule turned off without a reason",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n    rules:\n      acao-missing:\n        off: true\n",
		want: `c.yaml:6: targets[0].rules.acao-missing: reason is required with off: true: say why the rule does not apply, for the next reviewer`,
	},
	{
		desc: "rule override with neither severity nor off",
		yaml: "origins: [https://app.example.com]\nrules:\n  acao-missing: {reason: because}\ntargets:\n  - url: https://api.example.com/a\n",
		want: `c.yaml:3: rules.acao-missing: want severity or off: true`,
	},
	{
		desc: "bad severity",
		yaml: "origins: [https://app.example.com]\nrules:\n  acao-missing: {severity: never}\ntargets:\n  - url: https://api.example.com/a\n",
		want: `c.yaml:3: rules.acao-missing.severity: invalid severity "never": want info, warning or error (off: true turns a rule off)`,
	},
	{
		desc: "settings out of range",
		yaml: "settings:\n  concurrency: 500\norigins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n",
		want: `c.yaml:2: settings.concurrency: 500 is out of range: want 1 to 64`,
	},
	{
		desc: "bad timeout",
		yaml: "settings:\n  timeout: 10\norigins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n",
		want: `c.yaml:2: settings.timeout: want a string, got the number 10`,
	},
	{
		desc: "unset environment variable",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n    requests:\n      - headers:\n          Authorization: Bearer ${MISSING_TOKEN}\n",
		want: `c.yaml:6: targets[0].requests[0].headers.Authorization: environment variable MISSING_TOKEN is not set (referenced as ${MISSING_TOKEN})`,
	},
	{
		desc: "empty environment variable",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://${EMPTY}/a\n",
		want: `c.yaml:3: targets[0].url: environment variable EMPTY is empty (referenced as ${EMPTY})`,
	},
	{
		desc: "unterminated variable",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n    requests:\n      - {method: POST, body: \"${API_TOKEN\"}\n",
		want: `c.yaml:5: targets[0].requests[0].body: unterminated ${ in "${API_TOKEN": write ${NAME}, or $${ for a literal ${`,
	},
	{
		desc: "unsupported version",
		yaml: "version: 2\ntargets: []\n",
		want: `c.yaml:1: version: unsupported version 2: this corslint reads version 1`,
	},
	{
		desc: "YAML syntax error",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n   name: x\n",
		want: `c.yaml:4: invalid YAML: did not find expected '-' indicator`,
	},
	{
		desc: "tab indentation",
		yaml: "origins: [https://app.example.com]\ntargets:\n\t- url: https://api.example.com/a\n",
		want: `c.yaml:3: invalid YAML: found character that cannot start any token`,
	},
	{
		desc: "two documents",
		yaml: "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n---\ntargets: []\n",
		want: `c.yaml:4: a second YAML document: a config file holds one`,
	},
	{
		desc: "empty file",
		yaml: "# nothing yet\n",
		want: `c.yaml: empty config: want a mapping with at least targets`,
	},
	{
		desc: "not a mapping",
		yaml: "- https://api.example.com/a\n",
		want: `c.yaml:1: want a mapping, got a list`,
	},
}

func TestParseErrors(t *testing.T) {
	for _, tc := range errorCases {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := config.Parse("c.yaml", []byte(tc.yaml), testEnv)
			if err == nil {
				t.Fatalf("Parse: got nil error; want %q", tc.want)
			}
			var cerr *config.Error
			if !errors.As(err, &cerr) {
				t.Fatalf("Parse: got %T %v; want a *config.Error", err, err)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("Parse:\ngot  %s\nwant %s", got, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("Parse: error spans several lines: %q", err)
			}
			if strings.Contains(err.Error(), "tok-3f9a8c7d") {
				t.Errorf("Parse: error shows the secret: %q", err)
			}
		})
	}
}

func TestParse(t *testing.T) {
	const file = `
settings: {concurrency: 8, rate: 2.5, timeout: 3s, fail_on: warning}
origins: [https://app.example.com, https://app.example.com]
deny_origins: [https://evil.example]
defaults: &auth
  method: GET
  credentials: true
  headers:
    Authorization: Bearer ${API_TOKEN}
requests:
  - *auth
rules:
  acao-missing: {severity: warning}
targets:
  - name: api
    base_url: https://${API_HOST}/v1/
    trust_subdomains: true
    paths:
      - /orders?page=1
      - path: /users/${API_TOKEN}
        name: user
        origins: [https://admin.example.com]
        requests:
          - <<: *auth
            method: delete
            cookie: sid=${SESSION}; theme=dark
          - method: POST
            headers: ["X-A: 1", "X-A: 2", "Content-Type: application/json"]
            body: '{"a":1}'
            send: true
        rules:
          acao-missing: {off: true, reason: "served by the CDN"}
  - url: https://status.example.com/
    public: true
    deny_origins: []
`
	_, err := config.Parse("c.yaml", []byte(file), testEnv)
	// "defaults" is not a key: anchors must live under a known key.
	if err == nil || !strings.Contains(err.Error(), `unknown key "defaults"`) {
		t.Fatalf("Parse with an unknown anchor holder: got %v; want an unknown key error", err)
	}
	fixed := strings.Replace(file, "defaults: &auth\n  method: GET\n  credentials: true\n  headers:\n    Authorization: Bearer ${API_TOKEN}\nrequests:\n  - *auth\n",
		"requests:\n  - &auth\n    method: GET\n    credentials: true\n    headers:\n      Authorization: Bearer ${API_TOKEN}\n", 1)
	cfg, err := config.Parse("c.yaml", []byte(fixed), testEnv)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}

	if got, want := cfg.Settings.Concurrency, 8; got != want {
		t.Errorf("Settings.Concurrency: got %d; want %d", got, want)
	}
	if cfg.Settings.Rate == nil || *cfg.Settings.Rate != 2.5 {
		t.Errorf("Settings.Rate: got %v; want 2.5", cfg.Settings.Rate)
	}
	if got, want := cfg.Settings.Timeout, 3*time.Second; got != want {
		t.Errorf("Settings.Timeout: got %v; want %v", got, want)
	}
	if cfg.Settings.FailOn == nil || *cfg.Settings.FailOn != lint.Warning {
		t.Errorf("Settings.FailOn: got %v; want warning", cfg.Settings.FailOn)
	}

	type want struct {
		name, method, url       string
		origins, denied         string
		headers                 string
		credentials, send, body bool
		cookie                  string
		public, trust           bool
		overrides               string
	}
	wants := []want{
		{
			name: "api", method: "GET", url: "https://api.example.com/v1/orders?page=1",
			origins: "https://app.example.com", denied: "https://evil.example",
			headers: "Authorization: Bearer tok-3f9a8c7d", credentials: true, trust: true,
			overrides: "acao-missing=warning",
		},
		{
			name: "api / user", method: "delete", url: "https://api.example.com/v1/users/tok-3f9a8c7d",
			origins: "https://admin.example.com", denied: "https://evil.example",
			headers: "Authorization: Bearer tok-3f9a8c7d", credentials: true, cookie: "sid=sess-51be0e; theme=dark", trust: true,
			overrides: "acao-missing=off",
		},
		{
			name: "api / user", method: "POST", url: "https://api.example.com/v1/users/tok-3f9a8c7d",
			origins: "https://admin.example.com", denied: "https://evil.example",
			headers: "X-A: 1|X-A: 2|Content-Type: application/json", send: true, body: true, trust: true,
			overrides: "acao-missing=off",
		},
		{
			name: "", method: "GET", url: "https://status.example.com/",
			origins: "https://app.example.com", public: true,
			headers: "Authorization: Bearer tok-3f9a8c7d", credentials: true,
			overrides: "acao-missing=warning",
		},
	}
	if len(cfg.Targets) != len(wants) {
		t.Fatalf("Targets: got %d; want %d", len(cfg.Targets), len(wants))
	}
	for i, w := range wants {
		tg := cfg.Targets[i]
		got := want{
			name: tg.Name, method: tg.Request.Method, url: tg.Request.URL,
			origins: joinOrigins(tg.Origins), denied: joinOrigins(tg.Denied),
			headers: joinFields(tg.Request.Header), credentials: tg.Request.Credentials, send: tg.Request.Send,
			body: tg.Request.HasBody, cookie: tg.Request.Cookie, public: tg.Public, trust: tg.TrustSubdomains,
			overrides: describeOverrides(cfg.Overrides[tg]),
		}
		if got != w {
			t.Errorf("Targets[%d]:\ngot  %+v\nwant %+v", i, got, w)
		}
	}

	// Expanded values are secrets, except where they name a host.
	for _, secret := range []string{"tok-3f9a8c7d", "sess-51be0e", "sid=sess-51be0e; theme=dark"} {
		if !slices.Contains(cfg.Secrets, secret) {
			t.Errorf("Secrets: got %q; want it to hold %q", cfg.Secrets, secret)
		}
	}
	if slices.Contains(cfg.Secrets, "api.example.com") {
		t.Errorf("Secrets: got %q; want the host from ${API_HOST} left out (it names the target, it is not a credential)", cfg.Secrets)
	}
}

func TestEscapedDollar(t *testing.T) {
	const file = "origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n    requests:\n      - method: POST\n        body: 'price: $5, template: $${NAME}, shell: $HOME'\n"
	cfg, err := config.Parse("c.yaml", []byte(file), testEnv)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if got, want := string(cfg.Targets[0].Request.Body), "price: $5, template: ${NAME}, shell: $HOME"; got != want {
		t.Errorf("body: got %q; want %q", got, want)
	}
}

func TestDefaultRequest(t *testing.T) {
	cfg, err := config.Parse("c.yaml", []byte("origins: [https://app.example.com]\ntargets:\n  - url: https://api.example.com/a\n"), testEnv)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	r := cfg.Targets[0].Request
	if r.Method != "GET" || r.Credentials || r.HasBody || len(r.Header) != 0 || r.Send {
		t.Errorf("default request: got %+v; want a GET without credentials, headers or body", r)
	}
}

func TestLoadMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.yaml")
	_, err := config.Load(path, testEnv)
	var cerr *config.Error
	if !errors.As(err, &cerr) || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("Load(%q): got %v; want a *config.Error saying the file does not exist", path, err)
	}
}

func TestStarterParses(t *testing.T) {
	cfg, err := config.Parse("corslint.yaml", []byte(config.Starter), env(nil))
	if err != nil {
		t.Fatalf("the starter config does not parse: %v", err)
	}
	if len(cfg.Targets) == 0 {
		t.Errorf("the starter config has no targets")
	}
}

// Every key the parser accepts is documented in docs/config.md, and the
// starter config shown there is the one `corslint init` writes.
func TestDocsCoverEveryKey(t *testing.T) {
	doc, err := os.ReadFile("../../docs/config.md")
	if err != nil {
		t.Fatalf("reading docs/config.md: %v", err)
	}
	text := string(doc)
	for section, keys := range config.Keys() {
		for _, key := range keys {
			heading := "`" + key + "`"
			if !strings.Contains(text, heading) {
				t.Errorf("docs/config.md: key %s of section %q is not documented", heading, section)
			}
		}
	}
	if !strings.Contains(text, "```yaml\n"+config.Starter+"```") {
		t.Errorf("docs/config.md: the starter config block differs from `corslint init`'s output; paste lint/config/starter.yaml into it")
	}
}

func TestApply(t *testing.T) {
	const file = `
origins: [https://app.example.com]
rules:
  acao-missing: {off: true, reason: "the CDN adds it"}
  acac-not-true: {severity: warning}
targets:
  - url: https://api.example.com/a
`
	cfg, err := config.Parse("c.yaml", []byte(file), testEnv)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	tg := cfg.Targets[0]
	blocking := func(id string) lint.Finding {
		return lint.Finding{RuleID: id, Severity: lint.Error, Blocks: true}
	}
	res := &lint.Result{Target: tg, Findings: []lint.Finding{blocking("acao-missing"), blocking("acac-not-true")}, Verdict: lint.Blocked}
	res.BlockedBy = &res.Findings[0]
	other := &lint.Result{Target: &lint.Target{}, Findings: []lint.Finding{blocking("acao-missing")}, Verdict: lint.Blocked}
	cfg.Apply([]*lint.Result{res, other})

	if !res.Findings[0].Suppressed {
		t.Errorf("acao-missing: got not suppressed; want suppressed (off)")
	}
	if got := res.Findings[1].Severity; got != lint.Warning {
		t.Errorf("acac-not-true severity: got %v; want warning", got)
	}
	if res.BlockedBy == nil || res.BlockedBy.RuleID != "acac-not-true" {
		t.Errorf("BlockedBy after suppression: got %+v; want acac-not-true", res.BlockedBy)
	}
	if other.Findings[0].Suppressed {
		t.Errorf("a target outside the config: got its finding suppressed; want it untouched")
	}
}

func joinOrigins[T interface{ String() string }](list []T) string {
	var s []string
	for _, o := range list {
		s = append(s, o.String())
	}
	return strings.Join(s, "|")
}

func joinFields(fields []browser.Field) string {
	var s []string
	for _, f := range fields {
		s = append(s, f.String())
	}
	return strings.Join(s, "|")
}

func describeOverrides(m map[string]config.Override) string {
	var s []string
	for id, o := range m {
		switch {
		case o.Off:
			s = append(s, id+"=off")
		case o.Severity != nil:
			s = append(s, id+"="+o.Severity.String())
		}
	}
	return strings.Join(s, "|")
}
