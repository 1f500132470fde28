package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/browser"
	"github.com/corslint/corslint/lint/header"
	"github.com/corslint/corslint/lint/origin"
	"github.com/corslint/corslint/lint/suggest"
	"github.com/corslint/corslint/rules"
)

// The keys each section accepts. They are the single source for strict
// parsing, error suggestions and the documentation test.
var (
	topKeys      = []string{"version", "settings", "origins", "deny_origins", "public", "trust_subdomains", "requests", "rules", "targets"}
	settingsKeys = []string{"concurrency", "rate", "timeout", "fail_on"}
	targetKeys   = []string{"name", "url", "base_url", "paths", "origins", "deny_origins", "public", "trust_subdomains", "requests", "rules"}
	pathKeys     = []string{"path", "name", "origins", "deny_origins", "public", "trust_subdomains", "requests", "rules"}
	requestKeys  = []string{"name", "method", "headers", "credentials", "cookie", "body", "send", "reads_headers"}
	ruleKeys     = []string{"severity", "off", "reason"}
)

// Keys returns the keys every section of the file accepts, for docs: the
// top level (""), "settings", "targets[]", "paths[]", "requests[]" and
// "rules.<id>".
func Keys() map[string][]string {
	return map[string][]string{
		"":           topKeys,
		"settings":   settingsKeys,
		"targets[]":  targetKeys,
		"paths[]":    pathKeys,
		"requests[]": requestKeys,
		"rules.<id>": ruleKeys,
	}
}

// Limits on settings, so a typo cannot turn a CI job into a load test.
const (
	// MaxConcurrency bounds settings.concurrency and --concurrency.
	MaxConcurrency = 64
	maxRate        = 1000
)

type decoder struct {
	file      string
	lookupEnv func(string) (string, bool)
	secrets   []string
}

// field is one key of a mapping and its value, with the key's path.
type field struct {
	key, value *yaml.Node
	path       string
}

// fields is a mapping's keys, by name.
type fields map[string]field

func (d *decoder) errorf(n *yaml.Node, path, format string, args ...any) error {
	line := 0
	if n != nil {
		line = n.Line
	}
	return &Error{File: d.file, Line: line, Key: path, Reason: fmt.Sprintf(format, args...)}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError locates a YAML syntax error. The parser reports the line
// where the enclosing block starts, often lines above the mistake, so the
// line given is the first one at which the file's prefix fails the same way.
func (d *decoder) syntaxError(data []byte, err error) error {
	line, problem := splitYAMLError(err)
	lines := bytes.SplitAfter(data, []byte("\n"))
	for k := 1; k <= len(lines); k++ {
		var n yaml.Node
		prefix := bytes.Join(lines[:k], nil)
		if perr := yaml.Unmarshal(prefix, &n); perr != nil {
			if _, p := splitYAMLError(perr); p == problem {
				line = k
			}
			break
		}
	}
	return &Error{File: d.file, Line: line, Reason: "invalid YAML: " + problem}
}

func splitYAMLError(err error) (int, string) {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return line, m[2]
	}
	return 0, strings.TrimPrefix(msg, "yaml: ")
}

