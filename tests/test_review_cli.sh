#!/bin/sh
# test_review_cli.sh — fazhi table and fazhi check on the command line: exit statuses, --csv header, --json shape, findings like a compiler's, and computed rates in fazhi facts.
#
# Prints "PASS: …" or "FAIL: …" per check; exits 1 when any check failed.
. tests/cli_check.sh
. tests/segment_files.sh

# A report in the form the rule asks for: the four parts headed, title with its year, published
# in the first quarter of the next year.
cat >"$T/clean.txt" <<'EOF'
发布日期：2023-03-20
某某县人民政府关于2022年度法治政府建设情况的报告
2022年，某某县坚持以习近平法治思想为指导，扎实推进法治政府建设，各项工作取得明显成效。现将有关情况报告如下。
一、2022年推进法治政府建设的主要举措和成效
（一）深化行政审批制度改革。全年取消和下放行政许可事项12项，政务服务事项全部实现网上可办。
（二）规范行政执法行为。全面推行行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度。
二、存在的不足和原因
一是部分领导干部运用法治思维和法治方式解决问题的能力有待提升；二是基层执法队伍专业化水平不高。
三、党政主要负责人履行推进法治建设第一责任人职责情况
县政府主要负责人认真履行推进法治建设第一责任人职责，全年主持召开常务会议专题研究法治政府建设工作4次。
四、2023年推进法治政府建设的主要安排
（一）持续深化依法行政。进一步健全依法决策机制，提升行政执法规范化水平。
（二）加强法治宣传教育。深入开展八五普法，推动法治文化阵地建设。
EOF
# The same without its chapter on shortcomings, published late, with figures that contradict.
sed -e '/^二、存在/,/^一是部分/d' -e 's/^三、/二、/' -e 's/^四、/三、/' -e 's/2023-03-20/2023-05-08/' \
	-e 's/全年取消和下放行政许可事项12项/全年共收到行政复议申请50件，受理60件/' "$T/clean.txt" >"$T/draft.txt"

for cmd in table check; do
	"$FAZHI" $cmd --help >"$T/help" 2>"$T/help.err"
	t "$cmd --help exits 0 with the usage on stdout and nothing on stderr" \
		sh -c '[ "$1" -eq 0 ] && grep -q "^Usage: fazhi $2 " "$3" && [ ! -s "$4" ]' - $? $cmd "$T/help" "$T/help.err"
	t "$cmd --help names every option" sh -c 'for o in --json --deadline --help; do grep -q -- "^  .*$o" "$1" || exit 1; done' - "$T/help"
	"$FAZHI" $cmd --bogus "$T/clean.txt" >/dev/null 2>"$T/bogus.err"
	t "$cmd: an unknown option exits 2 naming it, with the hint" \
		sh -c '[ "$1" -eq 2 ] && grep -qx "fazhi: $2: unknown option .--bogus." "$3" && grep -q "^Try .fazhi $2 --help." "$3"' - $? $cmd "$T/bogus.err"
	for d in 4-30 02-30 13-01 ""; do
		"$FAZHI" $cmd --deadline "$d" "$T/clean.txt" >/dev/null 2>&1
		t "$cmd --deadline '$d' is a usage error" [ $? -eq 2 ]
	done
	"$FAZHI" $cmd --deadline >/dev/null 2>&1
	t "$cmd --deadline without a value is a usage error" [ $? -eq 2 ]
done
"$FAZHI" table --csv --json "$T/clean.txt" >/dev/null 2>&1
t "table: --csv and --json together are a usage error" [ $? -eq 2 ]
"$FAZHI" --help >"$T/main-help"
t "fazhi --help lists table and check" sh -c 'grep -q "^  table " "$1" && grep -q "^  check " "$1"' - "$T/main-help"

for cmd in table check; do
	t "fazhi.1 has $cmd in the synopsis and under COMMANDS" \
		sh -c 'grep -q "^\.B fazhi $1\$" assets/fazhi.1 && grep -q "^\.BI $1 " assets/fazhi.1' - $cmd
