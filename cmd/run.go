package cmd

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/attack"
	"github.com/corslint/corslint/lint/config"
	"github.com/corslint/corslint/lint/origin"
	"github.com/corslint/corslint/rules"
)

// Defaults polite to production APIs: a handful of probes in flight, and
// requests to any one host spaced at 100ms.
const (
	defaultConcurrency = 4
	defaultRate        = 10
)

// runFlags are the flags of the commands that run a config file.
type runFlags struct {
	config      string
	origin      string
	concurrency int
	rate        float64
	probes      []string
	net         netFlags
	out         outputFlags
	// load, when set, supplies the config instead of reading f.config
	// (the demo's embedded configs).
	load func() (*config.Config, error)
}

func (f *runFlags) register(c *cobra.Command) {
	fl := c.Flags()
	fl.StringVarP(&f.config, "config", "c", config.DefaultFile, "config file")
	fl.StringVar(&f.origin, "origin", "", "narrow the run to this origin's probes; an origin an endpoint does not list is probed as an allowed one")
	fl.IntVar(&f.concurrency, "concurrency", defaultConcurrency, fmt.Sprintf("probes in flight at once (1 to %d; overrides settings.concurrency)", config.MaxConcurrency))
	fl.Float64Var(&f.rate, "rate", defaultRate, "requests per second to each host, 0 for no limit (overrides settings.rate)")
	fl.StringSliceVar(&f.probes, "probes", []string{"all"}, "attacker probe families to send: all, none, or a comma-separated list of "+strings.Join(attack.Families(), ", "))
	f.net.register(c)
}

