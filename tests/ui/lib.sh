# lib.sh — helpers for the end-to-end tests that run the browser inside a private tmux server.
#
# A test script sources this file, starts the browser with `start W H [ARG...]`, sends keys
# with `keys`, and states what the screen must show with `check DESCRIPTION COMMAND...`,
# which polls COMMAND for up to $WAIT seconds and prints "PASS: ..." or "FAIL: ...".
# `finish` exits non-zero when any check failed. Run from the repository root.

BUILD=${BUILD:-build}
FAZHI=${FAZHI:-$BUILD/fazhi}
WAIT=${WAIT:-5}
SOCKET=fazhi-test-$$
SESSION=
STATE=
sessions=0
failures=0
STATE_HOME=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-ui-XXXXXX")
export LC_ALL=C.UTF-8   # wc -L measures display cells only in a UTF-8 locale

tm() {
	tmux -L "$SOCKET" -f /dev/null "$@"
}

cleanup() {
	tm kill-server >/dev/null 2>&1
	# A browser killed with its server may still be writing a cache file for a moment.
	rm -rf "$STATE_HOME" 2>/dev/null || { sleep 0.5; rm -rf "$STATE_HOME"; }
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ ! -x "$FAZHI" ]; then
	echo "FAIL: $FAZHI is built"
	exit 1
fi
if ! command -v tmux >/dev/null 2>&1; then
	echo "FAIL: tmux is installed"
	exit 1
fi

# start W H [ARG...]: a fresh session of W×H running fazhi ARG...; the shell then prints
# EXIT=status and waits, so the screen after exit can be checked. WITH="VAR=value ..." adds variables (for this start only).
# Each start gets empty state and cache directories ($STATE, $STATE/cache), so what one run
# saves cannot race into the next; KEEP_STATE=1 start … reuses the previous run's, to test
# what survives a restart.
# The shell catches SIGINT as an interactive one would, so C-c reaches only the browser.
start() {
	w=$1 h=$2
	shift 2
	old=$SESSION
	sessions=$((sessions + 1))
	SESSION=fz$sessions
	args=""
	for a in "$@"; do
		args="$args '$a'"
	done
	if [ -z "${KEEP_STATE:-}" ] || [ -z "$STATE" ]; then
		STATE=$STATE_HOME/state-$sessions
		mkdir -p "$STATE/cache"
	fi
	KEEP_STATE=
	tm new-session -d -s "$SESSION" -x "$w" -y "$h" \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_STATE_HOME='$STATE' XDG_CACHE_HOME='$STATE/cache' ${WITH:-} sh -c 'trap : INT; \"$FAZHI\"$args; echo EXIT=\$?; sleep 600'"
	tm set-option -t "$SESSION" -g status off >/dev/null
	tm resize-window -t "$SESSION" -x "$w" -y "$h" 2>/dev/null
	# The old session goes only now: killing the last one would stop the server under us.
	[ -z "$old" ] || tm kill-session -t "$old" 2>/dev/null
	W=$w H=$h WITH=
	# Keys typed before the browser has set up the terminal could be lost: wait until
	# something is on the screen (the browser, or its message).
	tries=$((WAIT * 20))
	while ! screen | grep -q '[^ ]' && [ "$tries" -gt 0 ]; do
		sleep 0.05
		tries=$((tries - 1))
	done
}

keys() {
	tm send-keys -t "$SESSION" "$@"
}

resize() {
	W=$1 H=$2
	tm resize-window -t "$SESSION" -x "$1" -y "$2"
}

screen() {
	tm capture-pane -p -t "$SESSION"
}

# Row N of the screen (1 is the top).
row() {
	screen | sed -n "${1}p"
}

# The reader's part of screen row N: what follows the last vertical border.
reader_row() {
	row "$1" | sed 's/.*│//'
}

shows() {
	screen | grep -qF -- "$1"
}

hides() {
	! screen | grep -qF -- "$1"
}

# Pane N (1 reports, 2 chapters, 3 reader) of the three-pane layout: the text between borders.
pane() {
	screen | sed '1d;$d' | awk -F'│' -v n="$1" '{ print $n }'
}

pane_shows() {
	pane "$1" | grep -qF -- "$2"
}

pane_hides() {
	! pane "$1" | grep -qF -- "$2"
}

# The reader's top row, with the margin and heading indent stripped, starts with TEXT.
reader_top_is() {
	reader_row 2 | sed 's/^ *//' | grep -q "^$1"
}

# The status line (last row) contains TEXT.
status_has() {
	row "$H" | grep -qF -- "$1"
}

status_matches() {
	row "$H" | grep -q -- "$1"
}

title_has() {
	row 1 | grep -qF -- "$1"
}

# No captured row is wider than the terminal, and there are no more rows than it has.
fits() {
	s=$(screen)
	[ "$(printf '%s\n' "$s" | wc -L)" -le "$W" ] && [ "$(printf '%s\n' "$s" | wc -l)" -le "$H" ]
}

# Display columns of every vertical border on row N, as "c1 c2 ...".
border_columns() {
	line=$(row "$1")
	cols="" base=0
	while :; do
		case "$line" in *│*) ;; *) break ;; esac
		before=${line%%│*}
		c=$((base + $(printf '%s' "$before" | wc -L)))
		cols="$cols $c"
		base=$((c + 1))
		line=${line#*│}
	done
	echo "$cols"
}

# Every body row (2 .. H-1) has exactly N borders, in the same columns as row 2.
borders_straight() {
	want=$(border_columns 2)
	[ "$(echo $want | wc -w)" -eq "$1" ] || return 1
	r=3
	while [ "$r" -lt "$H" ]; do
		[ "$(border_columns $r)" = "$want" ] || return 1
		r=$((r + 1))
	done
}

# The browser has exited with status $1 and left the alternate screen.
exited() {
	shows "EXIT=$1" && [ "$(tm display-message -p -t "$SESSION" '#{alternate_on}')" = 0 ]
}

# check DESCRIPTION COMMAND...: polls COMMAND until it succeeds or WAIT seconds pass.
check() {
	desc=$1
	shift
	tries=$((WAIT * 20))
	while ! "$@" 2>/dev/null; do
		tries=$((tries - 1))
		if [ "$tries" -le 0 ]; then
			echo "FAIL: $desc"
			failures=$((failures + 1))
			if [ -n "${VERBOSE:-}" ]; then screen | sed 's/^/    | /'; fi
			return 1
		fi
		sleep 0.05
	done
	echo "PASS: $desc"
}

# Waits until the screen stops changing (after keys whose effect has no fixed text).
settle() {
	prev=$(screen)
	n=0
	while [ "$n" -lt 100 ]; do
		sleep 0.05
		cur=$(screen)
		[ "$cur" = "$prev" ] && return 0
		prev=$cur
		n=$((n + 1))
	done
}

finish() {
	[ "$failures" -eq 0 ]
	exit $?
}
