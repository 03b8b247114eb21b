#!/bin/sh
# test_search.sh — search in the browser: / with highlighted hits, n/N, the i/N counter, Esc, history; the corpus view (s), and its count bounded, then exact, over a corpus larger than its first page.
. tests/ui/lib.sh

ESC=$(printf '\033')
# The samples by file, as the reports pane and the corpus view name them.
region_of() {
	case "$1" in
	*jingan-2019.txt) echo "上海市静安区 2019" ;;
	*putuo-2021.txt) echo "舟山市普陀区 2021" ;;
	*wujin-2020.txt) echo "常州市武进区 2020" ;;
	*simen-2022.txt) echo "余姚市泗门镇 2022" ;;
	*zhanjiang-etdz-2022.txt) echo "湛江经济技术开发区 2022" ;;
	esac
}

# Occurrences of a string in a sample, counted by grep: the hits the counter must show.
occurrences() {
	grep -o -- "$1" "assets/reports/$2" | wc -l | tr -d ' '
}

escaped() {
	tm capture-pane -e -p -t "$SESSION"
}

# TEXT drawn right after an SGR sequence that sets background colour N (any SGRs between).
hit_bg() {
	escaped | grep -q "$ESC\[[0-9;]*4$1m\($ESC\[[0-9;]*m\)*$2"
}

# The status line starts with TEXT (a prompt is open there).
status_starts() {
	row "$H" | grep -q "^$1"
}

no_prompt() {
	! row "$H" | grep -q "^/"
}

# Every occurrence of TEXT in the reader's rows is set off as a hit: as many highlighted
# occurrences (behind background 44 or 46) as plain ones, and at least one.
all_marked() {
	plain=$(screen | sed '1d;$d' | sed 's/.*│//' | grep -o -- "$1" | wc -l)
	marked=$(escaped | sed '1d;$d' | sed 's/.*│//' | grep -o "$ESC\[[0-9;]*4[46]m\($ESC\[[0-9;]*m\)*$1" | wc -l)
	[ "$plain" -gt 0 ] && [ "$plain" -eq "$marked" ]
}

# The corpus view lists exactly the reports `fazhi search --count` lists, with their hits,
# and says how many reports and hits there are.
lists_like_cli() {
	out=$("$FAZHI" search --count "$1") || return 1
	total=0 reports=0
	for f in jingan-2019.txt putuo-2021.txt wujin-2020.txt simen-2022.txt zhanjiang-etdz-2022.txt; do
		n=$(printf '%s\n' "$out" | awk -F'\t' -v f="embedded:$f" '$2 == f { print $1 }')
		name=$(region_of "$f")
		if [ -n "$n" ]; then
			hits="hits"; [ "$n" -eq 1 ] && hits="hit"
			screen | grep -q "^  $name  $n $hits  " || return 1
			total=$((total + n)) reports=$((reports + 1))
		else
			! screen | sed '1d' | grep -q "^  $name " || return 1
		fi
	done
	r="reports" h="hits"
	[ "$reports" -eq 1 ] && r="report"
	[ "$total" -eq 1 ] && h="hit"
	status_has " $reports $r, $total $h"
}

in_reader_top() {
	reader_row 2 | grep -q -- "$1"
}

# ---- / in the report, at 120×35 ----
# The first report open is jingan-2019 (上海市静安区 sorts first), at its top.
start 120 35
jingan_hits=$(occurrences 行政复议 jingan-2019.txt)
check "行政复议 occurs 14 times in jingan-2019 (the counter's N)" [ "$jingan_hits" -eq 14 ]
keys Tab Tab
check "the reader has the focus" title_has "fazhi • Reader"
check "the reader starts at the top" reader_top_is "上海市静安区人民政府"
keys /
check "/ opens a prompt on the status line" status_starts "/ *$"
keys -l 行政复议
check "Chinese typed into the prompt is shown" status_starts "/行政复议"
check "the counter says 1/$jingan_hits" status_has "1/$jingan_hits"
check "the reader moved to the first hit below the top" reader_top_is "2.提升行政复议规范化水平"
check "the current hit is highlighted (background blue)" hit_bg 4 "行政复议"
check "the other hits are highlighted (background cyan)" hit_bg 6 "行政复议"
check "every 行政复议 in the reader is highlighted" all_marked "行政复议"
keys Enter
check "Enter closes the prompt" no_prompt
check "Enter keeps the counter" status_has "1/$jingan_hits"
check "Enter keeps the highlights" hit_bg 4 "行政复议"
keys "'" "'"
check "'' goes back to where the search started" reader_top_is "上海市静安区人民政府"
keys "'" "'"
check "'' again returns to the hit" reader_top_is "2.提升行政复议规范化水平"
keys n
check "n: the counter goes to 2/$jingan_hits" status_has " 2/$jingan_hits "
keys N
check "N: back to 1/$jingan_hits" status_has " 1/$jingan_hits "
keys N
check "N at the first hit wraps to the last: $jingan_hits/$jingan_hits" status_has " $jingan_hits/$jingan_hits "
check "the wrap is announced" status_has "continued from the end"
check "the last hit is in view and current" hit_bg 4 "行政复议"
keys n
check "n after the last hit wraps to 1/$jingan_hits" status_has " 1/$jingan_hits "
check "the wrap is announced" status_has "continued from the top"

