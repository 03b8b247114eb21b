/* corpus.h — the set of loaded reports (files, directories, or the embedded samples) and per-file errors. */
#ifndef FAZHI_CORPUS_H
#define FAZHI_CORPUS_H

#include <stddef.h>
#include <stdint.h>

#include "report.h"

/* A message about one input: an error when the file was skipped, a warning when it loaded
 * with repairs (bytes replaced by U+FFFD). Printed as "fazhi: PATH: reason". PATH is the path
 * as given, or as built while walking a directory ("DIR/sub/name.txt"). Reasons, exactly:
 *   skipped: the strerror() text of a failed stat/open/read ("No such file or directory",
 *            "Permission denied", "Not a directory" …, in the C locale), "symbolic link loop"
 *            (ELOOP, or a directory that leads back to one being read), "empty file",
 *            "binary file (not text)", "not a regular file" (a FIFO or device named *.txt met
 *            in a directory), "file too large (over 1 GiB)", and for a directory from which
 *            nothing loaded and nothing failed: "no reports found (*.txt *.html *.pdf *.docx)";
 *   warning: "1 invalid byte sequence replaced by U+FFFD", "N invalid byte sequences
 *            replaced by U+FFFD". */
struct corpus_msg {
	char *path;    /* owned */
	char *reason;  /* owned */
	int skipped;   /* 1: the file was not loaded; 0: a warning */
	size_t at;     /* where in the walk it was met: entries added before its file */
	long entry;    /* the entry it is about (a warning, or a lazy entry that failed), else -1 */
};

/* A lazy corpus (corpus.lazy set before adding paths) records the files a directory walk finds
 * without reading them: each is an entry with what stat said, and its report is read and
 * parsed on first use (corpus_get). A large corpus then opens at the cost of the walk, and a
 * list can be drawn from metadata kept elsewhere (corpus_set_meta, e.g. the cached index).
 * Files named on their own, the embedded samples, and every file of an eager corpus (the
 * default) are read when added, as before.
 *
 * A lazy entry that cannot be read when it is first used (it vanished, became unreadable or
 * binary, or changed since the walk: size, mtime, device or inode differ) stays in the corpus
 * as a failed entry: corpus_get returns NULL and its message is inserted into msgs where the
 * walk met the file, so msgs keeps the order it would have had if everything had been read
 * during the walk. Empty and oversized files are told by stat and skipped during the walk. */
struct corpus_file {
	char *path;               /* owned; as given or built while walking (an entry of a
	                           * source: the source's, corpus_source) */
	long long size, mtime_ns; /* of a regular file, from stat; size -1: not a regular file
	                           * (a pipe named on the command line, an embedded sample) */
	unsigned long long dev, ino;
	unsigned char failed;     /* could not be loaded; reports[i] is an empty stand-in */
	unsigned char noted;      /* its load messages are in msgs already (not to repeat them) */
};

/* Where the entries of a walk replayed from elsewhere come from (the index cache): entry j of the
 * source is asked for the first time the corpus uses it (its path, its stat, any accessor), so a
 * corpus of tens of thousands of entries is made, and freed, without work per entry. file fills
 * out's path (borrowed: valid until free is called, at corpus_fini), size, mtime_ns, dev and ino,
 * and returns 0; or -1 when the source cannot tell which file entry j is (it is gone): the entry
 * is then dropped, failed with no message of its own and an empty path, as corpus_behind drops
 * a removed file. */
struct corpus_source {
	int (*file)(void *arg, size_t j, struct corpus_file *out);
	void (*free)(void *arg);
	void *arg;
};

/* Metadata for a list: title, region, year. Strings are borrowed (from the loaded report, or
 * from the metadata source) and NULL when unknown. */
struct corpus_meta {
	const char *title, *region;
	int year;
};

/* Where the metadata of entries not loaded comes from (e.g. the index cache). fn fills out
 * and returns 0, or -1 when it does not know the entry (corpus_meta then loads the report).
 * digest (may be NULL) gives the bytes of entry i's digest (digest.h) kept by the source, or of
 * its head alone for a source that serves rows only (digest_decode_head reads either), valid
 * while it is set, and returns 0, or -1 when it keeps none. */
struct corpus_meta_source {
	int (*fn)(void *arg, size_t i, struct corpus_meta *out);
	void *arg;
	int (*digest)(void *arg, size_t i, const void **p, size_t *len);
};

