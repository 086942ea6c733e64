#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The kernel's own memblock test binary (tools/testing/memblock), for
# bench_scale's comparison (MBVIZ_BENCH_KERNEL_TESTS), built twice in a
# full kernel tree TREE (nothing is written into mbviz's tree):
#
#   TREE/tools/testing/memblock/main        with the kernel Makefile's own
#                                           flags: -O2, ASan and UBSan, whose
#                                           start-up dominates its time
#   TREE/tools/testing/memblock-plain/main  -O2 without sanitizers, in a
#                                           copy of that directory
#
# Without ASan, 6.1's alloc_top_down_disjoint_check fails: it reads the end
# of the 16 KiB the tests malloc() as aligned to twice SMP_CACHE_BYTES,
# which ASan's allocator gives and glibc's does not; the plain build's
# malloc() therefore returns page-aligned blocks (-Wl,--wrap=malloc).
# Both must pass their suite (exit 0).  Prints the variable to set.
#
#   sh tests/bench/kernel-tests.sh /tmp/linux-source-6.1
set -e
tree=${1:?usage: kernel-tests.sh KERNEL-TREE}
src=$tree/tools/testing/memblock
plain=$tree/tools/testing/memblock-plain
[ -f "$src/Makefile" ] && [ -f "$tree/mm/memblock.c" ] || {
	echo "kernel-tests.sh: $tree: no tools/testing/memblock or mm/memblock.c" >&2
	exit 2
}
make -s -C "$src" >/dev/null
rm -rf "$plain"
cp -R "$src" "$plain"
make -s -C "$plain" clean >/dev/null
cat >"$plain/aligned_malloc.c" <<'EOF'
#include <stdlib.h>
void *__wrap_malloc(size_t n);
void *__wrap_malloc(size_t n)
{
	return aligned_alloc(4096, (n + 4095) & ~(size_t)4095);
}
EOF
${CC:-cc} -O2 -c -o "$plain/aligned_malloc.o" "$plain/aligned_malloc.c"
make -s -C "$plain" CFLAGS='-I. -I../../include -Wall -O2 -D CONFIG_PHYS_ADDR_T_64BIT' \
	LDFLAGS='-Wl,--wrap=malloc aligned_malloc.o' >/dev/null
for b in "$src/main" "$plain/main"; do
	"$b" >/dev/null || { echo "kernel-tests.sh: $b failed its suite" >&2; exit 1; }
done
echo "MBVIZ_BENCH_KERNEL_TESTS=$src/main:$plain/main"