func newRun(e *env) *cobra.Command {
	f := &runFlags{}
	c := &cobra.Command{
		Use:   "run [-c corslint.yaml] [--origin ORIGIN] [flags]",
		Short: "Check every endpoint of a config file from every origin: the CI gate",
		Long: `run reads a config file (corslint init writes a starter; docs/config.md
describes every key) and simulates, for every endpoint and every request the
pages make, the fetch() from each allowed origin, from each origin that must be
denied and from attacker origins derived from the allowed ones. It fails when a
browser call would break or an untrusted site would get in.

The report's order is the file's, whatever --concurrency. Requests to one host
are spaced by --rate; a transient network error (connection refused or reset)
is retried once. With --output, one run writes several reports, e.g. SARIF for
code scanning and JUnit for the test tab, while the terminal gets text.

` + exitCodesHelp,
		Example: `  corslint run
  corslint run -c corslint.yaml --origin http://localhost:3000
  corslint run --format github --output sarif=corslint.sarif --output junit=corslint.xml
  corslint run --baseline corslint-baseline.json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			threshold, ropts, err := f.out.validate(e)
			if err != nil {
				return err
			}
			r, cfg, err := f.execute(c, e)
			if err != nil {
				return err
			}
			if !c.Flags().Changed("fail-on") && cfg.Settings.FailOn != nil {
				threshold = *cfg.Settings.FailOn
				ropts.FailOn = threshold
			}
			return f.out.finish(e, r, ropts, threshold)
		},
	}
	f.register(c)
	f.out.register(c)
	f.out.registerCI(c)
	return c
}

// execute loads the config, runs every probe and applies the config's rule
// overrides.
func (f *runFlags) execute(c *cobra.Command, e *env) (*lint.Report, *config.Config, error) {
	fl := c.Flags()
	var only *origin.Origin
	if f.origin != "" {
		o, err := origin.Parse(f.origin)
		if err != nil {
			return nil, nil, usageErrorf("invalid --origin: %v", err)
		}
		only = &o
	}
	selected, err := f.out.selectRules()
	if err != nil {
		return nil, nil, err
	}
	load := f.load
	if load == nil {
		load = func() (*config.Config, error) { return config.Load(f.config, config.Options{}) }
	}
	cfg, err := load()
	if err != nil {
		return nil, nil, usageError(err)
	}
	// Flags override the file's settings; the file overrides the defaults.
	if !fl.Changed("concurrency") && cfg.Settings.Concurrency > 0 {
		f.concurrency = cfg.Settings.Concurrency
	}
	if !fl.Changed("rate") && cfg.Settings.Rate != nil {
		f.rate = *cfg.Settings.Rate
	}
	if !fl.Changed("timeout") && cfg.Settings.Timeout > 0 {
		f.net.timeout = cfg.Settings.Timeout
	}
	if f.concurrency < 1 || f.concurrency > config.MaxConcurrency {
		return nil, nil, usageErrorf("invalid --concurrency %d: want 1 to %d", f.concurrency, config.MaxConcurrency)
	}
	if f.rate < 0 {
		return nil, nil, usageErrorf("invalid --rate %v: want requests per second, or 0 for no limit", f.rate)
	}
	engine, err := f.net.client()
	if err != nil {
		return nil, nil, err
	}
	engine.Rules = selected
	engine.Redactor = lint.NewRedactor(configSecrets(cfg)...)
	engine.Concurrency = f.concurrency
	if l := lint.NewRateLimiter(f.rate); l != nil {
		engine.Limiter = l.Wait
	}
	engine.Retry = true

	plan := lint.PlanOptions{Only: only, Attackers: attack.Planner(nil)} // every family unless --probes says otherwise
	if len(f.probes) == 1 && f.probes[0] == "none" {
		plan.Attackers = nil
	} else if len(f.probes) > 0 {
		families, err := attack.ParseFamilies(f.probes)
		if err != nil {
			return nil, nil, usageErrorf("invalid --probes: %v", err)
		}
		plan.Attackers = attack.Planner(families)
	}
	probes := lint.Plan(cfg.Targets, plan)
	p := startProgress(e, len(probes))
	if p != nil {
		engine.Progress = p.update
	}
	ctx, cancel := f.net.context(c.Context())
	defer cancel()
	results := engine.Run(ctx, probes)
	p.finish()
	rules.Correlate(results)
	cfg.Apply(results)
	return &lint.Report{Version: version(), Rules: engine.Rules, Results: results}, cfg, nil
}

// configSecrets are the values no report may show: those expanded from the
// environment, and credential headers written into the file itself.
func configSecrets(cfg *config.Config) []string {
	secrets := append([]string(nil), cfg.Secrets...)
	for _, t := range cfg.Targets {
		for _, h := range t.Request.Header {
			if lint.IsSecretHeader(h.Name) {
				secrets = append(secrets, h.Value)
			}
		}
	}
	return secrets
}

// progressDelay is how long a run goes before a progress line appears, so
// short runs print nothing.
var progressDelay = time.Second

// progress draws "checked n/total" on stderr while a long run goes on, on
// a terminal only: in CI logs a redrawn line is noise.
type progress struct {
	w      io.Writer
	total  int
	done   atomic.Int64
	stop   chan struct{}
	exited sync.WaitGroup
}

func startProgress(e *env, total int) *progress {
	if !e.stderrIsTTY || total == 0 {
		return nil
	}
	p := &progress{w: e.stderr, total: total, stop: make(chan struct{})}
	p.exited.Add(1)
	go p.loop()
	return p
}

// update has the signature of Engine.Progress.
func (p *progress) update(done, _ int) { p.done.Store(int64(done)) }

func (p *progress) loop() {
	defer p.exited.Done()
	delay := time.NewTimer(progressDelay)
	defer delay.Stop()
	select {
	case <-p.stop:
		return
	case <-delay.C:
	}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	shown := int64(-1)
	for {
		if done := p.done.Load(); done != shown {
			fmt.Fprintf(p.w, "\rcorslint: checked %d/%d probes", done, p.total)
			shown = done
		}
		select {
		case <-p.stop:
			fmt.Fprint(p.w, "\r\033[K") // erase the line before the report
			return
		case <-tick.C:
		}
	}
}

// finish stops the progress line; a nil progress does nothing.
func (p *progress) finish() {
	if p == nil {
		return
	}
	close(p.stop)
	p.exited.Wait()
}
