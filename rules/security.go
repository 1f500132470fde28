package rules

import "github.com/corslint/corslint/lint"

// securityRules judge what attacker origins are granted.
var securityRules []*lint.Rule
