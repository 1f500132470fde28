#!/usr/bin/env bash
# Runs every fuzz target of the module for FUZZTIME each (default 10s).
# A crash fails the run and leaves its input under testdata/fuzz/ to commit
# as a seed. Go's fuzzer sometimes ends a time-boxed run with "context
# deadline exceeded" while it is still minimizing a new (non-failing) input;
# that is the toolchain's timer, not a finding, so it is retried once.
set -uo pipefail
fuzztime=${FUZZTIME:-10s}
status=0
for pkg in $(go list ./...); do
	for target in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz'); do
		for attempt in 1 2; do
			echo "fuzz $pkg $target ($fuzztime)"
			out=$(go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" 2>&1)
			code=$?
			echo "$out" | tail -n 3
			if [ $code -eq 0 ]; then
				break
			fi
			if [ $attempt -eq 1 ] && ! grep -q 'Failing input written' <<<"$out" && grep -q 'context deadline exceeded' <<<"$out"; then
				echo "fuzz $target: the fuzzer's timer expired mid-minimization; retrying once"
				continue
			fi
			echo "$out"
			status=1
			break
		done
	done
done
exit $status
