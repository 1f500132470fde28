package report

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/browser"
)

// The JSON report's schema. Field names are stable; new fields may be
// added, none removed or renamed without a major version.
type jsonReport struct {
	Tool    jsonTool     `json:"tool"`
	Results []jsonResult `json:"results"`
	Summary lint.Summary `json:"summary"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonResult struct {
	Name       string         `json:"name,omitempty"`
	URL        string         `json:"url"`
	Origin     string         `json:"origin"`
	Source     lint.Source    `json:"source"`
	Request    jsonRequest    `json:"request"`
	SameOrigin bool           `json:"same_origin"`
	Preflight  jsonPreflight  `json:"preflight"`
	Actual     jsonActual     `json:"actual"`
	Redirects  []jsonHop      `json:"redirects"`
	Verdict    lint.Verdict   `json:"verdict"`
	BlockedBy  *jsonBlockedBy `json:"blocked_by"`
	Unverified string         `json:"unverified_reason,omitempty"`
	Error      string         `json:"error,omitempty"`
	Insecure   bool           `json:"tls_unverified,omitempty"`
	Notes      []string       `json:"notes"`
	Findings   []jsonFinding  `json:"findings"`
}

type jsonRequest struct {
	Method      string          `json:"method"`
	Headers     []browser.Field `json:"headers"`
	Credentials bool            `json:"credentials"`
}

type jsonSent struct {
	Method  string          `json:"method"`
	URL     string          `json:"url"`
	Headers []browser.Field `json:"headers"`
}

type jsonPreflight struct {
	Needed  bool        `json:"needed"`
	Why     string      `json:"why,omitempty"`
	Request *jsonSent   `json:"request,omitempty"`
	Status  int         `json:"status,omitempty"`
	Headers http.Header `json:"headers,omitempty"`
	Error   string      `json:"error,omitempty"`
}

type jsonActual struct {
	Sent          bool        `json:"sent"`
	NotSentReason string      `json:"not_sent_reason,omitempty"`
	Request       *jsonSent   `json:"request,omitempty"`
	Status        int         `json:"status,omitempty"`
	Headers       http.Header `json:"headers,omitempty"`
	Error         string      `json:"error,omitempty"`
}

type jsonHop struct {
	URL       string        `json:"url"`
	Origin    string        `json:"origin"`
	Preflight jsonPreflight `json:"preflight"`
	Actual    jsonActual    `json:"actual"`
}

type jsonBlockedBy struct {
	Rule          string `json:"rule"`
	ChromiumError string `json:"chromium_error"`
	// FailedParameter is what Chromium reports as corsErrorStatus
	// failedParameter: the offending value, method or header name.
	FailedParameter string `json:"failed_parameter"`
	FirefoxError    string `json:"firefox_error,omitempty"`
	Message         string `json:"message"`
}

type jsonFinding struct {
	Rule          string        `json:"rule"`
	Severity      lint.Severity `json:"severity"`
	Blocks        bool          `json:"blocks"`
	Phase         lint.Phase    `json:"phase"`
	Hop           int           `json:"hop"`
	URL           string        `json:"url"`
	Message       string        `json:"message"`
	Note          string        `json:"note,omitempty"`
	Param         string        `json:"param,omitempty"`
	Evidence      []string      `json:"evidence"`
	Fix           string        `json:"fix"`
	FixPlatform   string        `json:"fix_platform,omitempty"`
	ChromiumError string        `json:"chromium_error,omitempty"`
	FirefoxError  string        `json:"firefox_error,omitempty"`
	Spec          string        `json:"spec"`
	AfterBlock    bool          `json:"after_block,omitempty"`
	Suppressed    bool          `json:"suppressed,omitempty"`
	SuppressedBy  string        `json:"suppressed_by,omitempty"`
}

func writeJSON(w io.Writer, r *lint.Report, opts Options) error {
	out := jsonReport{
		Tool:    jsonTool{Name: "corslint", Version: r.Version},
		Results: make([]jsonResult, 0, len(r.Results)),
		Summary: r.Summarize(),
	}
	for _, res := range r.Results {
		out.Results = append(out.Results, toJSONResult(res, opts))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func toJSONResult(res *lint.Result, opts Options) jsonResult {
	j := jsonResult{
		Name: res.Name, URL: res.URL, Origin: res.Origin, Source: res.Source,
		Request:    jsonRequest{Method: res.Method, Headers: nonNilFields(res.Header), Credentials: res.Credentials},
		SameOrigin: res.SameOrigin,
		Verdict:    res.Verdict,
		Unverified: res.Unverified,
		Insecure:   res.Insecure,
		Notes:      nonNilStrings(res.Notes),
		Redirects:  []jsonHop{},
		Findings:   []jsonFinding{},
	}
	if res.Error != nil {
		j.Error = res.Error.Error()
	}
	for i, hop := range res.Hops {
		h := toJSONHop(hop)
		if i == 0 {
			j.Preflight, j.Actual = h.Preflight, h.Actual
			continue
		}
		j.Redirects = append(j.Redirects, h)
	}
	if f := res.BlockedBy; f != nil {
		j.BlockedBy = &jsonBlockedBy{Rule: f.RuleID, ChromiumError: f.ChromiumError(), FailedParameter: f.Param, FirefoxError: firefoxError(f), Message: f.Message}
	}
	for _, f := range res.Findings {
		if f.Suppressed && !opts.ShowSuppressed {
			continue
		}
		j.Findings = append(j.Findings, toJSONFinding(f, opts))
	}
	return j
}

func toJSONHop(hop *lint.Hop) jsonHop {
	h := jsonHop{URL: hop.URL, Origin: hop.Origin}
	h.Preflight.Needed = hop.Decision.Needed
	h.Preflight.Why = hop.Decision.Why
	if ex := hop.Preflight; ex != nil {
		h.Preflight.Request = &jsonSent{Method: ex.Method, URL: ex.URL, Headers: nonNilFields(ex.Header)}
		h.Preflight.Error = ex.Error
		if ex.Response != nil {
			h.Preflight.Status, h.Preflight.Headers = ex.Response.Status, ex.Response.Header
		}
	}
	h.Actual.NotSentReason = hop.NotSent
	if ex := hop.Actual; ex != nil {
		h.Actual.Sent = true
		h.Actual.Request = &jsonSent{Method: ex.Method, URL: ex.URL, Headers: nonNilFields(ex.Header)}
		h.Actual.Error = ex.Error
		if ex.Response != nil {
			h.Actual.Status, h.Actual.Headers = ex.Response.Status, ex.Response.Header
		}
	}
	return h
}

func toJSONFinding(f lint.Finding, opts Options) jsonFinding {
	j := jsonFinding{
		Rule: f.RuleID, Severity: f.Severity, Blocks: f.Blocks, Phase: f.Phase, Hop: f.Hop, URL: f.URL,
		Message: f.Message, Note: f.Note, Param: f.Param, Evidence: nonNilStrings(f.Evidence),
		ChromiumError: f.ChromiumError(), FirefoxError: firefoxError(&f),
		AfterBlock: f.AfterBlock, Suppressed: f.Suppressed, SuppressedBy: f.SuppressedBy,
	}
	if f.Rule != nil {
		j.Fix, j.FixPlatform = fixFor(f.Rule, opts)
		j.Spec = f.Rule.Spec
	}
	return j
}

func firefoxError(f *lint.Finding) string {
	if f.Diagnostic.Firefox != "" {
		return f.Diagnostic.Firefox
	}
	if f.Rule != nil {
		return f.Rule.Firefox
	}
	return ""
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonNilFields(f []browser.Field) []browser.Field {
	if f == nil {
		return []browser.Field{}
	}
	return f
}
