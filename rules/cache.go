package rules

import "github.com/corslint/corslint/lint"

// cacheRules judge whether shared caches can serve one origin's CORS answer
// to another.
var cacheRules []*lint.Rule
