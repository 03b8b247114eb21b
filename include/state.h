/* state.h — reading positions remembered across runs, kept in $XDG_STATE_HOME/fazhi/positions. */
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

struct state;   /* opaque: the positions read at load time plus those set since */

/* Path of the positions file; caller frees. NULL with *cause (caller frees) when neither
 * XDG_STATE_HOME nor HOME says where it goes. */
char *state_file(char **cause);

/* Reads the positions file. A missing or unreadable file gives an empty state (reading
 * positions are a convenience, not data); never fails. Free with state_free(). */
struct state *state_load(void);
void state_free(struct state *s);

/* The remembered offset for `key`; returns 1 and sets *off when known, else 0. */
int state_get(const struct state *s, const char *key, size_t *off);
/* Remembers `off` for `key` (copied); keys containing '\n' are ignored. */
void state_set(struct state *s, const char *key, size_t off);

/* Writes the positions back: re-reads the file so that positions another instance saved
 * meanwhile are kept, applies the ones set in this state, and replaces the file atomically
 * (a temporary file in the same directory, then rename). Creates the directory (mode 0700)
 * when missing. Returns 0, or -1 with *cause set (caller frees). Does nothing when nothing
 * was set. */
int state_save(struct state *s, char **cause);

#endif
