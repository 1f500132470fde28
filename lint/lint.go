// Package lint is corslint's engine: it plans the requests a browser would
// send for a page's fetch(), sends them, records each exchange, runs the
// rules over every step of the simulated fetch and collects the findings
// into a Report. It knows no rule and renders nothing.
package lint

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/corslint/corslint/lint/browser"
)

// Severity ranks a finding.
type Severity uint8

const (
	Info Severity = iota
	Warning
	Error
	// Never is only a --fail-on threshold: no finding reaches it.
	Never
)

var severityNames = [...]string{"info", "warning", "error", "never"}

func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseSeverity parses "info", "warning", "error" or "never".
func ParseSeverity(s string) (Severity, error) {
	for i, name := range severityNames {
		if strings.EqualFold(s, name) {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("invalid severity %q: want info, warning, error or never", s)
}

// Phase says which of the browser's requests a step is about.
type Phase uint8

const (
	// Preflight is the OPTIONS request the browser sends first.
	Preflight Phase = iota
	// Actual is the request the script asked for.
	Actual
	// AnyPhase marks rules that apply to both phases.
	AnyPhase
)

func (p Phase) String() string {
	switch p {
	case Preflight:
		return "preflight"
	case Actual:
		return "actual"
	}
	return "any"
}

// MarshalText implements encoding.TextMarshaler.
func (p Phase) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Scope says which probes a rule judges.
type Scope uint8

const (
	// ScopeAllowed rules judge probes from origins the user declared as
	// the page's: the browser must let them in. The zero value.
	ScopeAllowed Scope = iota
	// ScopeAttack rules judge probes from attacker-derived and must-deny
	// origins: the browser must keep them out.
	ScopeAttack
	// ScopeAll rules judge every probe.
	ScopeAll
)

// A Rule is one check the browser (or a careful reviewer) applies to a
// response. Rules are plain values; they never do I/O.
type Rule struct {
	ID       string   // stable kebab-case key, used in config, SARIF and --only/--skip
	Title    string   // one line, lower case, no period
	Severity Severity // default severity
	// Blocks is true when the browser fails the fetch if the rule fires.
	Blocks bool
	Phase  Phase // which steps the rule looks at
	// Scope says which probes the rule judges.
	Scope  Scope
	Family string
	// Spec is the URL of the Fetch standard step the rule enforces, and
	// SpecStep names the step in words.
	Spec     string
	SpecStep string
	// Chromium is the DevTools CorsError name (Network.loadingFailed
	// corsErrorStatus.corsError) or a net:: error, and ChromiumMessage
	// the console text after "has been blocked by CORS policy: ", with %s
	// for the failed parameter.
	Chromium        string
	ChromiumMessage string
	// Firefox is the key of Firefox's console message in security.properties.
	Firefox string
	Doc     string // why it matters
	Fix     string // what to change
	// Example exchanges for `corslint explain`: one that fires the rule, one
	// that passes.
	Failing, Passing string
	Check            func(*Step) []Diagnostic
	// BeforeSend rules judge the request alone, before the browser sends
	// anything on a hop (the step has no Exchange yet): when one blocks,
	// the browser sends nothing more, and neither does the engine.
	BeforeSend bool
	// Platforms holds the fix in one platform's terms (API Gateway,
	// nginx, ...), keyed by platform ID, for rules where the generic Fix
	// leaves the reader to translate. Filled in by package rules.
	Platforms map[string]string
}

// Diagnostic is what a rule reports about one step: a message in the
// browser's terms and the header lines that prove it.
type Diagnostic struct {
	Message string
	// Param is what Chromium reports as failedParameter (the offending
	// value, method or header name), if any.
	Param    string
	Evidence []string
	// Note is corslint's own explanation, kept apart from the browser's
	// words in Message.
	Note string
	// Chromium and Firefox override the rule's error names for this
	// diagnostic, when a browser labels this instance differently.
	Chromium string
	Firefox  string
}

// Step is one request of a simulated fetch, with its context: what the
// browser sent, what came back, and what the browser knows at that point.
type Step struct {
	Phase Phase
	Hop   int    // 0 for the URL the script fetched, n after n redirects
	URL   string // the URL of this hop (secrets redacted)
	// FirstURL is the URL the script fetched, for messages about hops
	// after a redirect.
	FirstURL string
	// PageOrigin is the serialized origin of the page making the request.
	PageOrigin string
	// Origin is the serialized request origin sent in Origin: the page's
	// origin, or "null" once a redirect has tainted the request.
	Origin string
	// CORS is the CORS flag: the CORS check applies to this response.
	CORS bool
	// Credentials is true when the request's credentials mode is
	// "include". A preflight is sent without credentials, but is judged
	// with the actual request's mode.
	Credentials bool
	// Method is the actual request's method on this hop.
	Method string
	// Decision is the preflight decision for this hop's actual request.
	Decision browser.PreflightDecision
	// Exchange is the request sent and the response received.
	Exchange *Exchange
	// Redirect is set when the response is a redirect the browser follows.
	Redirect *Redirect
	// AfterBlock is true when an earlier step of this fetch (the preflight,
	// or an earlier hop) already failed: the browser never reads this
	// response, so a rule judging what a page can read must know.
	AfterBlock bool
	// Declared carries what the user declared about the endpoint, for the
	// rules that judge intent rather than browser behaviour.
	Declared Declared
	// Reads are the response headers the page's script reads.
	Reads []string
}

// Declared is what the configuration says the endpoint should do.
type Declared struct {
	// Source says why this origin is probed: "allowed" for an origin the
	// user listed, or an attack technique for a derived one.
	Source Source
	// Public is true for endpoints declared readable by any site.
	Public bool
	// TrustSubdomains is true when the user trusts every subdomain of
	// the allowed origins' registrable domains.
	TrustSubdomains bool
}

// Header returns the values of a response header, nil when absent.
func (s *Step) Header(name string) []string {
	if s.Exchange == nil || s.Exchange.Response == nil {
		return nil
	}
	return s.Exchange.Response.Header.Values(name)
}

// HasHeader reports whether the response carries the header at all.
func (s *Step) HasHeader(name string) bool { return len(s.Header(name)) > 0 }

// Status returns the response status, 0 when there is no response.
func (s *Step) Status() int {
	if s.Exchange == nil || s.Exchange.Response == nil {
		return 0
	}
	return s.Exchange.Response.Status
}

// Lines returns the response's header lines for name, as evidence; a
// missing header is shown as such.
func (s *Step) Lines(names ...string) []string {
	var lines []string
	for _, name := range names {
		values := s.Header(name)
		if len(values) == 0 {
			lines = append(lines, "(no "+http.CanonicalHeaderKey(name)+" header)")
			continue
		}
		for _, v := range values {
			lines = append(lines, http.CanonicalHeaderKey(name)+": "+v)
		}
	}
	return lines
}

// StatusLine returns the response's status line, as evidence.
func (s *Step) StatusLine() string {
	if s.Exchange == nil || s.Exchange.Response == nil {
		return ""
	}
	return fmt.Sprintf("HTTP %d %s", s.Status(), http.StatusText(s.Status()))
}

// SendsAuthorization reports whether the script's request carries an
// Authorization header on this hop.
func (s *Step) SendsAuthorization() bool {
	for _, h := range s.Decision.UnsafeHeaders {
		if h == "authorization" {
			return true
		}
	}
	return false
}

// Redirect describes a redirect response the browser would follow.
type Redirect struct {
	Status   int
	Location string   // the Location value as received (redacted)
	Target   *url.URL // resolved against the hop URL; nil when invalid
	Count    int      // this is the Count-th redirect of the fetch
	// CrossOrigin is true when Target's origin differs from the request's
	// origin (the page's, or opaque once tainted).
	CrossOrigin bool
}

// Source says why an origin is probed.
type Source struct {
	// Kind is "allowed", "denied" (declared must-deny) or "attack".
	Kind string `json:"kind"`
	// Technique names the attack family for derived origins, e.g. "suffix".
	Technique string `json:"technique,omitempty"`
	// From is the allowed origin the attack origin was derived from.
	From string `json:"from,omitempty"`
}

// KeptOut reports whether the origin is one the browser must keep out: an
// attacker origin or a must-deny one. For those a blocked fetch is the
// desired outcome.
func (s Source) KeptOut() bool { return s.Kind == SourceAttack || s.Kind == SourceDenied }

// Source kinds.
const (
	SourceAllowed = "allowed"
	SourceDenied  = "denied"
	SourceAttack  = "attack"
)
