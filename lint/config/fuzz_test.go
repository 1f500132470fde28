package config_test

import (
	"strings"
	"testing"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/config"
	"github.com/corslint/corslint/lint/origin"
)

// FuzzParse: no config file, however mangled, makes the parser panic; every
// rejection is one line naming the file; every accepted file yields targets
// a browser could fetch from origins a browser could send.
func FuzzParse(f *testing.F) {
	f.Add(config.Starter)
	for _, c := range errorCases {
		f.Add(c.yaml)
	}
	f.Add("origins: [https://app.example.com]\ntargets:\n  - base_url: https://api.example.com\n    paths: [/a, {path: /b, origins: [http://localhost:3000]}]\n")
	f.Add("origins: [https://a.example]\ndefaults: &d {credentials: true}\ntargets:\n  - url: https://api.example.com/x\n    requests: [{<<: *d, method: PUT, send: true, body: '{}'}]\n")
	env := map[string]string{"API": "https://api.example.com", "TOKEN": "t0k3n-fuzz"}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	f.Fuzz(func(t *testing.T, yaml string) {
		cfg, err := config.Parse("fuzz.yaml", []byte(yaml), config.Options{LookupEnv: lookup})
		if err != nil {
			msg := err.Error()
			if strings.ContainsAny(msg, "\n\r") || !strings.HasPrefix(msg, "fuzz.yaml") {
				t.Fatalf("error is not one line naming the file: %q", msg)
			}
			return
		}
		for _, target := range cfg.Targets {
			if _, err := lint.Prepare(target.Request); err != nil {
				t.Fatalf("accepted a request the engine rejects: %v", err)
			}
			for _, o := range append(append([]origin.Origin(nil), target.Origins...), target.Denied...) {
				if _, err := origin.Parse(o.String()); err != nil {
					t.Fatalf("accepted origin %q that does not parse: %v", o.String(), err)
				}
			}
		}
	})
}
