#!/bin/sh
# test_compare.sh — the compare view: marking, columns that stay aligned and synchronized, topics, reader, facts.
. tests/ui/lib.sh

P=assets/reports
PUTUO=$P/putuo-2021.txt WUJIN=$P/wujin-2020.txt ZHANJIANG=$P/zhanjiang-etdz-2022.txt

# The reports pane sorts by region: 常州市武进区 (wujin-2020), 湛江经济技术开发区 (zhanjiang-etdz-2022),
# 舟山市普陀区 (putuo-2021). Space marks the selected report and selects the next, so three
# Spaces mark them in that order: they are columns 1, 2 and 3.
#
# Rows follow the taxonomy (举措成效 first, GENERAL then the topics in their order). For these
# three reports `fazhi compare` gives 30 rows; the 10th is 举措成效 · 行政复议与行政应诉, where
# wujin has (一)提升行政复议工作效能 and (二)完善行政应诉工作机制, zhanjiang no section but the
# paragraph of its 一.(四) on 负责人出庭应诉, listed again there ("¶ also in 一.四"), and putuo
# 1.发挥行政复议化解行政争议主渠道作用 and 2.进一步规范行政应诉工作. Zhanjiang has nothing in
# the 18th, 问题不足 · 行政执法.
#
# wujin's 六.(三)法治乡村建设纵深推进 (row 14, 举措成效 · 普法与法治社会) ends "…现代化水平不断
# 提升。" and the report's signature, 常州市武进区人民政府; the paragraphs between switch part without a heading: "2020年的工作取得了一定的成绩…"
# is a problem (row 17, 问题不足), "一是强化法治政府建设组织领导…" a plan. They are drawn in
# their own rows, not under 六.(三).
#
# Figures (tests/data/seed-metrics.tsv): rev_received 48 件 (wujin), 15 件 (putuo), none in
# zhanjiang; lit_cases 21 件 (wujin), 13 件 (zhanjiang), 46 件 (putuo). The catalogue lists
# rev_received first, so it is the first row of the facts table.

# Field N (1-based, between separators │) of screen row R, blanks at both ends cut.
field() {
	row "$1" | awk -F'│' -v n="$2" '{ f = $n; sub(/^ +/, "", f); sub(/ +$/, "", f); print f }'
}

field_starts() {
	field "$1" "$2" | grep -q -- "^$3"
}

field_is() {
	[ "$(field "$1" "$2")" = "$3" ]
}

# The screen row whose first field starts with TEXT, as its fields joined by "|".
fields_of() {
	screen | grep -- "^ *$1" | head -n 1 | awk -F'│' '{
		s = ""; for (i = 1; i <= NF; i++) { f = $i; sub(/^ +/, "", f); sub(/ +$/, "", f); s = s (i > 1 ? "|" : "") f }
		print s }'
}

# The facts table's row for the metric labelled $1 holds exactly the values $2 (fields after
# the label, joined by "|"; — for a report that states none).
facts_row() {
	[ "$(fields_of "$1" | cut -d'|' -f2-)" = "$2" ]
}

# Every grid row (3 .. H-1) that holds a row label in one column holds a label in every
# column, the same one (a narrower column may show less of it); at least $1 such rows.
labels_synced() {
	screen | sed -n "3,$((H - 1))p" | awk -F'│' -v want="$1" '
	function trim(s) { sub(/^ +/, "", s); sub(/ +$/, "", s); return s }
	function label(s) { return s ~ /^(举措成效|问题不足|第一责任人履职|下一年安排|其他)( · [^ ]+)?$/ }
	{
		n = 0
		for (i = 1; i <= NF; i++) n += label(trim($i))
		if (n == 0) next
		if (n != NF) bad = 1
		a = trim($1)
		for (i = 2; i <= NF; i++) { b = trim($i); if (index(a, b) != 1 && index(b, a) != 1) bad = 1 }
		found++
	}
	END { exit !(found >= want && !bad) }'
}

# Row 3, the first grid row, shows the label $1 (or the part of it that fits) in every column.
top_label_is() {
	row 3 | awk -F'│' -v want="$1" -v cols="$2" '
	{ if (NF != cols) exit 1
	  for (i = 1; i <= NF; i++) { f = $i; sub(/^ +/, "", f); sub(/ +$/, "", f); if (f == "" || index(want, f) != 1) exit 1 } }'
}

# Display columns of every separator C on row N.
sep_columns() {
	line=$(row "$1") cols="" base=0
	while :; do
		case "$line" in *"$2"*) ;; *) break ;; esac
		before=${line%%"$2"*}
		c=$((base + $(printf '%s' "$before" | wc -L)))
		cols="$cols $c"
		base=$((c + 1))
		line=${line#*"$2"}
	done
	echo "$cols"
}