func (d *decoder) decode(data []byte) (*Config, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{File: d.file, Reason: "empty config: want a mapping with at least targets"}
		}
		return nil, d.syntaxError(data, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, d.syntaxError(data, err)
		}
		return nil, d.errorf(&extra, "", "a second YAML document: a config file holds one")
	}
	root := resolve(&doc)
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = resolve(root.Content[0])
	}
	fs, err := d.fields(root, "", topKeys)
	if err != nil {
		return nil, err
	}
	cfg := &Config{File: d.file, Overrides: map[*lint.Target]map[string]Override{}}
	if f, ok := fs["version"]; ok {
		v, err := d.integer(f)
		if err != nil {
			return nil, err
		}
		if v != 1 {
			return nil, d.errorf(f.value, f.path, "unsupported version %d: this corslint reads version 1", v)
		}
	}
	if f, ok := fs["settings"]; ok {
		if cfg.Settings, err = d.settings(f); err != nil {
			return nil, err
		}
	}
	top, err := d.scope(fs, scope{requests: []request{{Request: lint.Request{Method: "GET"}}}})
	if err != nil {
		return nil, err
	}
	f, ok := fs["targets"]
	if !ok {
		return nil, d.errorf(root, "targets", "missing: list the endpoints to check under targets")
	}
	items, err := d.seq(f)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, d.errorf(f.value, f.path, "empty: list at least one target")
	}
	for _, item := range items {
		eps, err := d.target(item, top)
		if err != nil {
			return nil, err
		}
		for _, ep := range eps {
			if err := d.emit(cfg, ep); err != nil {
				return nil, err
			}
		}
	}
	seen := map[string]bool{}
	for _, s := range d.secrets {
		if !seen[s] {
			seen[s] = true
			cfg.Secrets = append(cfg.Secrets, s)
		}
	}
	return cfg, nil
}

// resolve follows aliases to the node they name.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// fields checks that n is a mapping whose keys are all in allowed, with no
// key twice, and returns them. YAML merge keys (<<: *anchor) are honoured,
// keys written out overriding merged ones.
func (d *decoder) fields(n *yaml.Node, path string, allowed []string) (fields, error) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		return nil, d.errorf(n, path, "want a mapping, got %s", describe(n))
	}
	out := fields{}
	explicit := map[string]bool{}
	var merge func(m *yaml.Node, merged bool) error
	merge = func(m *yaml.Node, merged bool) error {
		for i := 0; i+1 < len(m.Content); i += 2 {
			k, v := m.Content[i], m.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
				src := resolve(v)
				sources := []*yaml.Node{src}
				if src.Kind == yaml.SequenceNode {
					sources = src.Content
				}
				for _, s := range sources {
					s = resolve(s)
					if s.Kind != yaml.MappingNode {
						return d.errorf(v, path, "<< merges a mapping, got %s", describe(s))
					}
					if err := merge(s, true); err != nil {
						return err
					}
				}
				continue
			}
			if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
				return d.errorf(k, path, "want a string key, got %s", describe(k))
			}
			p := join(path, k.Value)
			if !slices.Contains(allowed, k.Value) {
				return d.errorf(k, p, "%s", unknownKey(k.Value, allowed))
			}
			if !merged {
				if explicit[k.Value] {
					return d.errorf(k, p, "duplicate key (first at line %d)", out[k.Value].key.Line)
				}
				explicit[k.Value] = true
			} else if _, set := out[k.Value]; set {
				// Written-out keys, then earlier merge sources, win.
				continue
			}
			out[k.Value] = field{key: k, value: v, path: p}
		}
		return nil
	}
	if err := merge(filterMerges(n, false), false); err != nil {
		return nil, err
	}
	if err := merge(filterMerges(n, true), true); err != nil {
		return nil, err
	}
	return out, nil
}

// filterMerges returns n's merge keys (want) or its other keys (!want).
func filterMerges(n *yaml.Node, want bool) *yaml.Node {
	out := &yaml.Node{Kind: yaml.MappingNode, Line: n.Line}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if (n.Content[i].Tag == "!!merge") == want {
			out.Content = append(out.Content, n.Content[i], n.Content[i+1])
		}
	}
	return out
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// unknownKey explains an unknown key, suggesting the closest known one.
func unknownKey(key string, allowed []string) string {
	if best := suggest.Closest(strings.ToLower(strings.ReplaceAll(key, "-", "_")), allowed, 3); best != "" {
		return fmt.Sprintf("unknown key %q; did you mean %q?", key, best)
	}
	return fmt.Sprintf("unknown key %q; want one of %s", key, strings.Join(allowed, ", "))
}

