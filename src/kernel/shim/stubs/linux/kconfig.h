/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel engine: IS_ENABLED(CONFIG_FOO) is 1 when the engine is built with
 * -DCONFIG_FOO (defined as 1 or empty) and 0 when it is not defined.
 * The trick: a defined option expands to a token that pastes into a macro
 * with a leading argument, shifting a 1 into the selected position.
 */
#ifndef KSHIM_LINUX_KCONFIG_H
#define KSHIM_LINUX_KCONFIG_H

#define __kshim_on_1			0,
#define __kshim_on_			0,
#define __kshim_second(ignored, val, ...)	val
#define __kshim_pick(arg_or_junk)	__kshim_second(arg_or_junk 1, 0, 0)
#define __kshim_probe(val)		__kshim_pick(__kshim_on_##val)
#define __kshim_enabled(val)		__kshim_probe(val)

#define IS_ENABLED(option)		__kshim_enabled(option)
#define IS_BUILTIN(option)		__kshim_enabled(option)

#endif
