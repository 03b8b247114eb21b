#!/bin/sh
# test_layout.sh — the panes at several terminal sizes: districts, wrapped Chinese text, row widths, straight borders.
. tests/ui/lib.sh

JINGAN=assets/reports/jingan-2019.txt

shows_all() {
	for t in "$@"; do shows "$t" || return 1; done
}

# The reader row that starts with $1 and the row below it, joined without the margin, are
# a piece of the report as written: the paragraph was wrapped, nothing lost at the break.
# The first row must be filled to within a wide character of the reader's width ($2).
wrapped_in_file() {
	first=$(screen | sed 's/.*│//' | sed 's/^ //' | grep -n "^$1" | head -n 1)
	[ -n "$first" ] || return 1
	n=${first%%:*}
	a=${first#*:}
	b=$(screen | sed 's/.*│//' | sed 's/^ //' | sed -n "$((n + 1))p")
	[ -n "$b" ] || return 1
	[ "$(printf '%s\n' "$a" | wc -L)" -ge $(($2 - 3)) ] || return 1
	grep -qF -- "$a$b" "$3"
}

# The embedded samples sorted by region: 上海市静安区 (jingan-2019) is first and opens.
for size in 150x45 120x35 80x24; do
	w=${size%x*} h=${size#*x}
	start "$w" "$h"
	check "$size: the reports pane lists the sample districts" \
		shows_all 舟山市普陀区 常州市武进区 上海市静安区 泗门镇 湛江经济技术
	check "$size: the title bar names the open report" title_has "上海市静安区 2019"
	check "$size: the chapters pane shows the heading tree" shows "一、2019年度"
	check "$size: the reader starts at the top of the body" reader_top_is "上海市静安区人民政府"
	case $size in
	150x45) rw=$((150 - 50 - 30 - 2)) ;;   # the reports pane a third from 120 columns
	120x35) rw=$((120 - 40 - 24 - 2)) ;;
	80x24) rw=$((80 - 20 - 18 - 2)) ;;
	esac
	check "$size: a Chinese paragraph is wrapped to the reader's width" \
		wrapped_in_file "2019年,静安区坚持" $((rw - 2)) "$JINGAN"
	check "$size: the status line shows the place and position" \
		status_matches '(before the first heading) .* [0-9]*%'
	check "$size: no row is wider than the terminal" fits
	check "$size: the two vertical borders stand in the same columns on every row" borders_straight 2
done

start 150 45
check "150x45: the full name 湛江经济技术开发区 fits the reports pane" shows 湛江经济技术开发区

# Narrow: one pane at a time; the title bar says which; Tab shows the next.
for size in 61x17 40x10; do
	w=${size%x*} h=${size#*x}
	start "$w" "$h"
	check "$size: one pane at a time, the reports first" title_has "Reports 1/3"
	check "$size: the reports pane lists 舟山市普陀区" shows 舟山市普陀区
	check "$size: no vertical borders" borders_straight 0
	check "$size: no row is wider than the terminal" fits
	keys Tab
	check "$size: Tab shows the chapters pane" title_has "Chapters 2/3"
	check "$size: the chapters pane shows the first heading" shows "一、2019年度"
	keys Tab
	check "$size: Tab again shows the reader" title_has "Reader 3/3"
	check "$size: the reader shows the report" reader_top_is "上海市静安区人民政府"
	check "$size: no row is wider than the terminal in the reader" fits
	keys BTab
	check "$size: Shift-Tab goes back to the chapters" title_has "Chapters 2/3"
done

# --ambiwidth=double: “ ” … — count two cells for us but one for the terminal's wcwidth;
# each is drawn at the column we computed, so the borders still stand straight.
start 120 35 --ambiwidth=double
keys Tab Tab ']' ']' ']' j j
check "--ambiwidth=double: the reader shows text with “quotes”" pane_shows 3 "深入推进以“ 一网通办” "
check "--ambiwidth=double: borders straight beside ambiguous-width text" borders_straight 2
check "--ambiwidth=double: no row is wider than the terminal" fits

start 61 17
keys Tab Tab
check "61x17: a Chinese paragraph is wrapped to the full width" wrapped_in_file "2019年,静安区坚持" 59 "$JINGAN"

start 30 8
check "30x8: the terminal is too small, and says so" shows "terminal too small"
check "30x8: nothing else is drawn" hides "舟山市普陀区"
check "30x8: no row is wider than the terminal" fits
resize 120 35
check "30x8 → 120x35: the panes come back" shows 舟山市普陀区
check "30x8 → 120x35: borders straight" borders_straight 2
keys q
check "q quits from the normal screen" exited 0

finish
