/* dynlib.c — shared libraries opened on first use, once for the process: dlopen, the caller's lookups, and the reason when either fails. */
#include "dynlib.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* One lock for every library: opening is rare and short, and a resolve may take its time
 * without another thread seeing a half-filled table. */
static pthread_mutex_t open_lock = PTHREAD_MUTEX_INITIALIZER;

/* The file to open: the override when it is set and not empty, else the soname, found
 * wherever the dynamic loader looks. */
static const char *file_name(const struct dynlib *lib)
{
	const char *name = lib->override ? getenv(lib->override) : NULL;
	return name && *name ? name : lib->soname;
}

/* Sets lib->error when the library cannot be used. */
static void open_once(struct dynlib *lib)
{
	const char *name = file_name(lib);
	void *h = dlopen(name, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *why = dlerror();
		if (!why || strstr(why, "No such file"))
			lib->error = xasprintf("%s not found (apt-get install %s)", name, lib->package);
		else
			lib->error = xasprintf("%s cannot be loaded (%s)", name, why);
		return;
	}
	const char *missing = lib->resolve(h);
	if (missing)
		lib->error = xasprintf("%s lacks %s (%s too old?)", name, missing, lib->family);
}

int dynlib_open(struct dynlib *lib, const char **why)
{
	if (!atomic_load_explicit(&lib->done, memory_order_acquire)) {
		pthread_mutex_lock(&open_lock);
		if (!atomic_load_explicit(&lib->done, memory_order_relaxed)) {
			open_once(lib);
			atomic_store_explicit(&lib->done, 1, memory_order_release);
		}
		pthread_mutex_unlock(&open_lock);
	}
	*why = lib->error;
	return lib->error ? -1 : 0;
}
