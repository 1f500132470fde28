package lint

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/corslint/corslint/lint/browser"
	"github.com/corslint/corslint/lint/origin"
)

// Verdict is the browser's answer for one probe.
type Verdict string

const (
	// Allowed: the script can read the response.
	Allowed Verdict = "allowed"
	// Blocked: the browser fails the fetch with a CORS (or network) error.
	Blocked Verdict = "blocked"
	// Unverified: the response that decides was not obtained.
	Unverified Verdict = "unverified"
)

// Hop is one URL of a fetch: the preflight (when needed) and the actual
// request sent to it. A fetch without redirects has one hop.
type Hop struct {
	URL    string `json:"url"`
	Origin string `json:"origin"` // the Origin header sent
	CORS   bool   `json:"cors"`   // the CORS check applies
	Method string `json:"method"`
	// Decision is the preflight decision for this hop.
	Decision  browser.PreflightDecision `json:"-"`
	Preflight *Exchange                 `json:"preflight,omitempty"`
	Actual    *Exchange                 `json:"actual,omitempty"`
	// NotSent says why the actual request was not sent.
	NotSent string `json:"not_sent,omitempty"`
}

// Result is everything learned from one probe.
type Result struct {
	Name   string          `json:"name,omitempty"`
	URL    string          `json:"url"`
	Origin string          `json:"origin"`
	Source Source          `json:"source"`
	Method string          `json:"method"`
	Header []browser.Field `json:"headers"`
	// Credentials is credentials mode "include".
	Credentials bool      `json:"credentials"`
	Notes       []string  `json:"notes,omitempty"`
	SameOrigin  bool      `json:"same_origin"`
	Hops        []*Hop    `json:"hops"`
	Findings    []Finding `json:"findings"`
	Verdict     Verdict   `json:"verdict"`
	// BlockedBy is the finding that decides a blocked verdict.
	BlockedBy *Finding `json:"blocked_by,omitempty"`
	// Unverified explains an unverified verdict.
	Unverified string `json:"unverified,omitempty"`
	// Error is set when a target could not be reached at all.
	Error *NetError `json:"-"`
	// Insecure records that TLS certificates were not verified.
	Insecure bool `json:"insecure,omitempty"`
	// Target is the probed target, for reporters that group by endpoint.
	Target *Target `json:"-"`
}

// Finding is a Diagnostic in context: which rule, which step.
type Finding struct {
	Rule     *Rule    `json:"-"`
	RuleID   string   `json:"rule"`
	Severity Severity `json:"severity"`
	Blocks   bool     `json:"blocks"`
	Phase    Phase    `json:"phase"`
	Hop      int      `json:"hop"`
	URL      string   `json:"url"`
	Diagnostic
	// AfterBlock is true for findings on a response the browser would
	// never have looked at, because an earlier step already failed: they
	// are what breaks next once the first problem is fixed.
	AfterBlock bool `json:"after_block,omitempty"`
	// Suppressed is set when a baseline or override hides the finding;
	// SuppressedBy says which, for reviewers.
	Suppressed   bool   `json:"suppressed,omitempty"`
	SuppressedBy string `json:"suppressed_by,omitempty"`
}

// ChromiumError returns the DevTools CorsError (or net error) name.
func (f *Finding) ChromiumError() string {
	if f.Diagnostic.Chromium != "" {
		return f.Diagnostic.Chromium
	}
	if f.Rule != nil {
		return f.Rule.Chromium
	}
	return ""
}

// Engine runs probes. Its zero value is not usable; set Rules and Client.
type Engine struct {
	Rules    []*Rule
	Client   *http.Client
	Redactor *Redactor
	// UserAgent is sent on every request.
	UserAgent string
	// Insecure is reported on results when TLS verification is off.
	Insecure bool
	// Concurrency bounds parallel probes in Run; 0 means 1.
	Concurrency int
	// Limiter, when set, is waited on before each request (per host).
	Limiter func(ctx context.Context, host string) error
	// Retry retries one transient network failure per request.
	Retry bool
	// Progress, when set, is called after each probe completes.
	Progress func(done, total int)
}

