// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz html [--engine=SPEC] [--width=COLS] [--color[=WHEN]] [-o FILE] FILE
 *
 * One self-contained HTML page of a whole scenario: every step as the SVG
 * picture `snapshot --format svg` draws (its call, note, changes and
 * expectations are in the picture's header), with the kernel's messages
 * for the step under it, stepped through with buttons and keys (n/p,
 * arrows, Home/End).  No network, no external file: one file to attach to
 * a mail or publish.  Without JavaScript every step shows, one under the
 * other.  The page is also well-formed XML (void elements closed, nothing
 * in the script or styles to escape), so that xmllint checks all of it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_open.h"
#include "commands.h"
#include "render/render.h"
#include "render/render_svg.h"
#include "run/step_frame.h"
#include "run/timeline.h"
#include "scenario/scenario.h"
#include "util/atomic_file.h"

static void html_text(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '&')
			fputs("&amp;", f);
		else if (*s == '<')
			fputs("&lt;", f);
		else if (*s == '>')
			fputs("&gt;", f);
		else if (*s == '"')
			fputs("&quot;", f);
		else
			fputc(*s, f);
	}
}

static const char page_style[] =
	"body{margin:0;font:15px/1.4 system-ui,sans-serif;background:#fff;color:#1b1b1b}\n"
	"header{position:sticky;top:0;background:inherit;padding:8px 16px;"
	"border-bottom:1px solid #8884}\n"
	"h1{font-size:17px;margin:0 0 6px}\nnav button{font:inherit;padding:2px 10px}\n"
	"main{padding:8px 16px}\n.step{margin:0 0 24px}\n.step svg{max-width:100%;height:auto}\n"
	"pre.log{font:13px/1.35 'DejaVu Sans Mono',monospace;background:#8881;padding:6px 8px;"
	"margin:4px 0;overflow-x:auto}\n"
	".js .step{display:none}\n.js .step.current{display:block}\n"
	"@media (prefers-color-scheme: dark){body{background:#0d1117;color:#e6edf3}}\n"
	"@media print{header{display:none}.js .step{display:block}}\n";

/* Keys and buttons; the step in the URL's #fragment, so that a link can point at one. */
static const char page_script[] =
	"(function(){\n"
	"document.documentElement.classList.add('js');\n"
	"var steps=document.querySelectorAll('.step'),pos=document.getElementById('pos'),"
	"range=document.getElementById('range'),cur=0;\n"
	"function show(k){k=Math.max(0,Math.min(steps.length-1,k));"
	"steps[cur].classList.remove('current');cur=k;steps[cur].classList.add('current');"
	"pos.textContent='step '+k+' / '+(steps.length-1);range.value=k;"
	"history.replaceState(null,'','#step-'+k);}\n"
	"document.getElementById('first').onclick=function(){show(0)};\n"
	"document.getElementById('prev').onclick=function(){show(cur-1)};\n"
	"document.getElementById('next').onclick=function(){show(cur+1)};\n"
	"document.getElementById('last').onclick=function(){show(steps.length-1)};\n"
	"range.oninput=function(){show(+range.value)};\n"
	"document.addEventListener('keydown',function(e){if(e.ctrlKey||e.metaKey||e.altKey)return;"
	"var k={ArrowRight:1,n:1,' ':1,ArrowLeft:-1,p:-1}[e.key];"
	"if(k){show(cur+k);e.preventDefault();}"
	"else if(e.key==='Home'||e.key==='g')show(0);"
	"else if(e.key==='End'||e.key==='G')show(steps.length-1);});\n"
	"var m=/^#step-(\\d+)$/.exec(location.hash);show(m?+m[1]:0);\n"
	"})();\n";

struct html_opts {
	const char	*output;
	int		width;
	bool		color;
};

static void page_head(FILE *f, const struct scenario *sc, const struct svg_opts *so)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
	      "<meta name=\"generator\" content=\"mbviz html\"/>\n<title>", f);
	html_text(f, sc->name);
	if (sc->title) {
		fputs(": ", f);
		html_text(f, sc->title);
	}
	fprintf(f, "</title>\n<style>\n%s</style>\n", page_style);
	svg_style_sheet(f, so);
	fputs("</head>\n<body>\n<svg width=\"0\" height=\"0\" style=\"position:absolute\" "
	      "aria-hidden=\"true\">", f);
	svg_patterns(f, so->id);
	fputs("</svg>\n<header>\n<h1>", f);
	html_text(f, sc->name);
	if (sc->title) {
		fputs(": ", f);
		html_text(f, sc->title);
	}
	fprintf(f, "</h1>\n<nav><button id=\"first\" title=\"Home, g\">|&lt;</button> "
		"<button id=\"prev\" title=\"Left, p\">&lt; prev</button> "
		"<button id=\"next\" title=\"Right, n, space\">next &gt;</button> "
		"<button id=\"last\" title=\"End, G\">&gt;|</button> "
		"<input id=\"range\" type=\"range\" min=\"0\" max=\"%d\" value=\"0\" "
		"aria-label=\"step\"/> <span id=\"pos\">step 0 / %d</span></nav>\n</header>\n<main>\n",
		sc->nr_steps, sc->nr_steps);
}

