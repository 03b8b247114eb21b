#!/bin/sh
# test_keys.sh — the keys move as documented: lines, pages, ends, headings, focus, chapters, marks, help, mouse, q.
. tests/ui/lib.sh

# 120×35: the reader has rows 2..34 (33 rows); a page is 32 lines, half a page 16.
# The report first open is jingan-2019 (上海市静安区 sorts first); its headings, in order:
# 一、2019年度推进法治政府建设的基本情况 › (一)政府职能转变方面 › 1.深化行政审批制度改革 …
# and last (九)继续营造尊法学法守法用法的社会环境; its body ends "流动法治阵地共同发展。".
start 120 35
check "starts in the reports pane" title_has "fazhi • Reports"
keys Tab
check "Tab focuses the chapters" title_has "fazhi • Chapters"
keys Tab
check "Tab again focuses the reader" title_has "fazhi • Reader"

keys ']'
check "] puts the next heading at the top" reader_top_is "一、2019年度推进法治政府建设的基本情况"
check "the status line shows the section" status_has "一、2019年度推进"
keys ']'
check "] again: the next heading, one level down" reader_top_is "(一)政府职能转变方面"
check "the breadcrumb shows both levels" status_has "一、2019年度推进法治政府建设的基本情况 › (一)政府职能转变方面"
keys '['
check "[ goes back to the previous heading" reader_top_is "一、2019年度推进法治政府建设的基本情况"

blank_top() {
	[ -z "$(reader_row 2 | tr -d ' ')" ] && reader_row 3 | grep -q "^ *(一)政府职能转变方面"
}
keys j
check "j scrolls one line (the blank line after the heading is on top)" blank_top
keys j
check "j again: the next heading is on top" reader_top_is "(一)政府职能转变方面"
keys k k
check "k k scrolls back two lines" reader_top_is "一、2019年度推进法治政府建设的基本情况"

bottom=$(reader_row 34)
keys Space
same_top() { [ "$(reader_row 2)" = "$1" ]; }
check "Space pages down: the last row is now the top row" same_top "$bottom"
keys b
check "b pages back up" reader_top_is "一、2019年度推进法治政府建设的基本情况"
half=$(reader_row 18)
keys d
check "d scrolls half a page (16 lines)" same_top "$half"
keys u
check "u scrolls half a page back" reader_top_is "一、2019年度推进法治政府建设的基本情况"

ends_report() { reader_row 34 | grep -q "流动法治阵地共同发展。 *$"; }
keys G
check "G shows the end of the report" ends_report
check "G: the position is 100%" status_has "100%"
keys g
check "g goes back to the beginning" reader_top_is "上海市静安区人民政府"
check "g: the status says the top is before the first heading" status_has "(before the first heading)"
keys End
check "End is G" ends_report
keys Home
check "Home is g" reader_top_is "上海市静安区人民政府"

keys ']' ']' m a
check "m a sets mark a" status_has "mark a set"
keys g
check "g leaves the mark" reader_top_is "上海市静安区人民政府"
keys "'" a
check "' a goes to mark a" reader_top_is "(一)政府职能转变方面"
keys "'" "'"
check "'' goes back to before the jump" reader_top_is "上海市静安区人民政府"
keys "'" "'"
check "'' again returns" reader_top_is "(一)政府职能转变方面"
keys "'" b
check "' b: an unset mark says so" status_has "mark b is not set"

keys BTab
check "Shift-Tab focuses the chapters" title_has "fazhi • Chapters"
keys j Enter
check "j Enter in the chapters jumps the reader to the chapter below" reader_top_is "1.深化行政审批制度改革"
check "the focus stays in the chapters" title_has "fazhi • Chapters"
keys G Enter
check "G Enter jumps to the last chapter" reader_top_is "(九)继续营造尊法学法守法用法的社会环境"
check "the breadcrumb shows its parent" status_has "四、2020年度推进法治政府建设的主要安排 › (九)继续营造尊法学法守法用法的社会环境"

# The chapters pane follows the reader: after [ [ in the reader, Enter in the chapters
# jumps to the section the reader is in, not to the row selected before.
keys Tab '[' '['
check "[ [ in the reader" reader_top_is "(七)畅通解决行政争议的渠道"
keys BTab Enter
check "the chapters pane followed the reader" reader_top_is "(七)畅通解决行政争议的渠道"

folded() {
	[ "$(pane 2 | grep -c '^ ▸ ')" -eq 4 ] && [ "$(pane 2 | grep -c '[^ ]')" -eq 4 ]
}
check "before -, the chapters show second-level headings" pane_shows 2 "(一)政府职能转变"
keys -
check "- folds every branch: only the four top-level headings (一、 to 四、) are left" folded
check "- folds every branch: 三、 is among them" pane_shows 2 "▸ 三、2019年度履行推进"
keys +
check "+ unfolds them again" pane_shows 2 "(一)政府职能转变"

help_line() {
	screen | grep -q "^  $1 "
}
keys '?'
check "? opens the help screen" shows "Keys — q, ? or Esc closes"
for names in "j, Down" "k, Up" "Space, PgDn" "b, PgUp" "d" "u" "g, Home" "G, End" "Tab" "Shift-Tab" \
	"Enter" "\]" "\[" "h, Left" "l, Right" "o" "-" "+, ="; do
	check "the help screen lists $names" help_line "$names"
done
keys G   # the last page, full
for names in "m" "'" "i" "z" "?" "Ctrl-L" "q"; do
	check "the help screen's last page lists $names" help_line "$names"
done
keys q
check "q closes the help screen" shows "舟山市普陀区"
check "the browser is still running" hides "EXIT="

# Mouse (X10 encoding, as TERM=screen announces): a click on the 舟山市普陀区 row opens it.
mouse_on() {
	[ "$(tm display-message -p -t "$SESSION" '#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}')" != 000 ]
}
check "the browser asks the terminal for mouse events" mouse_on
keys -H 1b 5b 4d 20 24 26
check "a click in the reports pane opens that report" title_has "舟山市普陀区 2021"
check "the click focused the reports pane" title_has "fazhi • Reports"
fifth=$(reader_row 5)
keys -H 1b 5b 4d 61 70 30   # column 80: the reader starts after a reports pane of 40 and chapters of 24
check "the wheel over the reader scrolls it three lines" same_top "$fifth"
check "the wheel leaves the focus where it was" title_has "fazhi • Reports"
keys q
check "q quits with status 0" exited 0

mouse_off() {
	title_has "fazhi • Reports" && ! mouse_on
}
start 120 35 --no-mouse
check "--no-mouse: the terminal is not asked for mouse events" mouse_off
keys q
check "q quits with status 0" exited 0

finish
