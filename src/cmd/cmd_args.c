// SPDX-License-Identifier: GPL-2.0-or-later
/* What the subcommands that take one scenario share on their command line. */
#include <stdio.h>

#include "commands.h"

int cmd_operand(const char *cmd, const char *word, bool options, const char **file)
{
	if (options && word[0] == '-' && word[1]) {
		fprintf(stderr, "mbviz: %s: unknown option '%s'\n", cmd, word);
		return -1;
	}
	if (*file) {
		fprintf(stderr, "mbviz: %s: one scenario at a time ('%s' and '%s')\n", cmd, *file,
			word);
		return -1;
	}
	*file = word;
	return 0;
}

int cmd_need_file(const char *cmd, const char *file)
{
	if (file)
		return 0;
	fprintf(stderr, "mbviz: %s: no scenario file given\n", cmd);
	return -1;
}
