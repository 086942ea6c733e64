/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef KSHIM_LINUX_BUG_H
#define KSHIM_LINUX_BUG_H

#include <asm/bug.h>

#endif