/* A directory's fazhi-meta.tsv (meta_fix.h), looked for once per directory: what stat said of
 * it (size -1: none there) and its rows. The index cache's key includes these. A replayed walk
 * does not look in a directory where the recorded walk found none (unlooked): a file added to a
 * directory changes its mtime, so there is none while the directory keeps the mtime recorded,
 * which is checked before the index is used (the walk's directories, or corpus_behind, which
 * looks in each directory changed since). */
struct corpus_fixes {
	char *dir;                /* owned; "" for the current directory */
	long long size, mtime_ns;
	struct meta_fixes *table; /* owned; NULL when there is none or it is malformed */
	int unlooked;             /* 1: taken to be absent as the replayed walk recorded (size -1) */
};

struct corpus_asked;

struct corpus {
	struct report **reports;   /* reports[i]: entry i's report, owned; NULL while a lazy entry
	                            * is not loaded, and always for an entry of a source (its report
	                            * is kept with it in asked); use corpus_get or corpus_report
	                            * unless the corpus is not lazy */
	struct corpus_file *files; /* files[i]: entry i; owned; read through corpus_file */
	size_t n, cap, filecap;
	struct corpus_msg *msgs;   /* errors and warnings in the order of the walk, owned */
	size_t nmsgs, msgcap;
	char *readbuf;             /* the bytes of the file being read, owned; a regular file's size
	                            * and one byte (64 KiB for a pipe); taken by a clean text, else
	                            * reused for the next; let go after a path that grew it past 16 MiB */
	size_t readcap;
	int lazy;                  /* set by the caller: directory walks record files unread */
	struct corpus_meta_source meta;   /* zeroed: none */
	struct corpus_fixes *fixes;       /* every directory looked in, owned */
	size_t nfixes, fixcap;
	size_t *fixslots;                 /* a hash of fixes by directory: its index + 1, 0 empty; owned */
	size_t nfixslots;                 /* a power of two, at least twice nfixes; 0 before the first */
	char *text_cache;          /* cache directory of extracted text (extract_cache.h), owned;
	                            * NULL: web pages, PDF and Word files are converted every time */
	char **roots;                     /* the paths given to corpus_add_path, in order, owned: the
	                                   * cache names the latest index of these (index_cache_status) */
	size_t nroots, rootcap;
	struct corpus_dir *dirs;          /* every directory walked, in walk order, owned */
	size_t ndirs, dircap;
	struct corpus_source source;      /* of entries [source_at, source_at + nsourced); owned */
	size_t source_at, nsourced;
	/* The source's entries asked for so far, in that order, each with its report (the only ones
	 * of the source that can hold one): blocks that never move, found by a hash of their entry
	 * numbers. A search that shows 20 of 30,000 reports touches the memory of 20 entries, not a
	 * page of files[] and of reports[] for each (a fresh page costs these machines more than the
	 * work done on it); files[] and reports[] are not used for the source's entries. */
	struct corpus_asked **asked;      /* blocks of 64 entries (corpus.c), owned */
	size_t nasked, askedcap;          /* askedcap: blocks */
	uint32_t *asked_slots;            /* 1 + an entry's place in asked, 0 empty; owned */
	size_t nasked_slots;              /* a power of two, at least twice nasked; 0 before the first */
	struct corpus_statdir {           /* the directory corpus_unchanged stats by, kept open */
		char *path;               /* owned; NULL: none open */
		size_t len;
		int fd;
		long long at;             /* CLOCK_MONOTONIC ns when it was opened */
	} statdir;
	unsigned long serial;             /* set by corpus_init, never the same twice in a process: who
	                                   * keeps something made for one corpus knows it by this */
};

/* A directory a walk read, with the mtime stat gave before it was read: a file added to it,
 * removed from it or renamed in it changes that mtime, so an unchanged list of directories
 * and mtimes means an unchanged list of files (the index cache's fast open, index_cache_walk). */
struct corpus_dir {
	char *path;                /* owned; as walked */
	long long mtime_ns;
	size_t at;                 /* entries added before it was read */
};

void corpus_init(struct corpus *c);
void corpus_fini(struct corpus *c);

/* Keeps the text converted from web pages, PDF and Word files in dir (the cache directory;
 * NULL turns it off, the default), and reads it back from there when the same bytes are read
 * again, so a file is converted once. Set it before adding paths. */
