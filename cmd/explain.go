package cmd

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/console"
	"github.com/corslint/corslint/lint/suggest"
	"github.com/corslint/corslint/rules"
)

// maxExplainInput bounds what explain reads from stdin: a console message
// is a line, a paste of a whole console a few kilobytes.
const maxExplainInput = 1 << 20

// explainWidth is where explain folds its prose.
const explainWidth = 80

func newExplain(e *env) *cobra.Command {
	var platform string
	c := &cobra.Command{
		Use:   "explain RULE | 'CONSOLE ERROR' | -",
		Short: "Explain a rule, or the rule behind a browser's CORS console error",
		Long: `explain RULE prints everything about one rule: why it matters, the Fetch
standard step, Chromium's and Firefox's names and console texts for it, a
failing and a passing exchange, and the fix, generic and per platform.

explain also takes a CORS error pasted from the browser console, Chromium's
("Access to fetch at '...' from origin '...' has been blocked by CORS
policy: ...") or Firefox's ("Cross-Origin Request Blocked: ... (Reason:
...)"), and says which rule it is, what it means for that URL, origin and
value, how to fix it and how to reproduce it with corslint check. Quote the
message, or pass - and paste it on standard input.

Exit status 2 when the text is neither a rule ID nor a message corslint
recognises.`,
		Example: `  corslint explain acao-missing --platform nginx
  corslint explain "Access to fetch at 'https://api.example.com/orders' from origin 'https://app.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."
  pbpaste | corslint explain -`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("explain needs a rule ID (see corslint rules) or a browser console error, or - to read one from standard input")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if platform != "" {
				if _, ok := rules.LookupPlatform(platform); !ok {
					return usageErrorf("invalid --platform %q: want one of %s", platform, strings.Join(rules.PlatformIDs(), ", "))
				}
			}
			text := strings.Join(args, " ")
			if len(args) == 1 && args[0] == "-" {
				b, err := io.ReadAll(io.LimitReader(c.InOrStdin(), maxExplainInput))
				if err != nil {
					return usageErrorf("cannot read standard input: %v", err)
				}
				text = string(b)
			}
			return runExplain(e.stdout, text, platform)
		},
	}
	c.Flags().StringVar(&platform, "platform", "", "show only this platform's fix: "+strings.Join(rules.PlatformIDs(), ", "))
	return c
}

func runExplain(w io.Writer, text, platform string) error {
	list := rules.All()
	id := strings.ToLower(strings.TrimSpace(text))
	for _, r := range list {
		if r.ID == id {
			p := &page{w: w}
			p.rule(r, platform)
			return p.err
		}
	}
	m, err := console.Parse(text, list)
	if err != nil {
		var unknown *console.UnknownError
		if !errors.As(err, &unknown) || unknown.Browser != "" {
			return usageError(err)
		}
		if looksLikeID(id) {
			if near := nearestID(id, list); near != "" {
				return usageErrorf("unknown rule %q; did you mean %s? (corslint rules lists them all)", id, near)
			}
			return usageErrorf("unknown rule %q; corslint rules lists them all", id)
		}
		return usageErrorf("%s is neither a rule ID nor a browser CORS error: %v", quoteShort(text), err)
	}
	p := &page{w: w}
	p.message(m, platform)
	return p.err
}

// page writes an explain page, folding prose to explainWidth.
type page struct {
	w   io.Writer
	err error
}

func (p *page) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// para prints text folded, every line indented.
func (p *page) para(indent int, text string) {
	p.printf("%s%s\n", strings.Repeat(" ", indent), fold(text, indent, explainWidth))
}

// lines prints a multi-line example as it is, indented.
func (p *page) lines(indent int, text string) {
	for _, l := range strings.Split(text, "\n") {
		p.printf("%s%s\n", strings.Repeat(" ", indent), l)
	}
}

func (p *page) rule(r *lint.Rule, platform string) {
	p.printf("%s: %s\n", r.ID, r.Title)
	p.printf("%s, %s, on %s (%s)\n\n", r.Severity, blockWords(r), phaseWords(r), r.Family)
	p.para(2, r.Doc)

	p.printf("\nFetch standard\n")
	p.para(2, r.SpecStep)
	p.printf("  %s\n", r.Spec)
	if r.Chromium != "" {
		p.printf("\nChromium: %s\n", r.Chromium)
		if line := console.ChromiumLine(r, sampleURL, sampleOrigin, sampleParam); line != "" {
			p.para(2, line)
		}
	}
	if r.Firefox != "" {
		p.printf("\nFirefox: %s\n", r.Firefox)
		if reason, ok := console.FirefoxReason(r.Firefox); ok {
			p.para(2, "(Reason: "+reason+")")
		}
	}
	if r.Failing != "" {
		p.printf("\nFails\n")
		p.lines(2, r.Failing)
	}
	if r.Passing != "" {
		p.printf("\nPasses\n")
		p.lines(2, r.Passing)
	}
	p.printf("\nFix\n")
	p.para(2, r.Fix)
	p.platforms(r, platform)
	p.printf("\nReference: %s\n", rules.HelpURI(r.ID))
}