// describe names a node's type for "want X, got Y" messages.
func describe(n *yaml.Node) string {
	n = resolve(n)
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.ShortTag() {
	case "!!str":
		return fmt.Sprintf("the string %q", n.Value)
	case "!!int", "!!float":
		return "the number " + n.Value
	case "!!bool":
		return "the boolean " + n.Value
	case "!!null":
		return "nothing (null)"
	}
	return fmt.Sprintf("%s %q", n.ShortTag(), n.Value)
}

func (d *decoder) scalar(f field, tags ...string) (*yaml.Node, error) {
	n := resolve(f.value)
	if n.Kind == yaml.ScalarNode && slices.Contains(tags, n.ShortTag()) {
		return n, nil
	}
	want := map[string]string{"!!str": "a string", "!!int": "a whole number", "!!float": "a number", "!!bool": "true or false"}[tags[0]]
	return nil, d.errorf(n, f.path, "want %s, got %s", want, describe(n))
}

func (d *decoder) str(f field) (string, error) {
	n, err := d.scalar(f, "!!str")
	if err != nil {
		return "", err
	}
	return n.Value, nil
}

func (d *decoder) boolean(f field) (bool, error) {
	n, err := d.scalar(f, "!!bool")
	if err != nil {
		return false, err
	}
	return n.Value == "true" || n.Value == "True" || n.Value == "TRUE", nil
}

