package cmd

import (
	"context"
	"net"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/attack"
	"github.com/corslint/corslint/lint/browser"
	"github.com/corslint/corslint/lint/origin"
	"github.com/corslint/corslint/rules"
)

type checkFlags struct {
	origins     []string
	method      string
	headers     []string
	data        string
	dataSet     bool
	credentials bool
	cookies     []string
	send        bool
	reads       []string
	// probe turns on attacker probes; probes picks their families.
	probe          bool
	probes         []string
	probesSet      bool
	public         bool
	trustSubdomain bool
	net            netFlags
	out            outputFlags
}

// netFlags configure how requests are sent.
type netFlags struct {
	timeout  time.Duration
	deadline time.Duration
	insecure bool
	resolve  []string
	// direct ignores HTTP(S)_PROXY (the demo stays on loopback).
	direct    bool
	userAgent string
}

func (n *netFlags) register(c *cobra.Command) {
	c.Flags().DurationVar(&n.timeout, "timeout", lint.DefaultTimeout, "timeout for each request")
	c.Flags().DurationVar(&n.deadline, "deadline", 0, "time limit for the whole run (0: none); what is unfinished is reported unreachable")
	c.Flags().BoolVar(&n.insecure, "insecure", false, "accept any TLS certificate (the report says so)")
	c.Flags().StringArrayVar(&n.resolve, "resolve", nil, "send requests for host:port to addr, like curl (host:port:addr, repeatable)")
	c.Flags().StringVar(&n.userAgent, "user-agent", "", "User-Agent to send, e.g. a browser's for a WAF that turns other clients away (default: corslint/VERSION)")
}

// client builds the HTTP client from the flags.
func (n *netFlags) client() (*lint.Engine, error) {
	if n.timeout <= 0 {
		return nil, usageErrorf("invalid --timeout %s: must be positive", n.timeout)
	}
	if n.deadline < 0 {
		return nil, usageErrorf("invalid --deadline %s: must not be negative", n.deadline)
	}
	ua := n.userAgent
	if ua == "" {
		ua = userAgent()
	} else if strings.ContainsAny(ua, "\x00\r\n") {
		return nil, usageErrorf("invalid --user-agent: contains NUL, CR or LF")
	}
	resolve := map[string]string{}
	for _, r := range n.resolve {
		parts := strings.SplitN(r, ":", 3)
		if len(parts) != 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
			return nil, usageErrorf("invalid --resolve %q: want host:port:addr", r)
		}
		addr := strings.TrimSuffix(strings.TrimPrefix(parts[2], "["), "]")
		if net.ParseIP(addr) == nil {
			return nil, usageErrorf("invalid --resolve %q: %q is not an IP address", r, parts[2])
		}
		resolve[net.JoinHostPort(parts[0], parts[1])] = net.JoinHostPort(addr, parts[1])
	}
	return &lint.Engine{
		Client:    lint.NewClient(lint.ClientOptions{Timeout: n.timeout, Insecure: n.insecure, Resolve: resolve, Direct: n.direct}),
		UserAgent: ua,
		Insecure:  n.insecure,
	}, nil
}

// context applies --deadline to a run.
func (n *netFlags) context(parent context.Context) (context.Context, context.CancelFunc) {
	if n.deadline > 0 {
		return context.WithTimeout(parent, n.deadline)
	}
	return context.WithCancel(parent)
}

func newCheck(e *env) *cobra.Command {
	f := &checkFlags{}
	c := &cobra.Command{
		Use:   "check URL --origin ORIGIN [--origin ORIGIN ...] [flags]",
		Short: "Simulate a page's fetch() of URL from each origin, as Chromium performs it",
		Long: `check simulates the fetch() a page served from ORIGIN makes to URL: it decides
whether Chromium sends a preflight, sends it exactly as Chromium does (never
with credentials), sends the actual request (GET and HEAD always; other
methods only with --send, because they may change data), follows redirects
as the browser does, and reports the browser's verdict with the rule that
decides it, the evidence and the fix.

With --probe it also sends the same request from attacker origins derived
from each ORIGIN (an unrelated site, null, look-alikes of the allowed host,
a subdomain, the http:// version, hosting platforms) and reports every one
the server would let read the response. Derived origins are only sent as
Origin header values, to URL; nothing else is contacted. --probes picks the
families: ` + strings.Join(attack.Families(), ", ") + `.

` + exitCodesHelp,
		Example: `  corslint check https://api.example.com/orders --origin https://app.example.com \
      -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      --credentials`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErrorf("check takes exactly one URL, got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			f.dataSet = c.Flags().Changed("data")
			f.probesSet = c.Flags().Changed("probes")
			return runCheck(c, e, f, args[0])
		},
	}
	fl := c.Flags()
	fl.StringArrayVar(&f.origins, "origin", nil, "origin of the page making the request, e.g. https://app.example.com (repeatable; \"null\" for a sandboxed page)")
	fl.StringVarP(&f.method, "method", "X", "GET", "method, as the script passes it to fetch()")
	fl.StringArrayVarP(&f.headers, "header", "H", nil, "header the script sets, 'Name: value' (repeatable)")
	fl.StringVarP(&f.data, "data", "d", "", "request body, or @FILE; sent with the actual request only")
	fl.BoolVar(&f.credentials, "credentials", false, "credentials mode \"include\" (fetch credentials: 'include', XHR withCredentials)")
	fl.StringArrayVarP(&f.cookies, "cookie", "b", nil, "cookies the browser would attach to the credentialed request, 'k=v; k2=v2' (repeatable)")
	fl.StringArrayVar(&f.reads, "reads-header", nil, "a response header the script reads, e.g. X-Total-Count: checked against Access-Control-Expose-Headers (repeatable)")
	fl.BoolVar(&f.send, "send", false, "also send actual requests whose method may change data (POST, PUT, DELETE, ...)")
	fl.BoolVar(&f.probe, "probe", false, "also send the request from attacker origins derived from each --origin, and report those granted access")
	fl.StringSliceVar(&f.probes, "probes", nil, "attacker probe families to send (implies --probe; comma-separated, or all)")
	fl.BoolVar(&f.public, "public", false, "the endpoint is meant to be readable by any site: no warning for attacker reads without credentials")
	fl.BoolVar(&f.trustSubdomain, "trust-subdomains", false, "every subdomain of the allowed origins' registrable domains is trusted on purpose")
	f.net.register(c)
	f.out.register(c)
	f.out.registerCI(c)
	return c
}

