#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The sizes the house rules limit (src/README): print every C file longer
# than FILE_MAX lines as "file: N lines", and every function longer than
# FUNC_MAX lines as "file:line: name(): N lines".  A function is counted
# from its opening brace in column 0 to its closing brace in column 0, the
# way this tree (kernel style) writes them.
# Usage: build-aux/house-sizes.sh [-f FILE_MAX] [-F FUNC_MAX] FILE...
set -eu
file_max=800
func_max=100
while getopts f:F: o; do
	case $o in
	f) file_max=$OPTARG ;;
	F) func_max=$OPTARG ;;
	*) echo "usage: $0 [-f FILE_MAX] [-F FUNC_MAX] FILE..." >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
for f in "$@"; do
	awk -v file_max="$file_max" -v func_max="$func_max" '
	# The name of the function a "{" line opens: the last identifier
	# before "(" on the lines since the previous top-level item.
	/^[A-Za-z_].*\(/ && !infn { sig = $0; sigline = FNR }
	/^\{/ && !infn { infn = 1; start = FNR; name = sig
		sub(/\(.*/, "", name); sub(/.*[ *]/, "", name); next }
	/^\}/ && infn { infn = 0; n = FNR - start + 1
		if (n > func_max)
			printf "%s:%d: %s(): %d lines\n", FILENAME, sigline, name, n }
	END { if (FNR > file_max) printf "%s: %d lines\n", FILENAME, FNR }
	' "$f"
done