func (d *decoder) integer(f field) (int, error) {
	n, err := d.scalar(f, "!!int")
	if err != nil {
		return 0, err
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil {
		return 0, d.errorf(n, f.path, "want a whole number, got %s", n.Value)
	}
	return v, nil
}

func (d *decoder) number(f field) (float64, error) {
	n, err := d.scalar(f, "!!float", "!!int")
	if err != nil {
		return 0, err
	}
	v, err := strconv.ParseFloat(n.Value, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, d.errorf(n, f.path, "want a number, got %s", n.Value)
	}
	return v, nil
}

// seq returns a list's items as fields named key[i].
func (d *decoder) seq(f field) ([]field, error) {
	n := resolve(f.value)
	if n.Kind != yaml.SequenceNode {
		return nil, d.errorf(n, f.path, "want a list, got %s", describe(n))
	}
	out := make([]field, len(n.Content))
	for i, item := range n.Content {
		out[i] = field{key: f.key, value: item, path: fmt.Sprintf("%s[%d]", f.path, i)}
	}
	return out, nil
}

// expanded returns a string value with ${VAR} expanded. Values expanded at
// or after from are recorded as secrets.
func (d *decoder) expanded(f field, secretFrom func(string) int) (string, error) {
	s, err := d.str(f)
	if err != nil {
		return "", err
	}
	out, spans, err := expand(s, d.lookupEnv)
	if err != nil {
		return "", d.errorf(f.value, f.path, "%v", err)
	}
	from := 0
	if secretFrom != nil {
		from = secretFrom(out)
	}
	for _, sp := range spans {
		if sp.start >= from {
			d.secrets = append(d.secrets, sp.value)
		}
	}
	return out, nil
}

// notSecret marks expanded values as public wherever they appear.
func notSecret(s string) int { return len(s) + 1 }

func (d *decoder) settings(f field) (Settings, error) {
	var s Settings
	fs, err := d.fields(f.value, f.path, settingsKeys)
	if err != nil {
		return s, err
	}
	if f, ok := fs["concurrency"]; ok {
		v, err := d.integer(f)
		if err != nil {
			return s, err
		}
		if v < 1 || v > MaxConcurrency {
			return s, d.errorf(f.value, f.path, "%d is out of range: want 1 to %d", v, MaxConcurrency)
		}
		s.Concurrency = v
	}
	if f, ok := fs["rate"]; ok {
		v, err := d.number(f)
		if err != nil {
			return s, err
		}
		if v < 0 || v > maxRate {
			return s, d.errorf(f.value, f.path, "%v is out of range: want requests per second per host, 0 (no limit) to %d", v, maxRate)
		}
		s.Rate = &v
	}
	if f, ok := fs["timeout"]; ok {
		raw, err := d.str(f)
		if err != nil {
			return s, err
		}
		v, err := time.ParseDuration(raw)
		if err != nil || v <= 0 {
			return s, d.errorf(f.value, f.path, "invalid duration %q: want a positive duration such as 10s or 1m30s", raw)
		}
		s.Timeout = v
	}
	if f, ok := fs["fail_on"]; ok {
		raw, err := d.str(f)
		if err != nil {
			return s, err
		}
		v, err := lint.ParseSeverity(raw)
		if err != nil {
			return s, d.errorf(f.value, f.path, "%v", err)
		}
		s.FailOn = &v
	}
	return s, nil
}

// scope is what a level of the file (top, target, path) says about the
// endpoints under it. A level that sets a key replaces its parent's value;
// rules merge rule by rule.
type scope struct {
	origins, denied []located[origin.Origin]
	public, trust   bool
	requests        []request
	rules           map[string]Override
}

// located is a value and where it was written.
type located[T any] struct {
	value T
	node  *yaml.Node
	path  string
}

// request is a request from the file, without its URL.
type request struct {
	lint.Request
	name string
	node *yaml.Node
	path string
}

func (d *decoder) scope(fs fields, parent scope) (scope, error) {
	sc := parent
	var err error
	if f, ok := fs["origins"]; ok {
		if sc.origins, err = d.origins(f); err != nil {
			return sc, err
		}
	}
	if f, ok := fs["deny_origins"]; ok {
		if sc.denied, err = d.origins(f); err != nil {
			return sc, err
		}
	}
	if f, ok := fs["public"]; ok {
		if sc.public, err = d.boolean(f); err != nil {
			return sc, err
		}
	}
	if f, ok := fs["trust_subdomains"]; ok {
		if sc.trust, err = d.boolean(f); err != nil {
			return sc, err
		}
	}
	if f, ok := fs["requests"]; ok {
		if sc.requests, err = d.requests(f); err != nil {
			return sc, err
		}
	}
	if f, ok := fs["rules"]; ok {
		own, err := d.rules(f)
		if err != nil {
			return sc, err
		}
		merged := make(map[string]Override, len(parent.rules)+len(own))
		for id, o := range parent.rules {
			merged[id] = o
		}
		for id, o := range own {
			merged[id] = o
		}
		sc.rules = merged
	}
	return sc, nil
}

func (d *decoder) origins(f field) ([]located[origin.Origin], error) {
	items, err := d.seq(f)
	if err != nil {
		return nil, err
	}
	var out []located[origin.Origin]
	seen := map[string]bool{}
	for _, item := range items {
		raw, err := d.expanded(item, notSecret)
		if err != nil {
			return nil, err
		}
		o, err := origin.Parse(raw)
		if err != nil {
			return nil, d.errorf(item.value, item.path, "%v", err)
		}
		if seen[o.String()] {
			continue
		}
		seen[o.String()] = true
		out = append(out, located[origin.Origin]{value: o, node: item.value, path: item.path})
	}
	return out, nil
}

func (d *decoder) requests(f field) ([]request, error) {
	items, err := d.seq(f)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, d.errorf(f.value, f.path, "empty: list at least one request, or leave requests out for a GET without credentials")
	}
	out := make([]request, 0, len(items))
	for _, item := range items {
		r, err := d.request(item)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func (d *decoder) request(f field) (request, error) {
	r := request{Request: lint.Request{Method: "GET"}, node: resolve(f.value), path: f.path}
	fs, err := d.fields(f.value, f.path, requestKeys)
	if err != nil {
		return r, err
	}
	if f, ok := fs["name"]; ok {
		if r.name, err = d.str(f); err != nil {
			return r, err
		}
	}
	if f, ok := fs["method"]; ok {
		if r.Method, err = d.str(f); err != nil {
			return r, err
		}
		if _, err := browser.NormalizeMethod(r.Method); err != nil {
			return r, d.errorf(f.value, f.path, "%v", err)
		}
	}
	if f, ok := fs["headers"]; ok {
		if r.Header, err = d.headers(f); err != nil {
			return r, err
		}
	}
	if f, ok := fs["credentials"]; ok {
		if r.Credentials, err = d.boolean(f); err != nil {
			return r, err
		}
	}
	if f, ok := fs["cookie"]; ok {
		if r.Cookie, err = d.expanded(f, nil); err != nil {
			return r, err
		}
		d.addCookieSecrets(r.Cookie)
	}
	if f, ok := fs["send"]; ok {
		if r.Send, err = d.boolean(f); err != nil {
			return r, err
		}
	}
	if f, ok := fs["reads_headers"]; ok {
		items, err := d.seq(f)
		if err != nil {
			return r, err
		}
		for _, item := range items {
			name, err := d.str(item)
			if err != nil {
				return r, err
			}
			if !header.IsToken(name) {
				return r, d.errorf(item.value, item.path, "%q is not a header name", name)
			}
			r.Reads = append(r.Reads, name)
		}
	}
	if f, ok := fs["body"]; ok {
		body, err := d.expanded(f, nil)
		if err != nil {
			return r, err
		}
		if m, _ := browser.NormalizeMethod(r.Method); m == "GET" || m == "HEAD" {
			return r, d.errorf(f.key, f.path, "a %s request cannot have a body: fetch() throws a TypeError", m)
		}
		r.Body, r.HasBody = []byte(body), true
	}
	return r, nil
}

// addCookieSecrets records a cookie string's values: the names are
// harmless, the values are session tokens.
func (d *decoder) addCookieSecrets(cookie string) {
	for _, pair := range strings.Split(cookie, ";") {
		if _, v, ok := strings.Cut(strings.TrimSpace(pair), "="); ok {
			d.secrets = append(d.secrets, v)
		}
	}
	d.secrets = append(d.secrets, cookie)
}

// headers reads a mapping (Name: value) or a list of "Name: value" lines;
// the list form allows a header twice.
func (d *decoder) headers(f field) ([]browser.Field, error) {
	n := resolve(f.value)
	var lines []field
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
			if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
				return nil, d.errorf(k, f.path, "want a header name, got %s", describe(k))
			}
			p := join(f.path, k.Value)
			if v.Kind != yaml.ScalarNode {
				return nil, d.errorf(v, p, "want a header value, got %s", describe(v))
			}
			for j := 0; j < i; j += 2 {
				if strings.EqualFold(n.Content[j].Value, k.Value) {
					return nil, d.errorf(k, p, "duplicate header (first at line %d); use the list form (- \"Name: value\") to send a header twice", n.Content[j].Line)
				}
			}
			value := v.Value
			if v.ShortTag() == "!!null" {
				value = ""
			}
			// Numbers and booleans are header text too: keep them as written.
			line := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k.Value + ": " + value, Line: v.Line, Column: v.Column}
			lines = append(lines, field{key: k, value: line, path: p})
		}
	case yaml.SequenceNode:
		items, err := d.seq(f)
		if err != nil {
			return nil, err
		}
		lines = items
	default:
		return nil, d.errorf(n, f.path, "want a mapping of header names to values, or a list of \"Name: value\" lines, got %s", describe(n))
	}
	out := make([]browser.Field, 0, len(lines))
	for _, l := range lines {
		raw, err := d.expanded(l, nil)
		if err != nil {
			return nil, err
		}
		h, err := browser.ParseHeaderLine(raw)
		if err != nil {
			return nil, d.errorf(l.value, l.path, "%s", d.redact(err.Error()))
		}
		if browser.IsCookieHeader(h.Name) {
			return nil, d.errorf(l.value, l.path, "scripts cannot set Cookie (the browser drops it): use the request's cookie key")
		}
		out = append(out, h)
	}
	return out, nil
}

