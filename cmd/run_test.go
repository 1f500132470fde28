package cmd_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The origins of the test front-ends.
const (
	appOrigin   = "https://app.example.com"
	adminOrigin = "https://admin.example.com"
	evilOrigin  = "https://evil.example"
)

// api is a loopback API whose paths behave in known ways:
//
//	/ok/...       correct CORS for app and admin, credentials allowed
//	/broken/...   no CORS headers at all (acao-missing)
//	/echo/...     like /ok, and echoes the request's credentials back in
//	              response headers, as careless debug middleware does;
//	              ?next=URL redirects there
//	/flaky/...    closes the connection on the first request, then like /ok
//	/slow/...     answers after a second
//
// It counts requests, and the most it saw in flight at once.
type api struct {
	*httptest.Server
	requests    atomic.Int64
	inFlight    atomic.Int64
	maxInFlight atomic.Int64
	mu          sync.Mutex
	seen        map[string]int // requests per path
}

func newAPI(t *testing.T) *api {
	t.Helper()
	a := &api{seen: map[string]int{}}
	a.Server = httptest.NewServer(http.HandlerFunc(a.serve))
	t.Cleanup(a.Close)
	return a
}

func (a *api) serve(w http.ResponseWriter, r *http.Request) {
	a.requests.Add(1)
	n := a.inFlight.Add(1)
	defer a.inFlight.Add(-1)
	for {
		m := a.maxInFlight.Load()
		if n <= m || a.maxInFlight.CompareAndSwap(m, n) {
			break
		}
	}
	a.mu.Lock()
	a.seen[r.URL.Path]++
	count := a.seen[r.URL.Path]
	a.mu.Unlock()

	// No Date header: the reports must be byte-identical across runs,
	// and the server's clock is not corslint's to hide.
	w.Header()["Date"] = nil
	// Give the probes some overlap, so the concurrency is real.
	time.Sleep(500 * time.Microsecond)

	switch {
	case strings.HasPrefix(r.URL.Path, "/broken/"):
		w.WriteHeader(http.StatusOK)
		return
	case strings.HasPrefix(r.URL.Path, "/flaky/") && count == 1:
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close()
		}
		return
	case strings.HasPrefix(r.URL.Path, "/slow/"):
		time.Sleep(time.Second)
	case strings.HasPrefix(r.URL.Path, "/echo/"):
		w.Header().Set("X-Debug-Authorization", r.Header.Get("Authorization"))
		w.Header().Set("X-Debug-Cookie", r.Header.Get("Cookie"))
		w.Header().Set("X-Debug-Query", r.URL.RawQuery)
		if loc := r.URL.Query().Get("next"); loc != "" {
			w.Header().Set("Location", loc)
		}
	}
	if o := r.Header.Get("Origin"); o == appOrigin || o == adminOrigin {
		w.Header().Set("Access-Control-Allow-Origin", o)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
	}
	w.Header().Set("Vary", "Origin")
	if r.Method == http.MethodOptions {
		w.Header().Set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
		w.Header().Set("Access-Control-Allow-Headers", "authorization, content-type, x-api-token")
		w.Header().Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if w.Header().Get("Location") != "" {
		w.WriteHeader(http.StatusFound)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (a *api) count(path string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.seen[path]
}

// writeConfig writes a config file into a fresh directory; {{API}} stands
// for the test server's URL.
func writeConfig(t *testing.T, a *api, yaml string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "corslint.yaml")
	if a != nil {
		yaml = strings.ReplaceAll(yaml, "{{API}}", a.URL)
	}
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// closedPort returns a loopback URL nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return "http://" + addr
}

// head is the top of a test config: fast settings, the origins, and the
// credentialed GET the test API is made for.
const head = `settings: {rate: 0, concurrency: 8, timeout: 20s}
origins: [https://app.example.com, https://admin.example.com]
deny_origins: [https://evil.example]
requests: [{credentials: true}]
`

func TestRunExitCodes(t *testing.T) {
	a := newAPI(t)
	down := closedPort(t)
	cases := []struct {
		desc       string
		config     string
		args       []string
		wantCode   int
		wantStderr string
	}{
		{
			desc:     "clean",
			config:   head + "targets:\n  - base_url: {{API}}\n    paths: [/ok/a, /ok/b]\n",
			wantCode: 0,
		},
		{
			desc:     "findings",
			config:   head + "targets:\n  - base_url: {{API}}\n    paths: [/ok/a, /broken/b]\n",
			wantCode: 1,
		},
		{
			desc:     "findings below --fail-on never",
			config:   head + "targets:\n  - base_url: {{API}}\n    paths: [/broken/b]\n",
			args:     []string{"--fail-on", "never"},
			wantCode: 0,
		},
		{
			desc:     "findings below the config's fail_on",
			config:   "settings: {rate: 0, fail_on: never}\norigins: [https://app.example.com]\ntargets:\n  - url: {{API}}/broken/b\n",
			wantCode: 0,
		},
		{
			desc:     "--fail-on overrides the config's fail_on",
			config:   "settings: {rate: 0, fail_on: never}\norigins: [https://app.example.com]\ntargets:\n  - url: {{API}}/broken/b\n",
			args:     []string{"--fail-on", "error"},
			wantCode: 1,
		},
		{
			desc:     "a blocking rule turned off, with a reason",
			config:   head + "targets:\n  - url: {{API}}/broken/b\n    rules:\n      acao-missing: {off: true, reason: the CDN adds CORS headers}\n",
			wantCode: 0,
		},
		{
			desc:     "a blocking rule lowered to a warning",
			config:   head + "targets:\n  - url: {{API}}/broken/b\n    rules:\n      acao-missing: {severity: warning}\n",
			wantCode: 0,
		},
		{
			desc:       "unreachable outranks findings",
			config:     head + "targets:\n  - url: {{API}}/broken/b\n  - url: " + down + "/health\n",
			wantCode:   3,
			wantStderr: "could not reach",
		},
		{
			desc:       "bad config: the error names file, line and key",
			config:     head + "targets:\n  - url: {{API}}/ok/a\n    requests:\n      - method: GET\n        credential: true\n",
			wantCode:   2,
			wantStderr: `corslint.yaml:9: targets[0].requests[0].credential: unknown key "credential"; did you mean "credentials"?`,
		},
		{
			desc:       "bad flag value",
			config:     head + "targets:\n  - url: {{API}}/ok/a\n",
			args:       []string{"--origin", "https://app.example.com/"},
			wantCode:   2,
			wantStderr: "invalid --origin",
		},
		{
			desc:       "unknown rule in --only",
			config:     head + "targets:\n  - url: {{API}}/ok/a\n",
			args:       []string{"--only", "acao-mising"},
			wantCode:   2,
			wantStderr: `unknown rule "acao-mising"`,
		},
		{
			desc:       "bad --output",
			config:     head + "targets:\n  - url: {{API}}/ok/a\n",
			args:       []string{"--output", "pdf=report.pdf"},
			wantCode:   2,
			wantStderr: `unknown format "pdf"`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			path := writeConfig(t, a, tc.config)
			_, stderr, code := run(t, append([]string{"run", "-c", path}, tc.args...)...)
			if code != tc.wantCode {
				t.Errorf("exit code: got %d; want %d (stderr: %s)", code, tc.wantCode, stderr)
			}
			if !strings.Contains(stderr, tc.wantStderr) || tc.wantStderr == "" && stderr != "" {
				t.Errorf("stderr: got %q; want %q (nothing when there is no error to report)", stderr, tc.wantStderr)
			}
			if strings.Count(stderr, "\n") > 1 {
				t.Errorf("stderr: got %q; want at most one line", stderr)
			}
		})
	}
}

