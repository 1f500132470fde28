package lint_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/corslint/corslint/lint"
	"github.com/corslint/corslint/lint/browser"
	"github.com/corslint/corslint/lint/origin"
	"github.com/corslint/corslint/rules"
)

// benchServer answers like a correctly configured API that takes latency
// to answer, so concurrency has something to overlap.
func benchServer(b *testing.B, latency time.Duration) *httptest.Server {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(latency)
		w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
		w.Header().Set("Access-Control-Allow-Credentials", "true")
		w.Header().Set("Vary", "Origin")
		if r.Method == http.MethodOptions {
			w.Header().Set("Access-Control-Allow-Methods", "GET, POST")
			w.Header().Set("Access-Control-Allow-Headers", "authorization, content-type")
			w.WriteHeader(http.StatusNoContent)
		}
	}))
	b.Cleanup(ts.Close)
	return ts
}

func benchProbes(url string, n int) []lint.Probe {
	probes := make([]lint.Probe, n)
	for i := range probes {
		t := &lint.Target{Request: lint.Request{
			URL: fmt.Sprintf("%s/items/%d", url, i), Method: "GET", Credentials: true,
			Header: []browser.Field{{Name: "Authorization", Value: "Bearer bench-token"}},
		}}
		probes[i] = lint.Probe{Target: t, Origin: origin.MustParse("https://app.example.com"), Source: lint.Source{Kind: lint.SourceAllowed}}
	}
	return probes
}

// BenchmarkRun measures a run of 100 preflighted, credentialed probes
// against a loopback server with 2 ms latency, at several concurrencies;
// compare ns/op across sub-benchmarks of one run for the speed-up.
func BenchmarkRun(b *testing.B) {
	ts := benchServer(b, 2*time.Millisecond)
	probes := benchProbes(ts.URL, 100)
	for _, workers := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("concurrency=%d", workers), func(b *testing.B) {
			e := &lint.Engine{
				Rules: rules.All(), Client: lint.NewClient(lint.ClientOptions{}),
				Redactor: lint.NewRedactor("Bearer bench-token"), UserAgent: "corslint-bench", Concurrency: workers,
			}
			b.ReportAllocs()
			for b.Loop() {
				for _, res := range e.Run(context.Background(), probes) {
					if res.Verdict != lint.Allowed {
						b.Fatalf("verdict %s: %+v", res.Verdict, res.BlockedBy)
					}
				}
			}
		})
	}
}

// BenchmarkTrial measures the engine's own cost per probe (no latency).
func BenchmarkTrial(b *testing.B) {
	ts := benchServer(b, 0)
	p := benchProbes(ts.URL, 1)[0]
	e := &lint.Engine{Rules: rules.All(), Client: lint.NewClient(lint.ClientOptions{}), Redactor: lint.NewRedactor(), UserAgent: "corslint-bench"}
	b.ReportAllocs()
	for b.Loop() {
		if res := e.Trial(context.Background(), p); res.Verdict != lint.Allowed {
			b.Fatalf("verdict %s", res.Verdict)
		}
	}
}
