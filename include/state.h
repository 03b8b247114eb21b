/* state.h — what the browser remembers across runs: reading positions and the search history, in $XDG_STATE_HOME/fazhi/. */
#ifndef FAZHI_STATE_H
#define FAZHI_STATE_H

#include <stddef.h>

/* A position is the byte offset of the top line of the reader, keyed by the report's path
 * as loaded ("embedded:NAME" for the samples). The file holds one "OFFSET<TAB>PATH" line per
 * report, most recently used last, at most STATE_MAX_ENTRIES lines; a line that does not
 * read as such is ignored. Paths containing a newline are never stored. The file lives in
 * $XDG_STATE_HOME/fazhi/ (an absolute XDG_STATE_HOME only, as the XDG spec asks), else in
 * ~/.local/state/fazhi/; nothing is ever written anywhere else. */
#define STATE_MAX_ENTRIES 1000

/* The search history is the file `searches` beside it: one search per line, oldest first, at
 * most STATE_MAX_SEARCHES; a line that is not UTF-8 or longer than STATE_MAX_SEARCH bytes is
 * ignored. Both files are written the same way: the directories made (mode 0700), a
 * temporary file beside the file, then rename. */
#define STATE_MAX_SEARCHES 100
#define STATE_MAX_SEARCH 1024

struct state;   /* opaque: the positions and searches read at load time plus those added since */

/* Path of the positions file; caller frees. NULL with *cause (caller frees) when neither
 * XDG_STATE_HOME nor HOME says where it goes. */
char *state_file(char **cause);

/* Reads the positions and searches files. A missing or unreadable file gives an empty state
 * (they are a convenience, not data); never fails. Free with state_free(). */
struct state *state_load(void);
void state_free(struct state *s);

/* The remembered offset for `key`; returns 1 and sets *off when known, else 0. */
int state_get(const struct state *s, const char *key, size_t *off);
/* Remembers `off` for `key` (copied); keys containing '\n' are ignored. */
void state_set(struct state *s, const char *key, size_t off);

/* The search history: how many searches, and the i-th, oldest first (lent until the next
 * state_search_add or state_free). */
size_t state_searches(const struct state *s);
const char *state_search(const struct state *s, size_t i);
/* Adds t[0..n) as the newest search, or moves an equal one there; empty text, text with a
 * newline and text longer than STATE_MAX_SEARCH are ignored. The oldest goes past the limit. */
void state_search_add(struct state *s, const char *t, size_t n);

/* Writes the positions back: re-reads the file so that positions another instance saved
 * meanwhile are kept, applies the ones set in this state, and replaces the file atomically
 * (a temporary file in the same directory, then rename). Creates the directory (mode 0700)
 * when missing. Returns 0, or -1 with *cause set (caller frees). Does nothing when nothing
 * was set. */
int state_save(struct state *s, char **cause);
/* Writes the search history (this instance's list replaces the file), in the same way.
 * Returns 0 (also when nothing was added), or -1 with *cause set (caller frees). */
int state_save_searches(struct state *s, char **cause);

#endif