// Run runs every probe with bounded concurrency and returns the results in
// probe order, whatever order they finish in.
func (e *Engine) Run(ctx context.Context, probes []Probe) []*Result {
	// Leave no keep-alive connection (and its goroutines) behind.
	defer e.Client.CloseIdleConnections()
	results := make([]*Result, len(probes))
	workers := max(e.Concurrency, 1)
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = e.Trial(ctx, probes[i])
				if e.Progress != nil {
					mu.Lock()
					done++
					e.Progress(done, len(probes))
					mu.Unlock()
				}
			}
		}()
	}
	for i := range probes {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// trial carries the state of one simulated fetch.
type trial struct {
	e       *Engine
	ctx     context.Context
	probe   Probe
	prep    *Prepared
	result  *Result
	stopped bool // the browser has already failed the fetch
	decl    Declared
}

// Trial simulates one fetch from probe.Origin to probe.Target, step by step
// as Chromium performs it (https://fetch.spec.whatwg.org/#main-fetch), and
// judges every response with the rules.
func (e *Engine) Trial(ctx context.Context, p Probe) *Result {
	req := p.Target.Request
	res := &Result{
		Name:        p.Target.Name,
		URL:         e.Redactor.URL(req.URL),
		Origin:      p.Origin.String(),
		Source:      p.Source,
		Credentials: req.Credentials,
		Findings:    []Finding{},
		Hops:        []*Hop{},
		Insecure:    e.Insecure,
		Target:      p.Target,
	}
	prep, err := Prepare(req)
	if err != nil {
		// Targets are validated before planning; this is a programming
		// error surfaced as an unverified result rather than a panic.
		res.Verdict, res.Unverified = Unverified, err.Error()
		return res
	}
	res.Method = prep.Method
	res.Header = e.Redactor.Fields(prep.Fields)
	res.Notes = append(res.Notes, prep.Notes...)
	t := &trial{e: e, ctx: ctx, probe: p, prep: prep, result: res}
	t.decl = Declared{Source: p.Source, Public: p.Target.Public, TrustSubdomains: p.Target.TrustSubdomains}
	t.run()
	t.decide()
	if p.Source.KeptOut() {
		t.keepOnlyAttackFindings()
	}
	return res
}

// keepOnlyAttackFindings drops the browser's blocking findings from an
// attacker probe: for an origin that must be kept out, a blocked fetch is
// the desired outcome, not a problem. BlockedBy keeps the deciding one.
func (t *trial) keepOnlyAttackFindings() {
	res := t.result
	if res.BlockedBy != nil {
		decided := *res.BlockedBy
		res.BlockedBy = &decided
	}
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		if !f.Blocks {
			kept = append(kept, f)
		}
	}
	res.Findings = kept
}

// safeToSend reports whether corslint may send the actual request: GET and
// HEAD always, anything else only when the user allowed side effects.
func (t *trial) safeToSend(method string) bool {
	return !mayChangeData(method) || t.probe.Target.Request.Send
}

// mayChangeData reports whether a method may have side effects on the
// server: anything but GET and HEAD.
func mayChangeData(method string) bool { return method != "GET" && method != "HEAD" }

