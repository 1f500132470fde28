//go:build browser

package conformance

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corslint/corslint/lint/header"
)

// testCase is one scripted fetch: what the page's script asks for and how
// each URL of it answers.
type testCase struct {
	id   string // the reference's ID (a04, c47, ...) or the suite's own (x01, ...)
	desc string
	// sandbox runs the script in a sandboxed page, whose origin is opaque.
	sandbox bool
	// securePage serves the page over https (https://localhost:P3), so
	// that its fetches of http: URLs are mixed content.
	securePage bool
	// unsent says the fetch is blocked before any request: the server must
	// see none from either client.
	unsent bool
	method string   // as the script passes it to fetch(); "" is GET
	header []string // "Name: value", as the script sets them
	body   string   // a string body; "" sends none
	creds  bool     // credentials: 'include'
	// reads are response header names the script reads with
	// response.headers.get() once the fetch resolves (the engine's
	// --reads-header): the names CORS hides must be the same on both sides.
	reads []string
	hops  []hop
	// want is what Chromium is expected to do, from the reference's
	// measurements or the standard: "" allowed, else the CorsError or the
	// net error. It is informational: the browser, not this field, is the
	// ground truth the engine must match.
	want string
}

// call turns a case into the page's fetch() arguments.
func (c *testCase) call(s *server) fetchCall {
	fc := fetchCall{URL: s.url(byBrowser, c, 0, ""), Method: c.method, Headers: [][2]string{}, Credentials: "same-origin",
		Reads: append([]string{}, c.reads...)}
	if fc.Method == "" {
		fc.Method = "GET"
	}
	for _, h := range c.header {
		name, value, _ := strings.Cut(h, ":")
		fc.Headers = append(fc.Headers, [2]string{name, value})
	}
	if c.body != "" {
		body := c.body
		fc.Body = &body
	}
	if c.creds {
		fc.Credentials = "include"
	}
	return fc
}

// caseResult is what the browser and the engine did with one case.
type caseResult struct {
	browser, engine         outcome
	browserWire, engineWire []seen
	unsent                  bool
	// absent are the names the case reads that the final response does
	// not carry: get() returns null for them whatever CORS says, so the
	// browser cannot tell whether they are exposed, and they are left out
	// of the comparison of hidden names.
	absent []string
	err    error
}

// disagreement says how the engine differs from the browser, "" when it
// does not.
func (r *caseResult) disagreement() string {
	switch {
	case r.err != nil:
		return r.err.Error()
	case r.browser.blocked != r.engine.blocked || r.browser.reason != r.engine.reason:
		return fmt.Sprintf("verdict: browser %s; engine %s (%s)", r.browser, r.engine, r.engine.detail)
	case r.browser.param != r.engine.param:
		return fmt.Sprintf("failed parameter: browser %q; engine %q (%s)", r.browser.param, r.engine.param, r.engine.detail)
	case r.unsent && len(r.browserWire)+len(r.engineWire) > 0:
		return fmt.Sprintf("requests: the fetch is blocked before it is sent, but the browser sent %v and the engine %v", r.browserWire, r.engineWire)
	}
	// The engine goes on after a block to find the next problem too, so
	// for a blocked fetch the browser's requests need only be a prefix.
	engine := r.engineWire
	if r.browser.blocked && len(engine) > len(r.browserWire) {
		engine = engine[:len(r.browserWire)]
	}
	if !slices.Equal(r.browserWire, engine) {
		return fmt.Sprintf("requests: browser sent %v; engine sent %v", r.browserWire, r.engineWire)
	}
	if r.browser.blocked {
		return "" // the script reads no header of a blocked fetch
	}
	for _, name := range r.absent {
		if !slices.Contains(r.browser.hidden, name) {
			return fmt.Sprintf("reads: the response lacks %s, yet the page read it (%s)", name, r.browser.reads)
		}
	}
	browser, engineHidden := without(r.browser.hidden, r.absent), without(r.engine.hidden, r.absent)
	if !slices.Equal(browser, engineHidden) {
		return fmt.Sprintf("hidden headers: browser %v (%s); engine %v", browser, r.browser.reads, engineHidden)
	}
	return ""
}