done

# ---- table ----
"$FAZHI" table --csv "$T/clean.txt" "$T/missing.txt" "$T/draft.txt" >"$T/csv" 2>"$T/csv.err"
st=$?
t "table: a file that cannot be read gives exit status 1 and its message" \
	sh -c '[ "$1" -eq 1 ] && grep -q "^fazhi: .*missing.txt: No such file or directory$" "$2"' - $st "$T/csv.err"
t "table --csv: the header names the columns in their order, CRLF line ends" \
	[ "$(head -n 1 "$T/csv")" = "$(printf 'file,status,region,level,year,published,on_time,chars,chapters,measures,problems,leader_duty,plans,facts,warnings,reason\r')" ]
t "table --csv: one row per file, the one that failed among them, in order" \
	[ "$(tail -n +2 "$T/csv" | cut -d, -f2 | tr -d '\r' | tr '\n' ' ')" = "ok failed ok " ]
t "table --csv: every row has the header's 16 fields" \
	sh -c 'awk -F, "NF != 16 { bad = 1 } END { exit bad }" "$1"' - "$T/csv"
row() { grep "$1" "$T/csv" | tr -d '\r'; }
t "table: the complete report covers the four parts, headed, on time" \
	sh -c 'echo "$1" | grep -q ",2022,2023-03-20,yes,[0-9]*,4,headed,headed,headed,headed,"' - "$(row clean.txt)"
t "table: the draft lacks its problems, and was published late" \
	sh -c 'echo "$1" | grep -q ",2022,2023-05-08,no,[0-9]*,3,headed,missing,headed,headed,"' - "$(row draft.txt)"
"$FAZHI" table --csv --deadline 06-30 "$T/draft.txt" >"$T/csv2"
t "table --deadline 06-30: the draft is on time" grep -q ',2023-05-08,yes,' "$T/csv2"
"$FAZHI" table --json "$T/clean.txt" "$T/missing.txt" >"$T/json" 2>/dev/null
t "table --json: one object per line, keys in the column order" \
	sh -c '[ "$(wc -l <"$1")" -eq 2 ] && ! grep -qv "^{\"file\":.*,\"status\":.*,\"region\":.*,\"level\":.*,\"year\":.*,\"published\":.*,\"on_time\":.*,\"chars\":.*,\"chapters\":.*,\"measures\":.*,\"problems\":.*,\"leader_duty\":.*,\"plans\":.*,\"facts\":.*,\"warnings\":\[.*\],\"reason\":.*}$" "$1"' - "$T/json"
t "table --json: numbers as numbers, on_time a boolean, an unknown value null" \
	sh -c 'grep -q "\"year\":2022,.*\"on_time\":true,\"chars\":[0-9]" "$1" && grep -q "\"status\":\"failed\",\"region\":null,.*\"reason\":\"No such file or directory\"" "$1"' - "$T/json"
if command -v python3 >/dev/null 2>&1; then
	t "table --json: every line parses as JSON" python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$T/json"
fi
"$FAZHI" table >"$T/text"
t "table with no PATH: the samples, a header and a row each" [ "$(wc -l <"$T/text")" -eq 6 ]

# ---- check ----
"$FAZHI" check "$T/clean.txt" >"$T/c0" 2>&1
t "check: a report that meets the rule: no output, exit 0" sh -c '[ "$1" -eq 0 ] && [ ! -s "$2" ]' - $? "$T/c0"
"$FAZHI" check "$T/draft.txt" >"$T/c1" 2>"$T/c1.err"
st=$?
t "check: findings give exit status 1" [ $st -eq 1 ]
t "check: every finding is FILE:LINE: KIND: MESSAGE" \
	sh -c '[ -s "$1" ] && ! grep -vE "^[^:]+/draft\.txt:[0-9]+: (missing_part|numbering|year|title|late|figures|repeated): ." "$1"' - "$T/c1"
