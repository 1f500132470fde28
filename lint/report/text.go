package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/fatih/color"

	"github.com/corslint/corslint/lint"
)

// palette holds the colors of the text report; all of them are disabled
// when the writer is not a color terminal.
type palette struct {
	ok, bad, warn, info, dim, bold *color.Color
}

func newPalette(enabled bool) palette {
	p := palette{
		ok:   color.New(color.FgGreen, color.Bold),
		bad:  color.New(color.FgRed, color.Bold),
		warn: color.New(color.FgYellow, color.Bold),
		info: color.New(color.FgCyan),
		dim:  color.New(color.Faint),
		bold: color.New(color.Bold),
	}
	for _, c := range []*color.Color{p.ok, p.bad, p.warn, p.info, p.dim, p.bold} {
		if enabled {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

func (p palette) severity(s lint.Severity) *color.Color {
	switch s {
	case lint.Error:
		return p.bad
	case lint.Warning:
		return p.warn
	}
	return p.info
}

type textWriter struct {
	w    io.Writer
	p    palette
	opts Options
	err  error
}

func (t *textWriter) printf(format string, args ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, args...)
	}
}

func writeText(w io.Writer, r *lint.Report, opts Options) error {
	t := &textWriter{w: w, p: newPalette(opts.Color), opts: opts}
	// Results of one endpoint that match an earlier origin's result
	// finding for finding are printed as one line pointing back to it.
	seen := map[string]string{} // endpoint + signature -> first origin
	more, folded := foldedProbes(r.Results, opts)
	printed, prevLong := 0, false
	for _, res := range r.Results {
		if isProbe(res) && !t.verbose(res) {
			continue // an attacker origin kept out: nothing to say
		}
		if folded[res] && !opts.Verbose {
			continue // told in one line after the unrelated origin's result
		}
		key := res.Name + " " + res.Method + " " + res.URL + "\x00" + signature(res, opts)
		first, repeated := seen[key]
		if !repeated {
			seen[key] = res.Origin
		}
		long := t.verbose(res) && (!repeated || opts.Verbose)
		if printed > 0 && (long || prevLong) {
			t.printf("\n")
		}
		printed, prevLong = printed+1, long
		if repeated && !opts.Verbose && t.verbose(res) {
			t.headline(res, t.p.dim.Sprintf(": same as from %s", first))
			continue
		}
		t.result(res)
		if len(more[res]) > 0 && !opts.Verbose {
			t.foldLine(more[res])
		}
	}
	t.summary(r)
	return t.err
}

// foldedProbes finds the endpoints that let an unrelated attacker origin
// in: every other attacker origin that got in there has the same cause (the
// server trusts any origin), so the text report tells them in one line
// after the unrelated one. more maps that result to the others; folded
// marks the others.
func foldedProbes(results []*lint.Result, opts Options) (more map[*lint.Result][]*lint.Result, folded map[*lint.Result]bool) {
	more, folded = map[*lint.Result][]*lint.Result{}, map[*lint.Result]bool{}
	heads := map[*lint.Target]*lint.Result{}
	for _, res := range results {
		if res.Source.Kind == lint.SourceAttack && res.Source.Technique == "unrelated" && len(visibleFindings(res, opts)) > 0 {
			if _, ok := heads[res.Target]; !ok {
				heads[res.Target] = res
			}
		}
	}
	for _, res := range results {
		head := heads[res.Target]
		if head == nil || res == head || res.Source.Kind != lint.SourceAttack || len(visibleFindings(res, opts)) == 0 {
			continue
		}
		more[head] = append(more[head], res)
		folded[res] = true
	}
	return more, folded
}

// foldLine summarizes the attacker origins let in for the same reason.
func (t *textWriter) foldLine(more []*lint.Result) {
	origins := make([]string, 0, len(more))
	families := []string{}
	for _, res := range more {
		origins = append(origins, res.Origin)
		if !slices.Contains(families, res.Source.Technique) {
			families = append(families, res.Source.Technique)
		}
	}
	const show = 4
	list := strings.Join(origins[:min(show, len(origins))], ", ")
	if len(origins) > show {
		list += fmt.Sprintf(", and %d more", len(origins)-show)
	}
	t.printf("  %s %d more attacker origins are let in the same way (%s): %s\n",
		t.p.bad.Sprint("and"), len(more), strings.Join(families, ", "), list)
	t.printf("    %s\n", t.p.dim.Sprint("the server trusts any origin; -v or --format json lists each"))
}

// saidByHop reports whether the last hop already printed the reason the
// verdict is unverified.
func saidByHop(res *lint.Result) bool {
	return len(res.Hops) > 0 && res.Hops[len(res.Hops)-1].NotSent == res.Unverified
}

// isProbe reports whether a result is an attacker or must-deny probe, for
// which a blocked fetch is the desired outcome.
func isProbe(res *lint.Result) bool {
	return res.Source.KeptOut()
}

// signature summarizes what a result found, without the origin, so that
// identical outcomes from several origins can be shown once.
func signature(res *lint.Result, opts Options) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%d|%d|%t", res.Verdict, res.Unverified, len(res.Hops), len(res.Notes), res.Error != nil)
	if res.BlockedBy != nil {
		b.WriteString("|" + res.BlockedBy.RuleID)
	}
	for _, f := range visibleFindings(res, opts) {
		fmt.Fprintf(&b, "|%s/%s/%d/%s/%t/%s", f.RuleID, f.Phase, f.Hop, f.Severity, f.AfterBlock, f.Note)
	}
	return b.String()
}

