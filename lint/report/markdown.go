package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/corslint/corslint/lint"
)

// writeMarkdown renders GitHub-flavoured Markdown for a pull request
// comment or a job summary: the counts, a table of the probes that need
// attention, then each one's findings with evidence and fix. Clean probes
// are only counted, so a large run stays under comment size limits.
func writeMarkdown(w io.Writer, r *lint.Report, opts Options) error {
	mw := &errWriter{w: w}
	s := r.Summarize()
	mw.printf("## corslint\n\n")
	mw.printf("%s\n\n", outcomeSummary(r, s, markdownBold))

	var attention []*lint.Result
	for _, res := range r.Results {
		if needsAttention(res, opts) {
			attention = append(attention, res)
		}
	}
	if len(attention) == 0 {
		mw.printf("All %d probes went as intended: allowed origins let in, others kept out.\n", s.Results)
		return mw.err
	}
	mw.printf("| | Request | Origin | Verdict | Findings |\n|---|---|---|---|---|\n")
	for _, res := range attention {
		mw.printf("| %s | %s%s | %s%s | %s | %s |\n",
			verdictMark(res), cell(code(res.Method+" "+res.URL)), cell(credentialsTag(res)),
			cell(code(res.Origin)), cell(sourceTag(res)), cell(markdownVerdict(res)), cell(findingCounts(res, opts)))
	}
	if clean := s.Results - len(attention); clean > 0 {
		mw.printf("\n%d more %s as intended, without findings: allowed origins let in, others kept out.\n", clean, plural(clean, "probe went", "probes went"))
	}

	mw.printf("\n### Details\n")
	for _, res := range attention {
		mw.printf("\n#### %s %s from %s%s%s\n\n", verdictMark(res), code(res.Method+" "+res.URL), code(res.Origin),
			mdEscape(credentialsTag(res)), mdEscape(sourceTag(res)))
		if res.Name != "" {
			mw.printf("Endpoint: %s\n\n", mdEscape(res.Name))
		}
		if res.Error != nil {
			mw.printf("- **unreachable**: %s\n", mdEscape(res.Error.Error()))
		} else if res.Verdict == lint.Unverified && res.Unverified != "" {
			mw.printf("- **unverified**: %s\n", mdEscape(res.Unverified))
		}
		for _, f := range res.Findings {
			if f.Suppressed && !opts.ShowSuppressed {
				continue
			}
			mw.printf("%s", markdownFinding(f, opts))
		}
	}
	return mw.err
}

// outcomeSummary counts verdicts apart for the origins that must get in
// and those that must be kept out, for which "blocked" is the good news.
// emphasize marks the bad counts (bold in Markdown).
func outcomeSummary(r *lint.Report, s lint.Summary, emphasize func(bool, string) string) string {
	bold := emphasize
	var in, blocked, keptOut, letIn int
	for _, res := range r.Results {
		if res.Error != nil || res.Verdict == lint.Unverified {
			continue
		}
		switch {
		case !outsider(res) && res.Verdict == lint.Allowed:
			in++
		case !outsider(res):
			blocked++
		case res.Verdict == lint.Allowed:
			letIn++
		default:
			keptOut++
		}
	}
	parts := []string{fmt.Sprintf("Allowed origins: %d let in, %s", in, bold(blocked > 0, fmt.Sprintf("%d blocked", blocked)))}
	if keptOut+letIn > 0 {
		parts = append(parts, fmt.Sprintf("Origins to keep out: %d kept out, %s", keptOut, bold(letIn > 0, fmt.Sprintf("%d let in", letIn))))
	}
	if s.Unverified-s.Unreachable > 0 {
		parts = append(parts, fmt.Sprintf("%d unverified", s.Unverified-s.Unreachable))
	}
	if s.Unreachable > 0 {
		parts = append(parts, bold(true, fmt.Sprintf("%d unreachable", s.Unreachable)))
	}
	e, w := s.Findings["error"], s.Findings["warning"]
	counts := fmt.Sprintf("%d %s, %d %s, %d info", e, plural(e, "error", "errors"), w, plural(w, "warning", "warnings"), s.Findings["info"])
	if s.Suppressed > 0 {
		counts += fmt.Sprintf(", %d suppressed", s.Suppressed)
	}
	return fmt.Sprintf("%d %s. %s. Findings: %s.", s.Results, plural(s.Results, "probe", "probes"), strings.Join(parts, ". "), counts)
}

