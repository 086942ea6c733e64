// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Values as the scenario format writes them: addresses and sizes in
 * hexadecimal strings, node ids (NUMA_NO_NODE by name), region flags by
 * their kernel names.
 */
#include <inttypes.h>
#include <string.h>

#include "import_priv.h"

void imp_put_hex(cJSON *o, const char *key, uint64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "0x%" PRIx64, v);
	cJSON_AddStringToObject(o, key, buf);
}

void imp_put_nid(cJSON *o, const char *key, int nid)
{
	if (nid < 0)
		cJSON_AddStringToObject(o, key, "NUMA_NO_NODE");
	else
		cJSON_AddNumberToObject(o, key, nid);
}

void imp_put_flags(cJSON *o, unsigned int flags)
{
	static const char *names[] = { "HOTPLUG", "MIRROR", "NOMAP", "DRIVER_MANAGED" };
	char buf[64] = "";
	int i;

	if (flags & ~0xfu)
		return;		/* a flag of a newer kernel: not checked */
	if (!flags) {
		cJSON_AddStringToObject(o, "flags", "NONE");
		return;
	}
	for (i = 0; i < 4; i++) {
		if (!(flags & (1u << i)))
			continue;
		if (*buf)
			strcat(buf, "|");
		strcat(buf, names[i]);
	}
	cJSON_AddStringToObject(o, "flags", buf);
}