t "check: the missing part, the late publication and the contradicting figures, each once" \
	sh -c '[ "$(grep -c ": missing_part: .*problems" "$1")" -eq 1 ] && [ "$(grep -c ": late: " "$1")" -eq 1 ] && [ "$(grep -c ": figures: " "$1")" -eq 1 ]' - "$T/c1"
t "check: the figures are named on their line" grep -q 'draft.txt:5: figures: ' "$T/c1"
"$FAZHI" check --json "$T/draft.txt" >"$T/cj"
"$FAZHI" check --json "$T/clean.txt" >>"$T/cj"   # apart: given together, each repeats the other
t "check --json: one object per file, in the documented shape" \
	sh -c '[ "$(wc -l <"$1")" -eq 2 ] && ! grep -qv "^{\"file\":\"[^\"]*\",\"region\":\"某某县\",\"year\":2022,\"parts\":{\"measures\":\(true\|false\),\"problems\":\(true\|false\),\"leader_duty\":\(true\|false\),\"plans\":\(true\|false\)},\"findings\":\[.*\]}$" "$1"' - "$T/cj"
t "check --json: the draft lacks problems; its findings have kind, severity, message, path and line" \
	sh -c 'head -n 1 "$1" | grep -q "\"problems\":false" && head -n 1 "$1" | grep -q "{\"kind\":\"late\",\"severity\":\"error\",\"message\":\"[^\"]*\",\"path\":\"[^\"]*draft.txt\",\"line\":[0-9]*}"' - "$T/cj"
t "check --json: the clean report has no findings" sh -c 'tail -n 1 "$1" | grep -q "\"findings\":\[\]}$"' - "$T/cj"
if command -v python3 >/dev/null 2>&1; then
	t "check --json: every line parses as JSON" python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$T/cj"
fi
# Last year's report given alongside: a chapter copied from it is repeated.
sed -e 's/2022/2021/g' -e 's/2023-03-20/2022-03-18/' -e 's/2023年/2022年/' "$T/clean.txt" >"$T/last.txt"
"$FAZHI" check "$T/clean.txt" "$T/last.txt" >"$T/rep"
t "check: sections standing in the other report given are repeated, naming it" \
	sh -c 'grep -q "clean.txt:[0-9]*: repeated: .*last.txt" "$1"' - "$T/rep"
# Last year's chapter with only its figures updated is repeated too; a report of other words is not.
sed -e 's/12项/15项/' -e 's/4次/6次/' "$T/last.txt" >"$T/last2.txt"
"$FAZHI" check "$T/clean.txt" "$T/last2.txt" >"$T/rep2"
t "check: a section whose sentences stand with other figures in the other report is repeated" \
	sh -c 'grep -q "clean.txt:4: repeated: .*last2.txt" "$1"' - "$T/rep2"
# The leader's duty stated in a paragraph of measures, its chapter gone: covered, without a heading.
sed -e '/^三、党政/,/^县政府主要负责人/d' -e 's/^四、/三、/' \
	-e 's/^（一）深化行政审批制度改革。/（一）深化行政审批制度改革。县政府主要负责人认真履行推进法治建设第一责任人职责。/' \
	"$T/clean.txt" >"$T/duty.txt"
"$FAZHI" check "$T/duty.txt" >"$T/duty.out"
t "check: the leader's duty stated among measures is a warning that it has no heading, not a missing part" \
	sh -c '[ "$(grep -c ": missing_part: " "$1")" -eq 1 ] && grep -q "duty.txt:5: missing_part: .*(leader_duty) has no heading" "$1"' - "$T/duty.out"
"$FAZHI" check --json "$T/duty.txt" >"$T/duty.json"
t "check --json: the leader's duty stated among measures counts as covered" grep -q '"leader_duty":true' "$T/duty.json"
"$FAZHI" table --csv "$T/duty.txt" >"$T/duty.csv"
t "table: the leader's duty stated among measures is unheaded" grep -q ',headed,headed,unheaded,headed,' "$T/duty.csv"
sed -e '/^三、党政/,/^县政府主要负责人/d' -e 's/^四、/三、/' \
	-e 's/^一是部分领导干部/一是少数部门主要负责人履行第一责任人职责不到位，部分领导干部/' "$T/clean.txt" >"$T/duty2.txt"
