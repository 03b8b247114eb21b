/* dynlib.h — a shared library loaded on first use: opened once for the process from any thread, its symbols looked up into the caller's table, a one-line reason when it cannot be. */
#ifndef FAZHI_DYNLIB_H
#define FAZHI_DYNLIB_H

#include <dlfcn.h>
#include <stdatomic.h>

/*
 * Why: a library fazhi links is loaded by the dynamic loader before main, with everything it
 * pulls in, by every process. The converters of published formats (libxml2 and ICU, libzip,
 * poppler-glib and its fifty) would cost each `fazhi search` several milliseconds though most
 * processes read no such file. So they are opened here when the first file needs them. Their
 * headers still give the types; each converter keeps a table of the functions it calls (and
 * pointers to the variables it reads), filled once by its `resolve`.
 *
 * A library is one static struct dynlib per converter that uses it; two converters may describe
 * the same library, which the loader then opens once.
 */
struct dynlib {
	const char *soname;   /* what the dynamic loader looks for: "libxml2.so.2" */
	const char *override; /* environment variable that names another file to load instead,
	                         for tests of a system without it: "FAZHI_LIBXML2_LIBRARY" */
	const char *package;  /* the Debian package that installs it: "libxml2" */
	const char *family;   /* its name in "lacks SYMBOL (libxml2 too old?)" */
	/* Fills the caller's table from the opened library (with dlsym or DYNLIB_FIND) and may set
	 * the library up; returns the name of the first symbol missing, or NULL. It runs once, on
	 * whichever thread asked first, under a lock: it must not call dynlib_open. */
	const char *(*resolve)(void *handle);
	atomic_int done;      /* private: 1 once the library was opened or found wanting */
	char *error;          /* private: why it cannot be used, NULL when it can */
};

/* Opens lib and runs its resolve the first time any thread asks; later calls only look.
 * Returns 0, or -1 with *why a one-line reason owned by lib for the life of the process:
 * "libxml2.so.2 not found (apt-get install libxml2)", "libxml2.so.2 cannot be loaded (what
 * the loader said)", "libxml2.so.2 lacks xmlReaderForMemory (libxml2 too old?)". The library
 * is never closed: the caller's table points into it. */
int dynlib_open(struct dynlib *lib, const char **why);

/* In a resolve: looks up the function `fn` into table.fn, typed as the header declares it,
 * or returns its name from the resolve. */
#define DYNLIB_FIND(handle, table, fn) \
	do { \
		if (!((table).fn = (__typeof__((table).fn))dlsym((handle), #fn))) \
			return #fn; \
	} while (0)

#endif
