package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/console"
	"github.com/corslint/corslint/rules"
)

// Sample request for the console lines shown in docs and explain pages.
const (
	sampleURL    = "https://api.example.com/orders"
	sampleOrigin = "https://app.example.com"
	sampleParam  = "<value>"
)

func newRules(e *env) *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "rules [--format text|markdown|json]",
		Short: "List the rules corslint applies, with their severity",
		Long: `rules lists every rule: its ID (for --only, --skip and the config file), its
default severity, whether the browser blocks the request when it fires, and
what it checks. corslint explain RULE shows one rule in full.

--format markdown writes the rule reference, docs/rules.md (make docs);
--format json gives every field of every rule, platform fixes included.`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageErrorf("rules takes no arguments; use corslint explain %s for one rule", args[0])
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			list := rules.All()
			var err error
			switch format {
			case "text":
				err = writeRulesText(e.stdout, list)
			case "markdown":
				err = writeRulesMarkdown(e.stdout, list)
			case "json":
				err = writeRulesJSON(e.stdout, list)
			default:
				return usageErrorf("invalid --format %q: want text, markdown or json", format)
			}
			if err != nil {
				return &exitError{code: ExitUsage, err: err}
			}
			return nil
		},
	}
	c.Flags().StringVar(&format, "format", "text", "output format: text, markdown or json")
	return c
}

