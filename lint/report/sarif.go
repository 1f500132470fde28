package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/corslint/corslint/lint"
)

// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html),
// the subset GitHub code scanning reads.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// RulesDocURL is where each rule is documented, by its ID as anchor.
	RulesDocURL = "https://github.com/corslint/corslint/blob/main/docs/rules.md"
	toolURL     = "https://github.com/corslint/corslint"
	// fingerprintKey versions the fingerprint scheme: a change of scheme
	// must change the key, or code scanning would reopen every alert.
	fingerprintKey = "corslint/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifHelp          `json:"help"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags      []string `json:"tags"`
	Precision string   `json:"precision"`
	// SecuritySeverity is GitHub's 0-10 score for security alerts.
	SecuritySeverity string `json:"security-severity,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          sarifResultProps   `json:"properties"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

// sarifResultProps carry what a reader of the alert needs to reproduce it.
type sarifResultProps struct {
	Method        string       `json:"method"`
	Origin        string       `json:"origin"`
	Source        lint.Source  `json:"source"`
	Credentials   bool         `json:"credentials"`
	Phase         lint.Phase   `json:"phase"`
	Hop           int          `json:"hop"`
	HopURL        string       `json:"hopUrl"`
	Verdict       lint.Verdict `json:"verdict"`
	Blocks        bool         `json:"blocks"`
	ChromiumError string       `json:"chromiumError,omitempty"`
	Evidence      []string     `json:"evidence"`
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

// securitySeverity maps a security rule's severity onto GitHub's scale
// (critical >= 9, high >= 7, medium >= 4, low otherwise).
func securitySeverity(r *lint.Rule) string {
	if r.Family != "security" {
		return ""
	}
	switch r.Severity {
	case lint.Error:
		return "8.0"
	case lint.Warning:
		return "5.0"
	}
	return "2.0"
}

func writeSARIF(w io.Writer, r *lint.Report, opts Options) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "corslint", Version: r.Version, InformationURI: toolURL, Rules: []sarifRule{},
		}},
		Results: []sarifResult{},
	}
	index := map[string]int{}
	addRule := func(rule *lint.Rule) int {
		if i, ok := index[rule.ID]; ok {
			return i
		}
		index[rule.ID] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, toSARIFRule(rule))
		return index[rule.ID]
	}
	for _, rule := range r.Rules {
		addRule(rule)
	}
	inv := sarifInvocation{ExecutionSuccessful: true, Notifications: []sarifNotification{}}
	for _, res := range r.Results {
		if res.Error != nil {
			inv.ExecutionSuccessful = false
			inv.Notifications = append(inv.Notifications, sarifNotification{
				Level:     "error",
				Message:   sarifText{Text: fmt.Sprintf("%s %s from %s: unreachable: %s", res.Method, res.URL, res.Origin, res.Error.Error())},
				Locations: []sarifLocation{sarifLocationOf(res.URL)},
			})
		}
		for i := range res.Findings {
			f := &res.Findings[i]
			if f.Rule == nil {
				continue
			}
			out := sarifResult{
				RuleID:              f.RuleID,
				RuleIndex:           addRule(f.Rule),
				Level:               sarifLevel(f.Severity),
				Message:             sarifText{Text: sarifMessage(res, f)},
				Locations:           []sarifLocation{sarifLocationOf(res.URL)},
				PartialFingerprints: map[string]string{fingerprintKey: Fingerprint(res, f)},
				Properties: sarifResultProps{
					Method: res.Method, Origin: res.Origin, Source: res.Source, Credentials: res.Credentials,
					Phase: f.Phase, Hop: f.Hop, HopURL: f.URL, Verdict: res.Verdict, Blocks: f.Blocks,
					ChromiumError: f.ChromiumError(), Evidence: nonNilStrings(f.Evidence),
				},
			}
			if f.Suppressed {
				// SARIF keeps suppressed results, marked, so code scanning
				// closes the alert instead of forgetting it.
				out.Suppressions = []sarifSuppression{{Kind: "external", Justification: f.SuppressedBy}}
			}
			run.Results = append(run.Results, out)
		}
	}
	run.Invocations = []sarifInvocation{inv}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func sarifLocationOf(uri string) sarifLocation {
	return sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri}}}
}

// sarifMessage leads with the request, since code scanning lists alerts by
// message and every alert of a rule shares the location's host.
func sarifMessage(res *lint.Result, f *lint.Finding) string {
	msg := fmt.Sprintf("%s %s from %s%s: %s", res.Method, res.URL, res.Origin, credentialsTag(res), f.Message)
	if f.Hop > 0 {
		msg += fmt.Sprintf(" (after redirect %d, at %s)", f.Hop, f.URL)
	}
	if f.Note != "" {
		msg += "\n\n" + f.Note
	}
	return msg
}

func credentialsTag(res *lint.Result) string {
	if res.Credentials {
		return " (credentials: include)"
	}
	return ""
}

func toSARIFRule(r *lint.Rule) sarifRule {
	// The family of security rules is "security", which is also the tag
	// GitHub code scanning files alerts under.
	tags := []string{"cors"}
	if r.Family != "" {
		tags = append(tags, r.Family)
	}
	precision := "high"
	if r.Blocks {
		// Blocking rules are the browser's own algorithm, checked against
		// Chromium: when they fire, the browser fails the fetch.
		precision = "very-high"
	}
	helpURI := RulesDocURL + "#" + r.ID
	var md strings.Builder
	fmt.Fprintf(&md, "%s\n\n**Fix:** %s\n\n", r.Doc, r.Fix)
	if r.Chromium != "" {
		fmt.Fprintf(&md, "Chromium reports it as `%s`", r.Chromium)
		if r.Firefox != "" {
			fmt.Fprintf(&md, ", Firefox as `%s`", r.Firefox)
		}
		md.WriteString(". ")
	}
	if r.Spec != "" {
		fmt.Fprintf(&md, "[Fetch standard](%s). ", r.Spec)
	}
	fmt.Fprintf(&md, "[Rule documentation](%s).", helpURI)
	return sarifRule{
		ID:                   r.ID,
		Name:                 pascalCase(r.ID),
		ShortDescription:     sarifText{Text: r.Title},
		FullDescription:      sarifText{Text: r.Doc},
		Help:                 sarifHelp{Text: r.Fix, Markdown: md.String()},
		HelpURI:              helpURI,
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(r.Severity)},
		Properties:           sarifRuleProps{Tags: tags, Precision: precision, SecuritySeverity: securitySeverity(r)},
	}
}

// pascalCase turns a kebab-case rule ID into the identifier SARIF's name
// field expects: "acao-missing" becomes "AcaoMissing".
func pascalCase(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}