func TestRunMissingConfig(t *testing.T) {
	_, stderr, code := run(t, "run", "-c", filepath.Join(t.TempDir(), "corslint.yaml"))
	if code != 2 || !strings.Contains(stderr, "no such file") {
		t.Errorf("run with a missing config: got exit %d, stderr %q; want 2 and a one-line error", code, stderr)
	}
}

// allFormats writes every format of one run: stdout in text, the rest
// through --output. It returns the outputs by format.
func allFormats(t *testing.T, args ...string) (map[string]string, string, int) {
	t.Helper()
	dir := t.TempDir()
	formats := []string{"text", "json", "sarif", "junit", "github", "markdown"}
	for _, f := range formats {
		args = append(args, "--output", f+"="+filepath.Join(dir, "report."+f))
	}
	stdout, stderr, code := run(t, args...)
	out := map[string]string{"stdout": stdout, "stderr": stderr}
	for _, f := range formats {
		b, err := os.ReadFile(filepath.Join(dir, "report."+f))
		if err != nil {
			t.Fatalf("--output %s: %v (stderr: %s)", f, err, stderr)
		}
		out[f] = string(b)
	}
	return out, stderr, code
}

// Secrets from the environment never appear in any report, wherever they
// were used: headers, cookies, URL query and path, body, redirect targets,
// and response headers that echo them.
func TestRunSecretsAbsentFromEveryFormat(t *testing.T) {
	const (
		token   = "tok-8c1f2e9b7a"
		session = "sess-4d6e0a13"
		key     = "key-71b9c2d4"
	)
	t.Setenv("API_TOKEN", token)
	t.Setenv("SESSION_ID", session)
	t.Setenv("QUERY_KEY", key)
	a := newAPI(t)
	path := writeConfig(t, a, strings.Replace(head, "requests: [{credentials: true}]\n", "", 1)+`requests:
  - method: GET
    credentials: true
    headers:
      Authorization: Bearer ${API_TOKEN}
      X-Api-Token: ${API_TOKEN}
    cookie: sid=${SESSION_ID}
  - method: POST
    send: true
    credentials: true
    headers: {Content-Type: application/json, Authorization: "Bearer ${API_TOKEN}"}
    body: '{"token": "${API_TOKEN}"}'
targets:
  - base_url: {{API}}
    paths:
      - /echo/a?api_key=${QUERY_KEY}
      - /echo/${API_TOKEN}/profile
      - /broken/b?k=${QUERY_KEY}
      - /echo/r?next=/echo/t%3Fc%3D${QUERY_KEY}
`)
	outs, stderr, code := allFormats(t, "run", "-c", path, "-v", "--show-suppressed")
	if code != 1 {
		t.Fatalf("exit code: got %d; want 1 (stderr: %s)", code, stderr)
	}
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	if _, stderr, code := run(t, "baseline", "-c", path, "-o", baseline); code != 0 {
		t.Fatalf("baseline: exit %d (stderr: %s)", code, stderr)
	}
	b, err := os.ReadFile(baseline)
	if err != nil {
		t.Fatal(err)
	}
	outs["baseline"] = string(b)
	// The server did receive the secrets: the test would prove nothing
	// if they had been redacted on the wire.
	if a.count("/echo/"+token+"/profile") == 0 {
		t.Fatalf("the server never saw the path with the token: the test is not exercising it")
	}
	for name, out := range outs {
		for _, secret := range []string{token, session, key} {
			if strings.Contains(out, secret) {
				i := strings.Index(out, secret)
				t.Errorf("%s output shows the secret %q: ...%s...", name, secret, out[max(0, i-80):min(len(out), i+40)])
			}
		}
		if name != "stderr" && name != "baseline" && !strings.Contains(out, "redacted") {
			t.Errorf("%s output: want [redacted] where the secrets were", name)
		}
	}
}