# Esc: back to where the search started, the prompt gone, the kept search shown again.
keys g
check "g: the top of the report" reader_top_is "上海市静安区人民政府"
keys /
keys -l 信访
check "信访: the reader moved to a hit further down" in_reader_top "信访"
keys Escape
check "Esc returns to where the search started" reader_top_is "上海市静安区人民政府"
check "Esc clears the prompt" no_prompt
check "Esc brings back the kept search's counter" status_has "1/$jingan_hits"

# History: Up recalls the kept search (信访 was not kept), Down returns to the draft.
keys /
keys Up
check "Up recalls the last search" status_starts "/行政复议"
keys Down
check "Down returns to the empty draft" status_starts "/ *$"
keys Escape

# Malformed queries and control input.
keys /
keys -l '"法治'
check "an unbalanced quote shows the query module's message" status_has 'unbalanced quote: a phrase needs its closing "'
check "the browser is still running" hides "EXIT="
keys C-u
keys -l ab
keys C-b C-a
keys -l c
check "control characters never reach the prompt" status_starts "/abc "
keys Escape
check "Esc after a malformed query: no prompt" no_prompt

# ---- the corpus view, at 120×35 ----
keys s
check "s opens the search view" title_has "fazhi • Search"
check "the view has a query line" shows "Search all reports:"
keys -l 行政复议
check "the view lists the reports fazhi search --count lists for 行政复议" lists_like_cli 行政复议
check "snippets stand under their breadcrumb (五.一)" sh -c 'tmux -L "$1" -f /dev/null capture-pane -p -t "$2" | grep -q "^    五\.一  .*行政复议"' - "$SOCKET" "$SESSION"
check "hits in the snippets are highlighted" hit_bg 6 "行政复议"
keys C-u
keys -l '（一）提升行政复议'
check "full-width （一） finds what fazhi search --count finds" lists_like_cli '（一）提升行政复议'
keys C-u
keys -l '"复议'
check "a malformed query in the view shows the message" status_has "unbalanced quote"
keys C-u
keys -l '行政复议 -信访'
check "an exclusion lists what fazhi search --count lists" lists_like_cli '行政复议 -信访'
keys C-u
keys -l 行政复议
check "back to 行政复议" lists_like_cli 行政复议
wujin_hits=$(occurrences 行政复议 wujin-2020.txt)
keys Enter Enter
check "Enter, Enter opens the first report" title_has "fazhi • Reader 常州市武进区 2020"
check "the reader is at the hit" reader_top_is "(一)提升行政复议工作效能"
check "the hit is highlighted as the current one" hit_bg 4 "行政复议"
check "the counter counts the report's hits: 1/$wujin_hits" status_has " 1/$wujin_hits "
list_row() {
	pane 1 | grep -q -- "^ $1 *$2 $3"
}
check "the reports pane shows the hit count of 常州市武进区" list_row 常州市武进区 2020 "$wujin_hits "
check "the reports pane shows the hit count of 上海市静安区" list_row 上海市静安区 2019 "$jingan_hits "
check "no count for a report without hits" list_row 余姚市泗门镇 2022 泗
keys n
check "n goes on in the reader: 2/$wujin_hits" status_has " 2/$wujin_hits "

