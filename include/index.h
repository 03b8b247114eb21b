/* index.h — search index over a corpus: folded n-gram postings, query → ranked reports, exact hits and snippets, a persisted cache. */
#ifndef FAZHI_INDEX_H
#define FAZHI_INDEX_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "buf.h"
#include "corpus.h"
#include "fold.h"
#include "query.h"

/* What is indexed: the folded body (report.body_start..body_end) of every report, cut into
 * units: a run of word characters (fold_is_word) is one unit, every other character (Han,
 * punctuation, spaces) is a unit of its own. Each unit has a posting list of per-report
 * counts (so 1-character queries and single words are answered directly), each pair of
 * neighbouring units a positional posting list (a longer term is a chain of pairs at
 * consecutive positions, which proves the match: nothing is guessed). The section headings
 * are indexed the same way a second time, for the ranking boost. Postings are delta- and
 * varint-coded, with skips into long lists, in one flat blob per segment (layout in
 * index_blob.h; the builder is index_build.c; segments below), which is also a segment file of
 * the cache: a loaded cache is used as it lies in the mapping. The blob also keeps the unit number of every newline of each body, so the
 * snippets of a result fold only the lines that hold its hits (index_result_snippets).
 *
 * Exactness: index_search's hits for a report equal the number of places the folded body
 * contains a positive term (see query.h for word edges), summed over the positive terms,
 * overlapping occurrences included; index_doc_find returns those same places.
 *
 * Two searches: index_search proves every report (exact for all: per-report counts, totals);
 * index_search_top returns the same first k results, reports, hits and scores alike, but
 * proves reports only in order of an upper bound of their score read from the per-report
 * counts of a term's rarest pairs, stopping once the k-th proved score clears every bound
 * left (top-k: its totals are bounds unless it says they are exact). */

struct index;   /* opaque; read-only once built, so many searches may share it */

/* Called now and then during a build with the reports done so far and the total, on the
 * caller's thread; meanwhile other threads of the build load, classify and fold the reports, so
 * fn must not touch the corpus or fold text (fold.c's tables are not shared between threads). */
struct index_progress {
	void (*fn)(void *arg, size_t done, size_t total);
	void *arg;
	/* Called now and then while segments are merged after a build or an update (INDEX_MERGE_BYTES
	 * below), with the bytes of postings merged so far and the total of the merge (NULL: not told). */
	void (*merging)(void *arg, size_t done, size_t total);
};

/* Builds the index of the corpus (progress may be NULL). Never fails. Free with index_free.
 * The index refers to reports by their position in c->reports. Reports not loaded are loaded
 * one at a time and unloaded once indexed (corpus_load, corpus_unload); an entry that fails
 * to load is indexed as an empty report. */
struct index *index_build(struct corpus *c, const struct index_progress *progress);
void index_free(struct index *ix);
/* ix for one more owner, who frees it with index_free like the first: it is freed when the last
 * owner does. For a reader of its strings that outlives the one who opened it (a corpus whose
 * paths are the index's); one thread at a time. */
struct index *index_share(struct index *ix);
size_t index_bytes(const struct index *ix);     /* size of the index (its segments' blobs) */
size_t index_nreports(const struct index *ix);  /* reports of the corpus it answers for */

/* Segments. An index is a set of immutable segments, each the index of some of the reports
 * (built as above, over a part of the corpus), plus the corpus order: which report of which
 * segment each corpus position is. A report of a segment that no position names is deleted:
 * no search returns it, but until its segment is rebuilt it still counts in the statistics
 * of the ranking (the number of reports, their average length and each term's idf are those
 * of every report the segments hold, deleted or not, as in Lucene), so an index with
 * deletions may rank ties of score differently from a fresh build; hits, counts and totals
 * are always exactly those of the live reports. A build cuts the corpus, in order, into
 * segments of at most index_segment_bytes() of input each (a report larger than that is a
 * segment alone), so what a build holds at once is bounded by the cap, not the corpus. */
