/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Kernel engine: no leak detector; its hooks do nothing, as without KMEMLEAK. */
#ifndef KSHIM_LINUX_KMEMLEAK_H
#define KSHIM_LINUX_KMEMLEAK_H

#define kmemleak_alloc_phys(...)	do { } while (0)
#define kmemleak_free_part_phys(...)	do { } while (0)
#define kmemleak_ignore_phys(...)	do { } while (0)
#define kmemleak_alloc(...)		do { } while (0)
#define kmemleak_free(...)		do { } while (0)

#endif