putuo_hits=$(occurrences 行政复议 putuo-2021.txt)
keys s
check "s again: the query is kept" shows "Search all reports: 行政复议"
keys Enter
# Rows: 常州市武进区 and its three snippets, then 舟山市普陀区 and its snippets.
keys j j j j j
selected_row() {   # the first row holding TEXT starts in the selection's colours (cyan)
	escaped | grep -- "$1" | head -n 1 | grep -q "^\($ESC\[[0-9;]*m\)*$ESC\[[0-9;]*46m\($ESC\[[0-9;]*m\)* "
}
check "j moves to the first snippet of 舟山市普陀区" selected_row "一\.六\.1"

keys Enter
check "Enter opens 舟山市普陀区 at the hit" title_has "舟山市普陀区 2021"
check "the reader top holds the hit" in_reader_top "行政复议"
check "the counter: 1/$putuo_hits" status_has " 1/$putuo_hits "
keys s Enter q
check "q in the results leaves the view" title_has "fazhi • Reader"
keys s Escape
check "Esc in the query line leaves the view" title_has "fazhi • Reader"
keys q
check "q quits with status 0" exited 0

# ---- 80×24: three narrower panes ----
start 80 24
keys Tab Tab /
keys -l 行政复议
check "80×24: the counter says 1/$jingan_hits" status_has "1/$jingan_hits"
check "80×24: the hit is highlighted" hit_bg 4 "行政复议"
check "80×24: every 行政复议 in the reader is highlighted" all_marked "行政复议"
check "80×24: no row wider than the terminal" fits
keys Enter n
check "80×24: n moves on to 2/$jingan_hits" status_has " 2/$jingan_hits "
keys g /
keys -l 信访
check "80×24: the reader moved to 信访" in_reader_top "信访"
keys Escape
check "80×24: Esc returns to the top" reader_top_is "上海市静安区人民政府"
keys s
keys -l 法治
check "80×24: the view lists the reports fazhi search --count lists for 法治" lists_like_cli 法治
check "80×24: the view fits the terminal" fits
keys Enter Enter
check "80×24: Enter Enter opens a report in the reader" title_has "fazhi • Reader"
check "80×24: at a highlighted hit" hit_bg 4 "法治"
check "80×24: borders straight after the view" borders_straight 2
keys q
check "80×24: q quits with status 0" exited 0

# ---- one pane at a time (61×17), no colours: hits in reverse video ----
start 61 17 --color=never
keys s
keys -l 行政复议
check "61×17: the view lists the reports fazhi search --count lists" lists_like_cli 行政复议
check "61×17: the view fits the terminal" fits
keys Enter Enter
check "61×17: Enter shows the reader pane" title_has "fazhi • Reader 3/3"
check "61×17: the hit is in reverse video" sh -c 'tmux -L "$1" -f /dev/null capture-pane -e -p -t "$2" | grep -q "$3\[[0-9;]*7m\($3\[[0-9;]*m\)*行政复议"' - "$SOCKET" "$SESSION" "$ESC"
keys q
check "61×17: q quits with status 0" exited 0

