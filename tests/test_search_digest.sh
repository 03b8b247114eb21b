#!/bin/sh
# test_search_digest.sh — fazhi search over a cached index prints each result from its digest and its text, unparsed: the same bytes, text and --json, as parsing the reports prints, for every kind of query over the samples and a generated corpus; a damaged digest sends its report to be parsed; a file changed since it was indexed is named and left out.
#
# Prints "PASS: …" or "FAIL: …" per check; exits 1 when any check failed.
. tests/cli_check.sh
. tests/segment_files.sh
export XDG_CACHE_HOME="$T/cache"

# The samples, the forms of headings and metadata the parser meets (tests/forms, tests/real),
# 150 generated reports (tests/bench/gen.c: chapters, a name now and then), a report with
# chapters three deep and one without a heading.
D="$T/reports"
mkdir -p "$D/gen" "$D/forms"
cp assets/reports/*.txt "$D/"
cp tests/forms/reports/* tests/real/reports/* "$D/forms/"
${CC:-cc} -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -o "$T/gen" tests/bench/gen.c
"$T/gen" "$D/gen" 150 assets/reports/*.txt
cat >"$D/nested.txt" <<'EOF'
欧阳明远区人民政府关于2021年度法治政府建设情况的报告

2021年，在区委领导下，欧阳明远同志主持法治政府建设工作。
一、行政复议工作
（一）行政复议案件办理
1．全年办理行政复议案件１２３件，行政复议纠错率下降。
2．案件办理公开透明，法治宣传同步推进。
（二）依法行政
坚持依法行政，欧阳明远同志带头学法。
二、存在问题
行政复议人员不足，法治工作仍需加强。
EOF
printf '关于2021年度法治工作的说明\n\n全年行政复议案件办理平稳，依法行政水平提升，欧阳明远同志提出意见。\n' >"$D/plain.txt"

"$FAZHI" index "$D" >/dev/null 2>&1
t "the index is cached" sh -c 'ls "$1"/fazhi/index-*.bin >/dev/null 2>&1' - "$XDG_CACHE_HOME"

# QUERY OPTION...: the search as parsing prints it ($T/parsed) and from the cached index ($T/cached).
both() {
	q=$1
	shift
	env -u XDG_CACHE_HOME -u HOME "$FAZHI" search "$@" "$q" "$D" >"$T/parsed" 2>"$T/parsed.err"
	"$FAZHI" search "$@" "$q" "$D" >"$T/cached" 2>"$T/cached.err"
}
same() { cmp -s "$T/parsed" "$T/cached" && [ -s "$T/parsed" ] && [ ! -s "$T/cached.err" ]; }

# a 2-character word, a 4-character word, a phrase, a name, full width for half-width text, two
# terms, terms in the headings of nested chapters, and a word of the report without a heading
for q in 复议 行政复议 '"依法行政"' 欧阳明远 ２０２１年 '行政复议 法治' 部分工作 案件办理 '水平提升'; do
	for fmt in "" --json; do
		both "$q" --limit 20 $fmt
		t "search --limit 20 ${fmt:-(text)} $q: from the digests, the bytes parsing prints" same
	done
done
# (one character is looked for line by line through the body, which ends before a page's footer)
for q in '"法治政府建设"' 问题 网 备 法治; do
	both "$q"
	t "search $q, every report listed: the bytes parsing prints" same
done
t "the results hold breadcrumbs of nested chapters" grep -qxF '    一.一.2  公开透明，法治宣传同步推进。' "$T/cached"
both 水平提升 --json
t "the report without a heading is found, with an empty path" grep -q '"file":"[^"]*plain.txt".*"path":\[\]' "$T/cached"

# Every digest's head damaged: each report printed is parsed instead, and prints the same.
if command -v python3 >/dev/null 2>&1; then
	flip_digests head "$XDG_CACHE_HOME"/fazhi/segment-*.bin
	for fmt in "" --json; do
		both 行政复议 --limit 20 $fmt
		t "search ${fmt:-(text)} with damaged digests: parsed instead, the same bytes" same
	done
fi

# A file changed after it was indexed is named and left out; the next report takes its place.
"$FAZHI" search --limit 3 行政复议 "$D" >"$T/before"
first=$(head -n 1 "$T/before" | cut -d ' ' -f 1)
printf '\n补充说明。\n' >>"$first"
"$FAZHI" search --limit 3 行政复议 "$D" >"$T/after" 2>"$T/after.err"
t "a file changed since it was indexed is named on stderr and left out, three results still" \
	sh -c '! grep -qF "$1" "$2" && grep -qxF "fazhi: $1: changed since the directory was read" "$3" &&
	       [ "$(grep -c "^[^ ]" "$2")" -eq 3 ]' - "$first" "$T/after" "$T/after.err"

[ "$failures" -eq 0 ]