// A run over more than 200 endpoints at high concurrency gives the same
// bytes as a sequential one, in every format.
func TestRunDeterministicAt200Endpoints(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the 200-endpoint run")
	}
	a := newAPI(t)
	var paths strings.Builder
	const endpoints = 220
	for i := range endpoints {
		switch i % 10 {
		case 3:
			fmt.Fprintf(&paths, "      - /broken/%03d\n", i)
		case 7:
			fmt.Fprintf(&paths, "      - {path: /ok/%03d, requests: [{method: PUT, credentials: true, headers: {Content-Type: application/json}}]}\n", i)
		default:
			fmt.Fprintf(&paths, "      - /ok/%03d\n", i)
		}
	}
	path := writeConfig(t, a, head+"targets:\n  - name: api\n    base_url: {{API}}\n    paths:\n"+paths.String())

	var first map[string]string
	for _, concurrency := range []string{"8", "64", "64"} {
		a.maxInFlight.Store(0)
		start := time.Now()
		outs, stderr, code := allFormats(t, "run", "-c", path, "--concurrency", concurrency)
		elapsed := time.Since(start)
		if code != 1 {
			t.Fatalf("--concurrency %s: exit %d; want 1 (stderr: %s)", concurrency, code, stderr)
		}
		t.Logf("--concurrency %s: %d endpoints, %d requests in %v (at most %d in flight)",
			concurrency, endpoints, a.requests.Swap(0), elapsed.Round(time.Millisecond), a.maxInFlight.Load())
		if first == nil {
			first = outs
			var j struct {
				Results []json.RawMessage `json:"results"`
			}
			if err := json.Unmarshal([]byte(outs["json"]), &j); err != nil {
				t.Fatal(err)
			}
			if len(j.Results) < endpoints*3 {
				t.Fatalf("results: got %d; want at least %d (endpoints × allowed and denied origins)", len(j.Results), endpoints*3)
			}
			continue
		}
		for format, out := range outs {
			if out != first[format] {
				t.Errorf("--concurrency %s: %s output differs from the first run's:\n%s", concurrency, format, firstDifference(out, first[format]))
			}
		}
	}
}

