// Package server reproduces the architecture of corslint's seed story on
// one loopback listener: a CDN in front of an API gateway (with a JWT
// authorizer and a static OPTIONS integration) in front of a function that
// sets only a status and a body. Each named Setup is one step of the story,
// broken or fixed, so corslint can be watched finding each mistake.
package server

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"
)

// Token is the bearer token the example authorizer accepts.
const Token = "demo-jwt-7f3a9c"

// Front-end origins of the story: one for PC, one for smartphones.
const (
	PCOrigin    = "http://app.example.test"
	PhoneOrigin = "http://m.example.test"
)

// Setup is one configuration of the CDN, gateway and function layers.
type Setup struct {
	Name  string
	Story string // one line: what the team did at this step

	// CDN layer.
	CDNDropsOrigin    bool // the origin request policy does not forward Origin
	CDNReflectsOrigin bool // a CDN function copies Origin into Access-Control-Allow-Origin

	// API gateway layer.
	AuthorizerGuardsOptions bool // the JWT authorizer also runs on OPTIONS
	// PreflightOrigin is the OPTIONS integration's Access-Control-Allow-Origin:
	// "allow-list" answers the request's Origin when it is listed, anything
	// else is sent verbatim (static mock integration).
	PreflightOrigin      string
	PreflightHeaders     string
	PreflightMethods     string
	PreflightCredentials bool
	// ErrorsCarryCORS adds the CORS headers to the gateway's own 401/403
	// responses (gateway responses for DEFAULT_4XX).
	ErrorsCarryCORS bool

	// Function layer: what the Lambda-style function puts in its response.
	FunctionOrigin      string // "" (status and body only), "allow-list", or a literal
	FunctionCredentials bool
}

// AllowList is the fixed setup's list of trusted front-end origins.
var AllowList = []string{PCOrigin, PhoneOrigin}

// Setups are the story's steps, in order, ending with the fixed setup.
var Setups = []Setup{
	{
		Name:                    "broken",
		Story:                   "the first deploy: the authorizer guards OPTIONS, and the gateway and the function answer * to credentialed calls",
		AuthorizerGuardsOptions: true,
		PreflightOrigin:         "*",
		PreflightHeaders:        "content-type",
		PreflightMethods:        "GET, POST, OPTIONS",
		PreflightCredentials:    true,
		FunctionOrigin:          "*",
	},
	{
		Name:                    "authorizer-guards-options",
		Story:                   "CORS is configured on the gateway (its 4XX responses carry CORS headers too), but the JWT authorizer also runs on OPTIONS: the preflight gets 401",
		AuthorizerGuardsOptions: true,
		ErrorsCarryCORS:         true,
		PreflightOrigin:         "allow-list",
		PreflightHeaders:        "authorization, content-type",
		PreflightMethods:        "GET, POST, OPTIONS",
		PreflightCredentials:    true,
		FunctionOrigin:          "allow-list",
		FunctionCredentials:     true,
	},
	{
		Name:                 "wildcard-with-credentials",
		Story:                "OPTIONS is out of the authorizer, but the gateway answers Access-Control-Allow-Origin: * to credentialed calls",
		PreflightOrigin:      "*",
		PreflightHeaders:     "authorization, content-type",
		PreflightMethods:     "GET, POST, OPTIONS",
		PreflightCredentials: true,
		FunctionOrigin:       "*",
		FunctionCredentials:  true,
	},
	{
		Name:                 "authorization-not-allowed",
		Story:                "the origin is right now, but Access-Control-Allow-Headers lists content-type and not authorization",
		PreflightOrigin:      "allow-list",
		PreflightHeaders:     "content-type",
		PreflightMethods:     "GET, POST, OPTIONS",
		PreflightCredentials: true,
		FunctionOrigin:       "allow-list",
		FunctionCredentials:  true,
	},
	{
		Name:                 "post-missing-credentials",
		Story:                "the preflight passes, but the function's POST response lacks Access-Control-Allow-Credentials: true",
		PreflightOrigin:      "allow-list",
		PreflightHeaders:     "authorization, content-type",
		PreflightMethods:     "GET, POST, OPTIONS",
		PreflightCredentials: true,
		FunctionOrigin:       "allow-list",
	},
	{
		Name:                 "origin-typo",
		Story:                "the static OPTIONS response has a hand-typed origin: http:/app.example.test",
		PreflightOrigin:      "http:/app.example.test",
		PreflightHeaders:     "authorization, content-type",
		PreflightMethods:     "GET, POST, OPTIONS",
		PreflightCredentials: true,
		FunctionOrigin:       "allow-list",
		FunctionCredentials:  true,
	},
	{
		Name:                 "cdn-drops-origin",
		Story:                "the CDN's origin request policy does not forward Origin, so the API never sees it and sends no CORS headers",
		CDNDropsOrigin:       true,
		PreflightOrigin:      "allow-list",
		PreflightHeaders:     "authorization, content-type",
		PreflightMethods:     "GET, POST, OPTIONS",
		PreflightCredentials: true,
		FunctionOrigin:       "allow-list",
		FunctionCredentials:  true,
	},
	{
		Name:                 "cdn-reflects-origin",
		Story:                "to serve PC and smartphone, a CDN function copies the request's Origin into the response: every call works, and every site is trusted",
		CDNReflectsOrigin:    true,
		PreflightHeaders:     "authorization, content-type",
		PreflightMethods:     "GET, POST, OPTIONS",
		PreflightCredentials: true,
		FunctionCredentials:  true,
	},
	{
		Name:                 "fixed",
		Story:                "OPTIONS bypasses the authorizer, the gateway and the function answer from an allow-list, with credentials, Authorization allowed and Vary: Origin",
		PreflightOrigin:      "allow-list",
		PreflightHeaders:     "authorization, content-type",
		PreflightMethods:     "GET, POST, OPTIONS",
		PreflightCredentials: true,
		ErrorsCarryCORS:      true,
		FunctionOrigin:       "allow-list",
		FunctionCredentials:  true,
	},
}