func (t *trial) run() {
	page := t.probe.Origin
	reqOrigin := page.String()
	current := t.prep.URL
	method := t.prep.Method
	fields := t.prep.Fields
	body, hasBody := t.prep.Body, t.prep.HasBody
	tainted := false      // a redirect made the request's origin opaque
	corsTainting := false // response tainting is "cors" from now on

	if origin.SameOrigin(page, t.prep.Origin) {
		t.result.SameOrigin = true
		t.result.Notes = append(t.result.Notes,
			"the page's origin and the URL are the same origin: the browser applies no CORS check unless the server redirects to another origin")
	}
	for n := 0; ; n++ {
		hopOrigin, _ := origin.FromURL(current)
		cors := tainted || corsTainting || !origin.SameOrigin(page, hopOrigin)
		if cors {
			t.result.SameOrigin = false
		}
		originHeader := reqOrigin
		if tainted {
			originHeader = origin.Null
		}
		hop := &Hop{URL: t.e.Redactor.URL(current.String()), Origin: originHeader, CORS: cors, Method: method}
		t.result.Hops = append(t.result.Hops, hop)
		step := Step{
			Hop: n, URL: hop.URL, FirstURL: t.result.URL, PageOrigin: page.String(), Origin: originHeader, CORS: cors,
			Credentials: t.probe.Target.Request.Credentials, Method: method, Declared: t.decl,
			Reads: t.probe.Target.Request.Reads,
		}
		if cors {
			hop.Decision = browser.DecidePreflight(method, fields)
			step.Decision = hop.Decision
		}
		if t.blockedBeforeSend(step) {
			hop.NotSent = "the browser blocks this request before sending it, so corslint did not send it either"
			return
		}
		if cors {
			if hop.Decision.Needed {
				ex := t.send(http.MethodOptions, current, t.preflightFields(originHeader, page, hopOrigin, method, hop.Decision), nil, false)
				hop.Preflight = ex
				if ex.Response == nil {
					t.fail(ex)
					return
				}
				step.Phase, step.Exchange = Preflight, ex
				t.evaluate(&step)
			}
		}
		if t.probe.Source.KeptOut() && hop.Preflight != nil && mayChangeData(method) {
			// The preflight already says whether the browser would send this
			// request for the attacker: do not repeat a write once per
			// attacker origin, even with send: true.
			hop.NotSent = "an attacker probe is judged on the preflight; its " + method + " is not sent, so the data is not changed once per attacker origin"
			return
		}
		if !t.safeToSend(method) {
			if t.stopped {
				hop.NotSent = "the browser stops at the failed preflight, and " + method + " may change data: not sent without --send"
			} else {
				hop.NotSent = method + " may change data, so corslint did not send it; re-run with --send to check the actual response"
			}
			return
		}
		sendCookies := t.probe.Target.Request.Credentials && t.probe.Target.Request.Cookie != "" &&
			strings.EqualFold(current.Host, t.prep.URL.Host)
		actualFields := t.actualFields(fields, originHeader, cors, method, page, hopOrigin, sendCookies)
		ex := t.send(method, current, actualFields, body, hasBody)
		hop.Actual = ex
		if ex.Response == nil {
			t.fail(ex)
			return
		}
		step.Phase, step.Exchange = Actual, ex
		location := ex.Response.Header.Get("Location")
		if !browser.IsRedirectStatus(ex.Response.Status) || location == "" || step.ConflictingLocations() {
			t.evaluate(&step)
			return
		}
		next, err := current.Parse(location)
		if err != nil {
			next = nil
		}
		redirect := &Redirect{Status: ex.Response.Status, Location: t.e.Redactor.URL(location), Target: next, Count: n + 1}
		if next != nil {
			if nextOrigin, err := origin.FromURL(next); err == nil {
				redirect.CrossOrigin = tainted || !origin.SameOrigin(page, nextOrigin)
			}
		}
		step.Redirect = redirect
		t.evaluate(&step)
		if next == nil || (next.Scheme != "http" && next.Scheme != "https") || next.User != nil || redirect.Count > MaxRedirects {
			return // the redirect rules have said why the browser stops
		}
		nextOrigin, err := origin.FromURL(next)
		if err != nil {
			return
		}
		// Redirect-taint (https://fetch.spec.whatwg.org/#concept-request-tainted-origin):
		// a hop to another origin, from a URL whose origin is not the
		// request's, makes the request's origin opaque.
		if !origin.SameOrigin(nextOrigin, hopOrigin) && (tainted || !origin.SameOrigin(page, hopOrigin)) {
			tainted = true
		}
		if cors {
			corsTainting = true
		}
		newMethod, keepBody := browser.RedirectMethod(ex.Response.Status, method)
		if !keepBody {
			body, hasBody = nil, false
			fields = browser.Without(fields, browser.RequestBodyHeaders...)
		}
		method = newMethod
		// https://fetch.spec.whatwg.org/#http-redirect-fetch step 14: a
		// cross-origin redirect removes Authorization.
		if !origin.SameOrigin(nextOrigin, hopOrigin) {
			if _, had := browser.Get(fields, "Authorization"); had {
				fields = browser.Without(fields, "Authorization")
				t.result.Notes = append(t.result.Notes, "Authorization removed after the cross-origin redirect to "+t.e.Redactor.URL(next.String())+", as browsers do")
			}
		}
		next.Fragment, next.RawFragment = "", ""
		current = next
	}
}

