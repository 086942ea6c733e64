// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A minimal reader of an ELF64 object's .symtab: function and data symbols,
 * sorted by address.  Every offset and size is checked against the file,
 * so a damaged object gives an error, never a crash.
 */
#include <elf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel_syms.h"
#include "util/xalloc.h"

struct ksym {
	uint64_t	start, end;
	const char	*name;
};

struct kernel_syms {
	char		*file;		/* the whole object: names point into it */
	size_t		size;
	int		nr;
	struct ksym	*syms;
};

static char *read_all(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, alloc = 0, got;

	if (!f)
		return NULL;
	for (;;) {
		if (n == alloc) {
			alloc = alloc ? 2 * alloc : 1 << 16;
			buf = xrealloc(buf, alloc);
		}
		got = fread(buf + n, 1, alloc - n, f);
		if (!got)
			break;
		n += got;
	}
	if (ferror(f)) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*size = n;
	return buf;
}

static int by_start(const void *a, const void *b)
{
	const struct ksym *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

static bool in_file(const struct kernel_syms *ks, uint64_t off, uint64_t len)
{
	return off <= ks->size && len <= ks->size - off;
}

/* Collect the sized function and data symbols of one symbol table section. */
static int read_symtab(struct kernel_syms *ks, const Elf64_Shdr *sh, const Elf64_Shdr *strsh)
{
	/* The file is malloc'd; a misaligned table is refused, never read. */
	const Elf64_Sym *sym = (const void *)(ks->file + sh->sh_offset);
	const char *strtab = ks->file + strsh->sh_offset;
	size_t i, n = sh->sh_size / sizeof(Elf64_Sym);

	if (sh->sh_offset % _Alignof(Elf64_Sym) || !in_file(ks, sh->sh_offset, sh->sh_size) ||
	    !in_file(ks, strsh->sh_offset, strsh->sh_size) || !strsh->sh_size ||
	    strtab[strsh->sh_size - 1] != '\0')
		return -1;
	ks->syms = xrealloc(ks->syms, (ks->nr + n) * sizeof(*ks->syms));
	for (i = 0; i < n; i++) {
		int type = ELF64_ST_TYPE(sym[i].st_info);

		if ((type != STT_FUNC && type != STT_OBJECT) || !sym[i].st_size ||
		    sym[i].st_name >= strsh->sh_size)
			continue;
		ks->syms[ks->nr++] = (struct ksym){ sym[i].st_value,
						    sym[i].st_value + sym[i].st_size,
						    strtab + sym[i].st_name };
	}
	return 0;
}

struct kernel_syms *kernel_syms_load(const char *path, char *err, int errlen)
{
	struct kernel_syms *ks = xzalloc(sizeof(*ks));
	const Elf64_Ehdr *eh;
	const Elf64_Shdr *sh;
	int i;

	ks->file = read_all(path, &ks->size);
	if (!ks->file) {
		snprintf(err, errlen, "%s: cannot read", path);
		goto fail;
	}
	eh = (const void *)ks->file;	/* malloc'd: aligned for any type */
	if (ks->size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_shentsize != sizeof(Elf64_Shdr) ||
	    eh->e_shoff % _Alignof(Elf64_Shdr) ||
	    !in_file(ks, eh->e_shoff, (uint64_t)eh->e_shnum * sizeof(Elf64_Shdr))) {
		snprintf(err, errlen, "%s: not a 64-bit ELF object", path);
		goto fail;
	}
	sh = (const void *)(ks->file + eh->e_shoff);
	for (i = 0; i < eh->e_shnum; i++) {
		if (sh[i].sh_type != SHT_SYMTAB)
			continue;
		if (sh[i].sh_link >= eh->e_shnum || read_symtab(ks, &sh[i], &sh[sh[i].sh_link])) {
			snprintf(err, errlen, "%s: damaged symbol table", path);
			goto fail;
		}
	}
	qsort(ks->syms, ks->nr, sizeof(*ks->syms), by_start);
	return ks;
fail:
	kernel_syms_free(ks);
	return NULL;
}

void kernel_syms_free(struct kernel_syms *ks)
{
	if (!ks)
		return;
	free(ks->syms);
	free(ks->file);
	free(ks);
}

const char *kernel_syms_lookup(const struct kernel_syms *ks, uint64_t offset)
{
	int lo = 0, hi = ks->nr - 1;

	/* The last symbol starting at or below @offset, if it spans it. */
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;

		if (ks->syms[mid].start <= offset)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	if (hi >= 0 && offset < ks->syms[hi].end)
		return ks->syms[hi].name;
	return NULL;
}
