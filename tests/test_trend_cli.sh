#!/bin/sh
# test_trend_cli.sh — fazhi trend, fazhi facts --chart and fazhi compare --md/--csv on the command line: shapes, the copied and rewritten parts of tests/trend, metrics by year, bad input.
#
# Prints "PASS: …" or "FAIL: …" per check; exits 1 when any check failed.
cd "$(dirname "$0")/.." || exit 1
. tests/cli_check.sh

Y1=assets/reports/putuo-2021.txt
Y2=tests/trend/putuo-2022.txt
ONE=assets/reports/wujin-2020.txt

# ---- trend --json ----
"$FAZHI" trend --json "$Y2" "$ONE" "$Y1" >"$T/json" 2>"$T/json.err"
st=$?
t "trend --json exits 0" [ "$st" -eq 0 ]
t "trend --json: one object per region with several years (wujin has one)" [ "$(wc -l <"$T/json")" -eq 1 ]
t "trend --json: region, then reports in year order" \
	grep -q '^{"region":"舟山市普陀区","reports":\[{"file":"assets/reports/putuo-2021.txt","year":2021},{"file":"tests/trend/putuo-2022.txt","year":2022}\],"metrics":\[' "$T/json"
t "trend --json: metrics line up by year (行政复议 15 → 21, 应诉 46 → 39)" sh -c \
	'grep -q "{\"metric\":\"rev_received\",\"label\":\"[^\"]*\",\"unit\":\"件\",\"values\":{\"2021\":15,\"2022\":21}}" "$1" &&
	 grep -q "{\"metric\":\"lit_cases\",\"label\":\"[^\"]*\",\"unit\":\"件\",\"values\":{\"2021\":46,\"2022\":39}}" "$1"' - "$T/json"
t "trend --json: a metric's first statement in a year is its value (法律援助 675, not 13)" \
	grep -q '"metric":"aid_cases","label":"[^"]*","unit":"件","values":{"2021":675,"2022":712}' "$T/json"
share() {   # $1 = part: its share in the JSON
	grep -o "{\"part\":\"$1\",\"label\":\"[^\"]*\",\"year\":2022,\"from_year\":2021,\"share\":[0-9.]*" "$T/json" | sed 's/.*"share"://'
}
t "trend --json: the copied problems part is found whole" [ "$(share problems)" = "1.0000" ]
t "trend --json: the rewritten plans part is not (its heading at most)" \
	awk -v s="$(share plans)" 'BEGIN { exit !(s != "" && s < 0.1) }'
t "trend --json: repeated sentences are listed with the sentence they repeat" \
	grep -q '"text":"2022年是“十四五”开局之年,法治政府建设责任重大、任务艰巨。","kind":"figures","similarity":1.000,"was":"2021年是“十四五”开局之年' "$T/json"
t "trend --json writes nothing on stderr" [ ! -s "$T/json.err" ]
"$FAZHI" trend --json "$Y1" tests/trend >"$T/json3"
t "trend --json: a year that does not state a metric has null" \
	grep -q '"metric":"lit_cases","label":"[^"]*","unit":"件","values":{"2021":46,"2022":39,"2023":null}' "$T/json3"
t "trend --json: each year is aligned with the one before, near matches marked" \
	grep -q '{"part":"plans","label":"[^"]*","year":2023,"from_year":2022,"share":1.0000,.*"kind":"near","similarity":0\.[89]' "$T/json3"

# ---- text and CSV ----
"$FAZHI" trend "$Y1" "$Y2" >"$T/text"
t "trend: a table of metrics by year" grep -q '^行政复议申请收到/办理件数  *15件  *21件$' "$T/text"
t "trend: repeated shares with the sentences" sh -c \
	'grep -q "^问题不足 2022 ← 2021: 100% repeated" "$1" && grep -q "^下一年安排 2022 ← 2021: [0-9]% repeated" "$1" &&
	 grep -q "^  # 2022年是“十四五”开局之年" "$1"' - "$T/text"
"$FAZHI" trend --csv "$Y1" "$Y2" >"$T/csv"
t "trend --csv: the header" sh -c 'head -n 1 "$1" | grep -q "^region,year,kind,name,label,value,unit,from_year,file,text.$"' - "$T/csv"
t "trend --csv: long format, one row per year and metric" sh -c \
	'grep -q "^舟山市普陀区,2021,metric,rev_received,[^,]*,15,件,,assets/reports/putuo-2021.txt," "$1" &&
	 grep -q "^舟山市普陀区,2022,metric,rev_received,[^,]*,21,件,,tests/trend/putuo-2022.txt," "$1"' - "$T/csv"