// preflightFields builds the preflight exactly as Chromium sends it: no
// credentials, no script headers, no body
// (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0).
func (t *trial) preflightFields(originHeader string, page, target origin.Origin, method string, d browser.PreflightDecision) []browser.Field {
	fields := []browser.Field{
		{Name: "Accept", Value: "*/*"},
		{Name: "Origin", Value: originHeader},
	}
	fields = append(fields, browser.PreflightFields(method, d.UnsafeHeaders)...)
	fields = append(fields, t.fetchMetadata(page, target)...)
	return append(fields, browser.Field{Name: "User-Agent", Value: t.e.UserAgent})
}

// actualFields builds the actual request: the script's header list, Origin
// on CORS requests (and on same-origin ones whose method is not GET or
// HEAD), Fetch Metadata, and cookies for a credentialed request.
func (t *trial) actualFields(fields []browser.Field, originHeader string, cors bool, method string, page, target origin.Origin, cookies bool) []browser.Field {
	out := append([]browser.Field(nil), fields...)
	if cors || (method != "GET" && method != "HEAD") {
		out = append(out, browser.Field{Name: "Origin", Value: originHeader})
	}
	out = append(out, t.fetchMetadata(page, target)...)
	if cookies {
		out = append(out, browser.Field{Name: "Cookie", Value: t.probe.Target.Request.Cookie})
	}
	return append(out, browser.Field{Name: "User-Agent", Value: t.e.UserAgent})
}

// fetchMetadata returns the Sec-Fetch-* headers Chromium adds, which some
// servers and WAFs use to decide how to answer.
func (t *trial) fetchMetadata(page, target origin.Origin) []browser.Field {
	site := "cross-site"
	switch {
	case origin.SameOrigin(page, target):
		site = "same-origin"
	case origin.SameSite(page, target):
		site = "same-site"
	}
	return []browser.Field{
		{Name: "Sec-Fetch-Dest", Value: "empty"},
		{Name: "Sec-Fetch-Mode", Value: "cors"},
		{Name: "Sec-Fetch-Site", Value: site},
	}
}

// send performs one HTTP request and records it, redacted.
func (t *trial) send(method string, u *url.URL, fields []browser.Field, body []byte, hasBody bool) *Exchange {
	ex := &Exchange{Method: method, URL: t.e.Redactor.URL(u.String()), Header: t.e.Redactor.Fields(fields)}
	attempts := 1
	if t.e.Retry {
		attempts = 2
	}
	start := time.Now()
	for attempt := 0; attempt < attempts; attempt++ {
		if attempt > 0 {
			select {
			case <-t.ctx.Done():
			case <-time.After(500 * time.Millisecond):
			}
		}
		resp, err := t.do(method, u, fields, body, hasBody)
		if err == nil {
			ex.Response = resp
			ex.Error = ""
			break
		}
		ne := classify(ex.URL, err)
		ne.Err = errors.New(t.e.Redactor.String(describeNetError(ne.Kind, ne.Err)))
		ex.Error = ne.Err.Error()
		ex.netErr = ne
		if ne.Kind != "refused" && ne.Kind != "other" && ne.Kind != "protocol" {
			break // timeouts, DNS and TLS failures do not heal in half a second
		}
		if t.ctx.Err() != nil {
			break
		}
	}
	ex.Duration = time.Since(start)
	return ex
}