// firstDifference shows the first line where two outputs differ.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\ngot  %q\nwant %q", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("lengths differ: %d and %d lines", len(g), len(w))
}

// runReport is the part of the JSON report the narrowing tests read.
type runReport struct {
	Results []struct {
		URL    string `json:"url"`
		Origin string `json:"origin"`
		Source struct {
			Kind string `json:"kind"`
		} `json:"source"`
		Verdict  string `json:"verdict"`
		Findings []struct {
			Rule       string `json:"rule"`
			Suppressed bool   `json:"suppressed"`
		} `json:"findings"`
	} `json:"results"`
	Summary struct {
		Suppressed int `json:"suppressed"`
	} `json:"summary"`
}

func runReportJSON(t *testing.T, args ...string) (runReport, string, int) {
	t.Helper()
	stdout, stderr, code := run(t, append(args, "--format", "json")...)
	var r runReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("corslint %s: invalid JSON (%v); stderr: %s", strings.Join(args, " "), err, stderr)
	}
	return r, stderr, code
}

func TestRunOriginNarrowing(t *testing.T) {
	a := newAPI(t)
	path := writeConfig(t, a, head+"targets:\n  - base_url: {{API}}\n    paths: [/ok/a, /ok/b]\n  - url: {{API}}/ok/c\n    origins: [https://app.example.com]\n")

	full, _, code := runReportJSON(t, "run", "-c", path)
	if code != 0 {
		t.Fatalf("full run: exit %d; want 0", code)
	}
	kinds := map[string]int{}
	for _, r := range full.Results {
		kinds[r.Source.Kind]++
	}
	if kinds["allowed"] != 5 || kinds["denied"] != 3 || kinds["attack"] == 0 {
		t.Errorf("full run: got probes by kind %v; want 5 allowed, 3 denied and some attacker probes", kinds)
	}

	cases := []struct {
		desc, origin string
		want         []string // url suffix and origin of each result, in order
	}{
		{
			desc: "a listed origin: only its probes", origin: adminOrigin,
			want: []string{"/ok/a " + adminOrigin, "/ok/b " + adminOrigin, "/ok/c " + adminOrigin},
		},
		{
			desc: "an origin that must be denied: probed as such", origin: evilOrigin,
			want: []string{"/ok/a " + evilOrigin, "/ok/b " + evilOrigin, "/ok/c " + evilOrigin},
		},
		{
			desc: "an unlisted origin: probed as the page being debugged", origin: "http://localhost:3000",
			want: []string{"/ok/a http://localhost:3000", "/ok/b http://localhost:3000", "/ok/c http://localhost:3000"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			r, stderr, _ := runReportJSON(t, "run", "-c", path, "--origin", tc.origin)
			var got []string
			for _, res := range r.Results {
				got = append(got, res.URL[len(a.URL):]+" "+res.Origin)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("--origin %s:\ngot  %q\nwant %q\n(stderr: %s)", tc.origin, got, tc.want, stderr)
			}
		})
	}
	// The developer's localhost front-end is not allowed by the API: the
	// narrowed run says so and fails.
	_, _, code = run(t, "run", "-c", path, "--origin", "http://localhost:3000")
	if code != 1 {
		t.Errorf("--origin http://localhost:3000: exit %d; want 1 (the API does not allow it)", code)
	}
}