# Every body row has N separators C in the same columns as row 2.
seps_straight() {
	want=$(sep_columns 2 "$2")
	[ "$(echo $want | wc -w)" -eq "$1" ] || return 1
	r=3
	while [ "$r" -lt "$H" ]; do
		[ "$(sep_columns $r "$2")" = "$want" ] || return 1
		r=$((r + 1))
	done
}

# In column $1, the first non-blank line after the line that ends with $2.
line_after() {
	screen | sed -n "3,$((H - 1))p" | awk -F'│' -v n="$1" -v end="$2" '
	function trim(s) { sub(/^ +/, "", s); sub(/ +$/, "", s); return s }
	{ f = trim($n)
	  if (seen && f != "") { print f; exit }
	  if (length(f) >= length(end) && substr(f, length(f) - length(end) + 1) == end) seen = 1 }'
}

# 六.(三)'s text, then the report's signature (the last paragraphs of that section that stay
# in its part): nothing between them.
section_then_signature() {
	[ "$(line_after 1 "提升。")" = "常州市武进区人民政府" ]
}

column_hides() {
	! screen | awk -F'│' -v n="$1" '{ print $n }' | grep -qF -- "$2"
}

same_row() {
	[ "$(row "$1")" = "$2" ]
}

facts_shown() {
	fields_of "Key figure" | grep -q "常州市武进区"
}

header_ends_with() {
	row 2 | grep -q -- "$1\$"
}

header_starts_with() {
	row 2 | grep -q -- "^$1"
}

unmarked_putuo() {
	pane 1 | grep -q "^ 舟山市普陀区"
}

marked_in_list() {
	pane 1 | grep -q "^1常州市武进区" && pane 1 | grep -q "^2湛江经济技术" && pane 1 | grep -q "^3舟山市普陀区"
}