// Lookup returns the named setup.
func Lookup(name string) (Setup, bool) {
	for _, s := range Setups {
		if s.Name == name {
			return s, true
		}
	}
	return Setup{}, false
}

// Names lists the setups in story order.
func Names() []string {
	names := make([]string, len(Setups))
	for i, s := range Setups {
		names[i] = s.Name
	}
	return names
}

// Handler returns the whole stack for a setup: CDN, gateway, function.
func Handler(s Setup) http.Handler {
	return cdn(s, gateway(s, http.HandlerFunc(function(s))))
}

// cdn models the CDN distribution in front of the API.
func cdn(s Setup, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if s.CDNDropsOrigin {
			r.Header.Del("Origin")
		}
		if s.CDNReflectsOrigin && origin != "" {
			// The "one answer per front-end" shortcut: whatever the
			// request says, the response trusts it.
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Allow-Credentials", "true")
		}
		next.ServeHTTP(w, r)
	})
}

// gateway models the API gateway: the authorizer, the OPTIONS integration
// and the gateway's own error responses.
func gateway(s Setup, function http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/orders" {
			s.gatewayError(w, r, http.StatusNotFound, "not found")
			return
		}
		if r.Method == http.MethodOptions && !s.AuthorizerGuardsOptions {
			s.preflight(w, r)
			return
		}
		if r.Header.Get("Authorization") != "Bearer "+Token {
			s.gatewayError(w, r, http.StatusUnauthorized, "Unauthorized")
			return
		}
		if r.Method == http.MethodOptions {
			s.preflight(w, r)
			return
		}
		function.ServeHTTP(w, r)
	})
}

// preflight is the static OPTIONS integration response.
func (s Setup) preflight(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	if v := allowOrigin(s.PreflightOrigin, r); v != "" {
		h.Set("Access-Control-Allow-Origin", v)
	}
	if s.PreflightOrigin == "allow-list" {
		h.Add("Vary", "Origin")
	}
	if s.PreflightCredentials {
		h.Set("Access-Control-Allow-Credentials", "true")
	}
	if s.PreflightMethods != "" {
		h.Set("Access-Control-Allow-Methods", s.PreflightMethods)
	}
	if s.PreflightHeaders != "" {
		h.Set("Access-Control-Allow-Headers", s.PreflightHeaders)
	}
	h.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
}

// gatewayError is the gateway's own error response, which carries CORS
// headers only when the team configured gateway responses for them.
func (s Setup) gatewayError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if s.ErrorsCarryCORS {
		if v := allowOrigin(s.FunctionOrigin, r); v != "" {
			w.Header().Set("Access-Control-Allow-Origin", v)
			w.Header().Add("Vary", "Origin")
			if s.FunctionCredentials {
				w.Header().Set("Access-Control-Allow-Credentials", "true")
			}
		}
	}
	writeJSON(w, status, map[string]string{"message": msg})
}

// function models the Lambda-style handler behind a proxy integration: it
// returns a status, a body and whatever headers its code sets.
func function(s Setup) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if v := allowOrigin(s.FunctionOrigin, r); v != "" {
			w.Header().Set("Access-Control-Allow-Origin", v)
			if s.FunctionOrigin == "allow-list" {
				w.Header().Add("Vary", "Origin")
			}
			if s.FunctionCredentials {
				w.Header().Set("Access-Control-Allow-Credentials", "true")
			}
		}
		switch r.Method {
		case http.MethodGet, http.MethodHead:
			writeJSON(w, http.StatusOK, []map[string]any{{"id": 1, "item": "coffee beans", "qty": 2}})
		case http.MethodPost:
			writeJSON(w, http.StatusCreated, map[string]any{"id": 2, "status": "created"})
		default:
			writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"message": "method not allowed"})
		}
	}
}

// allowOrigin computes an Access-Control-Allow-Origin value from a mode.
func allowOrigin(mode string, r *http.Request) string {
	if mode != "allow-list" {
		return mode
	}
	origin := r.Header.Get("Origin")
	i := sort.SearchStrings(sortedAllowList, origin)
	if i < len(sortedAllowList) && sortedAllowList[i] == origin {
		return origin
	}
	return ""
}

var sortedAllowList = func() []string {
	l := append([]string(nil), AllowList...)
	sort.Strings(l)
	return l
}()

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// Describe renders the setups for `demo --list`.
func Describe() string {
	var b strings.Builder
	for _, s := range Setups {
		b.WriteString(s.Name)
		b.WriteString(strings.Repeat(" ", max(1, 28-len(s.Name))))
		b.WriteString(s.Story)
		b.WriteByte('\n')
	}
	return b.String()
}