#define INDEX_SEGMENT_BYTES ((size_t)64 << 20)
/* INDEX_SEGMENT_BYTES, or $FAZHI_SEGMENT_BYTES when it is a positive number (for tests). */
size_t index_segment_bytes(void);
size_t index_nsegments(const struct index *ix);
/* The merge policy of index_update: a segment of which more than INDEX_MERGE_DELETED percent
 * of the reports are deleted is rebuilt (its live reports indexed again with the update's),
 * and so are the smallest segments of less than half the cap while there would be more than
 * INDEX_MERGE_SEGMENTS such small ones. A segment left with no live report is dropped. */
#define INDEX_MERGE_SEGMENTS 8
#define INDEX_MERGE_DELETED 20
/* Merging segments (index_merge.h) keeps their number low as a corpus grows: no report is read
 * again, their postings are merged as they lie. A segment smaller than half of
 * index_merge_bytes() waits to be merged; once more than INDEX_MERGE_WAITING wait, the smallest
 * of them are merged into one: two at least, then each next one while it is no larger than
 * INDEX_MERGE_RATIO times those taken together and they all fit the cap; and so on while more
 * than INDEX_MERGE_WAITING still wait. So a build of a corpus of up to the cap ends in one
 * segment, a larger corpus in segments of about the cap, and the small segments updates add are
 * merged among themselves a few at a time, a large segment only once they have grown to half
 * its size: what updates rewrite stays a small multiple of what they add. The cap bounds what a
 * merge writes; its memory is the merged tables and one key's postings. Before all that, a
 * segment of which more than INDEX_MERGE_DELETED percent of the reports are deleted is merged
 * alone, which drops them (the cache's updates then leave rebuilding to merging). */
#define INDEX_MERGE_BYTES ((size_t)2 << 30)
#define INDEX_MERGE_WAITING 4
#define INDEX_MERGE_RATIO 2
/* INDEX_MERGE_BYTES, or $FAZHI_MERGE_BYTES when it is a number (0: never merge; for tests). */
size_t index_merge_bytes(void);
/* The segments the merge policy merges next, in segs (room for index_nsegments); how many (0: none). */
size_t index_merge_pick(const struct index *ix, size_t *segs);
/* The same at the end of a build from scratch, but leaving no more than one small segment
 * waiting: a large corpus ends in segments of about the cap and at most one smaller, since a
 * search opens every segment; updates still leave theirs to wait, so as not to rewrite a build's
 * last segment for a few files. */
size_t index_merge_pick_built(const struct index *ix, size_t *segs);

/* The index of corpus c made from ix (consumed), indexing again only what changed. A report of
 * ix whose path is an entry of c, and for which same(arg, report, entry) is nonzero (the entry
 * holds the text the report was indexed from), stays as that entry; every other report of ix is
 * deleted; the entries no report stays as are indexed into new segments (cut as index_build
 * cuts), together with the live reports of the segments the merge policy rebuilds. Reports are
 * read from c as index_build reads them; progress counts those indexed. Never fails. */
struct index *index_update(struct index *ix, struct corpus *c, int (*same)(void *arg, size_t report, size_t entry),
                           void *arg, const struct index_progress *progress);
size_t index_deleted(const struct index *ix);   /* reports held by segments but deleted */

/* What the reports list needs, read from the index alone (the cache holds it, so a list can be
 * drawn before any report text is read). Strings point into the index: valid until index_free;
 * each is followed by a NUL (checked when read: a damaged one reads as ""), but use the lengths. */
struct index_info {
	const char *path, *title, *region;
	size_t path_len, title_len, region_len;
	int year;
};
void index_info(const struct index *ix, size_t report, struct index_info *out);
/* The same as a list's metadata (corpus_meta): an empty title or region is not stated (NULL). */
void index_meta(const struct index *ix, size_t report, struct corpus_meta *out);
/* Its path alone (*len bytes, followed by a NUL): what reading every report's path reads of the
 * tables is no more than that. */
const char *index_path(const struct index *ix, size_t report, size_t *len);

/* One matching report. */
struct index_result {
	size_t report;      /* position in the corpus */
	size_t hits;        /* occurrences of the positive terms in the body */
	size_t heading_hits;/* of which inside section headings */
	double score;       /* BM25 over the body, plus a boost for hits in headings */
	const uint32_t *places; /* NULL, or where its hits start in the body, in units, in order: noted
	                         * by index_search_top when it proved the report, for its snippets; they
	                         * live as long as the results' working memory (the next search) */
	size_t nplaces;
};

