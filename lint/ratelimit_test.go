package lint_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/corslint/corslint/lint"
)

func TestRateLimiterSpacesRequestsPerHost(t *testing.T) {
	const (
		perSecond = 50
		requests  = 6
	)
	l := lint.NewRateLimiter(perSecond)
	start := time.Now()
	var wg sync.WaitGroup
	for range requests {
		for _, host := range []string{"a.example:443", "b.example:443"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := l.Wait(context.Background(), host); err != nil {
					t.Errorf("Wait(%q): got %v; want nil", host, err)
				}
			}()
		}
	}
	wg.Wait()
	// Six requests to each host at 50/s: the first is immediate, the last
	// starts 5 intervals (100ms) later. Both hosts proceed in parallel, so
	// the whole run takes about that, not twice as long.
	elapsed := time.Since(start)
	if least := 5 * time.Second / perSecond; elapsed < least {
		t.Errorf("%d requests per host at %d/s took %v; want at least %v", requests, perSecond, elapsed, least)
	}
	if most := 10 * time.Second / perSecond; elapsed > most {
		t.Errorf("%d requests per host at %d/s took %v; want at most %v (hosts are limited independently)", requests, perSecond, elapsed, most)
	}
}

func TestRateLimiterNilNeverWaits(t *testing.T) {
	l := lint.NewRateLimiter(0)
	if l != nil {
		t.Fatalf("NewRateLimiter(0): got %v; want nil (no limit)", l)
	}
	start := time.Now()
	for range 1000 {
		if err := l.Wait(context.Background(), "a.example:443"); err != nil {
			t.Fatalf("Wait: got %v; want nil", err)
		}
	}
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("1000 waits on a nil limiter took %v; want no waiting", elapsed)
	}
}

func TestRateLimiterHonoursCancellation(t *testing.T) {
	l := lint.NewRateLimiter(0.1) // one request per 10s
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := l.Wait(ctx, "a.example:443"); err != nil {
		t.Fatalf("first Wait: got %v; want nil", err)
	}
	start := time.Now()
	if err := l.Wait(ctx, "a.example:443"); err == nil {
		t.Errorf("second Wait within the interval: got nil; want the context's error")
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("cancelled Wait took %v; want it to return when the context ends", elapsed)
	}
}
