package rules

// DocsURL is the published rule reference, docs/rules.md, which `make docs`
// generates from the rule values. Every rule has a section whose anchor is
// its ID.
const DocsURL = "https://github.com/corslint/corslint/blob/main/docs/rules.md"

// HelpURI links a rule's section of the rule reference, for reports such as
// SARIF's helpUri.
func HelpURI(id string) string { return DocsURL + "#" + id }
