/* corpus.h — the set of loaded reports (files, directories, or the embedded samples) and per-file errors. */
#ifndef FAZHI_CORPUS_H
#define FAZHI_CORPUS_H

#include <stddef.h>

#include "report.h"

/* A message about one input: an error when the file was skipped, a warning when it loaded
 * with repairs (bytes replaced by U+FFFD). Printed as "fazhi: PATH: reason". */
struct corpus_msg {
	char *path;    /* owned */
	char *reason;  /* owned */
	int skipped;   /* 1: the file was not loaded; 0: a warning */
};

struct corpus {
	struct report **reports;   /* loaded reports in a stable order, owned */
	size_t n, cap;
	struct corpus_msg *msgs;   /* errors and warnings in the order met, owned */
	size_t nmsgs, msgcap;
};

void corpus_init(struct corpus *c);
void corpus_fini(struct corpus *c);

/* Adds one file, or every *.txt file below a directory (recursively, names in byte order,
 * symlink loops detected). Files are only read, never written. Returns the number of files
 * that could not be loaded (each recorded in msgs); 0 when all loaded. */
int corpus_add_path(struct corpus *c, const char *path);

/* Adds a report from memory under the given path name. Returns 0, or -1 (recorded in msgs). */
int corpus_add_bytes(struct corpus *c, const char *path, const char *bytes, size_t n);

/* Adds the embedded sample corpus (compiled in from assets/reports). */
void corpus_add_embedded(struct corpus *c);

/* Number of messages with skipped == 1. */
size_t corpus_failures(const struct corpus *c);

#endif