"$FAZHI" check "$T/duty2.txt" >"$T/duty2.out"
t "check: the leader's duty named only among problems is missing" grep -q "duty2.txt:[0-9]*: missing_part: no part on .*(leader_duty)" "$T/duty2.out"
# Parts apart from each other summing past their whole; a catalogue of one's own adds such lines.
cat >"$T/sum.txt" <<'EOF2'
某某县人民政府关于2022年度法治政府建设情况的报告
一、主要举措
全年审结行政复议案件20件，维持12件，驳回复议申请3件，撤销或责令4件，调解、和解等终止3件。
全年开展执法检查10次，甲类检查6次，乙类检查5次。
EOF2
"$FAZHI" check "$T/sum.txt" >"$T/sum.out"
t "check: 维持 + 驳回 + 纠错 + 终止 past 审结 in one paragraph is a figures finding, on its line" \
	sh -c '[ "$(grep -c ": figures: " "$1")" -eq 1 ] && grep -q "sum.txt:3: figures: .*rev_upheld 12件" "$1"' - "$T/sum.out"
{ cat assets/metrics.tsv; printf 'metric\tx_checks\t执法检查次数\nmetric\tx_special\t专项检查次数\nmetric\tx_joint\t联合检查次数\n'
  printf 'x_checks\t开展执法检查{N:次}\nx_special\t甲类检查{N:次}\nx_joint\t乙类检查{N:次}\nsum\tx_checks\tx_special|x_joint\n'; } >"$T/metrics.tsv"
FAZHI_METRICS="$T/metrics.tsv" "$FAZHI" check "$T/sum.txt" >"$T/sum2.out"
t "check: a sum line of FAZHI_METRICS adds its own check" grep -q "sum.txt:4: figures: 执法检查次数 10次" "$T/sum2.out"
"$FAZHI" check >/dev/null 2>"$T/none.err"
t "check with no FILE is a usage error" sh -c '[ "$1" -eq 2 ] && grep -q "^fazhi: check: no FILE given" "$2"' - $? "$T/none.err"
"$FAZHI" check "$T/missing.txt" "$T/clean.txt" >"$T/cm" 2>"$T/cm.err"
t "check: a file that cannot be read is named, the rest still checked, exit 1" \
	sh -c '[ "$1" -eq 1 ] && grep -q "missing.txt: No such file or directory" "$2" && [ ! -s "$3" ]' - $? "$T/cm.err" "$T/cm"

# ---- computed rates in facts ----
printf '关于2022年法治政府建设情况的报告\n2022年，全县共收到行政复议申请48件，受理45件，审结40件，其中撤销或责令8件。\n' >"$T/rates.txt"
"$FAZHI" facts --csv "$T/rates.txt" >"$T/fcsv"
t "facts --csv: the computed rate, marked computed, naming its figures" \
	grep -q '^[^,]*rates.txt,,2022,rev_correction_rate_computed,[^,]*,20,%,computed,,[^,]*,rev_corrected 8 / rev_concluded 40' "$T/fcsv"
"$FAZHI" facts --json "$T/rates.txt" >"$T/fjson"
t "facts --json: a computed rate says so and names its metrics; stated facts do not" \
	sh -c '[ "$(grep -c "\"computed\":true,\"from\":\[\"rev_corrected\",\"rev_concluded\"\]" "$1")" -eq 1 ] && [ "$(grep -c "\"computed\"" "$1")" -eq 1 ]' - "$T/fjson"

