package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/report"
	"github.com/corslint/corslint/rules"
)

// sarifSchemaPath is the OASIS SARIF 2.1.0 schema, kept next to the
// repository rather than in it.
const sarifSchemaPath = "../../../shared/schemas/sarif-schema-2.1.0.json"

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	raw, err := os.ReadFile(sarifSchemaPath)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("SARIF schema not found at %s: schema validation skipped (the golden file is still compared)", sarifSchemaPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatalf("parsing the schema: %v", err)
	}
	reports := map[string]*lint.Report{
		"fixture":      fixture(),
		"empty report": {Version: "dev"},
		// The real catalogue's metadata, which the fixture does not use.
		"every rule": {Version: "dev", Rules: rules.All()},
	}
	for desc, r := range reports {
		t.Run(desc, func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.Write(&buf, "sarif", r, report.Options{}); err != nil {
				t.Fatal(err)
			}
			var doc any
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			v := &validator{root: schema}
			v.validate(schema, doc, "$")
			for _, e := range v.errs {
				t.Error(e)
			}
		})
	}
}

// The validator must reject what the schema forbids, or a passing test
// proves nothing.
func TestSARIFValidatorRejectsInvalidLogs(t *testing.T) {
	raw, err := os.ReadFile(sarifSchemaPath)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("SARIF schema not found at %s", sarifSchemaPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ desc, doc string }{
		{desc: "wrong version", doc: `{"version": "2.0.0", "runs": []}`},
		{desc: "missing runs", doc: `{"version": "2.1.0"}`},
		{desc: "bad level", doc: `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`},
		{desc: "result without message", doc: `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "r"}]}]}`},
		{desc: "unknown suppression kind", doc: `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "suppressions": [{"kind": "baseline"}]}]}]}`},
		{desc: "negative rule index", doc: `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "ruleIndex": -2}]}]}`},
	}
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			var doc any
			if err := json.Unmarshal([]byte(tc.doc), &doc); err != nil {
				t.Fatal(err)
			}
			v := &validator{root: schema}
			v.validate(schema, doc, "$")
			if len(v.errs) == 0 {
				t.Errorf("validate(%s): got no error; want the log rejected", tc.doc)
			}
		})
	}
}

func TestSARIFContent(t *testing.T) {
	var buf bytes.Buffer
	if err := report.Write(&buf, "sarif", fixture(), report.Options{}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID, HelpURI string
						Help        struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID              string
				RuleIndex           int
				Level               string
				PartialFingerprints map[string]string
				Suppressions        []struct{ Kind string }
			}
			Invocations []struct{ ExecutionSuccessful bool }
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	rules := run.Tool.Driver.Rules
	for _, r := range rules {
		if want := report.RulesDocURL + "#" + r.ID; r.HelpURI != want {
			t.Errorf("rule %s helpUri: got %q; want %q", r.ID, r.HelpURI, want)
		}
		if r.Help.Text == "" {
			t.Errorf("rule %s: no help text", r.ID)
		}
	}
	levels := map[string]string{}
	seen := map[string]bool{}
	for _, res := range run.Results {
		if rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s: ruleIndex %d names %s", res.RuleID, res.RuleIndex, rules[res.RuleIndex].ID)
		}
		fp := res.PartialFingerprints["corslint/v1"]
		if fp == "" || seen[fp] {
			t.Errorf("result %s: fingerprint %q empty or repeated", res.RuleID, fp)
		}
		seen[fp] = true
		levels[res.RuleID] = res.Level
		if (res.RuleID == "acao-missing") != (len(res.Suppressions) == 1) {
			t.Errorf("result %s: suppressions %v; want one only for the suppressed finding", res.RuleID, res.Suppressions)
		}
	}
	want := map[string]string{
		"reflects-any-origin": "error", "header-not-allowed": "error", "max-age-over-cap": "note",
		"vary-origin-missing": "warning", "acao-missing": "error",
	}
	if !reflect.DeepEqual(levels, want) {
		t.Errorf("levels: got %v; want %v", levels, want)
	}
	if run.Invocations[0].ExecutionSuccessful {
		t.Errorf("invocation: got executionSuccessful true; want false, a target was unreachable")
	}
}

// validator is the part of JSON Schema draft-04 the SARIF schema uses:
// $ref, type, enum, properties, required, additionalProperties, items,
// minItems, uniqueItems, minimum, maximum, pattern, format (uri), oneOf,
// anyOf. Unknown keywords fail the test rather than pass silently.
type validator struct {
	root map[string]any
	errs []string
}

var knownKeywords = map[string]bool{
	"$ref": true, "$schema": true, "id": true, "title": true, "description": true, "default": true, "definitions": true,
	"type": true, "enum": true, "properties": true, "required": true, "additionalProperties": true, "items": true,
	"minItems": true, "uniqueItems": true, "minimum": true, "maximum": true, "pattern": true, "format": true,
	"oneOf": true, "anyOf": true,
}

