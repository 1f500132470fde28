package header_test

import (
	"strings"
	"testing"

	"github.com/corslint/corslint/lint/header"
)

// FuzzCheckAccess: the CORS check never panics, and it passes only for the
// two values the standard allows.
func FuzzCheckAccess(f *testing.F) {
	for _, c := range accessCases {
		f.Add(strings.Join(c.acao, "\n"), strings.Join(c.acac, "\n"), c.credentialed)
	}
	f.Fuzz(func(t *testing.T, acao, acac string, credentialed bool) {
		var acaoLines, acacLines []string
		if acao != "" {
			acaoLines = strings.Split(acao, "\n")
		}
		if acac != "" {
			acacLines = strings.Split(acac, "\n")
		}
		got, _ := header.CheckAccess(acaoLines, acacLines, credentialed, page)
		joined, _ := header.Join(acaoLines)
		if got == header.AccessOK {
			if !(joined == page || (joined == "*" && !credentialed)) {
				t.Fatalf("CheckAccess(%q) passed for origin %q", acaoLines, page)
			}
			if credentialed && !header.IsTrue(acacLines) {
				t.Fatalf("CheckAccess passed a credentialed request with ACAC %q", acacLines)
			}
		}
		_ = header.IsGURLValid(acao)
	})
}

// FuzzParseList: a parsed list holds only tokens; a failure names an
// element that is not one.
func FuzzParseList(f *testing.F) {
	for _, c := range listCases {
		f.Add(strings.Join(c.values, "\n"))
	}
	f.Fuzz(func(t *testing.T, s string) {
		items, bad, ok := header.ParseList(strings.Split(s, "\n"))
		if ok {
			for _, it := range items {
				if !header.IsToken(it) {
					t.Fatalf("ParseList(%q) returned non-token %q", s, it)
				}
			}
			return
		}
		if header.IsToken(bad) || bad == "" {
			t.Fatalf("ParseList(%q) failed on %q, which is a token", s, bad)
		}
	})
}

// FuzzParseMaxAge: never panics; Chromium's value stays within its cap.
func FuzzParseMaxAge(f *testing.F) {
	for _, c := range maxAgeCases {
		f.Add(strings.Join(c.values, "\n"))
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := header.ParseMaxAge(strings.Split(s, "\n"))
		if r.Chromium < 0 || r.Chromium > header.ChromiumMaxAge || r.Firefox < 0 || r.Firefox > header.FirefoxMaxAge {
			t.Fatalf("ParseMaxAge(%q) = %+v out of range", s, r)
		}
	})
}