func runCheck(c *cobra.Command, e *env, f *checkFlags, rawURL string) error {
	threshold, ropts, err := f.out.validate(e)
	if err != nil {
		return err
	}
	var plan lint.PlanOptions
	if f.probe || f.probesSet { // naming families asks for them
		families := attack.Families()
		if f.probesSet {
			if families, err = attack.ParseFamilies(f.probes); err != nil {
				return usageErrorf("invalid --probes: %v", err)
			}
			if len(families) == 0 {
				return usageErrorf("invalid --probes: name at least one family, or all")
			}
		}
		plan.Attackers = attack.Planner(families)
	}
	target, secrets, err := f.target(rawURL)
	if err != nil {
		return err
	}
	target.Public, target.TrustSubdomains = f.public, f.trustSubdomain
	engine, err := f.net.client()
	if err != nil {
		return err
	}
	if engine.Rules, err = f.out.selectRules(); err != nil {
		return err
	}
	engine.Redactor = lint.NewRedactor(secrets...)
	probes := lint.Plan([]*lint.Target{target}, plan)
	ctx, cancel := f.net.context(c.Context())
	defer cancel()
	results := engine.Run(ctx, probes)
	rules.Correlate(results)
	r := &lint.Report{Version: version(), Rules: engine.Rules, Results: results}
	return f.out.finish(e, r, ropts, threshold)
}

// target validates the flags into a lint.Target, and collects the secret
// values that must never appear in any output.
func (f *checkFlags) target(rawURL string) (*lint.Target, []string, error) {
	if len(f.origins) == 0 {
		return nil, nil, usageErrorf("--origin is required: the origin of the page that makes the request, e.g. --origin https://app.example.com")
	}
	req := lint.Request{URL: rawURL, Method: f.method, Credentials: f.credentials, Send: f.send, Reads: f.reads}
	var secrets []string
	for _, h := range f.headers {
		field, err := browser.ParseHeaderLine(h)
		if err != nil {
			return nil, nil, usageError(err)
		}
		if lint.IsSecretHeader(field.Name) {
			secrets = append(secrets, field.Value)
		}
		req.Header = append(req.Header, field)
	}
	if f.dataSet {
		body, err := readData(f.data)
		if err != nil {
			return nil, nil, err
		}
		req.Body, req.HasBody = body, true
	}
	if len(f.cookies) > 0 {
		req.Cookie = strings.Join(f.cookies, "; ")
		for _, pair := range strings.Split(req.Cookie, ";") {
			if _, v, ok := strings.Cut(strings.TrimSpace(pair), "="); ok {
				secrets = append(secrets, v)
			}
		}
		secrets = append(secrets, req.Cookie)
	}
	if _, err := lint.Prepare(req); err != nil {
		return nil, nil, usageError(err)
	}
	t := &lint.Target{Request: req}
	seen := map[string]bool{}
	for _, raw := range f.origins {
		o, err := origin.Parse(raw)
		if err != nil {
			return nil, nil, usageError(err)
		}
		if !seen[o.String()] {
			seen[o.String()] = true
			t.Origins = append(t.Origins, o)
		}
	}
	return t, secrets, nil
}

// maxDataFile bounds a body read from a file.
const maxDataFile = 16 << 20

// readData reads a curl-style -d value: literal text or @FILE.
func readData(data string) ([]byte, error) {
	name, isFile := strings.CutPrefix(data, "@")
	if !isFile {
		return []byte(data), nil
	}
	st, err := os.Stat(name)
	if err != nil {
		return nil, usageErrorf("cannot read --data file: %v", err)
	}
	if st.Size() > maxDataFile {
		return nil, usageErrorf("--data file %s is larger than %d bytes", name, maxDataFile)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, usageErrorf("cannot read --data file: %v", err)
	}
	return b, nil
}