func (d *decoder) rules(f field) (map[string]Override, error) {
	n := resolve(f.value)
	if n.Kind != yaml.MappingNode {
		return nil, d.errorf(n, f.path, "want a mapping of rule IDs to overrides, got %s", describe(n))
	}
	ids := make([]string, 0)
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	sort.Strings(ids)
	out := map[string]Override{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := resolve(n.Content[i])
		if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
			return nil, d.errorf(k, f.path, "want a rule ID, got %s", describe(k))
		}
		p := join(f.path, k.Value)
		if rules.ByID(k.Value) == nil {
			msg := fmt.Sprintf("unknown rule %q (corslint rules lists them)", k.Value)
			if s := unknownKey(k.Value, ids); strings.Contains(s, "did you mean") {
				msg = strings.Replace(s, "unknown key", "unknown rule", 1)
			}
			return nil, d.errorf(k, p, "%s", msg)
		}
		if _, dup := out[k.Value]; dup {
			return nil, d.errorf(k, p, "duplicate rule")
		}
		o, err := d.override(field{key: k, value: n.Content[i+1], path: p})
		if err != nil {
			return nil, err
		}
		out[k.Value] = o
	}
	return out, nil
}

func (d *decoder) override(f field) (Override, error) {
	var o Override
	fs, err := d.fields(f.value, f.path, ruleKeys)
	if err != nil {
		return o, err
	}
	if f, ok := fs["severity"]; ok {
		raw, err := d.str(f)
		if err != nil {
			return o, err
		}
		s, err := lint.ParseSeverity(raw)
		if err != nil || s == lint.Never {
			return o, d.errorf(f.value, f.path, "invalid severity %q: want info, warning or error (off: true turns a rule off)", raw)
		}
		o.Severity = &s
	}
	if f, ok := fs["off"]; ok {
		if o.Off, err = d.boolean(f); err != nil {
			return o, err
		}
	}
	if f, ok := fs["reason"]; ok {
		if o.Reason, err = d.str(f); err != nil {
			return o, err
		}
	}
	switch {
	case o.Off && strings.TrimSpace(o.Reason) == "":
		return o, d.errorf(f.value, f.path, "reason is required with off: true: say why the rule does not apply, for the next reviewer")
	case o.Severity == nil && !o.Off:
		return o, d.errorf(f.value, f.path, "want severity or off: true")
	}
	return o, nil
}

