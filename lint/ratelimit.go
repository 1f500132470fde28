package lint

import (
	"context"
	"sync"
	"time"
)

// RateLimiter spaces requests to each host evenly: at most perSecond
// requests per second per host, without bursts, so a run over many
// endpoints of one production API never hits it harder than configured,
// however many workers are free.
type RateLimiter struct {
	interval time.Duration
	mu       sync.Mutex
	next     map[string]time.Time // the earliest start of the next request, per host
	now      func() time.Time
}

// NewRateLimiter returns a limiter allowing perSecond requests per second
// to each host, or nil (no limit) when perSecond is not positive.
func NewRateLimiter(perSecond float64) *RateLimiter {
	if perSecond <= 0 {
		return nil
	}
	return &RateLimiter{
		interval: time.Duration(float64(time.Second) / perSecond),
		next:     map[string]time.Time{},
		now:      time.Now,
	}
}

// Wait blocks until a request to host may start, or ctx is done. A nil
// limiter never waits. It has the signature of Engine.Limiter.
func (l *RateLimiter) Wait(ctx context.Context, host string) error {
	if l == nil {
		return ctx.Err()
	}
	// Reserve a slot under the lock, then sleep outside it, so waiting for
	// one host never delays requests to another.
	l.mu.Lock()
	now := l.now()
	start := l.next[host]
	if start.Before(now) {
		start = now
	}
	l.next[host] = start.Add(l.interval)
	l.mu.Unlock()
	wait := start.Sub(now)
	if wait <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
