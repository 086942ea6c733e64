// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What comes before the kernel's own text on a line of a log: mail
 * quoting, log levels, timestamps of every form (dmesg, dmesg -T and
 * --time-format iso, printk caller ids, capture tools' dates), syslog and
 * journal prefixes, dmesg -x's facility and level, Xen's early console.
 */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "import.h"

/* "2023-12-05T22:32:38,123456+01:00" (dmesg --time-format iso, RFC 3339 syslog): past it, or NULL. */
static const char *skip_iso_time(const char *q)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd";
	size_t i;

	for (i = 0; shape[i]; i++) {
		if (shape[i] == 'T' && q[i] == ' ')
			continue;	/* "2019-08-18 19:28:51: ", a capture tool's */
		if (shape[i] == 'd' ? !isdigit((unsigned char)q[i]) : q[i] != shape[i])
			return NULL;
	}
	q += i;
	if (*q == '.' || *q == ',')
		for (q++; isdigit((unsigned char)*q); q++)
			;
	if (*q == 'Z')
		q++;
	else if ((*q == '+' || *q == '-') && isdigit((unsigned char)q[1]))
		for (q++; isdigit((unsigned char)*q) || *q == ':'; q++)
			;
	if (*q == ':')
		q++;
	return *q == ' ' ? q + 1 : NULL;
}

/* "Dec  5 08:39:42" or "Dec 05 08:39:42.123456" (syslog, journalctl): past it, or NULL. */
static const char *skip_syslog_time(const char *q)
{
	static const char shape[] = "dd:dd:dd";
	size_t i;

	if (!isupper((unsigned char)q[0]) || !islower((unsigned char)q[1]) ||
	    !islower((unsigned char)q[2]) || q[3] != ' ')
		return NULL;
	q += 4;
	if (*q == ' ')
		q++;
	if (!isdigit((unsigned char)*q))
		return NULL;
	while (isdigit((unsigned char)*q))
		q++;
	if (*q++ != ' ')
		return NULL;
	for (i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)q[i]) : q[i] != shape[i])
			return NULL;
	q += i;
	if (*q == '.')
		for (q++; isdigit((unsigned char)*q); q++)
			;
	return *q == ' ' ? q + 1 : NULL;
}

/* "kernel: ", "kernel[123]: ", after an optional host name: past it, or NULL. */
static const char *skip_kernel_tag(const char *q)
{
	int pass;

	for (pass = 0; pass < 2; pass++) {
		const char *k = q;

		if (!strncmp(k, "kernel", 6)) {
			k += 6;
			if (*k == '[') {
				for (k++; isdigit((unsigned char)*k); k++)
					;
				if (*k++ != ']')
					return NULL;
			}
			if (*k == ':' && (k[1] == ' ' || !k[1]))
				return k[1] ? k + 2 : k + 1;
		}
		/* the host: one word, then the tag */
		while (*q && *q != ' ' && *q != ':' && *q != '[')
			q++;
		if (*q != ' ')
			return NULL;
		q++;
	}
	return NULL;
}

/*
 * A bracketed time at @q: "[    0.000000]", "[  +0.000004]" (dmesg -d),
 * "[    T0]" (printk caller), "[Tue Dec  5 22:32:38 2023]" (dmesg -T),
 * "[2023/06/16-12:06:53:394]" (a terminal program's).  Never "[mem ...]"
 * or a range of a wrapped line, "[0x...-0x...]".  Past it, or NULL.
 */
static const char *skip_bracket_time(const char *q)
{
	const char *e = q + 1;
	bool digit = false, colon = false;

	if (*q != '[')
		return NULL;
	while (*e == ' ' || *e == '+')
		e++;
	if ((*e == 'T' || *e == 'C') && isdigit((unsigned char)e[1])) {	/* caller id */
		for (e++; isdigit((unsigned char)*e); e++)
			;
		return *e == ']' ? e + 1 : NULL;
	}
	for (; *e && *e != ']' && e - q < 48; e++) {
		if (isdigit((unsigned char)*e))
			digit = true;
		else if (*e == ':')
			colon = true;
		else if (!(isalpha((unsigned char)*e) || strchr(" .,/-+", *e)))
			return NULL;
	}
	if (*e != ']' || !digit || strstr(q, "0x") == q + 1)
		return NULL;
	/* letters only with a time of day (dmesg -T), digits and a dot alone are seconds */
	for (q++; q < e; q++)
		if (isalpha((unsigned char)*q) && !colon)
			return NULL;
	return e + 1;
}

const char *import_strip_prefix(const char *line)
{
	const char *s = line, *k;

	for (;;) {
		const char *q = s, *e;

		while (*q == ' ' || *q == '\t')
			q++;
		if (!strncmp(q, "(early) ", 8)) {	/* Xen's early console */
			s = q + 8;
			continue;
		}
		if (*q == '>' || (*q == '|' && q == line)) {	/* mail quoting, "> > " too; "|" */
			s = q + 1;
			if (*s == ' ')
				s++;
			continue;
		}
		if (*q == '<' && isdigit((unsigned char)q[1])) {	/* <6> */
			e = q + 1;
			while (isdigit((unsigned char)*e))
				e++;
			if (*e == '>' && e - q <= 5) {
				s = e + 1;
				continue;
			}
		}
		e = skip_bracket_time(q);
		if (e) {
			s = *e == ' ' ? e + 1 : e;
			k = skip_kernel_tag(s);	/* journalctl -o short-monotonic */
			if (k)
				s = k;
			continue;
		}
		/* syslog, journalctl, RFC 3339: a time, maybe a host, "kernel: " */
		e = skip_iso_time(q);
		if (!e)
			e = skip_syslog_time(q);
		if (e) {
			k = skip_kernel_tag(e);
			s = k ? k : e;	/* dmesg --time-format iso has no tag */
			continue;
		}
		/* dmesg -x: "kern  :info  : " */
		if (!strncmp(q, "kern", 4)) {
			e = q + 4;
			while (*e == ' ')
				e++;
			if (*e == ':' && islower((unsigned char)e[1])) {
				e++;
				while (islower((unsigned char)*e))
					e++;
				while (*e == ' ')
					e++;
				if (*e == ':' && e[1] == ' ') {
					s = e + 2;
					continue;
				}
			}
		}
		break;
	}
	/* other syslog forms: "Dec  4 03:00:00 host kernel: ", any time of day first */
	k = strstr(s, " kernel: ");
	if (k && k - s < 80 && !memchr(s, '[', (size_t)(k - s))) {
		const char *colon = strchr(s, ':');

		if (colon && colon < k)	/* the time of day comes first */
			return import_strip_prefix(k + 9);
	}
	return s;
}

