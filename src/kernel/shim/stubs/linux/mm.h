/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel engine: pages, the direct map and totalram.
 *
 * PAGE_SIZE is the simulated machine's, held in a variable (memblock uses
 * it only as a value).  __va()/__pa() translate between the scenario's
 * physical addresses and the host memory mbviz simulates them with, which
 * is committed only where the kernel code writes.  struct page carries
 * nothing: the page allocator is mbviz's model, addressed by pfn.
 */
#ifndef KSHIM_LINUX_MM_H
#define KSHIM_LINUX_MM_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/pfn.h>
#include <linux/cache.h>
#include <linux/numa.h>
#include <linux/mmzone.h>
#include <linux/memory_hotplug.h>

extern unsigned int kshim_page_shift;
#define PAGE_SHIFT		kshim_page_shift
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr)	ALIGN(addr, PAGE_SIZE)
#define PAGE_ALIGN_DOWN(addr)	ALIGN_DOWN(addr, PAGE_SIZE)

struct page {
	char unused;
};

struct page *kshim_pfn_to_page(unsigned long pfn);
#define pfn_to_page(pfn)	kshim_pfn_to_page(pfn)

void *kshim_va(phys_addr_t pa);
phys_addr_t kshim_pa(const volatile void *va);
#define __va(x)			kshim_va((phys_addr_t)(x))
#define __pa(x)			kshim_pa(x)
#define phys_to_virt(x)		__va(x)
#define virt_to_phys(x)		__pa(x)

void totalram_pages_inc(void);
void totalram_pages_add(long count);

/*
 * 6.12 passes the node as a third argument (mm/mm_init.c 6.12:766); 6.1
 * passes none, and then the page allocator looks each pfn's node up
 * itself, which NUMA_NO_NODE says.  The comma expression picks the last.
 */
void kshim_reserve_bootmem_region(phys_addr_t start, phys_addr_t end, int nid);
#define reserve_bootmem_region(start, end, ...)				\
	kshim_reserve_bootmem_region(start, end, (NUMA_NO_NODE, ##__VA_ARGS__))

/* The node of @pfn as memblock.memory says, else the first online node (6.12). */
int early_pfn_to_nid(unsigned long pfn);

/* Unaccepted memory (confidential guests) does not exist here. */
static inline void accept_memory(phys_addr_t start, unsigned long size)
{
	(void)start;
	(void)size;
}

int reserve_mem_find_by_name(const char *name, phys_addr_t *start, phys_addr_t *size);

#endif