func (t *trial) do(method string, u *url.URL, fields []browser.Field, payload []byte, hasBody bool) (*Response, error) {
	if t.e.Limiter != nil {
		if err := t.e.Limiter(t.ctx, u.Host); err != nil {
			return nil, err
		}
	}
	// Each request gets the client's timeout, covering the body read too.
	timeout := t.e.Client.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(t.ctx, timeout)
	defer cancel()
	var body io.Reader = http.NoBody
	if hasBody {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return nil, err
	}
	for _, f := range fields {
		req.Header.Add(f.Name, f.Value)
	}
	// The transport, not the client: redirects are the engine's to follow,
	// and a Location the client cannot parse must still be judged.
	transport := t.e.Client.Transport
	if transport == nil {
		transport = http.DefaultTransport
	}
	resp, err := transport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	drainBody(resp.Body)
	return &Response{Status: resp.StatusCode, Proto: resp.Proto, Header: t.e.Redactor.Header(resp.Header)}, nil
}

// fail records that a target could not be reached.
func (t *trial) fail(ex *Exchange) {
	t.result.Error = ex.netErr
	if t.result.Error == nil {
		t.result.Error = &NetError{Kind: "other", URL: ex.URL, Err: errors.New(ex.Error)}
	}
}

// blockedBeforeSend runs the BeforeSend rules on a hop's first request (the
// preflight when one is needed), before anything is sent, and reports
// whether one blocks it: the browser then fails the fetch without a
// request, so there is no response to wait for, even from a server that
// is down.
func (t *trial) blockedBeforeSend(step Step) bool {
	step.Phase = Actual
	if step.CORS && step.Decision.Needed {
		step.Phase = Preflight
	}
	return t.check(&step, true)
}

// evaluate runs every applicable rule on a step and records its findings.
func (t *trial) evaluate(step *Step) { t.check(step, false) }

// check runs the applicable rules, those judged before sending or the
// others, on a step; it records their findings and reports whether one
// blocks.
func (t *trial) check(step *Step, beforeSend bool) bool {
	step.AfterBlock = t.stopped
	blockedHere := false
	attack := t.probe.Source.KeptOut()
	for _, r := range t.e.Rules {
		if r.BeforeSend != beforeSend || (r.Phase != AnyPhase && r.Phase != step.Phase) {
			continue
		}
		// Blocking rules always run: they are the browser's verdict, which
		// attacker probes need too. The others judge their own scope.
		if !r.Blocks && r.Scope != ScopeAll && (r.Scope == ScopeAttack) != attack {
			continue
		}
		for _, d := range r.Check(step) {
			f := Finding{
				Rule: r, RuleID: r.ID, Severity: r.Severity, Blocks: r.Blocks,
				Phase: step.Phase, Hop: step.Hop, URL: step.URL, Diagnostic: d,
				AfterBlock: t.stopped,
			}
			t.result.Findings = append(t.result.Findings, f)
			if r.Blocks {
				blockedHere = true
			}
		}
	}
	if blockedHere {
		t.stopped = true
	}
	return blockedHere
}

// decide derives the verdict from the findings: the first blocking finding
// in the order the browser meets them decides.
func (t *trial) decide() {
	res := t.result
	for i := range res.Findings {
		if res.Findings[i].Blocks && !res.Findings[i].Suppressed {
			res.Verdict = Blocked
			res.BlockedBy = &res.Findings[i]
			return
		}
	}
	switch {
	case res.SameOrigin && res.Error == nil:
		res.Verdict = Allowed
	case res.Error != nil:
		res.Verdict = Unverified
		res.Unverified = "no response: " + res.Error.Error()
	case len(res.Hops) > 0 && res.Hops[len(res.Hops)-1].Actual == nil:
		res.Verdict = Unverified
		res.Unverified = res.Hops[len(res.Hops)-1].NotSent
	default:
		res.Verdict = Allowed
	}
}

// Decide recomputes a result's verdict, after findings were suppressed.
func (r *Result) Decide() {
	r.BlockedBy = nil
	(&trial{result: r}).decide()
}

// ConflictingLocations reports whether the response carries Location lines
// that differ. Chromium's network stack fails such a response with
// net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION before any CORS check and
// whatever its status, preflights included; identical copies are fine.
func (s *Step) ConflictingLocations() bool {
	values := s.Header("Location")
	for _, v := range values {
		if v != values[0] {
			return true
		}
	}
	return false
}
