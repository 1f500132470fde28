package cmd_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/corslint/corslint/cmd"
)

// TestBadInputEveryCommand: every command answers malformed input with exit
// 2 and one line on stderr that names the problem: no usage dump, no stack
// trace, nothing on stdout, and no request sent.
func TestBadInputEveryCommand(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// 127.0.0.1:9 (discard) is never contacted: every case fails before I/O.
	good := write("good.yaml", "origins: [https://app.example.com]\ntargets:\n  - url: http://127.0.0.1:9/x\n")
	badYAML := write("bad.yaml", "origins: [https://app.example.com\ntargets:\n")
	unknownKey := write("unknown.yaml", "origins: [https://app.example.com]\ntargets:\n  - url: http://127.0.0.1:9/x\n    credentails: true\n")
	badOrigin := write("origin.yaml", "origins: [https:/app.example.com]\ntargets:\n  - url: http://127.0.0.1:9/x\n")
	unsetEnv := write("env.yaml", "origins: [https://app.example.com]\ntargets:\n  - url: http://127.0.0.1:9/x\n    requests:\n      - headers:\n          Authorization: Bearer ${CORSLINT_TEST_UNSET_VAR}\n")
	badBaseline := write("baseline.json", "{not json")
	existing := write("corslint.yaml", "# already here\n")

	cases := []struct {
		desc string
		args []string
		want string
	}{
		{desc: "unknown command", args: []string{"lint"}, want: "unknown command"},
		{desc: "check: bad timeout", args: []string{"check", "http://127.0.0.1:9/", "--origin", "https://a.example", "--timeout", "0s"}, want: "--timeout"},
		{desc: "check: negative deadline", args: []string{"check", "http://127.0.0.1:9/", "--origin", "https://a.example", "--deadline", "-1s"}, want: "--deadline"},
		{desc: "check: bad resolve", args: []string{"check", "http://127.0.0.1:9/", "--origin", "https://a.example", "--resolve", "nohost"}, want: "--resolve"},
		{desc: "check: resolve to a name", args: []string{"check", "http://127.0.0.1:9/", "--origin", "https://a.example", "--resolve", "a.example:443:b.example"}, want: "not an IP address"},
		{desc: "check: bad color", args: []string{"check", "http://127.0.0.1:9/", "--origin", "https://a.example", "--color", "rainbow"}, want: "--color"},
		{desc: "check: bad platform", args: []string{"check", "http://127.0.0.1:9/", "--origin", "https://a.example", "--platform", "iis"}, want: "platform"},
		{desc: "check: bad probes", args: []string{"check", "http://127.0.0.1:9/", "--origin", "https://a.example", "--probes", "everything"}, want: "probe"},
		{desc: "check: header with CR", args: []string{"check", "http://127.0.0.1:9/", "--origin", "https://a.example", "-H", "X-A: a\rb"}, want: "header"},
		{desc: "check: ftp URL", args: []string{"check", "ftp://127.0.0.1:9/", "--origin", "https://a.example"}, want: "ftp"},
		{desc: "check: method with space", args: []string{"check", "http://127.0.0.1:9/", "--origin", "https://a.example", "-X", "GET PUT"}, want: "method"},
		{desc: "check: --output without format", args: []string{"check", "http://127.0.0.1:9/", "--origin", "https://a.example", "--output", "report.json"}, want: "--output"},
		{desc: "check: --output unknown format", args: []string{"check", "http://127.0.0.1:9/", "--origin", "https://a.example", "--output", "pdf=r.pdf"}, want: "pdf"},
		{desc: "check: --only unknown rule", args: []string{"check", "http://127.0.0.1:9/", "--origin", "https://a.example", "--only", "no-such-rule"}, want: "no-such-rule"},
		{desc: "run: missing config", args: []string{"run", "-c", filepath.Join(dir, "nope.yaml")}, want: "nope.yaml"},
		{desc: "run: malformed YAML", args: []string{"run", "-c", badYAML}, want: "bad.yaml"},
		{desc: "run: unknown key", args: []string{"run", "-c", unknownKey}, want: `unknown key "credentails"`},
		{desc: "run: bad origin", args: []string{"run", "-c", badOrigin}, want: "https:/app.example.com"},
		{desc: "run: unset variable", args: []string{"run", "-c", unsetEnv}, want: "CORSLINT_TEST_UNSET_VAR"},
		{desc: "run: bad --origin", args: []string{"run", "-c", good, "--origin", "app.example.com"}, want: "--origin"},
		{desc: "run: zero concurrency", args: []string{"run", "-c", good, "--concurrency", "0"}, want: "--concurrency"},
		{desc: "run: negative rate", args: []string{"run", "-c", good, "--rate", "-1"}, want: "--rate"},
		{desc: "run: bad baseline", args: []string{"run", "-c", good, "--baseline", badBaseline}, want: "baseline"},
		{desc: "run: arguments", args: []string{"run", "extra"}, want: "unknown command"},
		{desc: "baseline: bad config", args: []string{"baseline", "-c", unknownKey}, want: "unknown key"},
		{desc: "init: refuses to overwrite", args: []string{"init", "-c", existing}, want: "--force"},
		{desc: "demo: unknown variant", args: []string{"demo", "--variant", "nope"}, want: "unknown variant"},
		{desc: "demo: arguments", args: []string{"demo", "extra"}, want: "unknown command"},
		{desc: "rules: bad format", args: []string{"rules", "--format", "yaml"}, want: "format"},
		{desc: "explain: nothing to explain", args: []string{"explain"}, want: "explain"},
		{desc: "explain: unknown rule", args: []string{"explain", "acao-missin"}, want: "acao-missing"},
	}
	for _, c := range cases {
		stdout, stderr, code := run(t, c.args...)
		lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
		switch {
		case code != cmd.ExitUsage:
			t.Errorf("%s: exit %d; want %d (stderr %q)", c.desc, code, cmd.ExitUsage, stderr)
		case len(lines) != 1 || !strings.HasPrefix(lines[0], "corslint: "):
			t.Errorf("%s: stderr is not one corslint: line: %q", c.desc, stderr)
		case !strings.Contains(strings.ToLower(stderr), strings.ToLower(c.want)):
			t.Errorf("%s: stderr %q does not name %q", c.desc, stderr, c.want)
		case strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic"):
			t.Errorf("%s: stack trace on stderr: %q", c.desc, stderr)
		case stdout != "":
			t.Errorf("%s: stdout %q; want nothing", c.desc, stdout)
		}
	}
}
