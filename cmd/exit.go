package cmd

import (
	"errors"
	"fmt"
)

// Exit codes, documented in README.md and `corslint --help`.
const (
	ExitOK          = 0 // nothing at or above --fail-on
	ExitFindings    = 1 // findings at or above --fail-on
	ExitUsage       = 2 // bad flags, arguments, config or input
	ExitUnreachable = 3 // a target could not be reached (DNS, connect, TLS, timeout, garbage)
)

// exitError carries an exit code out of a command. Commands return it; only
// Main turns it into a process status.
type exitError struct {
	code int
	err  error // nil: exit silently with code
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageError marks bad input: exit 2 with a one-line message.
func usageError(err error) error { return &exitError{code: ExitUsage, err: err} }

func usageErrorf(format string, args ...any) error {
	return usageError(fmt.Errorf(format, args...))
}

// exitCode maps an error returned by a command to an exit code.
func exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var e *exitError
	if errors.As(err, &e) {
		return e.code
	}
	// Errors cobra raises itself (unknown flag, wrong argument count) are
	// usage errors too.
	return ExitUsage
}
