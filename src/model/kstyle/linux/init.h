/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Section markers.  The kernel places boot-only code and data in sections
 * it frees after boot; a user-space program has nothing to free, so they
 * are all empty.
 */
#ifndef MBVIZ_STUBS_LINUX_INIT_H
#define MBVIZ_STUBS_LINUX_INIT_H

#define __init
#define __initdata
#define __initconst
#define __meminit
#define __meminitdata
#define __init_memblock
#define __initdata_memblock
#define __refdata
#define __ref

/* Boot parameters are machine settings in mbviz, not parsed strings. */
#define early_param(name, fn)
#define __setup(name, fn)

#endif
