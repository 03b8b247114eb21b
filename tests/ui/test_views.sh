#!/bin/sh
# test_views.sh — the full-screen views stack: each opens over the one below, Esc goes back one.
. tests/ui/lib.sh

P=assets/reports
PUTUO=$P/putuo-2021.txt WUJIN=$P/wujin-2020.txt

title_is_view() {   # the title bar names the view and nothing after it
	row 1 | grep -q "^ fazhi • $1 *$"
}

for size in 150x45 80x24; do
	w=${size%x*} h=${size#*x}
	start "$w" "$h" "$PUTUO" "$WUJIN"
	keys Space Space c
	check "$size: c pushes the compare view" title_is_view "Compare"
	keys f
	check "$size: f pushes the key figures over it" title_is_view "Compare · key figures"
	keys '?'
	check "$size: ? pushes the help over the key figures" shows "Keys — q, ? or Esc closes"
	check "$size: the help names itself in the title" title_is_view "Help"
	keys Escape
	check "$size: Esc pops the help: the key figures again" title_is_view "Compare · key figures"
	keys t
	check "$size: t in the key figures shows the topic list instead" shows "Topics — Enter jumps"
	keys Escape
	check "$size: Esc pops the topic list: the sections" title_is_view "Compare"
	check "$size: the sections' status line" status_has "Topic 1/"
	keys Tab
	check "$size: a pane's key under a view is refused" status_has "not in this view"
	check "$size: and the view stays" title_is_view "Compare"
	keys Escape
	check "$size: Esc pops the compare: the panes are back" title_has "fazhi • Reports"
	check "$size: the reports pane is drawn again" shows "舟山市普陀区"

	keys s
	check "$size: s pushes the search results" title_is_view "Search"
	keys Escape
	check "$size: Esc leaves the query line and the view" title_has "fazhi • Reports"
	keys s 复议 Enter '?'
	check "$size: ? over the search results" title_is_view "Help"
	keys q
	check "$size: q pops the help: the results with their query" shows "Search all reports: 复议"
	check "$size: still the search view" title_is_view "Search"
	keys q
	check "$size: q leaves the results" title_has "fazhi • Reports"
	check "$size: nothing is wider than the terminal" fits
	keys q
	check "$size: q quits from the panes" exited 0
done
finish