func TestBaseline(t *testing.T) {
	a := newAPI(t)
	dir := t.TempDir()
	configV1 := head + "targets:\n  - base_url: {{API}}\n    paths: [/ok/a, /broken/b]\n"
	configV2 := head + "targets:\n  - base_url: {{API}}\n    paths: [/ok/a, /broken/b, /broken/c]\n"
	path := writeConfig(t, a, configV1)
	baseline := filepath.Join(dir, "corslint-baseline.json")

	if _, _, code := run(t, "run", "-c", path); code != 1 {
		t.Fatalf("before the baseline: exit %d; want 1", code)
	}
	_, stderr, code := run(t, "baseline", "-c", path, "-o", baseline)
	if code != 0 || !strings.Contains(stderr, "recorded 2 findings") {
		t.Fatalf("baseline: exit %d, stderr %q; want 0 and 2 findings recorded (/broken/b from app and admin)", code, stderr)
	}
	first, _ := os.ReadFile(baseline)
	if _, _, code := run(t, "baseline", "-c", path, "-o", baseline); code != 0 {
		t.Fatalf("baseline again: exit %d", code)
	}
	if again, _ := os.ReadFile(baseline); !bytes.Equal(first, again) {
		t.Errorf("regenerating an unchanged baseline changed the file:\n%s\n%s", first, again)
	}

	r, stderr, code := runReportJSON(t, "run", "-c", path, "--baseline", baseline, "--show-suppressed")
	if code != 0 {
		t.Errorf("with the baseline: exit %d; want 0 (stderr: %s)", code, stderr)
	}
	if r.Summary.Suppressed != 2 {
		t.Errorf("with the baseline: got %d suppressed; want 2", r.Summary.Suppressed)
	}
	// A new broken endpoint fails the run; the known one does not count.
	pathV2 := writeConfig(t, a, configV2)
	r, _, code = runReportJSON(t, "run", "-c", pathV2, "--baseline", baseline)
	if code != 1 {
		t.Errorf("new finding with the baseline: exit %d; want 1", code)
	}
	var unsuppressed []string
	for _, res := range r.Results {
		for _, f := range res.Findings {
			if !f.Suppressed {
				unsuppressed = append(unsuppressed, res.URL[len(a.URL):]+" "+res.Origin+" "+f.Rule)
			}
		}
	}
	want := []string{"/broken/c " + appOrigin + " acao-missing", "/broken/c " + adminOrigin + " acao-missing"}
	if strings.Join(unsuppressed, "|") != strings.Join(want, "|") {
		t.Errorf("new findings: got %q; want %q", unsuppressed, want)
	}

	// A broken baseline is a usage error, before any request.
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := a.requests.Load()
	if _, stderr, code := run(t, "run", "-c", path, "--baseline", bad); code != 2 || !strings.Contains(stderr, "invalid baseline") {
		t.Errorf("invalid baseline: exit %d, stderr %q; want 2", code, stderr)
	}
	if a.requests.Load() != before {
		t.Errorf("invalid baseline: requests were sent")
	}

	// An unreachable target: no baseline written, exit 3.
	downConfig := writeConfig(t, a, head+"targets:\n  - url: "+closedPort(t)+"/x\n")
	target := filepath.Join(dir, "not-written.json")
	if _, _, code := run(t, "baseline", "-c", downConfig, "-o", target); code != 3 {
		t.Errorf("baseline with an unreachable target: exit %d; want 3", code)
	}
	if _, err := os.Stat(target); err == nil {
		t.Errorf("baseline with an unreachable target: the file was written")
	}
}

