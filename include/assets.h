/* assets.h — the sample reports compiled into the binary (generated as build/assets.c from assets/reports). */
#ifndef FAZHI_ASSETS_H
#define FAZHI_ASSETS_H

#include <stddef.h>

struct asset {
	const char *name;            /* file name under assets/, e.g. "reports/putuo-2021.txt" */
	const unsigned char *data;   /* the file's bytes */
	size_t size;
};

extern const struct asset assets[];   /* ends with an entry whose name is NULL */

/* The asset with this name, or NULL. */
const struct asset *assets_find(const char *name);

#endif
