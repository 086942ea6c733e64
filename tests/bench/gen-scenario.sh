#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Large scenarios for the benchmarks (make bench), written to stdout, so
# that anyone can reproduce their figures by hand:
#
#   gen-scenario.sh steps N      N steps: one memblock_add of 4 GiB, then
#                                memblock_reserve and memblock_phys_free of
#                                small ranges, alternating (as
#                                bench_timeline); every 100th step expects
#                                its ret, every 1000th the reserved cnt
#   gen-scenario.sh regions N    N memory and N reserved regions: 1 GiB at
#                                4 GiB (room for the doubled arrays), then N
#                                disjoint 4 KiB ranges 8 KiB apart, then a
#                                2 KiB reservation inside each (2N+2 steps)
#   gen-scenario.sh suite I      small scenario number I (0..149), one of
#                                the kinds of check of the kernel's
#                                tools/testing/memblock suite (add, reserve,
#                                remove, free, alloc, overlaps and merges),
#                                with an expectation after every step
#
# Every generated scenario passes `mbviz check` (bench_load checks that).
set -e
kind=$1
n=$2
case "$kind" in
steps|regions|suite) ;;
*) echo "usage: gen-scenario.sh steps N | regions N | suite I" >&2; exit 2 ;;
esac
case "$n" in
''|*[!0-9]*) echo "gen-scenario.sh: N must be a number" >&2; exit 2 ;;
esac
exec awk -v kind="$kind" -v n="$n" '
function hex(v) { return sprintf("\"0x%x\"", v) }
function steps(n,   i, base, size, op, tail) {
	print "{ \"scenario\": 1, \"name\": \"bench-steps\","
	print "  \"steps\": ["
	printf "    { \"op\": \"memblock_add\", \"base\": 0, \"size\": \"4G\" }"
	for (i = 1; i < n; i++) {
		base = 16777216 + ((int(i / 2)) % 61) * 12288
		size = i % 4 == 1 ? 4096 : 2048
		op = i % 2 ? "memblock_reserve" : "memblock_phys_free"
		tail = ""
		if (i % 1000 == 0)
			tail = ", \"expect\": { \"ret\": 0, \"memory\": { \"cnt\": 1, \"total_size\": \"4G\" } }"
		else if (i % 100 == 0)
			tail = ", \"expect\": { \"ret\": 0 }"
		printf ",\n    { \"op\": \"%s\", \"base\": %s, \"size\": %s%s }", op, hex(base), hex(size), tail
	}
	print "\n  ]\n}"
}
function regions(n,   i) {
	print "{ \"scenario\": 1, \"name\": \"bench-regions\", \"machine\": { \"allow_resize\": true },"
	print "  \"steps\": ["
	printf "    { \"op\": \"memblock_add\", \"base\": \"4G\", \"size\": \"1G\" }"
	for (i = 0; i < n; i++)
		printf ",\n    { \"op\": \"memblock_add\", \"base\": %s, \"size\": \"4K\" }", hex(i * 8192)
	for (i = 0; i < n; i++)
		printf ",\n    { \"op\": \"memblock_reserve\", \"base\": %s, \"size\": \"2K\" }", hex(i * 8192 + 1024)
	printf ",\n    { \"op\": \"memblock_reserve\", \"base\": \"4G\", \"size\": \"4K\",\n"
	printf "      \"expect\": { \"memory\": { \"cnt\": %d } } }\n", n + 1
	print "  ]\n}"
}
function reg(b, s) { return sprintf("{ \"base\": %s, \"size\": %s }", hex(b), hex(s)) }
# One step: op, its arguments, and the expectation after it.
function step(op, args, expect) {
	printf "%s    { \"op\": \"%s\", %s, \"expect\": { %s } }", sep, op, args, expect
	sep = ",\n"
}
function bs(b, s) { return sprintf("\"base\": %s, \"size\": %s", hex(b), hex(s)) }
function type(name, cnt, total, regs) {
	return sprintf("\"%s\": { \"cnt\": %d, \"total_size\": %s, \"regions\": [ %s ] }", name, cnt, hex(total), regs)
}
function suite(i,   B, K, M) {
	K = 1024; M = 1024 * 1024
	B = (1 + int(i / 5)) * 16 * M
	printf "{ \"scenario\": 1, \"name\": \"bench-suite-%d\",\n  \"steps\": [\n", i
	sep = ""
	if (i % 5 == 0) {		# add: disjoint, then the hole filled (merge)
		step("memblock_add", bs(B, 8*K), "\"ret\": 0, " type("memory", 1, 8*K, reg(B, 8*K)))
		step("memblock_add", bs(B + 16*K, 8*K), "\"ret\": 0, " type("memory", 2, 16*K, reg(B, 8*K) ", " reg(B + 16*K, 8*K)))
		step("memblock_add", bs(B + 8*K, 8*K), "\"ret\": 0, " type("memory", 1, 24*K, reg(B, 24*K)))
	} else if (i % 5 == 1) {	# reserve: overlapping, then disjoint
		step("memblock_reserve", bs(B, 4*K), "\"ret\": 0, " type("reserved", 1, 4*K, reg(B, 4*K)))
		step("memblock_reserve", bs(B + 2*K, 4*K), "\"ret\": 0, " type("reserved", 1, 6*K, reg(B, 6*K)))
		step("memblock_reserve", bs(B + 64*K, 4*K), "\"ret\": 0, " type("reserved", 2, 10*K, reg(B, 6*K) ", " reg(B + 64*K, 4*K)))
	} else if (i % 5 == 2) {	# remove: the middle, then the start
		step("memblock_add", bs(B, 64*K), "\"ret\": 0, " type("memory", 1, 64*K, reg(B, 64*K)))
		step("memblock_remove", bs(B + 16*K, 16*K), "\"ret\": 0, " type("memory", 2, 48*K, reg(B, 16*K) ", " reg(B + 32*K, 32*K)))
		step("memblock_remove", bs(B, 16*K), "\"ret\": 0, " type("memory", 1, 32*K, reg(B + 32*K, 32*K)))
	} else if (i % 5 == 3) {	# free: a hole, then the head
		step("memblock_reserve", bs(B, 16*K), "\"ret\": 0, " type("reserved", 1, 16*K, reg(B, 16*K)))
		step("memblock_phys_free", bs(B + 4*K, 4*K), "\"ret\": 0, " type("reserved", 2, 12*K, reg(B, 4*K) ", " reg(B + 8*K, 8*K)))
		step("memblock_phys_free", bs(B, 4*K), "\"ret\": 0, " type("reserved", 1, 8*K, reg(B + 8*K, 8*K)))
	} else {			# alloc: top-down, the second merges with the first
		step("memblock_add", bs(B, M), "\"ret\": 0, " type("memory", 1, M, reg(B, M)))
		step("memblock_phys_alloc", sprintf("\"size\": %s, \"align\": %s", hex(4*K), hex(4*K)), \
		     "\"ret\": " hex(B + M - 4*K) ", " type("reserved", 1, 4*K, reg(B + M - 4*K, 4*K)))
		step("memblock_phys_alloc", sprintf("\"size\": %s, \"align\": %s", hex(8*K), hex(4*K)), \
		     "\"ret\": " hex(B + M - 12*K) ", " type("reserved", 1, 12*K, reg(B + M - 12*K, 12*K)))
	}
	print "\n  ]\n}"
}
BEGIN {
	if (kind == "steps") steps(n)
	else if (kind == "regions") regions(n)
	else suite(n)
}
' </dev/null