// endpoint is one URL to check, with everything its levels say about it.
type endpoint struct {
	url   string
	name  string
	scope scope
	node  *yaml.Node
	path  string
}

func (d *decoder) target(f field, top scope) ([]endpoint, error) {
	fs, err := d.fields(f.value, f.path, targetKeys)
	if err != nil {
		return nil, err
	}
	sc, err := d.scope(fs, top)
	if err != nil {
		return nil, err
	}
	var name string
	if nf, ok := fs["name"]; ok {
		if name, err = d.str(nf); err != nil {
			return nil, err
		}
	}
	node := resolve(f.value)
	urlField, hasURL := fs["url"]
	baseField, hasBase := fs["base_url"]
	pathsField, hasPaths := fs["paths"]
	switch {
	case hasURL && hasBase:
		return nil, d.errorf(baseField.key, baseField.path, "set url or base_url with paths, not both")
	case hasURL && hasPaths:
		return nil, d.errorf(pathsField.key, pathsField.path, "paths go with base_url; url is a single endpoint")
	case hasURL:
		u, err := d.expanded(urlField, authorityEnd)
		if err != nil {
			return nil, err
		}
		if _, _, err := lint.ParseTargetURL(u); err != nil {
			return nil, d.errorf(urlField.value, urlField.path, "%s", d.redact(err.Error()))
		}
		return []endpoint{{url: u, name: name, scope: sc, node: node, path: f.path}}, nil
	case hasBase && !hasPaths:
		return nil, d.errorf(baseField.key, f.path+".paths", "missing: base_url needs paths (use url for a single endpoint)")
	case !hasBase:
		return nil, d.errorf(node, f.path, "want url, or base_url with paths")
	}
	base, err := d.expanded(baseField, authorityEnd)
	if err != nil {
		return nil, err
	}
	u, _, err := lint.ParseTargetURL(base)
	if err != nil {
		return nil, d.errorf(baseField.value, baseField.path, "%s", d.redact(err.Error()))
	}
	if u.RawQuery != "" || u.ForceQuery || strings.Contains(base, "#") {
		return nil, d.errorf(baseField.value, baseField.path, "a base URL has no query or fragment: put them in the paths")
	}
	items, err := d.seq(pathsField)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, d.errorf(pathsField.value, pathsField.path, "empty: list at least one path")
	}
	var eps []endpoint
	for _, item := range items {
		ep := endpoint{name: name, scope: sc, node: resolve(item.value), path: item.path}
		pathField := item
		if resolve(item.value).Kind == yaml.MappingNode {
			pfs, err := d.fields(item.value, item.path, pathKeys)
			if err != nil {
				return nil, err
			}
			if ep.scope, err = d.scope(pfs, sc); err != nil {
				return nil, err
			}
			if nf, ok := pfs["name"]; ok {
				pname, err := d.str(nf)
				if err != nil {
					return nil, err
				}
				ep.name = joinName(name, pname)
			}
			var ok bool
			if pathField, ok = pfs["path"]; !ok {
				return nil, d.errorf(item.value, item.path+".path", "missing: each entry of paths needs a path, e.g. /orders")
			}
		}
		p, err := d.expanded(pathField, nil)
		if err != nil {
			return nil, err
		}
		if !strings.HasPrefix(p, "/") {
			return nil, d.errorf(pathField.value, pathField.path, "invalid path %q: want a path starting with /", resolve(pathField.value).Value)
		}
		ep.url = strings.TrimSuffix(base, "/") + p
		if _, _, err := lint.ParseTargetURL(ep.url); err != nil {
			return nil, d.errorf(pathField.value, pathField.path, "%s", d.redact(err.Error()))
		}
		eps = append(eps, ep)
	}
	return eps, nil
}

