// Package cmd wires corslint's command line: flags in, a lint.Report out,
// an exit code back. It holds no CORS logic.
package cmd

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"

	"github.com/fatih/color"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
)

// Version is set at build time with -ldflags "-X github.com/corslint/corslint/cmd.Version=v1.2.3".
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// userAgent identifies corslint honestly to the servers it probes.
func userAgent() string { return "corslint/" + version() + " (+https://github.com/corslint/corslint)" }

const exitCodesHelp = `Exit codes:
  0  nothing at or above --fail-on
  1  findings at or above --fail-on (default: error)
  2  usage error: bad flag, argument, URL, origin, header or config
  3  a target could not be reached (DNS, connection, TLS, timeout, malformed response)`

// env is what a command needs from its surroundings, so tests can run
// commands in-process.
type env struct {
	stdout, stderr io.Writer
	// stdoutIsTTY decides --color auto and progress output.
	stdoutIsTTY, stderrIsTTY bool
}

// Main runs corslint with args (without the program name) and returns the
// process exit code. It never calls os.Exit.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	if f, ok := stdout.(*os.File); ok {
		e.stdoutIsTTY = isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
	}
	if f, ok := stderr.(*os.File); ok {
		e.stderrIsTTY = isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
	}
	root := newRoot(e)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	code := exitCode(err)
	if err != nil {
		if msg := err.Error(); msg != "" && !isSilent(err) {
			fmt.Fprintln(stderr, "corslint: "+oneLine(msg))
		}
	}
	return code
}

// Run is Main for a real process: it cancels on Ctrl-C.
func Run() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
}

func isSilent(err error) bool {
	e, ok := err.(*exitError)
	return ok && e.err == nil
}

// oneLine keeps error output to a single line whatever a library returned.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\r", " ")
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "corslint",
		Short: "Check that browsers accept your API's CORS responses, and that the wrong sites do not get in",
		Long: `corslint simulates what a browser does for a page's cross-origin fetch(): the
preflight exactly as Chromium sends it, then the actual request, redirects
included, and gives the browser's verdict with the rule that decides it.

` + exitCodesHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError(err) })
	root.AddCommand(newCheck(e))
	root.AddCommand(newRun(e))
	root.AddCommand(newInit(e))
	root.AddCommand(newBaselineCommand(e))
	root.AddCommand(newDemo(e))
	root.AddCommand(newRules(e))
	root.AddCommand(newExplain(e))
	root.SetHelpCommand(&cobra.Command{Hidden: true})
	root.CompletionOptions.DisableDefaultCmd = true
	return root
}

// colorEnabled resolves --color against the environment. fatih/color's
// NoColor already honours NO_COLOR and TERM=dumb for stdout.
func colorEnabled(mode string, isTTY bool) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		return isTTY && !color.NoColor && os.Getenv("NO_COLOR") == "", nil
	}
	return false, usageErrorf("invalid --color %q: want auto, always or never", mode)
}
