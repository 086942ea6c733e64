#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Bootstrap a git checkout: generate the file lists, then the build system.
set -eu
cd "$(dirname "$0")"
mkdir -p m4 build-aux
build-aux/gen-lists
autoreconf -fi
# Automake does not install its TAP driver by itself.
if [ ! -f build-aux/tap-driver.sh ]; then
	am=$(automake --print-libdir)
	cp "$am/tap-driver.sh" build-aux/tap-driver.sh
fi