// redact keeps the secrets expanded so far out of an error message that
// quotes a value they were expanded into.
func (d *decoder) redact(s string) string {
	return lint.NewRedactor(d.secrets...).String(s)
}

func joinName(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " / ")
}

// emit turns an endpoint into one lint.Target per request.
func (d *decoder) emit(cfg *Config, ep endpoint) error {
	sc := ep.scope
	if len(sc.origins) == 0 && len(sc.denied) == 0 && !sc.public {
		return d.errorf(ep.node, ep.path, "no origins for this endpoint: list the origins of the pages that call it under origins (at the top level, on the target or on the path)")
	}
	for _, den := range sc.denied {
		for _, al := range sc.origins {
			if den.value.String() == al.value.String() {
				return d.errorf(den.node, den.path, "%s is also an allowed origin (%s, line %d): an origin cannot be both", den.value, al.path, al.node.Line)
			}
		}
	}
	for _, r := range sc.requests {
		req := r.Request
		req.URL = ep.url
		if _, err := lint.Prepare(req); err != nil {
			return d.errorf(r.node, r.path, "%s (for %s)", d.redact(err.Error()), lint.NewRedactor(d.secrets...).URL(ep.url))
		}
		t := &lint.Target{
			Name:            joinName(ep.name, r.name),
			Request:         req,
			Public:          sc.public,
			TrustSubdomains: sc.trust,
		}
		for _, o := range sc.origins {
			t.Origins = append(t.Origins, o.value)
		}
		for _, o := range sc.denied {
			t.Denied = append(t.Denied, o.value)
		}
		cfg.Targets = append(cfg.Targets, t)
		if len(sc.rules) > 0 {
			cfg.Overrides[t] = sc.rules
		}
	}
	return nil
}
