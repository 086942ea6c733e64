// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Several boots in one log (a serial capture across reboots, a syslog
 * file): each "Linux version" line starts one.  The importer takes one
 * boot: the one --boot N names, or the last complete one (a boot that
 * reached mem_init's "Memory: ... available" line, when memblock handed
 * its memory over), or, when none is complete, the last one; and says
 * which on the diagnostics.
 */
#include <stdlib.h>
#include <string.h>

#include "import_priv.h"
#include "util/xalloc.h"

struct boot {
	int	first, end;	/* rec indices, end exclusive */
	bool	complete;
	const char *version;
};

/*
 * A boot starts at every "Linux version" line, and at the first record
 * when something of a boot (not a comment, nor "Booting Linux on physical
 * CPU", which comes first on arm) comes before the first one.
 */
static int find_boots(struct importer *im, struct boot **out)
{
	struct boot *b = NULL;
	int i, k, nr = 0;
	bool before = false;

	for (i = 0; i < im->nr; i++) {
		const struct imp_line *l = &im->recs[i].l;

		if (l->kind != IMP_VERSION &&
		    (nr || before || l->kind == IMP_COMMENT || l->kind == IMP_ARCH))
			continue;
		before = true;	/* the boot begun here, version line or not */
		if (nr)
			b[nr - 1].end = i;
		b = xrealloc(b, (size_t)(nr + 1) * sizeof(*b));
		b[nr++] = (struct boot){ .first = i, .end = im->nr,
					 .version = l->kind == IMP_VERSION ? l->text : NULL };
	}
	for (i = 0; i < nr; i++)
		for (k = b[i].first; k < b[i].end; k++)
			if (im->recs[k].l.kind == IMP_MEM_INIT)
				b[i].complete = true;
	*out = b;
	return nr;
}

int imp_select_boot(struct importer *im, char *err, int errlen)
{
	struct boot *b;
	int nr, pick, i;
	const char *why;

	nr = find_boots(im, &b);
	if (im->o->boot > (nr ? nr : 1)) {
		snprintf(err, (size_t)errlen, "%s: --boot %d, but the log holds %d boot%s",
			 im->o->input_name, im->o->boot, nr, nr == 1 ? "" : "s");
		free(b);
		return -1;
	}
	if (nr <= 1) {
		free(b);
		return 0;
	}
	if (im->o->boot) {
		pick = im->o->boot - 1;
		why = "as --boot says";
	} else {
		for (pick = nr - 1; pick >= 0 && !b[pick].complete; pick--)
			;
		why = "the last complete one (it reaches \"Memory: ... available\")";
		if (pick < 0) {
			pick = nr - 1;
			why = "the last one, as none reaches \"Memory: ... available\"";
		}
	}
	imp_report(im, im->recs[b[pick].first].lineno,
		   "%d boots in this log; importing boot %d (Linux %s), %s; --boot N chooses another",
		   nr, pick + 1, b[pick].version ? b[pick].version : "unknown", why);
	for (i = b[pick].first; i < b[pick].end; i++)
		im->recs[i - b[pick].first] = im->recs[i];
	im->nr = b[pick].end - b[pick].first;
	free(b);
	return 0;
}