/* Results of index_search; a zeroed struct is empty. The caller owns it, may reuse it for
 * the next search, and frees it with index_results_fini. */
struct index_results {
	struct index_result *v;
	size_t n, cap;       /* results kept (at most the limit) */
	size_t total;        /* reports that match (exact: 1), else those proved to match (at least n) */
	size_t total_max;    /* at least the reports that match; equals total when exact */
	size_t total_hits;   /* hits summed over the `total` reports counted */
	int exact;           /* total and total_hits count every matching report */
	void *scratch;       /* working memory of the searches, kept for the next; private */
	void (*scratch_free)(void *);
};
void index_results_fini(struct index_results *r);

/* Runs q over the index: reports that contain every group (one of its OR alternatives), none of
 * the excluded terms, and pass the region:/year: filters; a query of filters only matches every
 * report that passes them, with 0 hits. Keeps the `limit` best (0: all) by descending score,
 * ties in corpus order. Returns the number kept.
 *
 * Exact for all: every report is proved, so total and total_hits count every match (exact is
 * always 1). This is the call for what needs every report: counts per report, the reports
 * pane's hit counts, a listing without a limit. Its cost grows with the places of the terms
 * in the whole corpus (tens of ms for a frequent 4-character word in 30,000 reports).
 *
 * Scoring: a term's BM25 idf is taken from the number of reports holding its rarest unit or
 * pair (for a term of one unit or two, the reports holding it), so a score needs no report
 * but its own to be proved; the scores of all terms of a report are summed. */
size_t index_search(const struct index *ix, const struct query *q, size_t limit, struct index_results *out);

/* Top-k: the same first `limit` results as index_search (same reports, order, hits, heading
 * hits and scores, ties in corpus order), but only as many reports are proved as the ranking
 * needs. Every report's hits are bounded from counts stored per report (the fewest
 * occurrences of any of a few of the term's pairs), the reports are proved in order of their
 * bound, and the search stops when the `limit`-th score proved is above every bound left. It
 * takes a window of reports at a time, so its working memory does not grow with the corpus.
 * The totals are then partial: total counts the reports proved to match, total_max bounds
 * the matches from above, total_hits sums the hits of the `total` reports, and exact is 0
 * (it is 1 when nothing was left unproved, e.g. for terms of one or two units, whose counts
 * are their hits). limit 0, or a query of filters only, runs index_search. */
size_t index_search_top(const struct index *ix, const struct query *q, size_t limit, struct index_results *out);

/* For tests: the reports index_search_top takes at a time, the proofs in a segment past which
 * it evaluates the rest instead of proving them one by one, and the candidates of a segment it
 * proves by bound before it goes window by window (0 restores a default). */
void index_top_tuning(size_t window, size_t proofs, size_t front);

/* A hit: byte range [start, end) in report.text; the smallest whole characters covering the match. */
struct index_hit {
	size_t start, end;
};
struct index_hits {   /* caller-owned and reusable; zeroed is empty; index_hits_fini frees */
	struct index_hit *v;
	size_t n, cap;
};
void index_hits_fini(struct index_hits *h);

/* One report prepared for matching its text directly (the browser's incremental `/` search,
 * and the snippets of a result): its body folded once, with the map back. Borrows the report. */
struct index_doc {
	const struct report *report;
	struct buf folded;
	struct fold_map map;
};
void index_doc_init(struct index_doc *d, const struct report *r);
void index_doc_fini(struct index_doc *d);
/* Every occurrence of q's positive terms in the body, sorted by start (then end); overlapping
 * occurrences are all kept. Exclusions and filters are not applied. Returns the count, which
 * is the report's hits in index_search. */
size_t index_doc_find(const struct index_doc *d, const struct query *q, struct index_hits *out);

/* A line of context around hits: a byte range of report.text within one paragraph. */
struct index_snippet {
	size_t start, end;
	int section;          /* deepest section holding the first hit, -1 in the preamble */
	size_t first, n;      /* hits[first .. first+n) lie wholly inside [start, end) */
};
/* Cuts up to `max` snippets of about `cells` columns from sorted hits, each starting a little
 * before a hit not shown yet, never crossing a line. Returns the number written to out. */