void corpus_set_text_cache(struct corpus *c, const char *dir);

/* Every report read is corrected by the fazhi-meta.tsv of its directory, when there is one; a
 * malformed table is a warning ("DIR/fazhi-meta.tsv: line N: reason") and corrects nothing. */

/* Adds one file (whatever its name; a pipe or device is read to its end, a FIFO once a writer
 * opens it), or every *.txt file
 * (suffix in any case) below a directory: recursively, depth first, names sorted bytewise,
 * symbolic links followed, a directory reached twice read once and a loop reported. Files are
 * opened O_RDONLY and read with read(): never written, and one truncated or growing while it
 * is read loads as read (or gets a message), never crashes. Returns the number of messages
 * with skipped == 1 it added; 0 when all loaded. In a lazy corpus the files of a directory
 * are recorded unread (their load failures come later, from corpus_get). */
int corpus_add_path(struct corpus *c, const char *path);

/* Adds a report from memory under the given path name (copied). Returns 0, or -1 (recorded
 * in msgs). The report's encoding and replaced fields are set from the decoding. */
int corpus_add_bytes(struct corpus *c, const char *path, const char *bytes, size_t n);

/* Adds the embedded sample corpus (compiled in from assets/reports). */
void corpus_add_embedded(struct corpus *c);

/* Number of messages with skipped == 1. */
size_t corpus_failures(const struct corpus *c);

/* Entry i's report, read and parsed now if it was not loaded; NULL when it cannot be (the
 * message is in msgs). The report stays owned by the corpus and valid until corpus_unload(c, i)
 * or corpus_fini: whoever loads a report to use it briefly (index_build) unloads it only if
 * it was not loaded before (corpus_loaded), so reports others hold stay valid. */
struct report *corpus_get(struct corpus *c, size_t i);
/* As corpus_get, but never NULL: a failed entry gives an empty report under its path. */
const struct report *corpus_load(struct corpus *c, size_t i);
int corpus_loaded(const struct corpus *c, size_t i);
/* Entry i's report as it is loaded (corpus_load's, which a failed entry has too); NULL while it
 * is not loaded. */
struct report *corpus_report(const struct corpus *c, size_t i);
int corpus_failed(const struct corpus *c, size_t i);
/* Entry i's text alone, read and decoded now as corpus_get would read it, but not parsed: a
 * report with its path, text, len and encoding, and the body the whole text; no paragraphs,
 * chapters, warnings or metadata. For a view that has the rest from a digest (digest.h). The
 * caller owns it (report_free); the corpus neither keeps nor caches it. NULL when the entry
 * cannot be read or is no longer the file the walk saw (it then fails, as corpus_get's). */
struct report *corpus_read_text(struct corpus *c, size_t i);
/* The same, read back as the page forms say that were found when the file was read before
 * (report.page_forms, as a digest keeps them): the file's text is not looked at again for them. */
struct report *corpus_read_text_as(struct corpus *c, size_t i, unsigned page_forms);
/* Frees entry i's report if it is a lazy entry that can be read again; else does nothing. */
void corpus_unload(struct corpus *c, size_t i);

const char *corpus_path(const struct corpus *c, size_t i);
/* Bytes of entry i: of its loaded text, else what stat said (0 when unknown). */
size_t corpus_size(const struct corpus *c, size_t i);
/* What a list shows of entry i: from its report when loaded, else from the metadata source,
 * else the report is loaded (a failed entry gives NULLs and year 0). */
void corpus_meta(struct corpus *c, size_t i, struct corpus_meta *out);
void corpus_set_meta(struct corpus *c, const struct corpus_meta_source *src);
/* The entries in a list's order, their positions into order[0..c->n): by region (those with
 * none last, regions by their bytes), then year, then path, from corpus_meta: a lazy corpus
 * with a metadata source is sorted without reading a report. */
void corpus_list_order(struct corpus *c, size_t *order);
/* The same order from the entries' metadata meta[0..c->n) given (an index's). */
void corpus_sort_listed(const struct corpus *c, const struct corpus_meta *meta, size_t *order);
/* The digest the metadata source keeps of entry i, for a view that needs no more of it than its
 * digest: 0 with the bytes, or -1 when the source keeps none (the report is then to be read).
 * Whether the file is still the one digested is corpus_unchanged's to say. */
int corpus_digest(const struct corpus *c, size_t i, const void **p, size_t *len);