func markdownBold(on bool, s string) string {
	if on {
		return "**" + s + "**"
	}
	return s
}

// needsAttention reports whether a probe gets a row: an allowed origin
// that is not let in, an unreachable target, or visible findings. A
// must-deny or attacker origin the browser keeps out is the desired
// outcome, not a problem.
func needsAttention(res *lint.Result, opts Options) bool {
	if res.Error != nil {
		return true
	}
	for _, f := range res.Findings {
		if !f.Suppressed || opts.ShowSuppressed {
			return true
		}
	}
	if outsider(res) {
		return false
	}
	return res.Verdict != lint.Allowed
}

func outsider(res *lint.Result) bool {
	return res.Source.KeptOut()
}

// verdictMark is ✓ when the browser does what the config wants: lets an
// allowed origin in, keeps the others out.
func verdictMark(res *lint.Result) string {
	switch {
	case res.Error != nil:
		return "⚠"
	case res.Verdict == lint.Unverified:
		return "?"
	case (res.Verdict == lint.Allowed) != outsider(res):
		return "✓"
	}
	return "✗"
}

func markdownVerdict(res *lint.Result) string {
	switch {
	case res.Error != nil:
		return "unreachable"
	case outsider(res) && res.Verdict == lint.Allowed:
		return "let in"
	case outsider(res) && res.Verdict == lint.Blocked:
		return "kept out"
	case res.BlockedBy != nil:
		return "blocked by " + code(res.BlockedBy.RuleID)
	}
	return string(res.Verdict)
}

func findingCounts(res *lint.Result, opts Options) string {
	counts := map[lint.Severity]int{}
	suppressed := 0
	for _, f := range res.Findings {
		if f.Suppressed {
			suppressed++
			continue
		}
		counts[f.Severity]++
	}
	var parts []string
	for _, sev := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
		if n := counts[sev]; n > 0 {
			name := sev.String()
			if sev != lint.Info {
				name = plural(n, name, name+"s")
			}
			parts = append(parts, fmt.Sprintf("%d %s", n, name))
		}
	}
	if suppressed > 0 && opts.ShowSuppressed {
		parts = append(parts, fmt.Sprintf("%d suppressed", suppressed))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

func markdownFinding(f lint.Finding, opts Options) string {
	var b strings.Builder
	where := f.Phase.String()
	if f.Hop > 0 {
		where += fmt.Sprintf(", redirect %d", f.Hop)
	}
	tags := ""
	if f.AfterBlock {
		tags += " (next problem: the browser already stopped earlier)"
	}
	if f.Suppressed {
		tags += " (suppressed)"
	}
	fmt.Fprintf(&b, "- **%s** [%s](%s#%s) (%s)%s: %s\n", f.Severity, code(f.RuleID), RulesDocURL, f.RuleID, where, tags, mdEscape(f.Message))
	if f.Note != "" {
		fmt.Fprintf(&b, "\n  %s\n", mdEscape(strings.ReplaceAll(f.Note, "\n", " ")))
	}
	var evidence []string
	for _, e := range f.Evidence {
		if e != "" {
			evidence = append(evidence, "  "+e)
		}
	}
	if len(evidence) > 0 {
		fmt.Fprintf(&b, "\n  ```text\n%s\n  ```\n", strings.Join(evidence, "\n"))
	}
	if f.Rule != nil {
		fix, _ := fixFor(f.Rule, opts)
		fmt.Fprintf(&b, "\n  **Fix:** %s\n", mdEscape(fix))
	}
	return b.String()
}

// code renders s as inline code; a backtick inside would end it early.
func code(s string) string {
	return "`" + strings.ReplaceAll(s, "`", "'") + "`"
}

// cell makes s safe in a table cell: a pipe ends the cell even inside
// inline code, and a newline ends the row.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ").Replace(s)
}

// mdEscape keeps server-supplied and rule text from being read as Markdown
// or HTML.
func mdEscape(s string) string {
	return strings.NewReplacer(
		`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
		"<", "&lt;", ">", "&gt;", "|", `\|`, "#", `\#`,
	).Replace(s)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
