#!/bin/sh
# test_resize.sh — resizes keep the text at the top of the reader; the reading position survives a restart.
. tests/ui/lib.sh

# jingan-2019 at 120×35: ] ] ] puts "1.深化行政审批制度改革" on top; three j more put the
# second wrapped line of the paragraph below it on top (heading, blank, first line, second).
start 120 35
keys Tab Tab ']' ']' ']'
check "] ] ] shows 1.深化行政审批制度改革 on top" reader_top_is "1.深化行政审批制度改革"
keys j j
check "j j: the paragraph's first line is on top" reader_top_is "深入推进以“一网通办”"
keys j
not_first() { ! reader_top_is "深入推进以“一网通办”" && [ -n "$(reader_row 2 | tr -d ' ')" ]; }
check "j: the paragraph's second line is on top" not_first
top=$(reader_row 2)
head=$(printf '%s' "$top" | sed 's/^ *//' | cut -c1-9)   # its first three characters

# The new top row starts at or before the old top line: its first characters are on the
# top row or straddle into the next one.
kept_near() {
	joined=$(reader_row 2 | sed 's/^ *//; s/ *$//')$(reader_row 3 | sed 's/^ *//')
	case "$joined" in *"$head"*) return 0 ;; esac
	return 1
}
same_top() { [ "$(reader_row 2)" = "$1" ]; }

for size in 80x24 150x45 61x17 100x30; do
	resize "${size%x*}" "${size#*x}"
	check "resize to $size keeps the text at the top" kept_near
	check "resize to $size: no row wider than the terminal" fits
done
resize 120 35
check "back at 120x35 the same line is on top" same_top "$top"

resize 30 8
check "30x8: too small" shows "terminal too small"
resize 120 35
check "after too small, the same line is on top" same_top "$top"

# Hundreds of resizes in a row, down to 1×1.
i=0
while [ "$i" -lt 30 ]; do
	for s in 1x1 2x2 200x60 40x10 39x9 80x24 13x3 79x24 81x25 60x20; do
		tm resize-window -t "$SESSION" -x "${s%x*}" -y "${s#*x}"
	done
	i=$((i + 1))
done
resize 120 35
check "after 300 resizes the browser still draws" shows "舟山市普陀区"
check "after 300 resizes the same line is on top" same_top "$top"
check "after 300 resizes the borders are straight" borders_straight 2

keys q
check "q quits" exited 0
saved() { grep -q "	embedded:jingan-2019.txt\$" "$STATE/fazhi/positions"; }
check "the reading position is saved under \$XDG_STATE_HOME/fazhi" saved

KEEP_STATE=1 start 120 35
keys Tab Tab
check "a restart opens jingan-2019 where it was left" same_top "$top"
keys Tab j
check "another report opens at its beginning" reader_top_is "泗门镇2022年度"
keys k
check "and jingan-2019 is back where it was" same_top "$top"
keys q
check "q quits" exited 0

finish