for size in 150x45 120x35 80x24; do
	w=${size%x*} h=${size#*x}
	start "$w" "$h" "$PUTUO" "$WUJIN" "$ZHANJIANG"
	keys c
	check "$size: c with nothing marked says how to mark" status_has "mark 2 to 4 reports with Space"
	keys Space Space Space
	check "$size: Space marks the three reports, numbered by column" marked_in_list
	check "$size: the status line says c compares them" status_has "3 reports marked: c compares them"
	keys c
	check "$size: c opens the compare view" title_has "fazhi • Compare"
	check "$size: column 1 is 常州市武进区 2020" field_is 2 1 "1 常州市武进区 2020"
	check "$size: column 3 is 舟山市普陀区 2021" field_is 2 3 "3 舟山市普陀区 2021"
	case $size in
	80x24) check "$size: column 2 is 湛江经济技术开发区 2022 (no room for its number)" \
		field_is 2 2 "湛江经济技术开发区 2022" ;;
	*) check "$size: column 2 is 湛江经济技术开发区 2022" field_is 2 2 "2 湛江经济技术开发区 2022" ;;
	esac
	check "$size: the first row is 举措成效 in all three columns" top_label_is "举措成效" 3
	check "$size: 常州市武进区 has nothing in it: the empty marker" field_is 4 1 "—（无）"
	check "$size: 湛江 starts with its chapter 一、" field_is 4 2 "一、主要举措和成效"
	check "$size: the two separators stand in the same columns on every row" seps_straight 2 │
	check "$size: row labels stand on the same screen row in every column" labels_synced 1
	check "$size: no row is wider than the terminal" fits
	check "$size: the status line names the row" status_has "Topic 1/30: 举措成效"

	last=$(row $((h - 1)))
	keys Space
	check "$size: Space pages down: the last row is now the first" same_row 3 "$last"
	check "$size: paged down, the separators are still straight" seps_straight 2 │
	check "$size: paged down, labels on the page are the same in every column" labels_synced 0
	keys ']'
	check "$size: ] puts the next row's label on top, in every column" labels_synced 1
	check "$size: the separators stay straight" seps_straight 2 │
	check "$size: no row is wider than the terminal after paging" fits

	keys t
	check "$size: t opens the topic list" shows "Topics — Enter jumps"
	check "$size: the list names the topics" shows "举措成效 · 行政复议与行政应诉"
	keys g j j j j j j j j j Enter
	check "$size: Enter in the list jumps: 行政复议与行政应诉 on top in every column" \
		top_label_is "举措成效 · 行政复议与行政应诉" 3
	check "$size: the status line says which row" status_has "Topic 10/30: 举措成效 · 行政复议与行政应诉"
	check "$size: 常州 shows its section on 行政复议" field_is 4 1 "(一)提升行政复议工作效能"
	check "$size: 湛江 lists the paragraph of its chapter on 执法 on 负责人出庭应诉" field_is 4 2 "¶ also in 一.四"
	check "$size: its text follows" field_starts 5 2 "(四)强化规范引领"
	check "$size: the separators stay straight after the jump" seps_straight 2 │
	keys t g j j j j j j j j j j j j j Enter ']' k k k k k k k k
	check "$size: above 举措成效 · 公共法律服务, 常州's 六.(三) goes from its last sentence to the signature" \
		section_then_signature
	check "$size: the problems paragraph after it is not drawn under 六.(三)" column_hides 1 "2020年的工作取得"
	keys t g j j j j j j j j j j j j j j j j Enter
	check "$size: row 17 is 问题不足" top_label_is "问题不足" 3
	check "$size: 常州's problems paragraph stands there, marked as unheaded in 六.三" field_is 4 1 "¶ unheaded, in 六.三"
	check "$size: its text follows" field_starts 5 1 "2020年的工作取得"
	keys t g j j j j j j j j j j j j j j j j j Enter
	keys l Enter
	check "$size: Enter on an empty cell says so" status_has "湛江经济技术开发区 2022 has nothing on this topic"
	keys t g j j j j j j j j j Enter h Enter
	check "$size: Enter opens column 1's section in the reader" title_has "fazhi • Reader"
	check "$size: the reader shows 常州市武进区 2020" title_has "常州市武进区 2020"
	check "$size: the reader is at the section" reader_top_is "(一)提升行政复议工作效能"

	keys c
	check "$size: c opens the compare again (the marks are kept)" title_has "fazhi • Compare"
	keys t g j j j j j j j j j Enter l l Enter
	check "$size: Enter in column 3 opens 舟山市普陀区 2021" title_has "舟山市普陀区 2021"
	check "$size: the reader is at its section on 行政复议" reader_top_is "1.发挥行政复议"

	keys c
	check "$size: c opens the compare where it was left: the row" status_has "Topic 10/30: 举措成效 · 行政复议与行政应诉"
	keys f h h
	check "$size: f shows the facts table" facts_shown
	check "$size: facts: rev_received is 48件 (武进), none (湛江), 15件 (普陀)" facts_row "行政复议申请收到" "48件|—|15件"
	check "$size: facts: lit_cases is 21件, 13件, 46件" facts_row "行政应诉(一审)案件数" "21件|13件|46件"
	check "$size: facts: the separators stand straight" seps_straight 3 │
	check "$size: no row is wider than the terminal in the facts table" fits
	keys Enter
	check "$size: Enter on 48件 shows the sentence it comes from" shows "全区共收到行政复议申请48件"
	check "$size: the popup names report, metric and figure" shows "常州市武进区 2020 · 行政复议申请收到/办理件数 · 48件"
	check "$size: the popup names the chapter, 五.(一)" shows "In 五.一 · Enter reads it in the report"
	keys Enter
	check "$size: Enter again reads it in the report" title_has "fazhi • Reader"
	check "$size: the reader shows 常州市武进区 2020" title_has "常州市武进区 2020"
	check "$size: the reader is in the chapter of the figure" status_has "(一)提升行政复议工作效能"
	keys c f Enter
	check "$size: the popup again" shows "全区共收到行政复议申请48件"
	keys Escape
	check "$size: Esc closes the popup" hides "全区共收到行政复议申请48件"
	check "$size: Esc kept the facts table" title_has "fazhi • Compare"
	keys Escape
	check "$size: Esc again goes back to the view below, the sections" status_has "Topic 10/30: 举措成效"
	keys Escape
	check "$size: Esc once more returns to the browser" title_has "fazhi • Reader"
	check "$size: the three panes are back" borders_straight 2
	check "$size: the reports pane is back" pane_shows 1 "3舟山市普陀区"
	keys c f f
	check "$size: f again goes back to the sections, where they were" top_label_is "举措成效 · 行政复议与行政应诉" 3
	keys q
	check "$size: q leaves the compare view" title_has "fazhi • Reader"
	keys q
	check "$size: q then quits" exited 0
done

