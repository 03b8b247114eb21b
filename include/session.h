/* session.h — the search index of a corpus for its lifetime: opened once, every search, count and snippet with the damaged-cache retry, and the order of results. */
#ifndef FAZHI_SESSION_H
#define FAZHI_SESSION_H

#include <stddef.h>

#include "corpus.h"
#include "index.h"
#include "query.h"

/* One session per corpus, opened by main.c and handed to the browser or a subcommand; nothing
 * else opens the corpus's index. It owns the index, which it opens on first need, from the
 * cache file when that is valid, else built (with progress) and saved.
 *
 * A cache file's postings are checked only when a search first reads them (index_intact). Every
 * call here that reads postings (searches, counts, snippets) checks the index afterwards; when
 * it met damage, the session frees it, opens the corpus's index again (index_reopen: the
 * reports of the damaged segment indexed again) and runs the call again, so its caller gets what a fresh build answers and never
 * sees the damage but as a notice (session_notice). A rebuilt index numbers the reports as the
 * old one did (by position in the corpus), so results taken before stay valid; but a pointer to
 * the index (session_index) or into it (index_info, session_meta's strings) is valid only until
 * the next call here that reads postings. */

struct session;   /* opaque */

/* A session over corpus c (borrowed: it must outlive the session) with the cache directory dir
 * (copied; NULL, or a corpus of the embedded samples alone: the index is built in memory and
 * kept nowhere). progress (copied; may be NULL) is told of builds. Opens nothing. Free with
 * session_free, which frees the index. */
struct session *session_new(struct corpus *c, const char *dir, const struct index_progress *progress);
void session_free(struct session *s);
/* Who is told of builds from now on (NULL: nobody); the browser draws them on its status line. */
void session_set_progress(struct session *s, const struct index_progress *progress);

/* The index when one is open, or when the cache file holds a valid one (opened now); else NULL,
 * with nothing built or written (a rejected file is left for session_index to rebuild and tell). */
const struct index *session_cached(struct session *s);
/* The index, opened now when none is: cached, else built (told to progress) and saved. Never
 * NULL. */
const struct index *session_index(struct session *s);

/* What the user should be told of the latest open or rebuild (a cache rejected, damaged, or not
 * writable), taken: the caller frees it; NULL when there is nothing (new). A newer notice
 * replaces one not taken. */
char *session_notice(struct session *s);

/* index_search, index_search_top and index_result_snippets (index.h) on the session's index,
 * opened first when none is, with the retry above. r must be the report res->report names. */
size_t session_search(struct session *s, const struct query *q, size_t limit, struct index_results *out);
size_t session_search_top(struct session *s, const struct query *q, size_t limit, struct index_results *out);
size_t session_result_snippets(struct session *s, const struct index_result *res, const struct report *r,
                               const struct query *q, size_t cells, struct index_hits *hits,
                               struct index_snippet *out, size_t max);

/* Entry i as a search result is printed from it, not parsed: its text alone (corpus_read_text)
 * with the metadata, body and chapter tree of the digest head the open index keeps of it
 * (digest_fill_report). The caller owns it (report_free); the corpus does not keep it. NULL when
 * the entry is loaded already, no index is open, the index keeps no intact digest of it, or the
 * file cannot be read as it was indexed (the entry then fails, as corpus_get fails it): the
 * report is then to be had from corpus_get. */
struct report *session_text_report(struct session *s, size_t i);

/* The orders of results. By relevance the reports of one region stay together, the regions in
 * the order of their best report, each region's reports by rank. The others (reports of no
 * known region last in each): by hits, most first; by region, then the newest year; by year,
 * newest first, then region. Ties keep the rank (score, then corpus order). */
enum session_order { SESSION_BY_RELEVANCE, SESSION_BY_HITS, SESSION_BY_REGION, SESSION_BY_YEAR, SESSION_NORDERS };
extern const char *const session_order_names[SESSION_NORDERS];   /* "relevance", "hits", … */

/* Puts res, results of q (in any order), in order `o`. Ordering by anything but relevance needs
 * every match: a res that does not hold them all (not exact, or cut at a limit) is searched
 * again first (session_search without a limit). Metadata come from corpus_meta. */
void session_order(struct session *s, const struct query *q, struct index_results *res, enum session_order o);

/* A corpus_meta_source function (corpus.h) whose arg is a session: the metadata of a report not
 * read yet, from the open index (so a list is drawn without reading reports); -1 when none is
 * open. */
int session_meta(void *arg, size_t i, struct corpus_meta *out);
/* Its digest function (corpus_meta_source.digest, index_digest): the overview's rows from the
 * index open now, without reading the reports; -1 when no index is open. */
int session_digest(void *arg, size_t i, const void **p, size_t *len);
/* As session_digest, but the digest's head alone (index_digest_head): for a source that serves
 * rows only, such as the browser's overview, which never reads the facts. */
int session_digest_head(void *arg, size_t i, const void **p, size_t *len);

#endif