// dropFirst is a listener that closes the first connection it accepts
// before reading anything: a fresh connection failing, which the HTTP
// transport does not retry on its own.
type dropFirst struct {
	net.Listener
	accepted atomic.Int64
}

func (l *dropFirst) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if l.accepted.Add(1) == 1 {
			_ = c.Close()
			continue
		}
		return c, nil
	}
}

// A transient network error is retried once; a timeout is not.
func TestRunRetry(t *testing.T) {
	a := &api{seen: map[string]int{}}
	a.Server = httptest.NewUnstartedServer(http.HandlerFunc(a.serve))
	drop := &dropFirst{Listener: a.Listener}
	a.Listener = drop
	a.Start()
	defer a.Close()

	path := writeConfig(t, a, "settings: {rate: 0, timeout: 300ms, concurrency: 1}\norigins: [https://app.example.com]\ntargets:\n  - url: {{API}}/ok/a\n")
	if _, stderr, code := run(t, "run", "-c", path, "--origin", appOrigin); code != 0 {
		t.Errorf("a dropped connection: exit %d; want 0 after the retry (stderr: %s)", code, stderr)
	}
	if got := drop.accepted.Load(); got != 2 {
		t.Errorf("connections: got %d; want 2 (the dropped one and the retry)", got)
	}

	path = writeConfig(t, a, "settings: {rate: 0, timeout: 300ms}\norigins: [https://app.example.com]\ntargets:\n  - url: {{API}}/slow/b\n")
	_, stderr, code := run(t, "run", "-c", path, "--origin", appOrigin)
	if code != 3 || !strings.Contains(stderr, "/slow/b") {
		t.Errorf("a timeout: exit %d, stderr %q; want 3 naming the endpoint", code, stderr)
	}
	if got := a.count("/slow/b"); got != 1 {
		t.Errorf("/slow/b: got %d requests; want 1 (no retry after a timeout)", got)
	}
}

func TestRunRateAndConcurrency(t *testing.T) {
	a := newAPI(t)
	var paths []string
	for i := range 8 {
		paths = append(paths, fmt.Sprintf("/ok/%d", i))
	}
	path := writeConfig(t, a, "origins: [https://app.example.com]\ntargets:\n  - base_url: {{API}}\n    paths: ["+strings.Join(paths, ", ")+"]\n")

	// --origin leaves out the attacker probes: 8 simple GETs, one request
	// each, spaced at 40/s: at least 7 intervals of 25ms.
	start := time.Now()
	if _, stderr, code := run(t, "run", "-c", path, "--origin", appOrigin, "--rate", "40", "--concurrency", "8"); code != 0 {
		t.Fatalf("exit %d (stderr: %s)", code, stderr)
	}
	if elapsed := time.Since(start); elapsed < 7*25*time.Millisecond {
		t.Errorf("8 requests at --rate 40: took %v; want at least 175ms", elapsed)
	}

	// Without a rate limit, the worker pool bounds what is in flight.
	a.maxInFlight.Store(0)
	if _, stderr, code := run(t, "run", "-c", path, "--rate", "0", "--concurrency", "3"); code != 0 {
		t.Fatalf("exit %d (stderr: %s)", code, stderr)
	}
	if got := a.maxInFlight.Load(); got > 3 || got < 1 {
		t.Errorf("--concurrency 3: got %d requests in flight at most; want 1 to 3", got)
	}
}

