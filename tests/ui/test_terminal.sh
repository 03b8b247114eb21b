#!/bin/sh
# test_terminal.sh — the terminal is safe and always restored: hostile report bytes, signals, no tty, bad locale, TERM, colours.
. tests/ui/lib.sh

# Not a terminal: refused with a message, before anything is drawn.
out=$("$FAZHI" </dev/null 2>&1 >/dev/null)
status=$?
check "stdin not a terminal: exit status 2" [ "$status" -eq 2 ]
check "stdin not a terminal: a clear message" sh -c 'printf "%s" "$1" | grep -q "^fazhi: the browser needs a terminal"' - "$out"

WITH="LANG=C LC_ALL=C" start 100 30
check "C locale: a clear message about UTF-8" shows "fazhi: the browser needs a UTF-8 locale"
check "C locale: exit status 2" shows "EXIT=2"

WITH="TERM=dumb" start 100 30
check "TERM=dumb: a clear message" shows "fazhi: cannot drive the terminal (TERM=dumb)"
check "TERM=dumb: exit status 2" shows "EXIT=2"

WITH="TERM=vt100" start 100 30
check "TERM=vt100 (no colours): the browser runs" shows "舟山市普陀区"
check "TERM=vt100: borders straight" borders_straight 2
keys q
check "TERM=vt100: q quits cleanly" exited 0

# Colours: SGR colour parameters (30–37, 40–47, 38;5, 48;5, 39/49 aside) in the captured screen.
coloured() {
	tm capture-pane -e -p -t "$SESSION" | grep -q "$(printf '\033')\[[0-9;]*\(3[0-7]\|4[0-7]\|[34]8;5\)[;m]"
}
plain() {
	shows "舟山市普陀区" && ! coloured
}
start 100 30
check "colours by default" coloured
WITH="NO_COLOR=1" start 100 30
check "NO_COLOR: no colours" plain
keys '?'
no_colour() { ! coloured; }
check "NO_COLOR: the help screen opens" shows "Keys — q, ? or Esc closes"
check "NO_COLOR: the help screen has no colours either" no_colour
start 100 30 --color=never
check "--color=never: no colours" plain
WITH="NO_COLOR=1" start 100 30 --color=always
check "--color=always overrides NO_COLOR" coloured

# Signals: the terminal is restored and the status says which signal ended it.
fazhi_pid() {
	sh_pid=$(tm display-message -p -t "$SESSION" '#{pane_pid}')
	for s in /proc/[0-9]*/status; do
		if grep -q "^PPid:[[:space:]]*$sh_pid\$" "$s" 2>/dev/null && grep -q "^Name:[[:space:]]*fazhi" "$s"; then
			p=${s#/proc/}
			echo "${p%/status}"
			return 0
		fi
	done
	return 1
}
for sig in TERM HUP INT; do
	start 100 30
	check "SIG$sig: the browser is up" shows "舟山市普陀区"
	pid=$(fazhi_pid)
	check "SIG$sig: found the browser's process" [ -n "$pid" ]
	[ -n "$pid" ] && kill -s "$sig" "$pid"
	case $sig in TERM) code=143 ;; HUP) code=129 ;; INT) code=130 ;; esac
	check "SIG$sig: exit status $code, the terminal restored" exited "$code"
done
start 100 30
check "C-c: the browser is up" shows "舟山市普陀区"
keys C-c
check "C-c quits with status 130 and restores the terminal" exited 130

# A report that tries to drive the terminal: set the window title (OSC 0), clear the screen
# (CSI 2J), colour text (CSI 31m, and CSI as the C1 byte 0x9b) and reorder text (U+202E).
dir=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-evil-XXXXXX")
printf '%s\n' \
	"某某区人民政府关于2023年度法治政府建设情况的报告" \
	"" \
	"一、主要工作" \
	"开头$(printf '\033]0;PWNED\007')标题$(printf '\033[2J')清屏$(printf '\033[31m')红色$(printf '\302\2332J')结尾" \
	"顺序$(printf '\342\200\256')倒过来的文字$(printf '\342\200\254')正常" \
	"二、存在问题" \
	"没有问题。" >"$dir/evil-2023.txt"
start 100 30 "$dir/evil-2023.txt"
check "hostile report: it opens" shows "一、主要工作"
check "hostile report: the window title is not changed" \
	sh -c '! tmux -L "$1" display-message -p -t "$2" "#{pane_title}" | grep -q PWNED' - "$SOCKET" "$SESSION"
check "hostile report: ESC shown as a visible placeholder" shows "开头␛]0;PWNED"
not_cleared() {
	title_has "fazhi • Reports" && pane_shows 1 "某某区" && pane_shows 2 "二、存在问题"
}
check "hostile report: the screen was not cleared (title bar, reports and chapters still there)" not_cleared
check "hostile report: text after the escapes is shown in order" shows "标题␛[2J清屏␛[31m红色"
check "hostile report: the bidi override is a placeholder, the text keeps its order" shows "顺序�倒过来的文字�正常"
no_red() {
	shows "红色" && ! tm capture-pane -e -p -t "$SESSION" | grep -q "$(printf '\033')\[\([0-9]*;\)*31[;m]"
}
check "hostile report: no red from the text reached the terminal (the palette has none)" no_red
check "hostile report: no row is wider than the terminal" fits
check "hostile report: borders straight" borders_straight 2
keys q
check "hostile report: q quits cleanly" exited 0
rm -rf "$dir"

finish
