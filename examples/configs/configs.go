// Package configs holds the corslint config of each variant of the example
// API, embedded for `corslint demo` and runnable as files with `corslint run`.
package configs

import (
	"embed"
	"fmt"
)

//go:embed *.yaml
var files embed.FS

// For returns the config file of a variant and its name.
func For(variant string) (name string, data []byte, err error) {
	name = variant + ".yaml"
	data, err = files.ReadFile(name)
	if err != nil {
		return "", nil, fmt.Errorf("no example config for variant %q", variant)
	}
	return "examples/configs/" + name, data, nil
}

// Env names the variables the example configs expand.
const (
	EnvAPI   = "CORSLINT_DEMO_API"
	EnvToken = "CORSLINT_DEMO_TOKEN"
)