func TestRunRuleSelection(t *testing.T) {
	a := newAPI(t)
	path := writeConfig(t, a, head+"targets:\n  - url: {{API}}/broken/b\n")
	cases := []struct {
		desc     string
		args     []string
		wantCode int
	}{
		{desc: "all rules", wantCode: 1},
		{desc: "--skip the rule that fires", args: []string{"--skip", "acao-missing"}, wantCode: 0},
		{desc: "--only another rule", args: []string{"--only", "acac-not-true,max-age-invalid"}, wantCode: 0},
		{desc: "--only the rule that fires", args: []string{"--only", "acao-missing"}, wantCode: 1},
	}
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			_, stderr, code := run(t, append([]string{"run", "-c", path, "--origin", appOrigin}, tc.args...)...)
			if code != tc.wantCode {
				t.Errorf("exit: got %d; want %d (stderr: %s)", code, tc.wantCode, stderr)
			}
		})
	}
	// SARIF lists the rules that ran, and only those.
	stdout, _, _ := run(t, "run", "-c", path, "--origin", appOrigin, "--only", "acao-missing", "--format", "sarif")
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	if rules := log.Runs[0].Tool.Driver.Rules; len(rules) != 1 || rules[0].ID != "acao-missing" {
		t.Errorf("SARIF rules with --only acao-missing: got %+v; want just acao-missing", rules)
	}
}

func TestCheckWritesEveryFormat(t *testing.T) {
	a := newAPI(t)
	outs, stderr, code := allFormats(t, "check", a.URL+"/broken/b", "--origin", appOrigin)
	if code != 1 {
		t.Fatalf("check: exit %d; want 1 (stderr: %s)", code, stderr)
	}
	for format, want := range map[string]string{
		"stdout": "acao-missing", "text": "acao-missing", "json": `"rule": "acao-missing"`, "sarif": `"ruleId": "acao-missing"`,
		"junit": `type="acao-missing"`, "github": "::error title=corslint%3A acao-missing::", "markdown": "`acao-missing`",
	} {
		if !strings.Contains(outs[format], want) {
			t.Errorf("check --output %s: want it to contain %q; got:\n%s", format, want, outs[format])
		}
	}
	if strings.Contains(outs["text"], "\x1b[") {
		t.Errorf("text report file has ANSI colors; want none in files")
	}
}

func TestInit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "corslint.yaml")
	if _, stderr, code := run(t, "init", "-c", path); code != 0 {
		t.Fatalf("init: exit %d (stderr: %s)", code, stderr)
	}
	written, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	stdout, _, code := run(t, "init", "-c", "-")
	if code != 0 || stdout != string(written) {
		t.Errorf("init -c -: exit %d; want the same config on stdout as in the file", code)
	}
	if _, stderr, code := run(t, "init", "-c", path); code != 2 || !strings.Contains(stderr, "already exists") {
		t.Errorf("init over an existing file: exit %d, stderr %q; want 2 and the file kept", code, stderr)
	}
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, code := run(t, "init", "-c", path, "--force"); code != 0 {
		t.Errorf("init --force: exit %d; want 0", code)
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(again, written) {
		t.Errorf("init --force did not replace the file")
	}

	// The starter config runs once its URLs point somewhere real.
	a := newAPI(t)
	cfg := strings.NewReplacer("https://api.example.com", a.URL, "rate: 10 ", "rate: 0  ").Replace(string(written))
	runnable := writeConfig(t, nil, cfg)
	if _, stderr, code := run(t, "run", "-c", runnable, "--origin", appOrigin); code != 0 && code != 1 {
		t.Errorf("run on the starter config: exit %d; want 0 or 1 (stderr: %s)", code, stderr)
	}
}