size_t index_snippets(const struct report *r, const struct index_hits *hits, size_t cells,
                      struct index_snippet *out, size_t max);

/* The snippets of one result of index_search on this index, as index_doc_init, index_doc_find
 * and index_snippets would cut them, but without folding the whole report: the postings tell
 * which lines hold the first hits, and only those lines are folded (or, when a positive term
 * is a single unit whose places the postings do not keep, lines from the top until `max`
 * snippets or all res->hits are found). r must be the report the index numbers res->report.
 * hits gets the hits of the lines folded, sorted: every hit a snippet shows, but not
 * necessarily every hit of the report. Returns the number of snippets written to out. */
size_t index_result_snippets(const struct index *ix, const struct index_result *res, const struct report *r,
                             const struct query *q, size_t cells, struct index_hits *hits,
                             struct index_snippet *out, size_t max);

/* The persisted index (index_cache.c). The cache directory is $XDG_CACHE_HOME/fazhi, else
 * $HOME/.cache/fazhi; NULL when neither variable is set. Caller frees. */
char *index_cache_dir(void);

/* The index of the corpus: from its manifest in dir when that is present and valid (checked:
 * magic, version, checksum, corpus key of paths, sizes and mtimes as stat gave them when the
 * corpus was walked, so no report is read to find it) with its segment files (each mapped
 * read-only; its head and trailer checked at once, its tables and postings block by block
 * when a lookup first reads them, see index_intact). Else the previous
 * index of these files or PATHs is updated (index_update: only the files added or changed, by
 * size and mtime, and the reports of its segment files that are missing or damaged, are indexed,
 * into new segment files; the merge policy applies), or, when there is none, the index is built,
 * in segments of index_segment_bytes(); then a new manifest is
 * saved atomically (temp file + rename, under a lock so concurrent instances never corrupt it).
 * dir NULL: build only. Never fails; *notice gets a message for the user when the cache was
 * rejected, updated or could not be written (caller frees), else NULL. */
struct index *index_open(struct corpus *c, const char *dir, const struct index_progress *progress,
                         char **notice);

/* index_open for a caller that says itself what was indexed (fazhi index): *notice leaves out
 * that the files changed since the index and were indexed, and says the rest as index_open does
 * (damage, segments not merged, a cache that could not be written). */
struct index *index_refresh(struct corpus *c, const char *dir, const struct index_progress *progress,
                            char **notice);

/* The index from its cache file in dir when that is present and valid, else NULL: nothing is
 * built or written, and a rejected file is left for index_open to rebuild and tell. */
struct index *index_open_cached(struct corpus *c, const char *dir);

/* Bytes of the segment files of an index opened from the cache, digests and checks included
 * (index_bytes for one in memory): what it takes on disk. */
size_t index_cache_bytes(const struct index *ix);

/* The manifest index_open uses for this corpus in dir (caller frees). */
char *index_cache_path(const struct corpus *c, const char *dir);

/* The blob behind an index of one segment (NULL, *len 0, for several), and an index of one
 * segment over a blob: index_from_blob checks everything (magic, version, expected key,
 * checksum, bounds) and returns NULL with *cause when any check fails. `release` (may be NULL)
 * is called with (data, len) by index_free. */
const void *index_blob(const struct index *ix, size_t *len);
struct index *index_from_blob(const void *data, size_t len, uint64_t key,
                              void (*release)(const void *data, size_t len), char **cause);
