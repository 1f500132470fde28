package config_test

import (
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/corslint/corslint/lint/config"
)

// The CI examples stay valid: the config parses, and the workflow files are
// YAML that runs corslint with the reports they upload.
func TestCIExamples(t *testing.T) {
	opts := env(map[string]string{"API_BASE_URL": "https://api.example.com/v2", "API_TOKEN": "tok-example-1234"})
	cfg, err := config.Load("../../examples/ci/corslint.yaml", opts)
	if err != nil {
		t.Fatalf("examples/ci/corslint.yaml: %v", err)
	}
	if got := cfg.Targets[0].Request.URL; got != "https://api.example.com/v2/orders" {
		t.Errorf("first target URL: got %q; want the base URL from the environment joined with /orders", got)
	}
	for _, s := range cfg.Secrets {
		if strings.Contains(s, "api.example.com") {
			t.Errorf("Secrets: got %q; want the base URL left out (it names the API, it is not a credential)", s)
		}
	}
	for _, name := range []string{"github-actions.yml", "gitlab-ci.yml"} {
		data, err := os.ReadFile("../../examples/ci/" + name)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Errorf("examples/ci/%s: %v", name, err)
		}
		for _, want := range []string{"corslint run", "junit=", "sarif=", "examples/ci/corslint.yaml"} {
			if !strings.Contains(string(data), want) {
				t.Errorf("examples/ci/%s: want it to contain %q", name, want)
			}
		}
	}
}