printf '关于2022年法治政府建设情况的报告\n2022年，全区共收到行政复议申请103宗，受理91起。\n' >"$T/units.txt"
"$FAZHI" facts --json "$T/units.txt" >"$T/ujson"
t "facts --json: 宗 and 起 kept as written, both compared as 件" \
	sh -c 'grep -q "\"unit\":\"宗\",\"unit_norm\":\"件\"" "$1" && grep -q "\"unit\":\"起\",\"unit_norm\":\"件\"" "$1"' - "$T/ujson"

# ---- table from the cached index ----
# The forms the parser meets and the real reports, with the failed file among them: the table
# read from the index's digests is the table read from the reports.
mkdir -p "$T/corpus"
cp tests/forms/reports/* tests/real/reports/* "$T/corpus/"
printf '\000\001binary' >"$T/corpus/zz_binary.txt"
for fmt in "" --csv --json; do
	XDG_CACHE_HOME=$T/none "$FAZHI" table $fmt "$T/corpus" >"$T/parsed$fmt" 2>/dev/null
	echo $? >"$T/parsed$fmt.st"
done
XDG_CACHE_HOME=$T/tcache "$FAZHI" index "$T/corpus" >/dev/null 2>&1
for fmt in "" --csv --json; do
	XDG_CACHE_HOME=$T/tcache "$FAZHI" table $fmt "$T/corpus" >"$T/indexed$fmt" 2>/dev/null
	t "table ${fmt:-(text)} over a directory: the same rows and status from the cached index as from the reports" \
		sh -c 'ls "$4"/fazhi/index-*.bin >/dev/null && [ "$(wc -l <"$1")" -gt 30 ] && cmp -s "$1" "$2" && [ "$3" -eq "$(cat "$1.st")" ]' \
		- "$T/parsed$fmt" "$T/indexed$fmt" $? "$T/tcache"
done
# Every report's words overwritten in place, its size, inode and time kept, so that the index
# still takes it for the file indexed: a report read now would give another row.
for f in "$T"/corpus/[0-9]*.txt; do
	cp -p "$f" "$T/stamp"
	tr -c '\n' 'x' <"$T/stamp" >"$f"
	touch -r "$T/stamp" "$f"
done
XDG_CACHE_HOME=$T/tcache "$FAZHI" table "$T/corpus" >"$T/unread" 2>/dev/null
t "table from the cached index reads no report" cmp -s "$T/parsed" "$T/unread"

# One byte of every digest flipped in the segments, after its head (the facts) and then in the
# copy of its head, where index_cache.c's layout puts them: rows need the heads alone, and a
# damaged head sends its report to be read (the overwritten words then give other rows).
if command -v python3 >/dev/null 2>&1; then
	XDG_CACHE_HOME=$T/tcache "$FAZHI" facts --csv "$T/corpus" >"$T/facts.intact" 2>/dev/null
	flip_digests rest "$T"/tcache/fazhi/segment-*.bin
	XDG_CACHE_HOME=$T/tcache "$FAZHI" facts --csv "$T/corpus" >"$T/facts.restbad" 2>/dev/null
	XDG_CACHE_HOME=$T/tcache "$FAZHI" table "$T/corpus" >"$T/restbad" 2>/dev/null
	t "table from the cached index: a damaged facts region leaves the rows to the heads (facts reads the reports)" \
		sh -c '! cmp -s "$1" "$2" && cmp -s "$3" "$4"' - "$T/facts.intact" "$T/facts.restbad" "$T/parsed" "$T/restbad"
	XDG_CACHE_HOME=$T/none "$FAZHI" table "$T/corpus" >"$T/reread" 2>/dev/null
	flip_digests head "$T"/tcache/fazhi/segment-*.bin
	XDG_CACHE_HOME=$T/tcache "$FAZHI" table "$T/corpus" >"$T/headbad" 2>/dev/null
	t "table from the cached index: a damaged head sends its report to be read" \
		sh -c '! cmp -s "$1" "$2" && cmp -s "$2" "$3"' - "$T/parsed" "$T/headbad" "$T/reread"
fi

[ "$failures" -eq 0 ]
