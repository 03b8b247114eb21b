#!/bin/sh
# test_polish.sh — the reports pane's width and names, the detail line, folding the reports pane, compare keeping its place, quitting after resizes, the order and snippets of search results.
. tests/ui/lib.sh

P=assets/reports
D=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-polish-XXXXXX")
trap 'cleanup; rm -rf "$D"' EXIT
mkdir -p "$D/a" "$D/b/deep/er/path"
cp $P/putuo-2021.txt "$D/a/putuo-2021.txt"
cp $P/putuo-2021.txt "$D/b/deep/er/path/putuo-copy.txt"       # the same report twice
printf '一、基本情况\n全年办理行政复议案件十二件。\n' >"$D/b/deep/er/path/untitled-notes.txt"

first_border() { set -- $(border_columns 2); echo "$1"; }
border_at() { [ "$(first_border)" = "$1" ]; }
row_has() { pane 1 | grep -F -- "$1" | grep -qF -- "$2"; }
# Every snippet row (four blanks, a breadcrumb, two blanks) holds at most $1 cells of text.
snippets_within() {
	rows=$(screen | grep -E '^    [一二三四五六七八九十0-9.]+  ' | sed -E 's/^    [^ ]+  //')
	[ -n "$rows" ] && [ "$(printf '%s\n' "$rows" | wc -L)" -le "$1" ]
}
first_result_is() { screen | sed -n 4p | grep -q "^  $1"; }

for size in 150x45 80x24; do
	w=${size%x*} h=${size#*x}
	start "$w" "$h" "$D/a" "$D/b" "$P/wujin-2020.txt"
	case $size in
	150x45) check "$size: the reports pane takes a third of the width" border_at 50 ;;
	80x24) check "$size: the reports pane keeps its 20 columns beside the chapters" border_at 20 ;;
	esac
	case $size in
	150x45)
		check "$size: a report without a title shows its file name, not its path" row_has "----" "untitled-notes.txt"
		check "$size: two copies of one report are told apart by their file" row_has "舟山市普陀区" "putuo-copy.txt"
		check "$size: and the other copy by its own" row_has "舟山市普陀区" "putuo-2021.txt"
		check "$size: a report not doubled shows no file name" sh -c '! tmux -L "$1" -f /dev/null capture-pane -p -t "$2" | grep -q "wujin-2020.txt"' - "$SOCKET" "$SESSION"
		keys i
		check "$size: i shows the detail line: file, issuer, published, level" \
			status_matches "wujin-2020.txt · issuer: 常州市武进区人民政府 · published: .* · level: county" ;;
	80x24)
		keys i
		check "$size: i shows the detail line: the file, then the issuer" status_matches "wujin-2020.txt · issuer: 常州市" ;;
	esac
	keys G
	check "$size: the title bar names a report without a title by its file name" title_has "untitled-notes.txt"
	check "$size: no path is shown cut" sh -c '! tmux -L "$1" -f /dev/null capture-pane -p -t "$2" | grep -q "deep/er"' - "$SOCKET" "$SESSION"
	keys k i
	check "$size: i tells the second copy by its file name" status_has "putuo-copy.txt"

	# z folds the reports pane away: the chapters get a third, headings are read whole.
	start "$w" "$h" "$P/jingan-2019.txt"
	keys z
	check "$size: z folds the reports pane away: one border left" borders_straight 1
	check "$size: the focus goes to the chapters" title_has "fazhi • Chapters"
	check "$size: a second-level heading is whole in the chapters pane" pane_shows 1 "(一)政府职能转变方面"
	check "$size: folded, nothing is wider than the terminal" fits
	keys Tab Tab
	check "$size: Tab skips the folded reports pane" title_has "fazhi • Chapters"
	keys z
	check "$size: z again brings the reports pane back" borders_straight 2
	check "$size: the reports pane lists the report" pane_shows 1 "上海市静安区"

	# Compare keeps its place: Enter reads a cell, Esc (or c) returns to the same row and column.
	start "$w" "$h" "$P/putuo-2021.txt" "$P/wujin-2020.txt"
	keys Space Space c
	check "$size: the compare view opens" title_has "fazhi • Compare"
	keys ']' ']' ']' l
	check "$size: ] ] ] puts row 4 on top" status_has "Topic 4/"
	keys Enter
	check "$size: Enter reads the cell in the reader" title_has "fazhi • Reader"
	check "$size: the reader shows column 2's report" title_has "舟山市普陀区 2021"
	keys j j Escape
	check "$size: Esc goes back to the compare view" title_has "fazhi • Compare"
	check "$size: at the same row" status_has "Topic 4/"
	keys Enter
	check "$size: Enter again reads the same column's report" title_has "舟山市普陀区 2021"
	keys c
	check "$size: c also returns to the same row" status_has "Topic 4/"
	keys Escape
	check "$size: Esc in the compare view leaves it" title_has "fazhi • Reader"
	keys Escape
	check "$size: Esc in the panes, not after Enter, does not reopen it" title_has "fazhi • Reader"

	# The order of the search results, and snippets of about 40 cells around the hit.
	start "$w" "$h"
	keys s 行政复议 Enter
	check "$size: the results are by relevance first" status_has "by relevance (o)"
	check "$size: snippets hold at most 40 cells of text" snippets_within 40
	keys o
	check "$size: o orders by hits" status_has "by hits (o)"
	check "$size: the report with most hits first (上海市静安区, 14)" first_result_is "上海市静安区 2019  14 hits"
	keys o
	check "$size: o again orders by region" status_has "by region (o)"
	check "$size: 上海市静安区 first by region" first_result_is "上海市静安区"
	keys o
	check "$size: then by year, the newest first" first_result_is "舟山市普陀区 2021"
	keys o
	check "$size: and back to relevance" status_has "by relevance (o)"
	keys q q
	check "$size: q quits" exited 0
done

# Quitting after resizes leaves nothing of the browser on the terminal, with an alternate
# screen and without one.
for alt in on off; do
	start 120 35
	tm set-window-option -t "$SESSION" alternate-screen "$alt"
	start 120 35
	check "alternate screen $alt: the browser is up" shows "舟山市普陀区"
	resize 80 24
	check "alternate screen $alt: resized to 80x24" title_has "fazhi • Reports"
	resize 150 45
	check "alternate screen $alt: resized to 150x45" title_has "fazhi • Reports"
	resize 61 17
	check "alternate screen $alt: resized to 61x17" title_has "Reports 1/3"
	keys q
	check "alternate screen $alt: q quits" shows "EXIT=0"
	check "alternate screen $alt: nothing of the browser is left on the screen" \
		sh -c '! tmux -L "$1" -f /dev/null capture-pane -p -t "$2" | grep -q "fazhi •\|舟山市普陀区\|│"' - "$SOCKET" "$SESSION"
done
finish
