/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Kernel engine: included by mm/memblock.c; nothing in it is used here. */
#ifndef KSHIM_LINUX_IO_H
#define KSHIM_LINUX_IO_H
#endif