func writeRulesText(w io.Writer, list []*lint.Rule) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tBLOCKS\tCHECKS")
	for _, r := range list {
		blocks := "-"
		if r.Blocks {
			blocks = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, blocks, r.Title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%d rules; corslint explain RULE shows one in full.\n", len(list))
	return err
}

// jsonRuleDoc is one rule in `rules --format json`. Field names match the
// JSON report's where both have them.
type jsonRuleDoc struct {
	ID              string            `json:"id"`
	Title           string            `json:"title"`
	Severity        lint.Severity     `json:"severity"`
	Blocks          bool              `json:"blocks"`
	Phase           lint.Phase        `json:"phase"`
	Family          string            `json:"family"`
	Spec            string            `json:"spec"`
	SpecStep        string            `json:"spec_step"`
	ChromiumError   string            `json:"chromium_error,omitempty"`
	ChromiumMessage string            `json:"chromium_message,omitempty"`
	ChromiumConsole string            `json:"chromium_console,omitempty"`
	FirefoxError    string            `json:"firefox_error,omitempty"`
	FirefoxReason   string            `json:"firefox_reason,omitempty"`
	Doc             string            `json:"doc"`
	Fix             string            `json:"fix"`
	Failing         string            `json:"failing"`
	Passing         string            `json:"passing"`
	Platforms       map[string]string `json:"platforms,omitempty"`
	HelpURI         string            `json:"help_uri"`
}

type jsonPlatform struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func writeRulesJSON(w io.Writer, list []*lint.Rule) error {
	out := struct {
		Rules     []jsonRuleDoc  `json:"rules"`
		Platforms []jsonPlatform `json:"platforms"`
	}{Rules: []jsonRuleDoc{}}
	for _, r := range list {
		reason, _ := console.FirefoxReason(r.Firefox)
		out.Rules = append(out.Rules, jsonRuleDoc{
			ID: r.ID, Title: r.Title, Severity: r.Severity, Blocks: r.Blocks, Phase: r.Phase, Family: r.Family,
			Spec: r.Spec, SpecStep: r.SpecStep,
			ChromiumError: r.Chromium, ChromiumMessage: r.ChromiumMessage,
			ChromiumConsole: console.ChromiumLine(r, sampleURL, sampleOrigin, sampleParam),
			FirefoxError:    r.Firefox, FirefoxReason: reason,
			Doc: r.Doc, Fix: r.Fix, Failing: r.Failing, Passing: r.Passing,
			Platforms: r.Platforms, HelpURI: rules.HelpURI(r.ID),
		})
	}
	for _, p := range rules.Platforms() {
		out.Platforms = append(out.Platforms, jsonPlatform{ID: p.ID, Name: p.Name})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// writeRulesMarkdown writes docs/rules.md. Its output must depend on the
// rule values only (no version, no date), so the staleness test is exact.
func writeRulesMarkdown(w io.Writer, list []*lint.Rule) error {
	var b strings.Builder
	b.WriteString("# corslint rules\n\n")
	b.WriteString("<!-- Generated from the rule values by `make docs` (corslint rules --format markdown). Edit the rules in rules/, not this file. -->\n\n")
	b.WriteString("corslint judges every response a browser would receive with these rules. The blocking " +
		"rules (errors) are the browser's own checks, in the order Chromium applies them: the first one " +
		"that fires decides the verdict, and the console message shown with it is the one Chromium prints. " +
		"The other rules never change the verdict; they point at setups that work today but fail in other " +
		"browsers, will fail later, or let the wrong sites in.\n\n")
	b.WriteString("`corslint explain RULE` shows a rule in the terminal, and `corslint explain '<console error>'` " +
		"finds the rule behind a pasted Chromium or Firefox console error. `--platform NAME` on `check`, `run` " +
		"and `explain` picks the fix for one platform: ")
	for i, p := range rules.Platforms() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("`" + p.ID + "` (" + p.Name + ")")
	}
	b.WriteString(".\n\n")

	b.WriteString("| Rule | Severity | Blocks | Checks |\n|---|---|---|---|\n")
	for _, r := range list {
		blocks := ""
		if r.Blocks {
			blocks = "yes"
		}
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s |\n", r.ID, r.ID, r.Severity, blocks, mdEscape(r.Title))
	}
	for _, r := range list {
		b.WriteString("\n## " + r.ID + "\n\n")
		b.WriteString(mdEscape(sentence(r.Title)) + "\n\n")
		b.WriteString("Severity **" + r.Severity.String() + "**, " + blockWords(r) + ", on " + phaseWords(r) +
			", family `" + r.Family + "`.\n\n")
		b.WriteString(mdEscape(r.Doc) + "\n\n")
		b.WriteString("- **Fetch standard:** [" + mdEscape(r.SpecStep) + "](" + r.Spec + ")\n")
		if r.Chromium != "" {
			b.WriteString("- **Chromium:** `" + r.Chromium + "`")
			if line := console.ChromiumLine(r, sampleURL, sampleOrigin, sampleParam); line != "" {
				b.WriteString("; console: " + mdCode(line))
			}
			b.WriteString("\n")
		}
		if r.Firefox != "" {
			b.WriteString("- **Firefox:** `" + r.Firefox + "`")
			if reason, ok := console.FirefoxReason(r.Firefox); ok {
				b.WriteString("; console: " + mdCode("(Reason: "+reason+")"))
			}
			b.WriteString("\n")
		}
		if r.Failing != "" {
			b.WriteString("\nFails:\n\n```text\n" + r.Failing + "\n```\n")
		}
		if r.Passing != "" {
			b.WriteString("\nPasses:\n\n```text\n" + r.Passing + "\n```\n")
		}
		b.WriteString("\n**Fix.** " + mdEscape(r.Fix) + "\n")
		if len(r.Platforms) > 0 {
			b.WriteString("\nBy platform:\n\n")
			for _, p := range rules.Platforms() {
				if text := r.Platforms[p.ID]; text != "" {
					b.WriteString("- **" + p.Name + "** (`--platform " + p.ID + "`): " + mdEscape(text) + "\n")
				}
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// sentence turns a rule title (lower case, no period) into a sentence.
func sentence(title string) string {
	if title == "" {
		return ""
	}
	r := []rune(title)
	return strings.ToUpper(string(r[0])) + string(r[1:]) + "."
}

func blockWords(r *lint.Rule) string {
	if r.Blocks {
		return "blocks the request"
	}
	return "advisory (never changes the verdict)"
}

func phaseWords(r *lint.Rule) string {
	if r.BeforeSend {
		return "the request, before it is sent"
	}
	switch r.Phase {
	case lint.Preflight:
		return "the preflight response"
	case lint.Actual:
		return "the actual response"
	}
	return "any response"
}

// mdEscape escapes Markdown punctuation in prose, leaving `code spans` as
// they are: rule texts mention *, _ and <...> literally.
func mdEscape(s string) string {
	var b strings.Builder
	inCode := false
	for _, c := range s {
		switch {
		case c == '`':
			inCode = !inCode
		case !inCode && strings.ContainsRune(`\*_[]<>|`, c):
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// mdCode wraps s in a code span, with double backticks when s has one.
func mdCode(s string) string {
	if strings.Contains(s, "`") {
		return "`` " + s + " ``"
	}
	return "`" + s + "`"
}
