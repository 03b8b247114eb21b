#!/bin/sh
# test_views2.sh — the overview (O), the district view (D: repeated and dropped sentences, years scrolled) and the bar chart (b), at two sizes and without colour; the overview of an indexed directory from its digests.
. tests/ui/lib.sh

P=assets/reports T=tests/trend
PUTUO="$P/putuo-2021.txt $T/putuo-2022.txt $T/putuo-2023.txt"
MISSING=tests/ui/no-such-report.txt

title_is_view() {   # the title bar names the view and nothing after it
	row 1 | grep -q "^ fazhi • $1 *$"
}

row_has() {   # row N contains every TEXT given
	r=$(row "$1")
	shift
	for t in "$@"; do
		case "$r" in *"$t"*) ;; *) return 1 ;; esac
	done
}

# Pages down (at most 12 times) until TEXT is on the screen.
page_to() {
	n=0
	while ! shows "$1" && [ "$n" -lt 12 ]; do
		keys Space
		settle
		n=$((n + 1))
	done
	shows "$1"
}

for run in 150x45 80x24 80x24-nocolor; do
	size=${run%-*} w=${size%x*} h=${size#*x}
	[ "$run" = "$size" ] || with="NO_COLOR=1"
	[ "$run" != "$size" ] || with=""

	# ---- the overview ----
	WITH=$with start "$w" "$h" $P/*.txt $T/putuo-2022.txt $T/putuo-2023.txt "$MISSING"
	keys O
	check "$run: O opens the overview" title_is_view "Overview"
	check "$run: its header names the columns" row_has 2 region year chars 举措 问题 履职 安排 facts
	check "$run: the file that failed comes first, with its reason" row_has 3 "failed: No such file or directory"
	check "$run: every report has a row" row_has "$H" "7 reports, 1 failed"
	check "$run: sorted by region at first" row_has 4 "上海市静安区" "2019"
	check "$run: a row marks its parts (武进: problems and leader duty unheaded)" row_has 6 "常州市武进区" "✓    ~    ~    ~"
	keys -H 1b 5b 4d 20 24 26   # a click (X10 encoding) on screen row 6: the fourth row, 常州市武进区
	check "$run: a click selects the row under it" status_matches " 4/8 *$"
	keys g
	check "$run: g goes back to the first row" status_matches " 1/8 *$"
	keys '>' '>'
	check "$run: > > sorts by year" status_has "by year, ascending"
	check "$run: the earliest year first" row_has 4 "2019"
	check "$run: then 2020" row_has 5 "常州市武进区" "2020"
	keys r
	check "$run: r reverses the order" status_has "by year, descending"
	check "$run: the latest year first" row_has 4 "舟山市普陀区" "2023"
	check "$run: the failed file stays on top" row_has 3 "failed"
	keys '<'
	check "$run: < sorts by the column to the left" status_has "by level, descending"
	keys '>' '>' '>' '>'
	check "$run: sorting by characters" status_has "by chars, descending"
	check "$run: the longest report first" row_has 4 "上海市静安区" "14747"
	check "$run: nothing is wider than the terminal" fits
	keys Enter
	check "$run: Enter on a failed file says why" status_has "could not be read"
	keys j Enter
	check "$run: Enter on a report leaves the overview" title_has "fazhi • Reader"
	check "$run: and opens that report" title_has "上海市静安区 2019"

	# ---- the district view ----
	WITH=$with start "$w" "$h" $PUTUO
	keys D
	check "$run: D opens the district view" title_is_view "District"
	check "$run: its years side by side" row_has 2 "指标" "2021" "2022" "2023" "trend"
	check "$run: a metric by year, with its sparkline" row_has 3 "行政复议申请收到" "15件" "21件" "26件" "▅▇█"
	check "$run: a year that states no figure shows —" row_has 9 "行政应诉" "46件" "39件" "—" "█▇"
	check "$run: the status line names the region and its years" status_has "舟山市普陀区 · 2021–2023, 3 reports"
	check "$run: nothing is wider than the terminal" fits
	keys b
	check "$run: b charts the metric under the cursor" title_is_view "Chart"
	check "$run: a bar per year, values written out" row_has 4 "2021 │" "█" "15件"
	check "$run: the largest bar last here" row_has 6 "2023 │" "26件"
	check "$run: the axis is scaled from zero" shows " 0 "
	check "$run: the chart fits" fits
	keys Escape
	check "$run: Esc goes back to the district view" title_is_view "District"
	check "$run: the problems copied word for word are found" page_to "问题不足 2022 ← 2021: 100% repeated"
	check "$run: their sentences are marked as the same" page_to "= 但仍有不足之处"
	check "$run: the problems rewritten are not" page_to "问题不足 2023 ← 2022: 41% repeated"
	check "$run: the point kept in other words is marked near" shows "≈ 一是行政执法的力量和水平还需进一步提升"
	check "$run: what 2023 dropped of 2022's problems is counted" page_to "- dropped: 4 sentences of 2022 (160 characters) not in 2023"
	check "$run: and listed, marked -" shows "- 2022年是“十四五”开局之年,法治政府建设责任重大、任务艰巨。"
	check "$run: the plans rewritten in 2022 drop most of 2021's" page_to "- dropped: 32 sentences of 2021 (1481 characters) not in 2022"
	keys G
	check "$run: the plans with a figure changed are marked #" shows "# 2024年,普陀区将围绕法治政府建设示范创建成果巩固"
	check "$run: still no wider than the terminal" fits
	keys Escape
	check "$run: Esc leaves the district view" title_has "fazhi • Reports"

	# ---- more years than columns: the latest shown, the others named, < > (h l) scroll ----
	years=$STATE_HOME/years
	mkdir -p "$years"
	for y in 2015 2016 2017 2018 2019 2020; do
		sed "s/2021/$y/g" "$P/putuo-2021.txt" >"$years/putuo-$y.txt"
	done
	WITH=$with start "$w" "$h" $PUTUO "$years"/*.txt
	keys D
	check "$run: nine years of a district" status_has "2015–2023, 9 reports"
	if [ "$w" -ge 150 ]; then
		check "$run: every year fits: no marker" row_has 2 "指标" "2015" "2019" "2023" "trend"
		keys '<'
		check "$run: < with every year shown says so" status_has "every year is shown"
	else
		check "$run: the latest years, the earlier ones named" row_has 2 "‹ 2015–2018" "2019" "2023" "trend"
		check "$run: the status line tells how to see them" status_has "9 reports (< > years)"
		keys '<' '<'
		check "$run: < < shows two years earlier, both sides named" row_has 2 "‹ 2015 2016" "2017" "2021" "› 2022…"
		check "$run: the values move with their years" row_has 3 "行政复议申请" "15件" "▅▅▅▅▅▅▅▇█"
		keys h h h
		check "$run: h at the earliest year says so" status_has "the earliest year is shown"
		check "$run: the earliest years from the left" row_has 2 "指标" "2015" "2019" "› 2020…"
		keys '>' '>' '>' l
		check "$run: > and l back to the latest" row_has 2 "‹ 2015–2018" "2023" "trend"
		check "$run: with years scrolled nothing is wider than the terminal" fits
	fi

	WITH=$with start "$w" "$h" "$P/putuo-2021.txt"
	keys D
	check "$run: one year of a region: a message, not a view" status_has "only its 2021 report is loaded"
	check "$run: and the panes stay" title_has "fazhi • Reports"

	# ---- the help lists the new keys ----
	keys '?'
	check "$run: the help lists O" page_to "overview: a row per report, sortable; Enter opens it"
	check "$run: the help lists D" shows "district view: the region's reports year by year"
	check "$run: the help lists b for charts" shows "key figures, district: chart the metric under the cursor"
	keys q

	# ---- the chart of the key figures ----
	WITH=$with start "$w" "$h" $PUTUO
	keys Space Space Space c f
	check "$run: key figures of one region in three years" title_is_view "Compare · key figures"
	check "$run: the column headers tell the years apart" row_has 2 "普陀区 2021" "普陀区 2022" "普陀区 2023"
	keys j b
	check "$run: b charts the figure under the cursor" title_is_view "Chart"
	check "$run: titled by its metric" row_has 2 "行政复议受理件数"
	check "$run: a bar per report with its value" row_has 4 "舟山市普陀区 2021" "█" "13件"
	check "$run: and the others" row_has 6 "舟山市普陀区 2023" "22件"
	check "$run: the chart fits" fits
	keys Escape
	check "$run: Esc goes back to the key figures" title_is_view "Compare · key figures"
	keys q q q
	check "$run: q leaves the views and quits" exited 0
done

# ---- the overview of an indexed directory ----
# Its rows come from the cached index at once: the same screen as reading the reports, and the
# same again after the reports' words were overwritten in place (size, inode and time kept, so
# the index still takes them for the files indexed): no report was read for its row. The one the
# reader opens first (上饶市婺源县, first by region) is read anyway, and is left as it was.
dir=$STATE_HOME/indexed
mkdir -p "$dir"
cp tests/forms/reports/* "$dir/"
start 150 45 "$dir"
keys O
check "indexed: the overview of 32 reports read from the files" row_has 45 "32 reports"
settle
screen >"$STATE_HOME/parsed.screen"
next=$STATE_HOME/state-$((sessions + 1))
mkdir -p "$next/cache"
XDG_CACHE_HOME=$next/cache "$FAZHI" index "$dir" >/dev/null 2>&1
for f in "$dir"/*.txt; do
	case "$f" in *15_wuyuan*) continue ;; esac
	cp -p "$f" "$STATE_HOME/stamp"
	tr -c '\n' 'x' <"$STATE_HOME/stamp" >"$f"
	touch -r "$STATE_HOME/stamp" "$f"
done
start 150 45 "$dir"
check "indexed: the browser opens from the cached index" title_has "fazhi • Reports"
keys O
check "indexed: O lists all 32 reports" row_has 45 "32 reports ·"
check "indexed: the rows of reports never read, from the index" shows "北京市朝阳区三里屯街道"
same_screen() {
	screen | cmp -s - "$STATE_HOME/parsed.screen"
}
check "indexed: the same rows as reading the reports" same_screen
keys q q
finish