// verbose reports whether a result gets more than its one-line verdict:
// anything with a finding or a problem, or everything with -v.
func (t *textWriter) verbose(res *lint.Result) bool {
	if t.opts.Verbose || len(visibleFindings(res, t.opts)) > 0 || res.Error != nil {
		return true
	}
	if isProbe(res) {
		return false
	}
	return res.Verdict != lint.Allowed
}

func visibleFindings(res *lint.Result, opts Options) []lint.Finding {
	var out []lint.Finding
	for _, f := range res.Findings {
		if !f.Suppressed || opts.ShowSuppressed {
			out = append(out, f)
		}
	}
	return out
}

// headline prints a result's first line, with suffix appended.
func (t *textWriter) headline(res *lint.Result, suffix string) {
	p := t.p
	var mark string
	switch {
	case isProbe(res) && res.Error == nil && len(visibleFindings(res, t.opts)) == 0:
		mark = p.ok.Sprint("✓ kept out")
	case isProbe(res) && res.Verdict == lint.Allowed:
		mark = p.bad.Sprint("✗ let in")
	case isProbe(res) && res.Error == nil:
		mark = p.warn.Sprint("! at risk")
	case res.Verdict == lint.Allowed:
		mark = p.ok.Sprint("✓ allowed")
	case res.Verdict == lint.Blocked:
		mark = p.bad.Sprint("✗ blocked")
	default:
		mark = p.warn.Sprint("? unverified")
	}
	creds := ""
	if res.Credentials {
		creds = " (credentials: include)"
	}
	source := ""
	if res.Source.Kind == lint.SourceAttack {
		source = p.dim.Sprintf(" [attacker probe: %s, from %s]", res.Source.Technique, res.Source.From)
	} else if res.Source.Kind == lint.SourceDenied {
		source = p.dim.Sprint(" [must be denied]")
	}
	name := ""
	if res.Name != "" {
		name = p.dim.Sprintf(" (%s)", res.Name)
	}
	t.printf("%s  %s %s from %s%s%s%s%s\n", mark, p.bold.Sprint(res.Method), res.URL, res.Origin, creds, source, name, suffix)
}

func (t *textWriter) result(res *lint.Result) {
	p := t.p
	t.headline(res, "")
	if !t.verbose(res) {
		return
	}
	for _, n := range res.Notes {
		t.printf("  %s %s\n", p.dim.Sprint("note:"), n)
	}
	if res.Insecure {
		t.printf("  %s TLS certificates were not verified (--insecure)\n", p.warn.Sprint("note:"))
	}
	for i, hop := range res.Hops {
		t.hop(i, hop)
	}
	if res.Error != nil {
		t.printf("  %s %s\n", p.bad.Sprint("unreachable:"), res.Error.Error())
	}
	if res.Verdict == lint.Unverified && res.Error == nil && res.Unverified != "" && !saidByHop(res) {
		t.printf("  %s %s\n", p.warn.Sprint("unverified:"), res.Unverified)
	}
	if f := res.BlockedBy; f != nil && !isProbe(res) {
		t.printf("  %s %s (Chromium: %s", p.bad.Sprint("decided by"), p.bold.Sprint(f.RuleID), f.ChromiumError())
		if ff := firefoxError(f); ff != "" {
			t.printf(", Firefox: %s", ff)
		}
		t.printf(")\n")
	}
	for _, f := range visibleFindings(res, t.opts) {
		t.finding(f)
	}
}

