// Package securitytest runs corslint's attacker probes against servers built
// on real CORS middleware (github.com/rs/cors, github.com/go-chi/cors,
// github.com/gin-contrib/cors) and against hand-written handlers that
// reproduce common mistakes (an nginx-style $http_origin echo, unanchored
// and unescaped patterns, a CDN that drops Vary). Every server listens on
// 127.0.0.1; attacker origins are only ever sent as Origin header values.
//
// The package holds tests only; the middleware are test dependencies.
package securitytest
