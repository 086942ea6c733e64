/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Error numbers: the user-space ones (the C library includes the system's
 * <linux/errno.h> itself, so it is pulled in first) plus the few that only
 * exist inside the kernel.
 */
#ifndef MBVIZ_STUBS_LINUX_ERRNO_H
#define MBVIZ_STUBS_LINUX_ERRNO_H

#if defined(__has_include_next)
#if __has_include_next(<linux/errno.h>)
#include_next <linux/errno.h>
#endif
#endif

#ifndef ENOMEM
#define ENOMEM		12
#endif
#ifndef EINVAL
#define EINVAL		22
#endif

/* Kernel-internal codes, never seen by user space. */
#define ERESTARTSYS	512
#define ENOTSUPP	524

#endif