// platforms prints the platform fixes: all of them, or the chosen one.
func (p *page) platforms(r *lint.Rule, platform string) {
	if platform != "" {
		pl, _ := rules.LookupPlatform(platform)
		if text := r.Platforms[platform]; text != "" {
			p.printf("\nFix on %s\n", pl.Name)
			p.para(2, text)
		} else {
			p.printf("\nNothing specific to %s: the fix above applies as it is.\n", pl.Name)
		}
		return
	}
	if len(r.Platforms) == 0 {
		return
	}
	p.printf("\nFix by platform\n")
	for _, pl := range rules.Platforms() {
		if text := r.Platforms[pl.ID]; text != "" {
			p.printf("  %s (--platform %s)\n", pl.Name, pl.ID)
			p.para(4, text)
		}
	}
}

func (p *page) message(m *console.Match, platform string) {
	p.printf("%s\n", m.Browser)
	if m.URL != "" {
		p.printf("  blocked: %s\n", m.URL)
	}
	if m.RedirectedFrom != "" {
		p.printf("  redirected from: %s\n", m.RedirectedFrom)
	}
	if m.Origin != "" {
		p.printf("  page origin: %s\n", m.Origin)
	}
	if m.Status != "" {
		p.printf("  status: %s\n", m.Status)
	}
	if m.Reason != "" {
		p.printf("  reason: %s\n", m.Reason)
	}
	r := m.Rule
	if r == nil {
		p.printf("\nNo corslint rule covers this message.\n\n")
		for _, s := range m.Meaning() {
			p.para(2, s)
		}
		return
	}
	p.printf("\nRule: %s, %s (%s, %s)\n", r.ID, r.Title, r.Severity, blockWords(r))
	for _, a := range m.Also {
		p.printf("  or %s, %s\n", a.ID, alsoWhen(r, a))
	}
	p.printf("\nWhat it means\n")
	for _, s := range m.Meaning() {
		p.printf("  - %s\n", fold(s, 4, explainWidth))
	}
	fix, label := r.Fix, "Fix"
	if text := r.Platforms[platform]; platform != "" && text != "" {
		pl, _ := rules.LookupPlatform(platform)
		fix, label = text, "Fix on "+pl.Name
	}
	p.printf("\n%s\n", label)
	p.para(2, fix)
	if platform == "" && len(r.Platforms) > 0 {
		var ids []string
		for _, pl := range rules.Platforms() {
			if r.Platforms[pl.ID] != "" {
				ids = append(ids, pl.ID)
			}
		}
		p.para(2, "For a platform's own terms, add --platform with one of: "+strings.Join(ids, ", ")+".")
	}
	if cmdline := reproduce(m); cmdline != "" {
		p.printf("\nReproduce\n  %s\n", cmdline)
		if m.Origin == "" {
			p.para(2, "ORIGIN is the origin of the page that made the request; Firefox does not print it.")
		}
		if r.Phase == lint.Preflight && !strings.Contains(cmdline, " -X ") && !strings.Contains(cmdline, " -H ") {
			p.para(2, "Add -X and -H as the page's fetch() uses them, so corslint sends the same preflight.")
		}
	}
	p.printf("\nMore: corslint explain %s\n", r.ID)
}

// alsoWhen says when an alternative rule is the right one instead.
func alsoWhen(chosen, alt *lint.Rule) string {
	switch {
	case alt.Phase == lint.Preflight && chosen.Phase != lint.Preflight:
		return "if the request that failed was the OPTIONS preflight (the browser does not say)"
	case alt.Phase != lint.Preflight && chosen.Phase == lint.Preflight:
		return "if the request that failed was the actual request, not the preflight"
	}
	return alt.Title
}

// reproduce builds the corslint check command that replays the failed
// request, as far as the message tells.
func reproduce(m *console.Match) string {
	url := m.URL
	if m.RedirectedFrom != "" {
		url = m.RedirectedFrom // the script fetched this one
	}
	if url == "" || m.Rule == nil {
		return ""
	}
	origin := m.Origin
	if origin == "" {
		origin = "ORIGIN"
	}
	args := []string{"corslint", "check", shellQuote(url), "--origin", shellQuote(origin)}
	chromiumName := strings.TrimPrefix(m.Rule.Chromium, "Preflight")
	switch {
	case chromiumName == "WildcardOriginNotAllowed" || chromiumName == "InvalidAllowCredentials":
		args = append(args, "--credentials")
	case chromiumName == "MethodDisallowedByPreflightResponse" && m.Param != "":
		args = append(args, "-X", shellQuote(m.Param))
	case chromiumName == "HeaderDisallowedByPreflightResponse" && m.Param != "":
		args = append(args, "-H", shellQuote(m.Param+": x"))
	}
	return strings.Join(args, " ")
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	safe := s != ""
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("-_./:@%+=,", c)) {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// fold wraps text at width, continuation lines indented by indent.
func fold(text string, indent, width int) string {
	var b strings.Builder
	line := indent
	for i, word := range strings.Fields(text) {
		if i > 0 {
			if line+1+len(word) > width {
				b.WriteString("\n" + strings.Repeat(" ", indent))
				line = indent
			} else {
				b.WriteByte(' ')
				line++
			}
		}
		b.WriteString(word)
		line += len(word)
	}
	return b.String()
}

// looksLikeID reports whether s could be a mistyped rule ID.
func looksLikeID(s string) bool {
	if !strings.Contains(s, "-") {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// nearestID returns the rule ID closest to s, if it is close enough to be
// a typo of it.
func nearestID(s string, list []*lint.Rule) string {
	ids := make([]string, len(list))
	for i, r := range list {
		ids[i] = r.ID
	}
	return suggest.Closest(s, ids, 4)
}

// quoteShort quotes s for a one-line error message, shortened.
func quoteShort(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "..."
	}
	return fmt.Sprintf("%q", s)
}
