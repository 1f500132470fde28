//go:build browser

package conformance

// mixedContentCases run from the https page (securePage) against http:
// URLs, to measure the mixed-content rule: which hosts Chromium exempts,
// whether it blocks or upgrades (it blocks, and sends nothing), and where
// on a redirect chain it stops. apiHost is a name Chromium and the engine
// both send to 127.0.0.1, so the servers are loopback while the URL is not.
//
// Left out: a sandboxed https page fetching http://api.test. Chromium
// blocks it as mixed content (measured: the page was loaded over https
// though its origin is opaque), but the engine's --origin null says
// nothing of the page's URL.
func mixedContentCases() []testCase {
	ok := answer(200, acao+"*")
	api := func(r role) hop { return hop{role: r, host: apiHost, actual: ok} }
	const mixed = "blocked:mixed-content"
	return []testCase{
		{id: "x301", desc: "https page -> http://api.test: mixed content", securePage: true, unsent: true,
			hops: []hop{api(r1)}, want: mixed},
		{id: "x302", desc: "https page -> http://127.0.0.1: loopback is exempt", securePage: true,
			hops: []hop{{role: r1, actual: ok}}},
		{id: "x303", desc: "https page -> http://localhost: localhost is exempt", securePage: true,
			hops: []hop{{role: r1, host: "localhost", actual: ok}}},
		{id: "x304", desc: "http page -> http://api.test: no mixed content on an http page",
			hops: []hop{api(r1)}},
		{id: "x305", desc: "https page -> https://api.test 302 -> http://api.test: blocked at the redirect", securePage: true,
			hops: []hop{{role: s1, host: apiHost, actual: answer(302, acao+"*", loc)}, api(r1)}, want: mixed},
		{id: "x306", desc: "https page -> https://api.test, preflighted PUT the preflight allows", securePage: true, method: "PUT",
			hops: []hop{{role: s1, host: apiHost, preflight: pf(204, acao+"{origin}", acam+"PUT"), actual: answer(200, acao+"{origin}")}}},
		{id: "x307", desc: "https page -> http://api.test, preflighted PUT: blocked before the preflight", securePage: true, unsent: true, method: "PUT",
			hops: []hop{{role: r1, host: apiHost, preflight: permissive, actual: ok}}, want: mixed},
		{id: "x308", desc: "https page -> https://127.0.0.1, ACAO *", securePage: true,
			hops: []hop{{role: s1, actual: ok}}},
		{id: "x309", desc: "https page -> https 302 -> http://127.0.0.1: a loopback hop is exempt", securePage: true,
			hops: []hop{{role: s1, host: apiHost, actual: answer(302, acao+"*", loc)}, {role: r1, actual: ok}}},
		{id: "x310", desc: "https page -> https 302 without ACAO -> http://api.test: the CORS check comes first", securePage: true,
			hops: []hop{{role: s1, host: apiHost, actual: answer(302, loc)}, api(r1)}, want: "MissingAllowOriginHeader"},
		{id: "x311", desc: "https page -> http://api.test that is down: blocked without a response", securePage: true, unsent: true,
			hops: []hop{{role: r1, host: apiHost, hangup: true}}, want: mixed},
		{id: "x312", desc: "https page -> https PUT 307 -> http://api.test: blocked before the second preflight", securePage: true, method: "PUT",
			hops: []hop{{role: s1, host: apiHost, preflight: pf(204, acao+"*", acam+"PUT"), actual: answer(307, acao+"*", loc)}, {role: r1, host: apiHost, preflight: permissive, actual: ok}}, want: mixed},
		{id: "x313", desc: "https page -> https 302 -> http://api.test that is down", securePage: true,
			hops: []hop{{role: s1, host: apiHost, actual: answer(302, acao+"*", loc)}, {role: r1, host: apiHost, hangup: true}}, want: mixed},
		{id: "x314", desc: "https page -> http://127.0.0.1 302 -> http://api.test: an http hop may still be mixed content", securePage: true,
			hops: []hop{{role: r1, actual: answer(302, acao+"*", loc)}, api(r2)}, want: mixed},
		{id: "x315", desc: "https page -> http://sub.localhost: *.localhost is exempt", securePage: true,
			hops: []hop{{role: r1, host: "sub.localhost", actual: ok}}},
		{id: "x316", desc: "https page -> http://localhost. (trailing dot)", securePage: true,
			hops: []hop{{role: r1, host: "localhost.", actual: ok}}},
		{id: "x317", desc: "https page -> http://127.1: the URL parser makes it 127.0.0.1", securePage: true,
			hops: []hop{{role: r1, host: "127.1", actual: ok}}},
		{id: "x318", desc: "https page -> http://api.test, credentialed POST: blocked before it is sent", securePage: true, unsent: true, method: "POST", creds: true,
			header: []string{"Content-Type: text/plain"}, body: "x", hops: []hop{{role: r1, host: apiHost, actual: answer(200, acao+"{origin}", acac+"true")}}, want: mixed},
		{id: "x319", desc: "http page -> https://api.test: an http page may fetch https",
			hops: []hop{{role: s1, host: apiHost, actual: answer(200, acao+"{origin}")}}},
		{id: "x320", desc: "sandboxed https page -> http://127.0.0.1, ACAO null", securePage: true, sandbox: true,
			hops: []hop{{role: r1, actual: answer(200, acao+"null")}}},
	}
}