func (v *validator) errorf(path, format string, args ...any) {
	v.errs = append(v.errs, path+": "+fmt.Sprintf(format, args...))
}

// check validates without recording, for oneOf and anyOf.
func (v *validator) check(schema map[string]any, doc any, path string) []string {
	sub := &validator{root: v.root}
	sub.validate(schema, doc, path)
	return sub.errs
}

func (v *validator) validate(schema map[string]any, doc any, path string) {
	keys := make([]string, 0, len(schema))
	for k := range schema {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !knownKeywords[k] {
			v.errorf(path, "schema keyword %q is not supported by this validator", k)
		}
	}
	if ref, ok := schema["$ref"].(string); ok {
		name, ok := strings.CutPrefix(ref, "#/definitions/")
		def, found := v.root["definitions"].(map[string]any)[name].(map[string]any)
		if !ok || !found {
			v.errorf(path, "unresolvable $ref %q", ref)
			return
		}
		v.validate(def, doc, path)
		return
	}
	if t, ok := schema["type"]; ok && !typeMatches(t, doc) {
		v.errorf(path, "got %s; want type %v", jsonType(doc), t)
		return
	}
	if enum, ok := schema["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			if reflect.DeepEqual(e, doc) {
				found = true
			}
		}
		if !found {
			v.errorf(path, "got %v; want one of %v", doc, enum)
		}
	}
	for _, key := range []string{"oneOf", "anyOf"} {
		alts, ok := schema[key].([]any)
		if !ok {
			continue
		}
		matched := 0
		var firstErrs []string
		for _, alt := range alts {
			errs := v.check(alt.(map[string]any), doc, path)
			if len(errs) == 0 {
				matched++
			} else if firstErrs == nil {
				firstErrs = errs
			}
		}
		if (key == "oneOf" && matched != 1) || (key == "anyOf" && matched == 0) {
			v.errorf(path, "%s: %d alternatives match; first failure: %v", key, matched, firstErrs)
		}
	}
	switch d := doc.(type) {
	case map[string]any:
		props, _ := schema["properties"].(map[string]any)
		if req, ok := schema["required"].([]any); ok {
			for _, r := range req {
				if _, ok := d[r.(string)]; !ok {
					v.errorf(path, "missing required property %q", r)
				}
			}
		}
		names := make([]string, 0, len(d))
		for name := range d {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			if ps, ok := props[name].(map[string]any); ok {
				v.validate(ps, d[name], path+"."+name)
				continue
			}
			switch ap := schema["additionalProperties"].(type) {
			case bool:
				if !ap {
					v.errorf(path, "property %q is not allowed", name)
				}
			case map[string]any:
				v.validate(ap, d[name], path+"."+name)
			}
		}
	case []any:
		if n, ok := schema["minItems"].(float64); ok && float64(len(d)) < n {
			v.errorf(path, "got %d items; want at least %v", len(d), n)
		}
		if u, ok := schema["uniqueItems"].(bool); ok && u {
			for i := range d {
				for j := i + 1; j < len(d); j++ {
					if reflect.DeepEqual(d[i], d[j]) {
						v.errorf(path, "items %d and %d are equal; want unique items", i, j)
					}
				}
			}
		}
		if items, ok := schema["items"].(map[string]any); ok {
			for i, item := range d {
				v.validate(items, item, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	case float64:
		if m, ok := schema["minimum"].(float64); ok && d < m {
			v.errorf(path, "got %v; want at least %v", d, m)
		}
		if m, ok := schema["maximum"].(float64); ok && d > m {
			v.errorf(path, "got %v; want at most %v", d, m)
		}
	case string:
		if p, ok := schema["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(d) {
			v.errorf(path, "%q does not match %s", d, p)
		}
		if f, ok := schema["format"].(string); ok && (f == "uri" || f == "uri-reference") {
			u, err := url.Parse(d)
			if err != nil || (f == "uri" && u.Scheme == "") {
				v.errorf(path, "%q is not a valid %s", d, f)
			}
		}
	}
}

func typeMatches(t any, doc any) bool {
	switch t := t.(type) {
	case string:
		return jsonTypeIs(t, doc)
	case []any:
		for _, x := range t {
			if jsonTypeIs(x.(string), doc) {
				return true
			}
		}
	}
	return false
}

func jsonTypeIs(t string, doc any) bool {
	switch t {
	case "integer":
		f, ok := doc.(float64)
		return ok && f == float64(int64(f))
	case "number":
		_, ok := doc.(float64)
		return ok
	}
	return jsonType(doc) == t
}

func jsonType(doc any) string {
	switch doc.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	case nil:
		return "null"
	}
	return "unknown"
}