func (t *textWriter) hop(i int, hop *lint.Hop) {
	p := t.p
	if i > 0 {
		t.printf("  %s %s (Origin: %s)\n", p.dim.Sprint("redirected to"), hop.URL, hop.Origin)
	}
	if hop.CORS {
		if hop.Decision.Needed {
			t.printf("  preflight: %s\n", hop.Decision.Why)
		} else {
			t.printf("  preflight: not needed (simple request)\n")
		}
	} else {
		t.printf("  same-origin hop: no CORS check\n")
	}
	if ex := hop.Preflight; ex != nil && t.opts.Verbose {
		t.exchange(ex)
	}
	if ex := hop.Actual; ex != nil && t.opts.Verbose {
		t.exchange(ex)
	}
	if hop.NotSent != "" {
		t.printf("  actual %s: %s\n", hop.Method, p.warn.Sprint("not sent"))
		t.printf("    %s\n", hop.NotSent)
	}
}

func (t *textWriter) exchange(ex *lint.Exchange) {
	p := t.p
	t.printf("    %s %s %s\n", p.dim.Sprint(">"), ex.Method, ex.URL)
	for _, f := range ex.Header {
		t.printf("    %s %s\n", p.dim.Sprint(">"), f.String())
	}
	if ex.Response == nil {
		t.printf("    %s %s\n", p.bad.Sprint("!"), ex.Error)
		return
	}
	t.printf("    %s %s %d\n", p.dim.Sprint("<"), ex.Response.Proto, ex.Response.Status)
	for _, line := range lint.SortedHeaderLines(ex.Response.Header) {
		t.printf("    %s %s\n", p.dim.Sprint("<"), line)
	}
}

func (t *textWriter) finding(f lint.Finding) {
	p := t.p
	where := f.Phase.String()
	if f.Hop > 0 {
		where += fmt.Sprintf(", redirect %d", f.Hop)
	}
	tags := ""
	if f.AfterBlock {
		tags += p.dim.Sprint(" (next problem: the browser already stopped earlier)")
	}
	if f.Suppressed {
		tags += p.dim.Sprint(" (suppressed: " + f.SuppressedBy + ")")
	}
	t.printf("  %s %s %s%s\n", p.severity(f.Severity).Sprint(f.Severity.String()), p.bold.Sprint(f.RuleID), p.dim.Sprintf("[%s]", where), tags)
	t.printf("    %s\n", f.Message)
	if f.Note != "" {
		t.printf("    %s\n", f.Note)
	}
	for _, e := range f.Evidence {
		if e != "" {
			t.printf("      %s %s\n", p.dim.Sprint("|"), e)
		}
	}
	if f.Rule != nil {
		fix, platform := fixFor(f.Rule, t.opts)
		label := "fix:"
		if platform != "" {
			label = "fix (" + platform + "):"
		}
		t.printf("    %s %s\n", p.ok.Sprint(label), wrap(fix, 8, 100))
	}
}

func (t *textWriter) summary(r *lint.Report) {
	s := r.Summarize()
	p := t.p
	parts := []string{fmt.Sprintf("%d allowed", s.Allowed)}
	if s.Blocked > 0 {
		parts = append(parts, p.bad.Sprintf("%d blocked", s.Blocked))
	} else {
		parts = append(parts, "0 blocked")
	}
	if s.Unverified > 0 {
		parts = append(parts, p.warn.Sprintf("%d unverified", s.Unverified))
	}
	if s.Unreachable > 0 {
		parts = append(parts, p.bad.Sprintf("%d unreachable", s.Unreachable))
	}
	probes := ""
	if s.Probes > 0 {
		probes = fmt.Sprintf("; attacker probes: %d kept out", s.Probes-s.ProbesFlagged)
		if s.ProbesFlagged > 0 {
			probes += p.bad.Sprintf(", %d let in or at risk", s.ProbesFlagged)
		}
	}
	counts := fmt.Sprintf("%d errors, %d warnings, %d info", s.Findings["error"], s.Findings["warning"], s.Findings["info"])
	if s.Suppressed > 0 {
		counts += fmt.Sprintf(", %d suppressed", s.Suppressed)
	}
	if len(r.Results) > 1 || t.opts.Verbose || s.Findings["error"]+s.Findings["warning"]+s.Findings["info"] > 0 {
		t.printf("\n%d checked: %s%s; %s\n", s.Results-s.Probes, strings.Join(parts, ", "), probes, counts)
	}
}

// wrap folds text at width, indenting continuation lines.
func wrap(text string, indent, width int) string {
	words := strings.Fields(text)
	var b strings.Builder
	line := 0
	for i, w := range words {
		if i > 0 {
			if line+1+len(w) > width-indent {
				b.WriteString("\n" + strings.Repeat(" ", indent))
				line = 0
			} else {
				b.WriteByte(' ')
				line++
			}
		}
		b.WriteString(w)
		line += len(w)
	}
	return b.String()
}