/* As index_from_blob, but the checksums are left to the caller, who has checked the head with
 * a checksum of its own (index_cache.c) and checks the rest as it is first read:
 * check->tables(arg, off, len) is called before bytes [off, off + len) of the blob's tables
 * (everything before the postings) are read, check->postings(arg, off, len) before the
 * postings of a key at [off, off + len) of the postings region are; each returns 0 when they
 * are intact. Else the entry reads as absent or empty (bounds are always checked, so a damaged
 * file never makes a read go astray), so the caller must ask after each search whether the
 * index stayed intact (index_intact). check->at (may be NULL) serves a report's own records (its
 * entry, its strings, its lines): at(arg, off, len) gives bytes [off, off + len) of the tables,
 * checked as tables() checks them, where they stay until check->free: a copy while few are read
 * (a read costs less than a page of a mapping first touched), else the blob itself; NULL when
 * they are damaged. check->read (may be NULL) serves a lookup's reads of the sorted tables (keys,
 * fences), which are not kept: read(arg, off, len, dst) copies bytes [off, off + len) of the
 * tables into dst, checked, and returns 0 when they are intact. check->free(arg) is called by
 * index_free. check->head (may be NULL) is the blob's head, already read, so that opening a
 * file touches none of its mapping. */
struct index_check {
	int (*postings)(void *arg, uint64_t off, uint64_t len);
	int (*tables)(void *arg, uint64_t off, uint64_t len);
	const void *(*at)(void *arg, uint64_t off, uint64_t len);
	int (*read)(void *arg, uint64_t off, uint64_t len, void *dst);
	void (*free)(void *arg);
	void *arg;
	const struct head *head;
};
struct index *index_from_blob_checked(const void *data, size_t len, uint64_t key, const struct index_check *check,
                                      void (*release)(const void *data, size_t len), char **cause);

/* 1 when no damage was found in the index so far: always for an index built or checked whole;
 * for a cache file opened by index_open, 0 once tables or postings read by a lookup failed
 * their checksum (the segment file is then removed). The search that met the damage gave wrong
 * results: the caller calls index_reopen and searches again. *cause (may be NULL) gets the
 * message, owned by the index. */
int index_intact(const struct index *ix, const char **cause);
/* Frees a damaged index and opens the corpus's again: an update in which the reports of the
 * damaged segment, and only they, are indexed again into a new segment (the other segments are
 * kept as they are), with a new manifest; a rebuild when nothing else is left or the manifest is
 * unreadable. *notice as index_open's, never NULL: what was damaged and what was indexed, e.g.
 * "index segment damaged (checksum of the postings); 2143 reports indexed again", or that the
 * index was found repaired meanwhile (by another instance), with nothing indexed here. */
struct index *index_reopen(struct index *ix, struct corpus *c, const char *dir, const struct index_progress *progress,
                           char **notice);

/* The digest of report i (digest.h) kept by a cached index: 0 with its bytes in [*p, *p + *len),
 * valid until index_free (decode them with digest_decode); -1 when the index keeps none (built
 * in memory, without a cache) or the bytes failed their checksums (then parse the report). The
 * first call for a report checks its checksums; opening the cache never reads the digests. */
int index_digest(const struct index *ix, size_t report, const void **p, size_t *len);
/* As index_digest, but the digest's head alone (decode it with digest_decode_head): only its own
 * checksum is checked, so a row is read without touching the facts, and a damaged rest does not
 * keep the head from being read. */
int index_digest_head(const struct index *ix, size_t report, const void **p, size_t *len);
/* Lets go of the memory that the digests of reports [from, to) hold, whole and their heads,
 * once read: a pass over every digest of a large corpus would otherwise keep them all mapped
 * (2.7 GB at 300,000 reports, 300 MB of heads). The bytes stay valid: read again, they come
 * back from the file. */
void index_digests_let_go(const struct index *ix, size_t from, size_t to);

/* ---- upkeep of the cache directory (index_cache.c) ----
 * Files there: index-<hash of the paths of the files>.bin (the manifest of an index: its
 * segments, and which report of which segment each file is), its .lock, segment-<id>.bin (a
 * segment, shared by the manifests of successive versions of a corpus), segments.lock (held
 * shared by builds while they write, alone by the clean-up), a build's temporary
 * index-….bin.<pid>[.<id>].tmp, and roots-<hash of the PATH arguments>, which names the latest
 * index built of those arguments (corpus.roots), so that the index of a directory is found
 * again, and updated, after files were added or removed. */

/* How the cached index of the corpus's PATHs compares with the corpus as walked now: by path,
 * and for a path in both by the size and mtime stat gave. Nothing is read but the cache. */