# At most four; a narrow terminal shows three of them and h/l shift. The embedded samples sort
# 上海市静安区, 余姚市泗门镇, 常州市武进区, 湛江经济技术开发区, 舟山市普陀区: the last is the fifth.
start 80 24
keys Space Space Space Space Space
check "a fifth mark is refused on the status line" status_has "at most 4 reports can be compared"
check "the fifth report is not marked" unmarked_putuo
keys c
check "80x24, four reports: three columns shown, the status line says so" status_has "columns 1-3 of 4 (h/l)"
check "80x24, four reports: > says more columns are to the right" header_ends_with ">"
check "80x24, four reports: the separators stand straight" seps_straight 2 │
keys l l l
check "l l l shifts the columns to 2-4" status_has "columns 2-4 of 4 (h/l)"
check "< says columns are hidden to the left" header_starts_with "<"
check "the last column is 4, 湛江经济技术开发区 2022 (no room for its number)" field_is 2 3 "湛江经济技术开发区 2022"
check "shifted, the separators stand straight" seps_straight 2 │
check "shifted, row labels stay synchronized" labels_synced 1
check "shifted, no row is wider than the terminal" fits
start 120 35
keys Space Space Space Space c
check "120x35: four reports side by side" field_is 2 4 "4 湛江经济技术开发区 2022"
check "120x35, four columns: the three separators stand straight" seps_straight 3 │

# Resizing keeps the row on top and re-wraps every column to its new width; below 80 columns
# the view still spans the terminal, with two columns of the three.
start 150 45 "$PUTUO" "$WUJIN" "$ZHANJIANG"
keys Space Space Space c t g j j j j j j j j j Enter
check "150x45: 行政复议与行政应诉 on top" top_label_is "举措成效 · 行政复议与行政应诉" 3
resize 80 24
check "resized to 80x24: the same row on top" top_label_is "举措成效 · 行政复议与行政应诉" 3
check "resized to 80x24: the separators stand straight" seps_straight 2 │
check "resized to 80x24: no row is wider than the terminal" fits
resize 61 17
check "resized to 61x17: two columns of three, the status line says so" status_has "columns 1-2 of 3 (h/l)"
check "resized to 61x17: the same row on top" top_label_is "举措成效 · 行政复议与行政应诉" 2
check "resized to 61x17: the separator stands straight" seps_straight 1 │
check "resized to 61x17: no row is wider than the terminal" fits
keys l l
check "61x17: l l shows columns 2-3" status_has "columns 2-3 of 3 (h/l)"
check "61x17: column 3 is 舟山市普陀区 2021" field_is 2 2 "3 舟山市普陀区 2021"
check "61x17, shifted: the separator stands straight" seps_straight 1 │
resize 120 35
check "resized to 120x35: all three columns again" field_is 2 3 "3 舟山市普陀区 2021"
check "resized to 120x35: the same row on top" top_label_is "举措成效 · 行政复议与行政应诉" 3
check "resized to 120x35: the separators stand straight" seps_straight 2 │
resize 40 10
check "resized to 40x10: one column, no separator" seps_straight 0 │
check "resized to 40x10: no row is wider than the terminal" fits
resize 30 8
check "resized to 30x8: the terminal is too small, said plainly" shows "terminal too small"
resize 150 45
check "resized back to 150x45: the same row on top" top_label_is "举措成效 · 行政复议与行政应诉" 3
check "resized back to 150x45: the separators stand straight" seps_straight 2 │

# The same district in two years: a copy of putuo-2021 that speaks of 2022.
mkdir -p "$STATE_HOME/years"
cp "$PUTUO" "$STATE_HOME/years/putuo-2021.txt"
sed 's/2021/2022/g' "$PUTUO" >"$STATE_HOME/years/putuo-2022.txt"
start 120 35 "$STATE_HOME/years"
keys Space Space c
check "one district across years: 2021 in column 1" field_is 2 1 "1 舟山市普陀区 2021"
check "one district across years: 2022 in column 2" field_is 2 2 "2 舟山市普陀区 2022"
check "one district across years: the separator stands straight" seps_straight 1 │
check "one district across years: the rows line up" labels_synced 1

# Ambiguous-width characters drawn two cells wide: the separator is measured too.
start 120 35 --ambiwidth=double "$PUTUO" "$WUJIN" "$ZHANJIANG"
keys Space Space Space c
check "--ambiwidth=double: the compare view opens" title_has "Compare"
check "--ambiwidth=double: separators (|) stand straight beside “quotes” and —" seps_straight 2 '|'
keys G
check "--ambiwidth=double: straight at the end too" seps_straight 2 '|'
check "--ambiwidth=double: no row is wider than the terminal" fits
keys Escape
check "Esc leaves the compare view" title_has "Reports"
keys q
check "q quits with status 0" exited 0

finish