t "trend --csv: a part's share" grep -q '^舟山市普陀区,2022,repeated,problems,问题不足,1.0000,,2021,' "$T/csv"
if comma_locale; then   # a locale whose decimal point is a comma: the same bytes, fields and all
	LOCPATH="$T/locale" LC_ALL=de_DE.UTF-8 "$FAZHI" trend --csv "$Y1" "$Y2" >"$T/de.csv"
	t "trend --csv under LC_ALL=de_DE.UTF-8: the same bytes as under C.UTF-8" cmp -s "$T/csv" "$T/de.csv"
else
	t "a locale that writes 1.5 as 1,5 can be compiled (localedef, package locales)" false
fi
"$FAZHI" trend --region 舟山市普陀区 --json "$Y1" "$Y2" >"$T/r1"
"$FAZHI" trend --region 武进区 --json "$Y1" "$Y2" >"$T/r2"
t "trend --region keeps the region named, whole" sh -c '[ "$(wc -l <"$1")" -eq 1 ] && [ ! -s "$2" ]' - "$T/r1" "$T/r2"

# ---- a directory, read whole or described by its cached index ----
# The samples and tests/trend (putuo 2021, 2022, 2023): parsed, or with the index cached, each
# report's metrics and parts' paragraphs from its digest and its text read but not parsed.
mkdir -p "$T/dir"
cp assets/reports/*.txt tests/trend/*.txt "$T/dir/"
for fmt in --json --csv --text; do   # --csv and text print the sentences stating the metrics
	opt=$fmt
	[ "$fmt" = --text ] && opt=
	XDG_CACHE_HOME=$T/cache "$FAZHI" trend $opt "$T/dir" >"$T/uncached$fmt"
done
XDG_CACHE_HOME=$T/cache "$FAZHI" search --count 法治 "$T/dir" >/dev/null
for fmt in --json --csv --text; do
	opt=$fmt
	[ "$fmt" = --text ] && opt=
	XDG_CACHE_HOME=$T/cache "$FAZHI" trend $opt "$T/dir" >"$T/cached$fmt"
	t "trend $fmt over a directory: the same with the index cached (metrics and parts from its digests, no report parsed)" \
		sh -c 'ls "$3"/fazhi/index-*.bin >/dev/null 2>&1 && [ -s "$1" ] && cmp -s "$1" "$2"' - "$T/uncached$fmt" "$T/cached$fmt" "$T/cache"
done

# ---- bad input ----
printf '\0\1\2binary' >"$T/bad.txt"
"$FAZHI" trend --json "$Y1" "$T/bad.txt" "$Y2" >"$T/bad" 2>"$T/bad.err"
st=$?
t "trend: a bad file is named in one line, the rest still loads, exit 1" sh -c \
	'[ "$1" -eq 1 ] && [ "$(wc -l <"$3")" -eq 1 ] && grep -q "^fazhi: .*bad.txt: " "$3" && [ "$(wc -l <"$2")" -eq 1 ]' \
	- "$st" "$T/bad" "$T/bad.err"
"$FAZHI" trend --bogus "$Y1" >/dev/null 2>"$T/bogus.err"
st=$?
t "trend: an unknown option exits 2 naming it" sh -c '[ "$1" -eq 2 ] && grep -q "unknown option .--bogus." "$2"' - "$st" "$T/bogus.err"
"$FAZHI" trend --help >"$T/help"
t "trend --help names every option" sh -c 'for o in --csv --json --region --help; do grep -q -- "$o " "$1" || exit 1; done' - "$T/help"

# ---- facts --chart ----
for w in 80 40; do
	"$FAZHI" facts --chart rev_received --width $w "$Y1" "$Y2" "$ONE" >"$T/chart$w"
	t "facts --chart at $w columns: no line wider (display columns)" \
		sh -c '[ -s "$1" ] && [ "$(wc -L <"$1")" -le "$2" ]' - "$T/chart$w" "$w"
done
t "facts --chart: title, a bar per report labelled region and year, values with units" sh -c \
	'head -n 1 "$1" | grep -q "(rev_received)$" && grep -q "^舟山市普陀区 2021 *│█*[▏▎▍▌▋▊▉]* 15件$" "$1" &&
	 grep -q "^舟山市普陀区 2022 *│█*[▏▎▍▌▋▊▉]* 21件$" "$1" && grep -q "^常州市武进区 2020 *│█*[▏▎▍▌▋▊▉]* 48件$" "$1"' - "$T/chart80"
bar() {   # blocks on the line of $2 in chart $1
	grep "^$2" "$1" | grep -o '█' | wc -l
}
t "facts --chart: bars start at zero on one scale (the largest, 48, is longest; 15 is about 15/48 of it)" \
	awk -v a="$(bar "$T/chart80" '舟山市普陀区 2021')" -v b="$(bar "$T/chart80" '常州市武进区 2020')" \
	'BEGIN { exit !(b > 20 && a > 0 && a / b > 15 / 48 - 0.05 && a / b < 15 / 48 + 0.05) }'
"$FAZHI" facts --chart 行政复议申请收到/办理件数 --width 80 "$Y1" "$Y2" "$ONE" >"$T/chartl"
t "facts --chart: a metric by its label" cmp -s "$T/chartl" "$T/chart80"
"$FAZHI" facts --help >"$T/fhelp"
t "facts --help names --chart" grep -q -- "--chart METRIC" "$T/fhelp"
"$FAZHI" facts --chart no_such_metric "$Y1" >/dev/null 2>"$T/nometric"
st=$?
t "facts --chart: an unknown metric exits 2 naming it" sh -c '[ "$1" -eq 2 ] && grep -q "no_such_metric" "$2"' - "$st" "$T/nometric"

# ---- compare --md / --csv ----
sed 's/设立行政败诉案件及时报送和约谈制度。/设立行政败诉案件及时报送和约谈制度(a|b<c\&d\\e)。/' "$Y1" >"$T/marked-2021.txt"
"$FAZHI" compare --md "$T/marked-2021.txt" "$ONE" >"$T/md"
st=$?
t "compare --md exits 0" [ "$st" -eq 0 ]
t "compare --md: a column per report, headed region and year" sh -c \
	'head -n 2 "$1" | tr "\n" "#" | grep -q "^| 部分 · 领域 | 舟山市普陀区 2021 | 常州市武进区 2020 |#|---|---|---|#$"' - "$T/md"
t "compare --md: every row has the label and one cell per report (| escaped inside)" \
	sh -c '[ "$(sed "s/\\\\|//g" "$1" | awk -F"|" "NF != 5" | wc -l)" -eq 0 ] && [ "$(wc -l <"$1")" -gt 10 ]' - "$T/md"
t "compare --md: text is escaped: | < & \\ and line ends" sh -c \
	'grep -qF "约谈制度(a\\|b&lt;c&amp;d\\\\e)。" "$1" && grep -q "<br>" "$1" && ! grep -q "<c" "$1"' - "$T/md"
t "compare --md: a row holds the section text and the facts it states" \
	grep -q '^| 举措成效 · 行政复议与行政应诉 | .*2021年共收到行政复议申请15件.*<br>数据:<br>行政复议申请收到/办理件数: 15件<br>' "$T/md"
"$FAZHI" compare --csv "$T/marked-2021.txt" "$ONE" >"$T/cmp.csv"
t "compare --csv: the header" sh -c 'head -n 1 "$1" | grep -q "^part,topic,label,舟山市普陀区 2021,常州市武进区 2020.$"' - "$T/cmp.csv"
# Fields per CRLF-ended record, quotes read by RFC 4180 (a quoted field may hold commas and line ends).
t "compare --csv: RFC 4180, every record has 5 fields" sh -c '[ "$(awk "BEGIN { RS = \"\\r\\n\" }
	{ n = 1; q = 0; for (i = 1; i <= length(\$0); i++) { ch = substr(\$0, i, 1);
	  if (ch == \"\\\"\") q = !q; else if (ch == \",\" && !q) n++ }
	  if (q || n != 5) bad++ } END { print bad + 0 }" "$1")" -eq 0 ]' - "$T/cmp.csv"
t "compare --csv: a row's cells hold text and facts" sh -c \
	'tr "\n" " " <"$1" | grep -q "measures,review,举措成效 · 行政复议与行政应诉,\"[^\"]*2021年共收到行政复议申请15件[^\"]*数据: 行政复议申请收到/办理件数: 15件"' - "$T/cmp.csv"
"$FAZHI" compare --md --csv "$Y1" "$ONE" >/dev/null 2>"$T/two.err"
st=$?
t "compare: two output formats at once are a usage error" [ "$st" -eq 2 ]

[ "$failures" -eq 0 ]
