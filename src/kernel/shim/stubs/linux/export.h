/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Kernel engine: there are no modules to export symbols to. */
#ifndef KSHIM_LINUX_EXPORT_H
#define KSHIM_LINUX_EXPORT_H

#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)

#endif
