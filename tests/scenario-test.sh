#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Automake test for one scenario file, printing TAP.
#   scenarios/NAME.json: `mbviz check` must pass it (its own TAP is the result).
#   tests/bad/NAME.json: `mbviz check` must exit 2 with exactly the one-line
#   error in tests/bad/NAME.err on stderr.
set -u
file=$1
case $file in
*tests/bad/*)
	want=${file%.json}.err
	# Automake passes ./tests/bad/X.json or $(srcdir)/tests/bad/X.json; the
	# message names the file as given, so always give it as tests/bad/X.json.
	got=$(cd "$(dirname "$file")/../.." && "$MBVIZ" check "tests/bad/${file##*/}" 2>&1 >/dev/null)
	status=$?
	echo "1..2"
	if [ $status -eq 2 ]; then
		echo "ok 1 - exit status 2"
	else
		echo "not ok 1 - exit status 2 (got $status)"
	fi
	if [ ! -f "$want" ]; then
		echo "not ok 2 - error message (no ${want##*/} holding the expected message)"
		echo "# got:      $got"
	elif [ "$got" = "$(cat "$want")" ]; then
		echo "ok 2 - error message"
	else
		echo "not ok 2 - error message"
		echo "# expected: $(cat "$want")"
		echo "# got:      $got"
	fi
	;;
*)
	exec "$MBVIZ" check "$file"
	;;
esac
