#!/bin/sh
# test_real.sh — the browser on real reports as they were stored: a whole page flattened onto one line, a report with no title, a 政府工作报告.
. tests/ui/lib.sh

R=tests/real/reports
# tests/real/truth.tsv: 03 (平潭综合实验区, 2022) is a crawled page on one line with 3 chapters and 9
# sections; 01 (深圳市龙华区, 2019) has no title line and 8 chapters; 07 (2014) names no region.
# The reports pane sorts by region, so 平潭 comes first and is open at start.

list_row() {   # the reports pane has a row with region (or its head) $1 and year $2
	pane 1 | grep -q -- "^ *$1[^ ]* *$2"
}

row_starts() {   # pane $1 has a row that starts with $2 once blanks are cut, and holds nothing else of the text
	pane "$1" | sed 's/^ *//; s/ *$//' | grep -q -- "^$2[^。]*$"
}

header_has() {   # the compare header (row 2) holds $1
	row 2 | grep -qF -- "$1"
}

both_columns() {   # a row of the compare grid shows $1 in column 1 and in column 2
	screen | sed -n "3,$((H - 1))p" | awk -F'│' -v t="$1" 'index($1, t) && index($2, t) { found = 1 } END { exit !found }'
}

compare_borders() {   # every grid row has one border, in the same column
	want=$(border_columns 2)
	[ "$(echo $want | wc -w)" -eq 1 ] || return 1
	r=3
	while [ "$r" -lt "$H" ]; do
		[ "$(border_columns $r)" = "$want" ] || return 1
		r=$((r + 1))
	done
}

title_lacks() {
	! row 1 | grep -qF -- "$1"
}

screen_row_is() {   # a screen row is exactly $1 once blanks are cut
	screen | sed 's/^ *//; s/ *$//' | grep -qxF -- "$1"
}

for size in "150 45" "120 35" "80 24"; do
	set -- $size
	start "$1" "$2" "$R"
	check "$size: the list names the flattened page's region and year" list_row "平潭综合实验" 2022
	check "$size: the list names the untitled report's region and year" pane_shows 1 "深圳市龙华区"
	check "$size: the flattened page has its chapters" pane_shows 2 "一、工作开展情"
	check "$size: … down to its plans" pane_shows 2 "三、下一步工作"
	check "$size: … not (no chapters)" pane_hides 2 "(no chapters)"
	check "$size: a heading run into its text stands alone in the reader" \
		row_starts 3 "（一）党政主要负责人履行推进法治建设"
	check "$size: the page's breadcrumb is not in the reader" pane_hides 3 "当前位置"
	check "$size: nor its share bar" pane_hides 3 "QQ空间"
	check "$size: the panes stay aligned" borders_straight 2
	check "$size: nothing spills over the screen" fits

	keys j
	check "$size: the untitled report opens with its first chapter" pane_shows 2 "一、积极统筹"
	check "$size: … and its plans, a chapter of its own" pane_shows 2 "八、2020年"
	check "$size: its lead-in is no addressee in the title bar" title_has "深圳市龙华区"

	# Compare the flattened page with the untitled report: both columns, rows by topic.
	keys k Space Space c
	check "$size: compare opens" title_has "Compare"
	check "$size: the flattened page is column 1" header_has "1 平潭综合实验区 2022"
	check "$size: the untitled report is column 2" header_has "2 深圳市龙华区 2019"
	check "$size: a topic row holds both reports' sections" both_columns "组织领导与推进机制"
	check "$size: the columns stay aligned" compare_borders
	keys q
done

# The facts table of the flattened page and the untitled report: both state their 应诉 figures
# (21件 and 38宗, the latter's counted in 宗 and before the noun), and 龙华 its 复议 figures.
facts_row_is() {   # the facts row labelled $1 holds exactly $2 (its fields after the label, "|" between)
	[ "$(screen | grep -- "^ *$1" | head -n 1 | awk -F'│' '{ s = ""; for (i = 2; i <= NF; i++) { f = $i; sub(/^ +/, "", f); sub(/ +$/, "", f); s = s (i > 2 ? "|" : "") f } print s }')" = "$2" ]
}
start 150 45 "$R"
keys Space Space c
check "facts: compare opens" title_has "Compare"
keys f
check "facts: the table opens on both reports" header_has "2 深圳市龙华区 2019"
check "facts: 复议 cases counted in 宗" facts_row_is "行政复议申请收到" "—|103宗"
check "facts: 应诉 cases of both, in 件 and in 宗" facts_row_is "行政应诉(一审)案件数" "21件|38宗"
check "facts: a figure before its noun (出庭46宗)" facts_row_is "负责人出庭应诉次数" "—|46宗"

# A fazhi-meta.tsv beside the reports corrects what the text does not say (07 names no region):
# the list and the title bar show the correction, and say where it comes from.
FIX=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-fix-XXXXXX")
trap 'rm -rf "$FIX"; cleanup' EXIT
cp "$R"/07_REL_shenzhen_yantian_zfgzbg_2015.txt "$R"/01_shenzhen_longhua_2019.txt "$FIX"/
printf '07_REL_shenzhen_yantian_zfgzbg_2015.txt\tregion\t深圳市盐田区\n' >"$FIX/fazhi-meta.tsv"
start 150 45 "$FIX"
check "fazhi-meta.tsv: the list shows the corrected region" pane_shows 1 "深圳市盐田区"
check "fazhi-meta.tsv: the title bar names the corrected region" title_has "深圳市盐田区 2014"
check "fazhi-meta.tsv: … and where the correction comes from" title_has "(fazhi-meta.tsv)"
keys j
check "fazhi-meta.tsv: an uncorrected report says nothing of it" title_lacks "(fazhi-meta.tsv)"
check "fazhi-meta.tsv: … and is the other report" title_has "深圳市龙华区 2019"

# Two pages flattened onto one line compare like any other reports (01 flattened here by joining
# its lines with blanks, as a crawler does).
tr '\n' ' ' <"$R"/01_shenzhen_longhua_2019.txt >"$FIX/flat01.txt"
"$FAZHI" compare "$FIX/flat01.txt" "$R"/03_pingtan_shehuishiyeju_2022.txt >"$FIX/cmp" 2>&1
check "compare of two flattened pages: the first's chapter in its row" \
	grep -q "一 积极统筹部署和指导监督" "$FIX/cmp"
check "compare of two flattened pages: the second's section in the same row" \
	sh -c 'sed -n "/组织领导与推进机制/,/^[^ ]/p" "$1" | grep -q "党政主要负责人履行推进法治建设第一责任人职责"' - "$FIX/cmp"
check "compare of two flattened pages: the plans of both" \
	sh -c '[ "$(grep -c "2020年法治政府建设工作计划\|下一步工作计划" "$1")" -ge 2 ]' - "$FIX/cmp"

# 60×20: one pane at a time.
start 60 20 "$R"
check "60x20: the list first" shows "平潭综合实验区 2022"
keys Tab
check "60x20: the flattened page's chapters" shows "一、工作开展情况"
check "60x20: … all three" shows "三、下一步工作计划"
check "60x20: nothing spills over" fits
keys Tab
check "60x20: the reader shows the heading alone" screen_row_is "（一）党政主要负责人履行推进法治建设第一责任人职责"
finish
