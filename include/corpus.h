/* corpus.h — the set of loaded reports (files, directories, or the embedded samples) and per-file errors. */
#ifndef FAZHI_CORPUS_H
#define FAZHI_CORPUS_H

#include <stddef.h>

#include "report.h"

/* A message about one input: an error when the file was skipped, a warning when it loaded
 * with repairs (bytes replaced by U+FFFD). Printed as "fazhi: PATH: reason". PATH is the path
 * as given, or as built while walking a directory ("DIR/sub/name.txt"). Reasons, exactly:
 *   skipped: the strerror() text of a failed stat/open/read ("No such file or directory",
 *            "Permission denied", "Not a directory" …, in the C locale), "symbolic link loop"
 *            (ELOOP, or a directory that leads back to one being read), "empty file",
 *            "binary file (not text)", "not a regular file" (a FIFO or device named *.txt met
 *            in a directory), "file too large (over 1 GiB)", and for a directory from which
 *            nothing loaded and nothing failed: "no *.txt files found";
 *   warning: "1 invalid byte sequence replaced by U+FFFD", "N invalid byte sequences
 *            replaced by U+FFFD". */
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
	char *readbuf;             /* the bytes of the file being read, reused for the next, owned;
	                            * 64 KiB at first, let go after a path that grew it past 16 MiB */
	size_t readcap;
};

void corpus_init(struct corpus *c);
void corpus_fini(struct corpus *c);

/* Adds one file (whatever its name; a pipe or device is read to its end, a FIFO once a writer
 * opens it), or every *.txt file
 * (suffix in any case) below a directory: recursively, depth first, names sorted bytewise,
 * symbolic links followed, a directory reached twice read once and a loop reported. Files are
 * opened O_RDONLY and read with read(): never written, and one truncated or growing while it
 * is read loads as read (or gets a message), never crashes. Returns the number of messages
 * with skipped == 1 it added; 0 when all loaded. */
int corpus_add_path(struct corpus *c, const char *path);

/* Adds a report from memory under the given path name (copied). Returns 0, or -1 (recorded
 * in msgs). The report's encoding and replaced fields are set from the decoding. */
int corpus_add_bytes(struct corpus *c, const char *path, const char *bytes, size_t n);

/* Adds the embedded sample corpus (compiled in from assets/reports). */
void corpus_add_embedded(struct corpus *c);

/* Number of messages with skipped == 1. */
size_t corpus_failures(const struct corpus *c);

#endif