// without returns names, sorted, less those in drop.
func without(names, drop []string) []string {
	out := []string{}
	for _, n := range names {
		if !slices.Contains(drop, n) {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// only runs some cases, for a quick look at one:
// go test -tags browser -run TestChromiumConformance ./conformance/ -args -cases=a04,c47
var only = flag.String("cases", "", "comma-separated case IDs to run (default: all)")

// selectCases keeps the cases whose ID is listed.
func selectCases(cases []testCase, ids []string) []testCase {
	var out []testCase
	for _, c := range cases {
		if slices.Contains(ids, c.id) {
			out = append(out, c)
		}
	}
	return out
}

// workers bounds the cases in flight. A case spends most of its time
// waiting for Chromium to open a window, load the page and settle the
// fetch, so many more cases than cores keep the browser busy.
var workers = min(6*runtime.NumCPU(), 16)

func TestChromiumConformance(t *testing.T) {
	start := time.Now()
	cases := allCases()
	if *only != "" {
		cases = selectCases(cases, strings.Split(*only, ","))
	}
	if err := validateCases(cases); err != nil {
		t.Fatal(err)
	}
	s := startServer(t, cases)
	cr := startChromium(t)
	fmt.Println(cr.version)

	results := make([]caseResult, len(cases))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = runCase(cr, s, &cases[i])
			}
		}()
	}
	for i := range cases {
		next <- i
	}
	close(next)
	wg.Wait()

	var disagree, unexpected []string
	for i := range cases {
		c, r := &cases[i], &results[i]
		if diff := r.disagreement(); diff != "" {
			disagree = append(disagree, fmt.Sprintf("%s (%s): %s", c.id, c.desc, diff))
			continue
		}
		line := fmt.Sprintf("%-4s %-45s agree: %s", c.id, r.browser, strings.Join(wireSummary(r.browserWire), "; "))
		if len(c.reads) > 0 && !r.browser.blocked {
			line += "; get(): " + r.browser.reads
		}
		t.Log(line)
		if want := (outcome{blocked: c.want != "", reason: c.want}); want.String() != r.browser.String() {
			unexpected = append(unexpected, fmt.Sprintf("%s: expected %s, Chromium did %s", c.id, want, r.browser))
		}
	}
	// The browser is the ground truth: an expectation it does not meet is
	// news about Chromium (or the reference), not a failure.
	for _, line := range unexpected {
		t.Logf("differs from the expectation: %s", line)
	}
	for _, line := range disagree {
		t.Errorf("disagreement: %s", line)
	}
	fmt.Printf("%s, %d cases in %s\n", cr.version, len(cases), time.Since(start).Round(100*time.Millisecond))
	fmt.Printf("%d cases, %d agree\n", len(cases), len(cases)-len(disagree))
}

func runCase(cr *chromium, s *server, c *testCase) caseResult {
	var r caseResult
	r.browser, r.err = cr.run(s.pageURL(c), c.call(s), "/t/"+byBrowser+"/"+c.id+"/")
	if r.err != nil {
		r.err = fmt.Errorf("browser: %w", r.err)
		return r
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	r.engine, r.err = runEngine(ctx, s, c)
	if r.err != nil {
		r.err = fmt.Errorf("engine: %w", r.err)
	}
	r.browserWire, r.engineWire = s.requests(byBrowser, c.id), s.requests(byEngine, c.id)
	r.unsent = c.unsent
	r.absent = absentReads(c, r.browserWire)
	return r
}

// absentReads are the names c reads that the response the browser's fetch
// resolved with does not carry: that of the last hop it sent an actual
// request to, as the server wrote it.
func absentReads(c *testCase, wire []seen) []string {
	final := -1
	for _, w := range wire {
		if w.method != "OPTIONS" {
			final = w.hop
		}
	}
	if final < 0 {
		return nil
	}
	sent := c.hops[final].sentNames()
	var absent []string
	for _, name := range c.reads {
		if !slices.Contains(sent, strings.ToLower(name)) {
			absent = append(absent, name)
		}
	}
	return absent
}

// wireSummary renders what the server saw, one entry per request, with a
// run of hops that saw the same request folded into one entry.
func wireSummary(w []seen) []string {
	var out []string
	for i := 0; i < len(w); {
		j := i
		for j+1 < len(w) && w[j+1].hop == w[j].hop+1 && sameRequest(w[j+1], w[i]) {
			j++
		}
		entry := w[i].String()
		if j > i {
			entry = fmt.Sprintf("hop%d-%d%s", w[i].hop, w[j].hop, strings.TrimPrefix(entry, fmt.Sprintf("hop%d", w[i].hop)))
		}
		out = append(out, entry)
		i = j + 1
	}
	return out
}

func sameRequest(a, b seen) bool {
	a.hop = b.hop
	return a == b
}

// validateCases catches table mistakes before any browser work.
func validateCases(cases []testCase) error {
	ids := map[string]bool{}
	for _, c := range cases {
		switch {
		case c.id == "" || c.desc == "":
			return fmt.Errorf("case %q: id and desc are required", c.id)
		case ids[c.id]:
			return fmt.Errorf("case %q: duplicate id", c.id)
		case len(c.hops) == 0:
			return fmt.Errorf("case %q: no hops", c.id)
		}
		for _, name := range c.reads {
			if !header.IsToken(name) {
				return fmt.Errorf("case %q: reads %q, which is not a header name", c.id, name)
			}
		}
		for _, h := range c.hops {
			if h.host != "" && !slices.Contains(mappedHosts(), h.host) {
				return fmt.Errorf("case %q: host %q is not mapped to 127.0.0.1", c.id, h.host)
			}
		}
		ids[c.id] = true
	}
	return nil
}
