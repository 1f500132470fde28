package cmd

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/corslint/corslint/examples/configs"
	"github.com/corslint/corslint/examples/server"
	"github.com/corslint/corslint/lint/config"
)

// demoHost is the API's name in the demo; it resolves to the in-process
// server on loopback, the way --resolve does.
const demoHost = "api.example.test"

func newDemo(e *env) *cobra.Command {
	var variant string
	var list bool
	f := &runFlags{}
	c := &cobra.Command{
		Use:   "demo [--variant NAME]",
		Short: "Run corslint against the built-in example API (CDN -> gateway -> function), no setup needed",
		Long: `demo starts the example API of corslint's seed story on a loopback port inside
this process and runs the variant's config (examples/configs/NAME.yaml) against
it, as corslint run would: a credentialed GET and POST carrying a JWT, from the
two front-end origins (PC and smartphone), from an origin that must be kept
out, and from attacker origins derived from the allowed ones. Each variant is
one step of the story; "broken" is the first deploy and "fixed" the end state.
demo exits 0 unless --fail-on is given.`,
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
			threshold, ropts, err := f.out.validate(e)
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
			f.net.resolve = []string{demoHost + ":" + port + ":127.0.0.1"}
			f.net.direct = true
			f.load = func() (*config.Config, error) {
				name, data, err := configs.For(setup.Name)
				if err != nil {
					return nil, err
				}
				env := map[string]string{
					configs.EnvAPI:   "http://" + net.JoinHostPort(demoHost, port),
					configs.EnvToken: server.Token,
				}
				return config.Parse(name, data, config.Options{LookupEnv: func(k string) (string, bool) {
					v, ok := env[k]
					return v, ok
				}})
			}
			fmt.Fprintf(e.stderr, "demo variant %q: %s\n\n", setup.Name, setup.Story)
			r, _, err := f.execute(c, e)
			if err != nil {
				return err
			}
			err = f.out.finish(e, r, ropts, threshold)
			var ee *exitError
			if errors.As(err, &ee) && ee.code == ExitFindings && !c.Flags().Changed("fail-on") {
				return nil
			}
			return err
		},
	}
	c.Flags().StringVar(&variant, "variant", "broken", "which step of the story to serve (see --list)")
	c.Flags().BoolVar(&list, "list", false, "list the variants and exit")
	// The example API is local: no politeness delays.
	c.Flags().IntVar(&f.concurrency, "concurrency", 8, "probes in flight at once")
	c.Flags().Float64Var(&f.rate, "rate", 0, "requests per second to the example API, 0 for no limit")
	c.Flags().DurationVar(&f.net.timeout, "timeout", 5*time.Second, "timeout for each request")
	f.out.register(c)
	return c
}
