#!/bin/sh
# test_parts.sh — the browser on reports whose chapters are parts (第一部分 above the 一、 lists, which start again in each) or marked instead of numbered (【…】): the chapters pane nests them and the reader opens them.
. tests/ui/lib.sh

P=tests/forms13/reports
# 92 (齐齐哈尔市, 2021): 第一部分 with 一、–六、, 第二部分 with 一、–三、, 第三部分、 with 一、–五、.
# 94 (大埔县茶阳镇, 2024): eight chapters marked 【…】, no 一、 at all. The list sorts by region, so
# 94 (大埔县) comes first and is open at start.

indent_of() {   # the leading blanks of the first row of pane $1 that holds $2
	pane "$1" | grep -F -- "$2" | head -n 1 | sed 's/[^ ].*//' | awk '{ print length($0) }'
}

deeper() {   # in pane $1, the row holding $3 is indented further than the row holding $2
	a=$(indent_of "$1" "$2") b=$(indent_of "$1" "$3")
	[ -n "$a" ] && [ -n "$b" ] && [ "$b" -gt "$a" ]
}

same_indent() {   # in pane $1, the rows holding $2 and $3 are indented alike
	a=$(indent_of "$1" "$2") b=$(indent_of "$1" "$3")
	[ -n "$a" ] && [ "$a" = "$b" ]
}

for size in "150 45" "120 35"; do
	set -- $size
	start "$1" "$2" "$P/92_qiqihar_2021_parts.txt" "$P/94_meizhou_dabu_chayang_2024_notitle.txt"
	check "$size: the marked chapters are the chapters" pane_shows 2 "【强化组"
	check "$size: … all eight, to the plans" pane_shows 2 "【2025"
	check "$size: … at one depth" same_indent 2 "【强化组" "【存在的"
	check "$size: … not (no chapters)" pane_hides 2 "(no chapters)"
	keys j
	check "$size: the parts are chapters" pane_shows 2 "第一部分"
	check "$size: a part's 一、 lists stand under it" deeper 2 "第一部分" "一、坚持党"
	check "$size: … and the parts at one depth" same_indent 2 "第一部分" "第二部分"
	check "$size: the second part's list starts again" pane_shows 2 "一、法治政"
	check "$size: … under it" deeper 2 "第二部分" "一、法治政"
	check "$size: nothing spills over the screen" fits
	check "$size: the panes stay aligned" borders_straight 2
done

# 80×24: the chapters pane still nests the parts.
start 80 24 "$P/92_qiqihar_2021_parts.txt"
check "80x24: the first part is a chapter" pane_shows 2 "第一部分"
check "80x24: … above its 一、" deeper 2 "第一部分" "一、坚持党"
check "80x24: nothing spills over" fits
finish