/* Replaying a walk recorded elsewhere (the index cache), without reading the directories:
 * corpus_add_root records a PATH argument (as corpus_add_path does), corpus_add_dir a directory
 * walked (its fazhi-meta.tsv is looked up as a walk would, but a message about it is left to the
 * replayed messages; had_table 0: the walk recorded found none there, so it is taken to be
 * absent, see struct corpus_fixes), corpus_add_message a message of the walk (a skipped file).
 * corpus_set_source gives an empty corpus the source of the walk's files (it owns it from then
 * on; once per corpus) and room for n of them, before anything else is added; corpus_add_sourced
 * appends the next n of them as unread lazy entries, with what stat said of each then (a file
 * changed since fails when it is read, as in any lazy corpus). No other entry is added before
 * the last of the source's. */
void corpus_add_root(struct corpus *c, const char *path);
void corpus_add_dir(struct corpus *c, const char *path, long long mtime_ns, int had_table);
/* 0 when walked directory k (c->dirs[k]) had no fazhi-meta.tsv, as a walk replayed records it
 * (corpus_add_dir's had_table); 1 when it had one or was not looked in. */
int corpus_dir_had_table(const struct corpus *c, size_t k);
void corpus_add_message(struct corpus *c, const char *path, const char *reason, int skipped);
void corpus_set_source(struct corpus *c, const struct corpus_source *src, size_t n);
void corpus_add_sourced(struct corpus *c, size_t n);
/* The entry number of the k-th entry asked of the source (k < c->nasked), in the order asked. */
size_t corpus_asked_entry(const struct corpus *c, size_t k);

/* Entry i's file: its path and what stat said, and whether it failed. Read files[i] through this
 * (an entry of a source is filled in when first asked for). Valid until the next entry is added. */
const struct corpus_file *corpus_file(const struct corpus *c, size_t i);

/* 1 when entry i's file is still what stat said when it was recorded (always 1 for an entry
 * that is not a regular file); else 0, and the entry fails with its message, as corpus_get
 * would when reading it. One stat, nothing read. */
int corpus_unchanged(struct corpus *c, size_t i);
/* corpus_unchanged of entries which[0..n), into same[0..n), with the stats spread over a few
 * threads (a count checks the file of every report it prints: tens of thousands of stats). The
 * entries found changed fail with their messages, as corpus_unchanged fails them. */
void corpus_unchanged_many(struct corpus *c, const size_t *which, size_t n, unsigned char *same);

struct stat;
/* stat(path), through the directory of path kept open in d (opened again once it is 50 ms old):
 * a stat by an open directory skips the lookup of every component of the path. Files of one
 * directory asked for together cost one lookup of it. */
int corpus_stat_by_dir(struct corpus_statdir *d, const char *path, struct stat *st);
/* Closes d's directory, if one is open; d may be used again. */
void corpus_statdir_close(struct corpus_statdir *d);
/* Whether directory path still has the mtime recorded when it was walked (mtime_ns), stat'ed
 * by its parent kept open in parent: DIR_SAME, DIR_CHANGED, or DIR_GONE when it is no longer a
 * directory (or cannot be stat'ed). Its files were neither added, removed nor renamed when the
 * same. */
enum { DIR_SAME, DIR_CHANGED, DIR_GONE };
int corpus_dir_state(struct corpus_statdir *parent, const char *path, long long mtime_ns);

/* How far a walk replayed from the index cache is behind the directories as they are now,
 * known from the directories alone: those whose mtime still is the recorded one are not read
 * (a file added, removed or renamed in a directory changes its mtime). Each changed directory
 * is read, and its names stat'ed: an entry no longer there is removed (failed, with no message
 * of its own: the caller names them together), one whose stat differs is changed (left in: it
 * fails with its message when read or checked, corpus_unchanged), a report file or directory
 * the walk never met is added (a new directory's report files are counted by walking it; they
 * are not entries). A file changed in place in a directory whose mtime did not change is not
 * counted here: its own stat finds it when it is read or checked. */
struct corpus_behind {
	size_t added, changed, removed;
};
void corpus_behind(struct corpus *c, struct corpus_behind *out);

/* Records a message about entry i met elsewhere (e.g. kept by the index cache from the build
 * that read the file): inserted in walk order, the entry marked noted, and failed when
 * skipped. reason is copied. */
void corpus_note(struct corpus *c, size_t i, const char *reason, int skipped);

#endif