struct index_status {
	int found;        /* an index of these PATHs is cached */
	int current;      /* it is valid for the corpus as it is (nothing below counted) */
	size_t indexed;   /* reports in that index */
	size_t added;     /* files of the corpus it does not hold */
	size_t changed;   /* files it holds whose size or mtime differ */
	size_t removed;   /* files it holds that the corpus no longer has */
};
/* Returns 0, or -1 when no index of these PATHs is cached (out->found 0). */
int index_cache_status(struct corpus *c, const char *dir, struct index_status *out);

/* Opening without a walk: when every PATH is a directory, the cache holds an index of these
 * PATHs, and every directory its walk read has the mtime it had then (so no file was added,
 * removed or renamed), fills the empty lazy corpus c with that walk's entries, directories and
 * messages, as the walk would, and returns 0: one stat per directory, none per file. A file
 * changed in place is found when it is read (corpus_get) or checked (corpus_unchanged). Else
 * returns -1 with c untouched: walk the PATHs. The index the walk was read from stays open for
 * the next index_open or index_open_cached of c, which takes it (once; not when c gained
 * entries or the tables the digests are made with changed since), so its segments are mapped
 * and checked once. */
int index_cache_walk(struct corpus *c, char **paths, int npaths, const char *dir);

/* The entries of c, a corpus index_cache_walk filled, in the order corpus_list_order gives (from
 * the index's metadata), as the index recorded it when it was written: 0 with order[0..c->n)
 * filled; -1 when c is not such a corpus, an entry has failed since (a file removed or changed:
 * the list sorts it as an empty report) or the recorded order is damaged (sort instead). A
 * browser's first frame so costs no sort, whatever the number of reports. */
int index_cache_list_order(const struct corpus *c, size_t *order);

/* As index_cache_walk, but also when directories changed since the walk was recorded: c gets
 * that walk's entries all the same, so the cached index still answers for it, and
 * corpus_behind tells what changed: out counts the files added, changed and removed (found,
 * indexed and current set as by index_cache_status), the removed entries fail silently, the
 * changed ones fail when read or checked, the added ones are not in c. So a query over the
 * stale index never shows text a file no longer has, and never reads a directory whose mtime
 * is unchanged. Returns 0, or -1 with c untouched (no index of these PATHs, or a PATH is not a
 * directory): walk the PATHs. */
int index_cache_walk_behind(struct corpus *c, char **paths, int npaths, const char *dir, struct index_status *out);

/* The PATHs as the cache knows them. When the directories they name were indexed under another
 * spelling (sc, ./sc, sc/ and /home/u/sc name one corpus, and so do PATHs with some missing), that
 * spelling, a vector of *n paths: load the corpus from it (and say the missing PATHs are), so that
 * the index is used rather than made again, and the reports keep the names they were indexed
 * with. Only a spelling that names those directories from here is used: a relative one given
 * from another directory is not. NULL: use the PATHs as given. Free with index_cache_paths_free. */
char **index_cache_respell(char **paths, int npaths, const char *dir, int *n);
/* The spelling these PATHs' directories were indexed under when it names them only from another
 * directory (a relative one), and the PATHs as spelled have no index of their own: they will be
 * indexed again. NULL otherwise. Free with index_cache_paths_free. */
char **index_cache_spelled_elsewhere(char **paths, int npaths, const char *dir, int *n);
void index_cache_paths_free(char **v, int n);

/* Removes the temporary files of builds that died (kill -9, power loss): a temporary file whose
 * index file's lock no process holds; and, when no build is writing, the segment files no
 * manifest names. index_open calls it before it builds. */
void index_cache_clean(const char *dir);

/* Removes the index files (manifests) not used since `before` (the mtime of a manifest, which
 * opening it refreshes once a day), with their locks and the segments no other manifest names;
 * those locked by a build are kept. Also removes dead builds' temporary files and roots files
 * that name no index. Bytes count manifests and segments. */
struct index_prune {
	size_t removed, kept;                        /* index files */
	unsigned long long removed_bytes, kept_bytes;
};
void index_cache_prune(const char *dir, time_t before, struct index_prune *out);

/* Sets the corpus key in a freshly built index's blob and reseals its checksum. */
void index_set_key(struct index *ix, uint64_t key);

#endif