/* The kernel's messages of the step that led to state @k. */
static void step_log(FILE *f, const struct step_outcome *o)
{
	int i;

	if (!o || (!o->log.nr && !o->log.partial))
		return;
	fputs("<pre class=\"log\" aria-label=\"kernel messages\">", f);
	for (i = 0; i < o->log.nr; i++) {
		html_text(f, o->log.lines[i].text);
		fputc('\n', f);
	}
	if (o->log.partial) {
		html_text(f, o->log.partial);
		fputc('\n', f);
	}
	fputs("</pre>\n", f);
}

/* Every state, 0 .. nr_steps, as a section; 0 or -1 after a message. */
static int page_steps(FILE *f, const struct scenario *sc, struct timeline *t,
		      const struct html_opts *o, const struct svg_opts *so)
{
	struct render_opts ro;
	struct mb_state prev = { 0 };
	struct canvas cv;
	int k;

	render_opts_init(&ro);
	ro.width = o->width;
	for (k = 0; k <= sc->nr_steps; k++) {
		const struct step_outcome *out;
		struct frame in;

		if (timeline_goto(t, k)) {
			fprintf(stderr, "%s\n", timeline_error(t) ? timeline_error(t) :
				"mbviz: html: the run stopped with an error");
			state_free(&prev);
			return -1;
		}
		out = k > 0 ? timeline_outcome(t, k - 1) : NULL;
		frame_from_step(&in, sc, k, timeline_state(t), k > 0 ? &prev : NULL, out, NULL);
		ro.legend = k == sc->nr_steps;
		canvas_init(&cv);
		render_snapshot(&cv, &in, &ro);
		fprintf(f, "<section class=\"step\" id=\"step-%d\">\n", k);
		canvas_svg_write(f, &cv, so);
		step_log(f, out);
		fputs("</section>\n", f);
		canvas_free(&cv);
		state_free(&prev);
		state_copy(&prev, timeline_state(t));
	}
	state_free(&prev);
	return 0;
}

static int write_page(const struct html_opts *o, const struct scenario *sc, struct timeline *t)
{
	struct svg_opts so = { .color = o->color, .id = "mbviz", .shared_defs = true };
	char *text = NULL, err[1024];
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int status = 0;

	if (!f) {
		fputs("mbviz: out of memory\n", stderr);
		return 3;
	}
	page_head(f, sc, &so);
	if (page_steps(f, sc, t, o, &so))
		status = 2;
	fprintf(f, "</main>\n<script>\n%s</script>\n</body>\n</html>\n", page_script);
	if (fclose(f)) {
		free(text);
		fputs("mbviz: out of memory\n", stderr);
		return 3;
	}
	if (!status && o->output) {
		if (atomic_write_file(o->output, text, len, err, sizeof(err))) {
			fprintf(stderr, "mbviz: html: %s\n", err);
			status = 2;
		}
	} else if (!status && fwrite(text, 1, len, stdout) != len) {
		status = 2;	/* said by cmd_flush_stdout() */
	}
	free(text);
	return status;
}

int cmd_html(const struct cmd_line *cl)
{
	struct html_opts opts = { 0 };
	const char *nc = getenv("NO_COLOR");
	struct cmd_opened o;
	int status, i;

	opts.width = cl->width ? cl->width : 100;
	opts.color = cl->color == COLOR_ALWAYS || (cl->color == COLOR_AUTO && !(nc && *nc));
	for (i = 0; i < cl->nr_args; i++)
		if (cl->args[i].key == 'o')
			opts.output = cl->args[i].value;
	status = cmd_open_run(cl, OPEN_CHECKPOINTS | OPEN_NO_REASON, &o);
	if (!status) {
		status = write_page(&opts, o.sc, o.t);
		if (!opts.output && cmd_flush_stdout(cl))
			status = 2;
	}
	cmd_close_run(&o);
	return status;
}
