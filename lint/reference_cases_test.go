package lint_test

// referenceCases are the server-scriptable cases of section 4.1 of the
// project's CORS reference: each one was run in headless Chromium 156 and
// records what the browser decided. IDs are the reference's; "{O}" stands
// for the page's origin. Rows left out need more than one fetch (the
// preflight-cache rows e*), a mode corslint does not model (no-cors,
// same-origin, redirect "manual" or "error"), or XHR-only behaviour (f*);
// h01-h03 are written by hand below because their chains are generated.
var referenceCases = []refCase{
	{
		id: "a01", desc: "ACAO *",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "a02", desc: "no ACAO",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200}},
		},
		blocked: true, chromium: "MissingAllowOriginHeader",
		preflights: 0,
	},
	{
		id: "a03", desc: "ACAO exact origin",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}}}},
		},
		preflights: 0,
	},
	{
		id: "a04", desc: "ACAO origin + trailing slash",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}/"}}}},
		},
		blocked: true, chromium: "AllowOriginMismatch",
		param:      ptr("{O}/"),
		preflights: 0,
	},
	{
		id: "a05", desc: "ACAO uppercase host",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "http://LOCALHOST:3000"}}}},
		},
		blocked: true, chromium: "AllowOriginMismatch",
		param:      ptr("http://LOCALHOST:3000"),
		preflights: 0,
	},
	{
		id: "a06", desc: "ACAO uppercase scheme",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "HTTP://localhost:3000"}}}},
		},
		blocked: true, chromium: "AllowOriginMismatch",
		param:      ptr("HTTP://localhost:3000"),
		preflights: 0,
	},
	{
		id: "a07", desc: "ACAO missing port",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "http://localhost"}}}},
		},
		blocked: true, chromium: "AllowOriginMismatch",
		param:      ptr("http://localhost"),
		preflights: 0,
	},
	{
		id: "a08", desc: "ACAO \"origin, other\" in one header",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}, http://other.test"}}}},
		},
		blocked: true, chromium: "MultipleAllowOriginValues",
		param:      ptr("{O}, http://other.test"),
		preflights: 0,
	},
	{
		id: "a09", desc: "two ACAO headers, both origin",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Origin", "{O}"}}}},
		},
		blocked: true, chromium: "MultipleAllowOriginValues",
		param:      ptr("{O}, {O}"),
		preflights: 0,
	},
	{
		id: "a10", desc: "two ACAO headers, both *",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "MultipleAllowOriginValues",
		param:      ptr("*, *"),
		preflights: 0,
	},
	{
		id: "a11", desc: "ACAO null (non-opaque requester)",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "null"}}}},
		},
		blocked: true, chromium: "AllowOriginMismatch",
		param:      ptr("null"),
		preflights: 0,
	},
	{
		id: "a12", desc: "ACAO empty value",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", ""}}}},
		},
		blocked: true, chromium: "InvalidAllowOriginValue",
		preflights: 0,
	},
	{
		id: "a13", desc: "ACAO no scheme localhost:3000",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "localhost:3000"}}}},
		},
		blocked: true, chromium: "AllowOriginMismatch",
		param:      ptr("localhost:3000"),
		preflights: 0,
	},
	{
		id: "a14", desc: "ACAO malformed http:/localhost:3000",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "http:/localhost:3000"}}}},
		},
		blocked: true, chromium: "AllowOriginMismatch",
		param:      ptr("http:/localhost:3000"),
		preflights: 0,
	},
	{
		id: "a15", desc: "ACAO padded with spaces",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "   {O}   "}}}},
		},
		preflights: 0,
	},
	{
		id: "a16", desc: "ACAO leading tab",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "\t{O}"}}}},
		},
		preflights: 0,
	},
	{
		id: "a17", desc: "ACAO * with credentials include",
		method:      "GET",
		credentials: true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "WildcardOriginNotAllowed",
		preflights: 0,
	},
	{
		id: "a18", desc: "ACAO origin, creds include, no ACAC",
		method:      "GET",
		credentials: true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}}}},
		},
		blocked: true, chromium: "InvalidAllowCredentials",
		preflights: 0,
	},
	{
		id: "a19", desc: "ACAC TRUE",
		method:      "GET",
		credentials: true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "TRUE"}}}},
		},
		blocked: true, chromium: "InvalidAllowCredentials",
		param:      ptr("TRUE"),
		preflights: 0,
	},
	{
		id: "a20", desc: "ACAC padded \" true \"",
		method:      "GET",
		credentials: true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "  true  "}}}},
		},
		preflights: 0,
	},
	{
		id: "a21", desc: "two ACAC true headers",
		method:      "GET",
		credentials: true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		blocked: true, chromium: "InvalidAllowCredentials",
		param:      ptr("true, true"),
		preflights: 0,
	},
	{
		id: "a22", desc: "ACAO origin + ACAC true, creds include",
		method:      "GET",
		credentials: true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		preflights: 0,
	},
	{
		id: "a23", desc: "ACAO * + ACAC true, creds omit",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		preflights: 0,
	},
	{
		id: "a24", desc: "ACAO * + ACAC false, default creds",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Credentials", "false"}}}},
		},
		preflights: 0,
	},
	{
		id: "a25", desc: "status 500 with ACAO *",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 500, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "a26", desc: "status 404 without ACAO",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 404}},
		},
		blocked: true, chromium: "MissingAllowOriginHeader",
		preflights: 0,
	},
	{
		id: "a27", desc: "ACAO https scheme mismatch",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "https://localhost:3000"}}}},
		},
		blocked: true, chromium: "AllowOriginMismatch",
		param:      ptr("https://localhost:3000"),
		preflights: 0,
	},
	{
		id: "a28", desc: "ACAO \"*, origin\"",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*, {O}"}}}},
		},
		blocked: true, chromium: "MultipleAllowOriginValues",
		param:      ptr("*, {O}"),
		preflights: 0,
	},
	{
		id: "a29", desc: "ACAO '*' quoted",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "'*'"}}}},
		},
		blocked: true, chromium: "InvalidAllowOriginValue",
		param:      ptr("'*'"),
		preflights: 0,
	},
	{
		id: "a30", desc: "ACAO **",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "**"}}}},
		},
		blocked: true, chromium: "InvalidAllowOriginValue",
		param:      ptr("**"),
		preflights: 0,
	},
	{
		id: "a31", desc: "ACAO origin with path",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}/path"}}}},
		},
		blocked: true, chromium: "AllowOriginMismatch",
		param:      ptr("{O}/path"),
		preflights: 0,
	},
	{
		id: "a32", desc: "ACAO example.com (no scheme, no colon)",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "example.com"}}}},
		},
		blocked: true, chromium: "InvalidAllowOriginValue",
		param:      ptr("example.com"),
		preflights: 0,
	},
	{
		id: "a33", desc: "ACAO 127.0.0.1:3000 (no scheme)",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "127.0.0.1:3000"}}}},
		},
		blocked: true, chromium: "InvalidAllowOriginValue",
		param:      ptr("127.0.0.1:3000"),
		preflights: 0,
	},
	{
		id: "a34", desc: "ACAO https://*.localhost",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "http://*.localhost:3000"}}}},
		},
		blocked: true, chromium: "AllowOriginMismatch",
		param:      ptr("http://*.localhost:3000"),
		preflights: 0,
	},
	{
		id: "a35", desc: "ACAO origin;",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O};"}}}},
		},
		blocked: true, chromium: "InvalidAllowOriginValue",
		param:      ptr("{O};"),
		preflights: 0,
	},
	{
		id: "a36", desc: "ACAO origin + explicit default port :80 (wrong port anyway)",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}:80"}}}},
		},
		blocked: true, chromium: "InvalidAllowOriginValue",
		param:      ptr("{O}:80"),
		preflights: 0,
	},
	{
		id: "a37", desc: "ACAC true but creds same-origin and ACAO *",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		preflights: 0,
	},
	{
		id: "a38", desc: "ACAO \"null\" but creds include ACAC true",
		method:      "GET",
		credentials: true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "null"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		blocked: true, chromium: "AllowOriginMismatch",
		param:      ptr("null"),
		preflights: 0,
	},
	{
		id: "a39", desc: "ACAC \"true,\"",
		method:      "GET",
		credentials: true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true,"}}}},
		},
		blocked: true, chromium: "InvalidAllowCredentials",
		param:      ptr("true,"),
		preflights: 0,
	},
	{
		id: "a40", desc: "ACAC \"True\"",
		method:      "GET",
		credentials: true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "True"}}}},
		},
		blocked: true, chromium: "InvalidAllowCredentials",
		param:      ptr("True"),
		preflights: 0,
	},
	{
		id: "b01", desc: "POST text/plain",
		method: "POST",
		header: [][2]string{{"Content-Type", "text/plain"}},
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b02", desc: "POST application/json",
		method: "POST",
		header: [][2]string{{"Content-Type", "application/json"}},
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "content-type",
	},
	{
		id: "b03", desc: "POST string body, no CT",
		method: "POST",
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b04", desc: "CT text/plain; charset=utf-8",
		method: "POST",
		header: [][2]string{{"Content-Type", "text/plain; charset=utf-8"}},
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b05", desc: "CT TEXT/PLAIN",
		method: "POST",
		header: [][2]string{{"Content-Type", "TEXT/PLAIN"}},
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b06", desc: "CT text/plain,text/plain",
		method: "POST",
		header: [][2]string{{"Content-Type", "text/plain,text/plain"}},
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "content-type",
	},
	{
		id: "b07", desc: "CT multipart with quoted boundary",
		method: "POST",
		header: [][2]string{{"Content-Type", "multipart/form-data; boundary=\"x\""}},
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "content-type",
	},
	{
		id: "b08", desc: "CT text/plain;garbage",
		method: "POST",
		header: [][2]string{{"Content-Type", "text/plain;garbage"}},
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b09", desc: "CT text /plain",
		method: "POST",
		header: [][2]string{{"Content-Type", "text /plain"}},
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "content-type",
	},
	{
		id: "b10", desc: "Accept application/json",
		method: "GET",
		header: [][2]string{{"Accept", "application/json"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b11", desc: "Accept with (",
		method: "GET",
		header: [][2]string{{"Accept", "text/(x)"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "accept",
	},
	{
		id: "b12", desc: "Accept-Language en-US,en;q=0.9",
		method: "GET",
		header: [][2]string{{"Accept-Language", "en-US,en;q=0.9"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b13", desc: "Accept-Language with _",
		method: "GET",
		header: [][2]string{{"Accept-Language", "en_US"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "accept-language",
	},
	{
		id: "b14", desc: "X-Custom header",
		method: "GET",
		header: [][2]string{{"X-Custom", "1"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "x-custom",
	},
	{
		id: "b15", desc: "Accept 128 bytes",
		method: "GET",
		header: [][2]string{{"Accept", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b16", desc: "Accept 129 bytes",
		method: "GET",
		header: [][2]string{{"Accept", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "accept",
	},
	{
		id: "b17", desc: "DPR: 2 (Chromium client-hint safelist)",
		method: "GET",
		header: [][2]string{{"DPR", "2"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b18", desc: "Range bytes=0-",
		method: "GET",
		header: [][2]string{{"Range", "bytes=0-"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b19", desc: "Range bytes=-5",
		method: "GET",
		header: [][2]string{{"Range", "bytes=-5"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "range",
	},
	{
		id: "b20", desc: "method PUT",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1,
	},
	{
		id: "b21", desc: "method patch (lowercase, not normalized)",
		method: "patch",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1,
	},
	{
		id: "b22", desc: "method HEAD",
		method: "HEAD",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b23", desc: "method post (lowercase -> POST)",
		method: "post",
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b24", desc: "credentials include alone",
		method:      "GET",
		credentials: true,
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "WildcardOriginNotAllowed",
		preflights: 0,
	},
	{
		id: "b25", desc: "8 safelisted headers x128 = 1024 bytes",
		method: "GET",
		header: [][2]string{{"Accept", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}, {"Accept-Language", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}, {"Content-Language", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}, {"DPR", "11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"}, {"Width", "11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"}, {"Viewport-Width", "11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"}, {"Device-Memory", "11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"}, {"RTT", "11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b26", desc: "9 safelisted headers x128 = 1152 bytes",
		method: "GET",
		header: [][2]string{{"Accept", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}, {"Accept-Language", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}, {"Content-Language", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}, {"DPR", "11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"}, {"Width", "11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"}, {"Viewport-Width", "11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"}, {"Device-Memory", "11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"}, {"RTT", "11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"}, {"Downlink", "11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "accept,accept-language,content-language,device-memory,downlink,dpr,rtt,viewport-width,width",
	},
	{
		id: "b27", desc: "Save-Data: on",
		method: "GET",
		header: [][2]string{{"Save-Data", "on"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b28", desc: "Content-Language en",
		method: "GET",
		header: [][2]string{{"Content-Language", "en"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b29", desc: "URLSearchParams body",
		method: "POST",
		body:   "usp",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b30", desc: "Blob body type application/json",
		method: "POST",
		body:   "jsonblob",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "content-type",
	},
	{
		id: "b31", desc: "FormData body",
		method: "POST",
		body:   "formdata",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b32", desc: "method OPTIONS",
		method: "OPTIONS",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 2,
	},
	{
		id: "b33", desc: "method DELETE",
		method: "delete",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1,
	},
	{
		id: "b34", desc: "Content-Type header on GET (text/plain)",
		method: "GET",
		header: [][2]string{{"Content-Type", "text/plain"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b35", desc: "Intervention header (Chromium)",
		method: "GET",
		header: [][2]string{{"Intervention", "whatever"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b36", desc: "Authorization header",
		method: "GET",
		header: [][2]string{{"Authorization", "Bearer x"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "authorization",
	},
	{
		id: "b37", desc: "Cookie header (forbidden, dropped)",
		method: "GET",
		header: [][2]string{{"Cookie", "a=b"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b38", desc: "CT application/x-www-form-urlencoded;charset=UTF-8",
		method: "POST",
		header: [][2]string{{"Content-Type", "application/x-www-form-urlencoded;charset=UTF-8"}},
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "b39", desc: "CT x-www-form-urlencoded;DEL",
		method: "POST",
		header: [][2]string{{"Content-Type", "application/x-www-form-urlencoded;\u007f"}},
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "content-type",
	},
	{
		id: "b40", desc: "Width: 1.5 (int required)",
		method: "GET",
		header: [][2]string{{"Width", "1.5"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "width",
	},
	{
		id: "c01", desc: "PUT pre ok",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1,
	},
	{
		id: "c02", desc: "PUT pre no ACAO",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "PreflightMissingAllowOriginHeader",
		preflights: 1,
	},
	{
		id: "c03", desc: "PUT pre 404 no ACAO",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 404, header: [][2]string{{"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "PreflightMissingAllowOriginHeader",
		preflights: 1,
	},
	{
		id: "c04", desc: "PUT pre 404 with ACAO",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 404, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "PreflightInvalidStatus",
		preflights: 1,
	},
	{
		id: "c05", desc: "PUT pre 204",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 204, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1,
	},
	{
		id: "c06", desc: "PUT pre 301 redirect",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 301, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}, next: 1}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "PreflightDisallowedRedirect",
		preflights: 1,
	},
	{
		id: "c07", desc: "PUT pre 304 with ACAO",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 304, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "PreflightInvalidStatus",
		preflights: 1,
	},
	{
		id: "c08", desc: "PUT pre no ACAM",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "MethodDisallowedByPreflightResponse",
		param:      ptr("PUT"),
		preflights: 1,
	},
	{
		id: "c09", desc: "PUT, ACAM put",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "put"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "MethodDisallowedByPreflightResponse",
		param:      ptr("PUT"),
		preflights: 1,
	},
	{
		id: "c10", desc: "patch, ACAM PATCH",
		method: "patch",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PATCH"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "MethodDisallowedByPreflightResponse",
		param:      ptr("patch"),
		preflights: 1,
	},
	{
		id: "c11", desc: "patch, ACAM patch",
		method: "patch",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "patch"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1,
	},
	{
		id: "c12", desc: "PUT, ACAM * (no creds)",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1,
	},
	{
		id: "c13", desc: "PUT, ACAM * with creds",
		method:      "PUT",
		credentials: true,
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}, {"Access-Control-Allow-Methods", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		blocked: true, chromium: "MethodDisallowedByPreflightResponse",
		param:      ptr("PUT"),
		preflights: 1,
	},
	{
		id: "c14", desc: "PUT, ACAM trailing comma",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "POST, GET, OPTIONS, PUT,"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1,
	},
	{
		id: "c15", desc: "PUT, ACAM \"GET PUT\"",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "GET PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "InvalidAllowMethodsPreflightResponse",
		preflights: 1,
	},
	{
		id: "c16", desc: "GET+X-Foo, ACAM invalid",
		method: "GET",
		header: [][2]string{{"X-Foo", "1"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "Bad method name"}, {"Access-Control-Allow-Headers", "x-foo"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "InvalidAllowMethodsPreflightResponse",
		preflights: 1, acrh: "x-foo",
	},
	{
		id: "c17", desc: "X-Foo, no ACAH",
		method: "GET",
		header: [][2]string{{"X-Foo", "1"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "HeaderDisallowedByPreflightResponse",
		param:      ptr("x-foo"),
		preflights: 1, acrh: "x-foo",
	},
	{
		id: "c18", desc: "X-Foo, ACAH X-FOO",
		method: "GET",
		header: [][2]string{{"X-Foo", "1"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Headers", "X-FOO"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "x-foo",
	},
	{
		id: "c19", desc: "X-Foo, ACAH *",
		method: "GET",
		header: [][2]string{{"X-Foo", "1"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "x-foo",
	},
	{
		id: "c20", desc: "X-Foo creds, ACAH *",
		method:      "GET",
		header:      [][2]string{{"X-Foo", "1"}},
		credentials: true,
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		blocked: true, chromium: "HeaderDisallowedByPreflightResponse",
		param:      ptr("x-foo"),
		preflights: 1, acrh: "x-foo",
	},
	{
		id: "c21", desc: "Authorization, ACAH *",
		method: "GET",
		header: [][2]string{{"Authorization", "Bearer x"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "authorization",
	},
	{
		id: "c22", desc: "Authorization, ACAH authorization",
		method: "GET",
		header: [][2]string{{"Authorization", "Bearer x"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Headers", "authorization"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "authorization",
	},
	{
		id: "c23", desc: "X-Foo, ACAH \",x-bar, ,,X-Foo\"",
		method: "GET",
		header: [][2]string{{"X-Foo", "1"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Headers", ",x-bar, ,,X-Foo"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "x-foo",
	},
	{
		id: "c24", desc: "X-Foo, ACAH \"x-foo;\"",
		method: "GET",
		header: [][2]string{{"X-Foo", "1"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Headers", "x-foo;"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "InvalidAllowHeadersPreflightResponse",
		preflights: 1, acrh: "x-foo",
	},
	{
		id: "c25", desc: "X-Foo, two ACAH headers",
		method: "GET",
		header: [][2]string{{"X-Foo", "1"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Headers", "x-bar"}, {"Access-Control-Allow-Headers", "x-foo"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "x-foo",
	},
	{
		id: "c26", desc: "PUT, two ACAM headers",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "GET"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1,
	},
	{
		id: "c27", desc: "PUT creds, pre ACAO *",
		method:      "PUT",
		credentials: true,
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Credentials", "true"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		blocked: true, chromium: "PreflightWildcardOriginNotAllowed",
		preflights: 1,
	},
	{
		id: "c28", desc: "PUT creds, pre no ACAC",
		method:      "PUT",
		credentials: true,
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		blocked: true, chromium: "PreflightInvalidAllowCredentials",
		preflights: 1,
	},
	{
		id: "c29", desc: "PUT creds, actual no ACAC",
		method:      "PUT",
		credentials: true,
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}}}},
		},
		blocked: true, chromium: "InvalidAllowCredentials",
		preflights: 1,
	},
	{
		id: "c30", desc: "PUT pre ok, actual no ACAO",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200}},
		},
		blocked: true, chromium: "MissingAllowOriginHeader",
		preflights: 1,
	},
	{
		id: "c31", desc: "PUT pre ACAO origin/",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}/"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "PreflightAllowOriginMismatch",
		param:      ptr("{O}/"),
		preflights: 1,
	},
	{
		id: "c32", desc: "PUT pre two ACAO",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "PreflightMultipleAllowOriginValues",
		param:      ptr("{O}, {O}"),
		preflights: 1,
	},
	{
		id: "c33", desc: "method * creds, ACAM * literal",
		method:      "*",
		credentials: true,
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}, {"Access-Control-Allow-Methods", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		preflights: 1,
	},
	{
		id: "c34", desc: "CT json, ACAH content-type",
		method: "POST",
		header: [][2]string{{"Content-Type", "application/json"}},
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Headers", "content-type"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "content-type",
	},
	{
		id: "c35", desc: "CT json, no ACAH",
		method: "POST",
		header: [][2]string{{"Content-Type", "application/json"}},
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "HeaderDisallowedByPreflightResponse",
		param:      ptr("content-type"),
		preflights: 1, acrh: "content-type",
	},
	{
		id: "c36", desc: "PUT, pre ACAC TRUE no creds",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Credentials", "TRUE"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1,
	},
	{
		id: "c37", desc: "PUT + X-Foo, both missing (order)",
		method: "PUT",
		header: [][2]string{{"X-Foo", "1"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "MethodDisallowedByPreflightResponse",
		param:      ptr("PUT"),
		preflights: 1, acrh: "x-foo",
	},
	{
		id: "c38", desc: "X-B + X-A, ACAH none (which is reported)",
		method: "GET",
		header: [][2]string{{"X-B", "1"}, {"X-A", "1"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "HeaderDisallowedByPreflightResponse",
		param:      ptr("x-a"),
		preflights: 1, acrh: "x-a,x-b",
	},
	{
		id: "c39", desc: "PUT pre 500 no ACAO",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 500}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "PreflightMissingAllowOriginHeader",
		preflights: 1,
	},
	{
		id: "c40", desc: "PUT ACAM \"PUT\" quoted",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "\"PUT\""}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "InvalidAllowMethodsPreflightResponse",
		preflights: 1,
	},
	{
		id: "c41", desc: "X-Foo ACAH \"x-foo x-bar\"",
		method: "GET",
		header: [][2]string{{"X-Foo", "1"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Headers", "x-foo x-bar"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "InvalidAllowHeadersPreflightResponse",
		preflights: 1, acrh: "x-foo",
	},
	{
		id: "c42", desc: "PUT, ACAM \"*\" but ACAH invalid",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "a b"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "InvalidAllowHeadersPreflightResponse",
		preflights: 1,
	},
	{
		id: "c43", desc: "GET safelisted method, ACAM PUT only, X-Foo allowed",
		method: "GET",
		header: [][2]string{{"X-Foo", "1"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}, {"Access-Control-Allow-Headers", "X-Foo"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "x-foo",
	},
	{
		id: "c44", desc: "PUT pre 200 ACAO null",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "null"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "PreflightAllowOriginMismatch",
		param:      ptr("null"),
		preflights: 1,
	},
	{
		id: "c45", desc: "PUT pre status 299",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 299, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1,
	},
	{
		id: "c46", desc: "PUT pre status 300 w/o Location",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 300, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "PreflightInvalidStatus",
		preflights: 1,
	},
	{
		id: "d01", desc: "r1 302 -> r1, ACAO * both",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 302, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}, next: 1}},
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "d02", desc: "r1 302 without ACAO -> r1",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 302, next: 1}},
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "MissingAllowOriginHeader",
		preflights: 0,
	},
	{
		id: "d03", desc: "r1 -> r2, r2 ACAO origin (tainted)",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 302, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}, next: 1}},
			{role: "r2", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}}}},
		},
		blocked: true, chromium: "AllowOriginMismatch",
		param:      ptr("{O}"),
		preflights: 0,
	},
	{
		id: "d04", desc: "r1 -> r2, r2 ACAO null",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 302, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}, next: 1}},
			{role: "r2", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "null"}}}},
		},
		preflights: 0,
	},
	{
		id: "d05", desc: "r1 -> r2, r2 ACAO *",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 302, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}, next: 1}},
			{role: "r2", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "d06", desc: "r1 -> page origin, ACAO *",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 302, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}, next: 1}},
			{role: "page", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "d07", desc: "page -> r1, r1 ACAO origin",
		method: "GET",
		hops: []refHop{
			{role: "page", actual: refResp{status: 302, next: 1}},
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}}}},
		},
		preflights: 0,
	},
	{
		id: "d08", desc: "r1 -> user:pass@r2",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 302, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}, next: 1, userinfo: "user:pass"}},
			{role: "r2", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "RedirectContainsCredentials",
		preflights: 0,
	},
	{
		id: "d09", desc: "PUT preflighted r1 307 -> r1",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 307, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}, next: 1}},
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 2,
	},
	{
		id: "d10", desc: "PUT preflighted r1 307 -> r2, r2 pre ACAO *",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 307, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}, next: 1}},
			{role: "r2", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 2,
	},
	{
		id: "d11", desc: "PUT preflighted r1 307 -> r2, r2 pre ACAO origin",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 307, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}, next: 1}},
			{role: "r2", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}}}},
		},
		blocked: true, chromium: "PreflightAllowOriginMismatch",
		param:      ptr("{O}"),
		preflights: 2,
	},
	{
		id: "d13", desc: "creds: r1 (ACAO origin, ACAC) -> r2 ACAO null ACAC true",
		method:      "GET",
		credentials: true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 302, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}, next: 1}},
			{role: "r2", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "null"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		preflights: 0,
	},
	{
		id: "d14", desc: "creds: r1 -> r2 ACAO *",
		method:      "GET",
		credentials: true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 302, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}, next: 1}},
			{role: "r2", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		blocked: true, chromium: "WildcardOriginNotAllowed",
		preflights: 0,
	},
	{
		id: "d16", desc: "POST json 303 -> r1 (method->GET)",
		method: "POST",
		header: [][2]string{{"Content-Type", "application/json"}},
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Headers", "content-type"}}}, actual: refResp{status: 303, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}, next: 1}},
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Headers", "content-type"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "content-type",
	},
	{
		id: "d17", desc: "r1 -> r1 with user:pass (same origin as current, cross to page)",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 302, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}, next: 1, userinfo: "user:pass"}},
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "RedirectContainsCredentials",
		preflights: 0,
	},
	{
		id: "d18", desc: "same-origin page 302 -> page URL with user:pass@",
		method: "GET",
		hops: []refHop{
			{role: "page", actual: refResp{status: 302, next: 1, userinfo: "user:pass"}},
			{role: "page", actual: refResp{status: 200}},
		},
		blocked: true, chromium: "blocked:origin",
		preflights: 0,
	},
	{
		id: "g01", desc: "ACAO header name upper-cased",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"ACCESS-CONTROL-ALLOW-ORIGIN", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "g02", desc: "ACAO \"origin,\" trailing comma",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O},"}}}},
		},
		blocked: true, chromium: "MultipleAllowOriginValues",
		param:      ptr("{O},"),
		preflights: 0,
	},
	{
		id: "g03", desc: "PUT, ACAM \"GET, *\"",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "GET, *"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1,
	},
	{
		id: "g04", desc: "X-Foo, ACAH \"x-foo, x/bar\"",
		method: "GET",
		header: [][2]string{{"X-Foo", "1"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Headers", "x-foo, x/bar"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "InvalidAllowHeadersPreflightResponse",
		preflights: 1, acrh: "x-foo",
	},
	{
		id: "g07", desc: "X-HTTP-Method-Override: TRACE (forbidden -> dropped)",
		method: "GET",
		header: [][2]string{{"X-HTTP-Method-Override", "TRACE"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "g08", desc: "X-HTTP-Method-Override: PUT (ordinary custom header)",
		method: "GET",
		header: [][2]string{{"X-HTTP-Method-Override", "PUT"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "x-http-method-override",
	},
	{
		id: "g09", desc: "Content-Type 129 bytes text/plain;x=...",
		method: "POST",
		header: [][2]string{{"Content-Type", "text/plain;x=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}},
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "content-type",
	},
	{
		id: "g10", desc: "Content-Type 128 bytes text/plain;x=...",
		method: "POST",
		header: [][2]string{{"Content-Type", "text/plain;x=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}},
		body:   "string",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "g11", desc: "Authorization + creds, ACAH *",
		method:      "GET",
		header:      [][2]string{{"Authorization", "Bearer x"}},
		credentials: true,
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		blocked: true, chromium: "HeaderDisallowedByPreflightResponse",
		param:      ptr("authorization"),
		preflights: 1, acrh: "authorization",
	},
	{
		id: "g12", desc: "method Put (mixed case -> PUT)",
		method: "Put",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1,
	},
	{
		id: "g13", desc: "pAtCh, ACAM *",
		method: "pAtCh",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1,
	},
	{
		id: "g14", desc: "Sec-Foo header (forbidden, dropped)",
		method: "GET",
		header: [][2]string{{"Sec-Foo", "1"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "g15", desc: "PUT, pre ACAO * ACAM PUT, pre status 201",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 201, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1,
	},
	{
		id: "g16", desc: "X-Foo, ACAH \"*\" and ACAM \"*\" with creds same-origin default",
		method: "DELETE",
		header: [][2]string{{"X-Foo", "1"}},
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "*"}, {"Access-Control-Allow-Headers", "*"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1, acrh: "x-foo",
	},
	{
		id: "g17", desc: "ACAO with internal tab",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}\tx"}}}},
		},
		blocked: true, chromium: "InvalidAllowOriginValue",
		param:      ptr("{O}\tx"),
		preflights: 0,
	},
	{
		id: "g18", desc: "PUT, ACAM \"PUT\" but ACAO on pre is \"*\" + ACAC, creds include",
		method:      "PUT",
		credentials: true,
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		blocked: true, chromium: "PreflightWildcardOriginNotAllowed",
		preflights: 1,
	},
	{
		id: "s01", desc: "sandboxed: ACAO *",
		method:  "GET",
		sandbox: true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 0,
	},
	{
		id: "s02", desc: "sandboxed: ACAO null",
		method:  "GET",
		sandbox: true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "null"}}}},
		},
		preflights: 0,
	},
	{
		id: "s03", desc: "sandboxed: ACAO page origin",
		method:  "GET",
		sandbox: true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}}}},
		},
		blocked: true, chromium: "AllowOriginMismatch",
		param:      ptr("{O}"),
		preflights: 0,
	},
	{
		id: "s04", desc: "sandboxed: creds include, ACAO null + ACAC true",
		method:      "GET",
		credentials: true,
		sandbox:     true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "null"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		preflights: 0,
	},
	{
		id: "s05", desc: "sandboxed: fetch own server origin, no ACAO",
		method:  "GET",
		sandbox: true,
		hops: []refHop{
			{role: "page", actual: refResp{status: 200}},
		},
		blocked: true, chromium: "MissingAllowOriginHeader",
		preflights: 0,
	},
	{
		id: "s06", desc: "sandboxed: PUT, pre ACAO null",
		method:  "PUT",
		sandbox: true,
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "null"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "null"}}}},
		},
		preflights: 1,
	},
	{
		id: "h04", desc: "preflighted PUT, 307 response lacks ACAO",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 307, next: 1}},
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "MissingAllowOriginHeader",
		preflights: 1,
	},
	{
		id: "h05", desc: "r1 302 with mismatching ACAO",
		method: "GET",
		hops: []refHop{
			{role: "r1", actual: refResp{status: 302, header: [][2]string{{"Access-Control-Allow-Origin", "http://other.test"}}, next: 1}},
			{role: "r1", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "AllowOriginMismatch",
		param:      ptr("http://other.test"),
		preflights: 0,
	},
	{
		id: "h06", desc: "same-origin page -> r1 PUT (preflight after redirect)",
		method: "PUT",
		hops: []refHop{
			{role: "page", actual: refResp{status: 307, next: 1}},
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		preflights: 1,
	},
	{
		id: "h07", desc: "r1 -> page (same as initiator) with creds, ACAO origin",
		method:      "GET",
		credentials: true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 302, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}, next: 1}},
			{role: "page", actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		blocked: true, chromium: "AllowOriginMismatch",
		param:      ptr("{O}"),
		preflights: 0,
	},
	{
		id: "c47", desc: "authorizer guards OPTIONS: pre 401 with ACAO",
		method:      "POST",
		header:      [][2]string{{"Authorization", "Bearer x"}, {"Content-Type", "application/json"}},
		body:        "string",
		credentials: true,
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 401, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		blocked: true, chromium: "PreflightInvalidStatus",
		preflights: 1, acrh: "authorization,content-type",
	},
	{
		id: "c48", desc: "authorizer guards OPTIONS: pre 401 without CORS headers",
		method:      "POST",
		header:      [][2]string{{"Authorization", "Bearer x"}},
		body:        "string",
		credentials: true,
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 401}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "PreflightMissingAllowOriginHeader",
		preflights: 1, acrh: "authorization",
	},
	{
		id: "c49", desc: "JWT flow fixed: pre 204 ACAO O, ACAC true, ACAM POST, ACAH authorization, content-type",
		method:      "POST",
		header:      [][2]string{{"Authorization", "Bearer x"}, {"Content-Type", "application/json"}},
		body:        "string",
		credentials: true,
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 204, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}, {"Access-Control-Allow-Methods", "POST"}, {"Access-Control-Allow-Headers", "authorization, content-type"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		preflights: 1, acrh: "authorization,content-type",
	},
	{
		id: "c50", desc: "JWT flow: actual POST lacks ACAC",
		method:      "POST",
		header:      [][2]string{{"Authorization", "Bearer x"}, {"Content-Type", "application/json"}},
		body:        "string",
		credentials: true,
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 204, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}, {"Access-Control-Allow-Methods", "POST"}, {"Access-Control-Allow-Headers", "authorization, content-type"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}}}},
		},
		blocked: true, chromium: "InvalidAllowCredentials",
		preflights: 1, acrh: "authorization,content-type",
	},
	{
		id: "c51", desc: "JWT flow: ACAH lists content-type only",
		method:      "POST",
		header:      [][2]string{{"Authorization", "Bearer x"}, {"Content-Type", "application/json"}},
		body:        "string",
		credentials: true,
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 204, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}, {"Access-Control-Allow-Methods", "POST"}, {"Access-Control-Allow-Headers", "content-type"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		blocked: true, chromium: "HeaderDisallowedByPreflightResponse",
		param:      ptr("authorization"),
		preflights: 1, acrh: "authorization,content-type",
	},
	{
		id: "c52", desc: "JWT flow: typo https:/ style ACAO on preflight",
		method:      "POST",
		header:      [][2]string{{"Authorization", "Bearer x"}},
		body:        "string",
		credentials: true,
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 204, header: [][2]string{{"Access-Control-Allow-Origin", "http:/localhost:3000"}, {"Access-Control-Allow-Credentials", "true"}, {"Access-Control-Allow-Methods", "POST"}, {"Access-Control-Allow-Headers", "authorization"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "{O}"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		blocked: true, chromium: "PreflightAllowOriginMismatch",
		param:      ptr("http:/localhost:3000"),
		preflights: 1, acrh: "authorization",
	},
	{
		id: "c53", desc: "PUT pre ACAO example.com (no scheme)",
		method: "PUT",
		hops: []refHop{
			{role: "r1", preflight: &refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "example.com"}, {"Access-Control-Allow-Methods", "PUT"}}}, actual: refResp{status: 200, header: [][2]string{{"Access-Control-Allow-Origin", "*"}}}},
		},
		blocked: true, chromium: "PreflightInvalidAllowOriginValue",
		param:      ptr("example.com"),
		preflights: 1,
	},
	{
		id: "a41", desc: "ACAO mismatch on 4xx actual response with creds",
		method:      "GET",
		credentials: true,
		hops: []refHop{
			{role: "r1", actual: refResp{status: 403, header: [][2]string{{"Access-Control-Allow-Origin", "http://localhost:3001"}, {"Access-Control-Allow-Credentials", "true"}}}},
		},
		blocked: true, chromium: "AllowOriginMismatch",
		param:      ptr("http://localhost:3001"),
		preflights: 0,
	},
}
