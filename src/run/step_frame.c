// SPDX-License-Identifier: GPL-2.0-or-later
#include <string.h>

#include "step_frame.h"

void frame_from_step(struct frame *f, const struct scenario *sc, int step,
		     const struct mb_state *st, const struct mb_state *prev,
		     const struct step_outcome *out, const char *error)
{
	const struct step *s = step > 0 && step <= sc->nr_steps ? &sc->steps[step - 1] : NULL;

	memset(f, 0, sizeof(*f));
	f->m = &sc->machine;
	f->st = st;
	f->prev = prev;
	f->step = step;
	f->out = out;
	f->error = error;
	f->name = sc->name ? sc->name : "";
	f->title = sc->title;
	f->nr_steps = sc->nr_steps;
	if (!s)
		return;
	f->label = s->as;
	f->op = s->spec ? s->spec->name : NULL;
	f->note = s->note;
	f->expects = s->expect.present;
}
