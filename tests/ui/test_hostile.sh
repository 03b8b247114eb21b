#!/bin/sh
# test_hostile.sh — on a real terminal: CLI output and the browser keep hostile bytes from reports, file names and typed queries visible and harmless; bad files are reported; the corpus is never written.
. tests/ui/lib.sh

TOP=$(pwd)
D=$(mktemp -d "${TMPDIR:-/tmp}/fzh-XXXXXX")
trap 'cleanup; chmod -R u+rwx "$D" 2>/dev/null; rm -rf "$D"' EXIT
ESCAPES=$TOP/tests/fixtures/loader/escapes.txt

# A report whose file name sets the window title and clears the screen, and an empty one
# named likewise; the browser and CLI show such names with placeholders.
mkdir "$D/evil"
EVIL="$D/evil/$(printf 'e\033]0;PWNED\007\033[2J.txt')"
printf '%s\n' "常州市武进区人民政府关于2020年度法治政府建设情况的报告" "一、主要工作" \
	"区政府常务会议共进行了5次学法活动。" "二、存在问题" "没有。" >"$EVIL"
: >"$D/evil/$(printf 'x\033[31m\302\233K.txt')"
SHOWN="$D/evil/e␛]0;PWNED␇␛[2J.txt"

case $FAZHI in /*) FZ=$FAZHI ;; *) FZ=$TOP/$FAZHI ;; esac
# The CLI runs through a small script, so that no escape has to pass through tmux's command line.
cat >"$D/cli.sh" <<EOF
#!/bin/sh
cd "$TOP"
evil=\$(printf '%s/evil/e\033]0;PWNED\007\033[2J.txt' "$D")
case \$1 in
outline) exec "$FZ" outline "$ESCAPES" "$D/evil" ;;
search) exec "$FZ" search 红色 "$ESCAPES" ;;
search-name) exec "$FZ" search 学法 "\$evil" ;;
facts) exec "$FZ" facts "\$evil" ;;
compare) exec "$FZ" compare "\$evil" "$ESCAPES" ;;
esac
EOF
chmod +x "$D/cli.sh"
REAL=$FAZHI

untitled() {
	! tm display-message -p -t "$SESSION" "#{pane_title}" | grep -qi pwned
}
# Row 1 starts with TEXT: nothing cleared the screen or moved the cursor home.
top_is() {
	row 1 | grep -qF -- "$1" && [ "$(row 1 | cut -c1-${#1})" = "$1" ]
}
# One key at a time: Esc followed at once by a key reads as Alt and that key.
slow() {
	for k in "$@"; do
		keys "$k"
		sleep 0.2
	done
}
no_sgr_red() {
	! tm capture-pane -e -p -t "$SESSION" | grep -q "$(printf '\033')\[\([0-9]*;\)*31[;m]"
}

FAZHI=$D/cli.sh
WITH="XDG_CACHE_HOME=$D/cache" start 160 40 outline
check "CLI outline on a terminal: exit status 1 (an empty file)" shows "EXIT=1"
check "CLI outline: the title is not changed" untitled
check "CLI outline: the screen was not cleared (the bad file's message is still on top)" \
	top_is "fazhi: $D/evil/x␛[31m�K.txt: empty file"
check "CLI outline: the first report follows it" sh -c '[ "$(tmux -L "$1" -f /dev/null capture-pane -p -t "$2" | sed -n 2p)" = "$3" ]' - "$SOCKET" "$SESSION" "$ESCAPES"
check "CLI outline: CSI 2J and CSI H shown as placeholders" shows "一、␛[2J␛[H总体情况"
check "CLI outline: the bidi overrides and isolates are placeholders, the text keeps its order" \
	shows "二、顺序�颠倒�与�隔离�"
check "CLI outline: a file name with escapes is shown with placeholders" shows "$SHOWN"
check "CLI outline: a bad file's message names it with placeholders" \
	shows "fazhi: $D/evil/x␛[31m�K.txt: empty file"
check "CLI outline: no colour reached the terminal" no_sgr_red

WITH="XDG_CACHE_HOME=$D/cache" start 160 40 search
check "CLI search on a terminal: exit status 0" shows "EXIT=0"
check "CLI search: the title is not changed" untitled
check "CLI search: the snippet (40 cells) shows SGR and the hyperlink as placeholders" \
	shows "一  正文␛[31m红色␛[0m，链接␛]8;;http://examp"
check "CLI search: the screen was not cleared" top_is "$ESCAPES"
check "CLI search: no colour reached the terminal" no_sgr_red

WITH="XDG_CACHE_HOME=$D/cache" start 160 40 search-name
check "CLI search, a file name with escapes: exit status 0" shows "EXIT=0"
check "CLI search, a file name with escapes: the title is not changed" untitled
check "CLI search, a file name with escapes: shown with placeholders, on top" top_is "$SHOWN"

WITH="XDG_CACHE_HOME=$D/cache" start 160 40 facts
check "CLI facts, a file name with escapes: exit status 0" shows "EXIT=0"
check "CLI facts: the title is not changed" untitled
check "CLI facts: the name shown with placeholders, on top (the screen not cleared)" \
	top_is "常州市武进区 2020 ($SHOWN)"

WITH="XDG_CACHE_HOME=$D/cache" start 160 40 compare
check "CLI compare: exit status 0" shows "EXIT=0"
check "CLI compare: the title is not changed" untitled
check "CLI compare: the report's escapes shown as placeholders" shows "一 ␛[2J␛[H总体情况"
check "CLI compare: the bidi controls are placeholders" shows "二 顺序�颠倒�与�隔离�"
check "CLI compare: the file name shown with placeholders" shows "[2] $ESCAPES"
FAZHI=$REAL

# The browser on those names: the message on the status line keeps its placeholders.
WITH="XDG_CACHE_HOME=$D/cache" start 160 30 "$D/evil"
check "file names with escapes, browser: the report is listed" pane_shows 1 "常州市武进区"
check "file names with escapes, browser: the status line shows the name with placeholders" \
	status_has "x␛[31m�K.txt: empty file"
check "file names with escapes, browser: the title is not changed" untitled
keys q
check "file names with escapes, browser: q quits with status 1" exited 1

# --- The browser on a directory of good reports and bad files -------------------------------
B=$D/b
mkdir "$B"
cp assets/reports/putuo-2021.txt assets/reports/wujin-2020.txt "$B/"
: >"$B/empty.txt"
cp tests/fixtures/loader/binary.txt "$B/binary.txt"
ln -s loop.txt "$B/loop.txt"
printf '一、总体情况\n法治\344\270' >"$B/truncated.txt"
WITH="XDG_CACHE_HOME=$D/cache" start 160 30 "$B"
check "bad files, browser: the status line names the first bad file and the reason" \
	status_has "$B/binary.txt: binary file (not text) (more on the terminal before fazhi started)"
check "bad files, browser: the good reports are listed" \
	sh -c 'tmux -L "$1" -f /dev/null capture-pane -p -t "$2" | grep -q "舟山市普陀区" && tmux -L "$1" -f /dev/null capture-pane -p -t "$2" | grep -q "常州市武进区"' - "$SOCKET" "$SESSION"
third() { pane 1 | grep -q '^ ? *---- truncated.txt'; }
check "bad files, browser: the truncated report is listed too (no region, no year)" third
keys q
check "bad files, browser: q quits with status 1 (some files could not be read)" exited 1
check "bad files, browser: every message stays on the terminal after it" \
	sh -c 's=$(tmux -L "$1" -f /dev/null capture-pane -p -t "$2"); for m in "$3/binary.txt: binary file (not text)" "$3/empty.txt: empty file" "$3/loop.txt: symbolic link loop" "$3/truncated.txt: 1 invalid byte sequence replaced by U+FFFD"; do printf "%s\n" "$s" | grep -qF "fazhi: $m" || exit 1; done' - "$SOCKET" "$SESSION" "$B"

# --- Hostile typing in the search prompts ---------------------------------------------------
WITH="XDG_CACHE_HOME=$D/cache" start 120 30 "$ESCAPES"
check "prompt: the report opens" shows "一、␛[2J␛[H总体情况"
keys /
check "prompt: / opens the search prompt" status_matches "^/"
# 法, U+202E (right-to-left override), BEL, C1 CSI, 治: the override shows as a placeholder,
# controls are not taken, and nothing reaches the terminal.
keys -H e6 b3 95 e2 80 ae 07 c2 9b e6 b2 bb
check "prompt: a typed bidi override is a visible placeholder; controls are not taken" status_matches "^/法�治 "
check "prompt: the title is not changed" untitled
# An invalid byte, then an escape sequence pasted: Esc leaves the prompt, and the rest
# arrives as keys; the browser stays up and unharmed.
keys -H ff e6 b3 95
keys -H 1b 5d 30 3b 50 57 4e 45 44 07 1b 5b 32 4a
settle
check "prompt: after a pasted OSC the title is not changed" untitled
check "prompt: the screen is whole (title bar, chapters, text)" \
	sh -c 'tmux -L "$1" -f /dev/null capture-pane -p -t "$2" | sed -n 1p | grep -q "fazhi •" && tmux -L "$1" -f /dev/null capture-pane -p -t "$2" | grep -q "二、顺序�颠倒�与�隔离"' - "$SOCKET" "$SESSION"
keys Escape
settle
keys s   # alone: Esc and s sent together read as Alt-s
check "corpus search: s opens the view" shows "Search all reports"
keys -H e7 ba a2 e8 89 b2
check "corpus search: the snippet shows the escapes as placeholders" \
	shows "正文␛[31m红色␛[0m，"
check "corpus search: no colour from the text reached the terminal" no_sgr_red
keys -H e2 80 ae c2 85
check "corpus search: a typed override shows as a placeholder in the prompt" shows "Search all reports: 红色�"
# An invalid byte typed last, then out of the view and the browser.
keys -H ff
slow Escape Escape Escape q
check "prompt: q quits cleanly after all that" exited 0

# An invalid byte and the keys after it in the same read: the byte is one U+FFFD, and the
# next keys are not swallowed (Esc right after it still closes the prompt).
start 120 30
keys Tab Tab /
keys -H e6 b3 95 ff e6 b2 bb
check "prompt: an invalid byte between two characters is one U+FFFD, the next kept" status_matches "^/法�治"
keys -H ff 1b
check "prompt: Esc in the same read as an invalid byte closes the prompt" sh -c '! tmux -L "$1" -f /dev/null capture-pane -p -t "$2" | tail -n 1 | grep -q "^/"' - "$SOCKET" "$SESSION"
keys q
check "prompt: q then quits with status 0" exited 0

# --- The browser never writes the corpus; its files go under the XDG directories ----------
RO=$D/ro
mkdir -p "$RO/sub" "$D/home" "$D/xdg"
cp assets/reports/putuo-2021.txt assets/reports/wujin-2020.txt "$RO/"
cp tests/fixtures/loader/simen-2022.gb18030.txt "$RO/sub/"
chmod -R a-w "$RO"
snapshot() {
	(cd "$RO" && find . -print0 | sort -z | xargs -0 stat -c '%n %s %a %i %Y.%y %Z.%z' &&
		find . -type f -print0 | sort -z | xargs -0 cat | cksum)
}
snapshot >"$D/before"
WITH="HOME=$D/home XDG_CACHE_HOME=$D/xdg/cache XDG_STATE_HOME=$D/xdg/state XDG_CONFIG_HOME=$D/xdg/config XDG_DATA_HOME=$D/xdg/data" \
	start 120 30 "$RO"
check "read-only corpus, browser: it opens" shows "舟山市普陀区"
keys j j Enter
settle
keys / 法 治 Enter n
settle
keys Escape
settle
keys s 复 议
check "read-only corpus, browser: the corpus search answers" shows "Search all reports: 复议"
slow Escape Escape q
check "read-only corpus, browser: q quits cleanly" exited 0
snapshot >"$D/after"
check "read-only corpus, browser: names, sizes, modes, inodes, times and contents unchanged" cmp -s "$D/before" "$D/after"
check "read-only corpus, browser: nothing written to HOME" [ -z "$(ls -A "$D/home")" ]
check "read-only corpus, browser: files only under XDG_STATE_HOME/fazhi and XDG_CACHE_HOME/fazhi" \
	sh -c '[ -z "$(cd "$1" && find . -type f | grep -v "^\./state/fazhi/" | grep -v "^\./cache/fazhi/")" ] && [ -n "$(cd "$1" && find . -type f)" ]' - "$D/xdg"

finish