# ---- reports from files: the index is built on the first s and cached ----
CACHE=$STATE_HOME/cache
mkdir -p "$STATE_HOME/reports"
cp assets/reports/*.txt "$STATE_HOME/reports/"
total=$(( $(occurrences 行政复议 jingan-2019.txt) + $(occurrences 行政复议 putuo-2021.txt) \
	+ $(occurrences 行政复议 wujin-2020.txt) + $(occurrences 行政复议 simen-2022.txt) \
	+ $(occurrences 行政复议 zhanjiang-etdz-2022.txt) ))
cached() {
	ls "$CACHE/fazhi/" 2>/dev/null | grep -q .
}
WITH="XDG_CACHE_HOME='$CACHE'" start 120 35 "$STATE_HOME/reports"
check "files: no index before it is needed" sh -c '! ls "$1/fazhi/" 2>/dev/null | grep -q .' - "$CACHE"
keys s
check "files: s saves the index in the cache directory" cached
keys -l 行政复议
check "files: the view counts 3 reports and every hit ($total)" status_has " 3 reports, $total hits"
check "files: 余姚市泗门镇 (no 行政复议) is not listed" sh -c '! tmux -L "$1" -f /dev/null capture-pane -p -t "$2" | grep -q "^  余姚市泗门镇 "' - "$SOCKET" "$SESSION"
keys Escape q
check "files: q quits with status 0" exited 0

# ---- the help screen lists the search keys (from the one key table) ----
start 150 45
keys '?'
check "? opens the help screen" shows "Keys — q, ? or Esc closes"
for k in / n N s; do
	check "the help screen lists $k" sh -c 'tmux -L "$1" -f /dev/null capture-pane -p -t "$2" | grep -q "^  $3  "' - "$SOCKET" "$SESSION" "$k"
done
keys q q
check "q quits with status 0" exited 0

# ---- the history is kept across runs ----
start 120 35
keys Tab Tab /
keys -l 行政诉讼
keys Enter
check "a search in a first run is accepted (its counter is shown)" sh -c 'tmux -L "$1" -f /dev/null capture-pane -p -t "$2" | tail -n 1 | grep -q " 1/[0-9]"' - "$SOCKET" "$SESSION"
keys q
check "the first run quits with status 0" exited 0
check "the searches are saved in the state directory" grep -qx 行政诉讼 "$STATE/fazhi/searches"
KEEP_STATE=1 start 120 35
keys Tab Tab / Up
check "a new run recalls the last search with Up" status_starts "/行政诉讼"
keys Escape q
check "q quits with status 0" exited 0

# ---- a corpus larger than the first page: the best 100, then every match ----
# 300 reports (60 copies of each sample): 行政复议 is in 180, more than the view ranks before
# it proves every match, so the status line bounds the count until the list is scrolled past.
. tests/segment_files.sh
MANY=$STATE_HOME/many
sample_copies "$MANY" 60 r
many_out=$("$FAZHI" search --count 行政复议 "$MANY" 2>/dev/null)
many_reports=$(printf '%s\n' "$many_out" | grep -c .)
many_hits=$(printf '%s\n' "$many_out" | awk -F'\t' '{ n += $1 } END { print n }')
# The status line says "100 best of LO–HI reports" with LO <= N <= HI.
bounds_hold() {
	b=$(row "$H" | sed -n 's/^ *100 best of \([0-9]*\)–\([0-9]*\) reports.*/\1 \2/p')
	[ -n "$b" ] && [ "${b% *}" -le "$1" ] && [ "$1" -le "${b#* }" ]
}
WITH="XDG_CACHE_HOME='$CACHE'" start 120 35 "$MANY"
keys s
keys -l 行政复议
keys Enter
check "300 reports: fazhi search --count finds 行政复议 in more than 100 (the case under test)" [ "$many_reports" -gt 100 ]
check "300 reports: the status line bounds the count of the best 100 ($many_reports within)" bounds_hold "$many_reports"
keys G
check "300 reports: G lists every match, counted exactly" status_has " $many_reports reports, $many_hits hits"
keys Escape q
check "300 reports: q quits with status 0" exited 0

# ---- G over thousands of matches: listed in steps, keys answered meanwhile ----
# 3000 reports (600 copies of each sample, made by one awk a sample): 法治 is in all of them, and
# each row of the list reads its report, so listing them to the end takes many frames.
BIG=$STATE_HOME/big
mkdir -p "$BIG"
for f in assets/reports/*.txt; do
	awk -v dir="$BIG" -v name="$(basename "$f")" -v n=600 '{ line[NR] = $0 }
		END { for (i = 0; i < n; i++) { out = dir "/" i "-" name; print line[1] " b" i > out
		      for (k = 2; k <= NR; k++) print line[k] > out; close(out) } }' "$f"
done
XDG_CACHE_HOME="$CACHE" "$FAZHI" index "$BIG" >/dev/null 2>&1
WITH="XDG_CACHE_HOME='$CACHE'" start 120 35 "$BIG"
keys s
keys -l 法治
keys Enter
check "3000 reports: 法治 is in every one (the case under test)" status_has " 3000 reports, "
settle
first=$(row 3)
keys G
check "3000 reports: G lists them in steps, saying how far it is" status_matches "^ *listing [0-9]* of 3000 reports"
keys g
check "3000 reports: a key stops the listing, and g is at the first result again" \
	sh -c '[ "$1" = "$2" ] && ! tmux -L "$3" -f /dev/null capture-pane -p -t "$4" | tail -n 1 | grep -q listing' \
	- "$first" "$(settle; row 3)" "$SOCKET" "$SESSION"
# After G the selection (in cyan, as selected_row reads it) is the last row of the list.
last_selected() {
	! row "$H" | grep -q listing &&
		escaped | sed -n "$((H - 1))p" | grep -q "^\($ESC\[[0-9;]*m\)*$ESC\[[0-9;]*46m\($ESC\[[0-9;]*m\)* "
}
keys G
check "3000 reports: G again lists every match, and selects the last row" last_selected
keys Escape q
check "3000 reports: q quits with status 0" exited 0

finish
