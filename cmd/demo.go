package cmd

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/corslint/corslint/examples/server"
	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/browser"
	"github.com/corslint/corslint/lint/origin"
	"github.com/corslint/corslint/rules"
)

// demoHost is the API's name in the demo; it resolves to the in-process
// server on loopback, the way --resolve does.
const demoHost = "api.example.test"

func newDemo(e *env) *cobra.Command {
	var variant string
	var list bool
	out := outputFlags{}
	c := &cobra.Command{
		Use:   "demo [--variant NAME]",
		Short: "Run corslint against the built-in example API (CDN -> gateway -> function), no setup needed",
		Long: `demo starts the example API of corslint's seed story on a loopback port inside
this process and checks it from the two front-end origins (PC and smartphone)
with the requests the page makes: a credentialed GET and POST carrying a JWT.
Each variant is one step of the story; "broken" is the first deploy and
"fixed" the end state. demo exits 0 unless --fail-on is given.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if list {
				fmt.Fprint(e.stdout, server.Describe())
				return nil
			}
			setup, ok := server.Lookup(variant)
			if !ok {
				return usageErrorf("unknown variant %q: want one of %v (corslint demo --list)", variant, server.Names())
			}
			threshold, ropts, err := out.validate(e)
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				return fmt.Errorf("cannot listen on loopback: %w", err)
			}
			srv := &http.Server{Handler: server.Handler(setup), ReadHeaderTimeout: 5 * time.Second}
			go func() { _ = srv.Serve(ln) }()
			defer srv.Close()

			port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
			engine := &lint.Engine{
				Client: lint.NewClient(lint.ClientOptions{
					Timeout: 5 * time.Second,
					Resolve: map[string]string{net.JoinHostPort(demoHost, port): ln.Addr().String()},
					Proxy:   noProxy,
				}),
				Rules:     rules.All(),
				Redactor:  lint.NewRedactor(server.Token),
				UserAgent: userAgent(),
			}
			fmt.Fprintf(e.stderr, "demo variant %q: %s\n\n", setup.Name, setup.Story)
			results := engine.Run(c.Context(), lint.Plan(demoTargets("http://"+net.JoinHostPort(demoHost, port)), lint.PlanOptions{}))
			r := &lint.Report{Version: version(), Rules: engine.Rules, Results: results}
			err = finish(e, r, out.format, ropts, threshold)
			var ee *exitError
			if errors.As(err, &ee) && ee.code == ExitFindings && !c.Flags().Changed("fail-on") {
				return nil
			}
			return err
		},
	}
	c.Flags().StringVar(&variant, "variant", "broken", "which step of the story to serve (see --list)")
	c.Flags().BoolVar(&list, "list", false, "list the variants and exit")
	out.register(c)
	return c
}

// noProxy keeps the demo on loopback even when HTTP(S)_PROXY is set.
func noProxy(*http.Request) (*url.URL, error) { return nil, nil }

// demoTargets are the calls the story's single-page app makes.
func demoTargets(base string) []*lint.Target {
	origins := []origin.Origin{origin.MustParse(server.PCOrigin), origin.MustParse(server.PhoneOrigin)}
	auth := browser.Field{Name: "Authorization", Value: "Bearer " + server.Token}
	return []*lint.Target{
		{
			Name:    "list orders",
			Request: lint.Request{URL: base + "/orders", Method: "GET", Header: []browser.Field{auth}, Credentials: true},
			Origins: origins,
		},
		{
			Name: "create order",
			Request: lint.Request{
				URL: base + "/orders", Method: "POST", Credentials: true, Send: true,
				Header:  []browser.Field{auth, {Name: "Content-Type", Value: "application/json"}},
				Body:    []byte(`{"item":"coffee beans","qty":1}`),
				HasBody: true,
			},
			Origins: origins,
		},
	}
}
