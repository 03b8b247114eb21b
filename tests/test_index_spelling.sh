#!/bin/sh
# test_index_spelling.sh — one corpus however its PATHs are spelled (reports, ./reports, reports/, its absolute path, or beside a missing PATH): search, facts, trend, index and --status use the index made under the first spelling, name the reports as it does and make no second index, and a missing PATH is said so; a relative spelling that names the directory only from elsewhere gets an index of its own, whose names work from there.
#
# Prints "PASS: …" or "FAIL: …" per check; exits 1 when any check failed.
. tests/cli_check.sh
FAZHI=$(cd "$(dirname "$FAZHI")" && pwd)/$(basename "$FAZHI")   # the checks run in other directories
export XDG_CACHE_HOME="$T/cache"
C="$XDG_CACHE_HOME/fazhi"
W="$T/w"
S=$(pwd)/assets/reports
mkdir -p "$W/reports/sub"
cp "$S/putuo-2021.txt" "$S/wujin-2020.txt" "$W/reports/"
cp "$S/jingan-2019.txt" "$W/reports/sub/"
cd "$W" || exit 1

indexes() { ls "$C"/index-*.bin | wc -l | tr -d ' '; }
"$FAZHI" index reports >"$T/out" 2>&1
t "the corpus is indexed as reports" grep -q "^indexed 3 reports" "$T/out"
"$FAZHI" search --count 法治 reports | sort >"$T/base"
"$FAZHI" facts --csv reports >"$T/facts"
t "the index names the reports reports/… (the case under test)" grep -q "	reports/sub/jingan-2019.txt$" "$T/base"

for p in ./reports reports/ "$W/reports" "$W/./reports/"; do
	"$FAZHI" search --count 法治 "$p" 2>"$T/err" | sort >"$T/got"
	t "search $p: the reports as indexed, nothing said, no second index" \
		sh -c 'cmp -s "$1" "$2" && [ ! -s "$3" ] && [ "$4" -eq 1 ]' - "$T/base" "$T/got" "$T/err" "$(indexes)"
done
"$FAZHI" facts --csv ./reports >"$T/got" 2>"$T/err"
t "facts ./reports: as for reports, from the one index" \
	sh -c 'cmp -s "$1" "$2" && [ ! -s "$3" ] && [ "$4" -eq 1 ]' - "$T/facts" "$T/got" "$T/err" "$(indexes)"
"$FAZHI" trend --csv reports >"$T/trend"
"$FAZHI" trend --csv "$W/reports/" >"$T/got"
t "trend of the absolute path: as for reports" sh -c 'cmp -s "$1" "$2" && [ "$3" -eq 1 ]' - "$T/trend" "$T/got" "$(indexes)"
"$FAZHI" index --status ./reports >"$T/out"
t "index --status ./reports: up to date" grep -qx "up to date: 3 reports" "$T/out"
"$FAZHI" index reports/ >"$T/out"
t "index reports/: up to date, nothing built" sh -c 'grep -q "^up to date: 3 reports" "$1" && [ "$2" -eq 1 ]' - "$T/out" "$(indexes)"

# A PATH that is missing (a query's second word left unquoted) beside the corpus.
"$FAZHI" search --count 法治 reports nothere 2>"$T/err" | sort >"$T/got"
st=$?
"$FAZHI" search --count 法治 nothere ./reports >/dev/null 2>"$T/err2"
t "a missing PATH is named on stderr, the rest answered from the one index" \
	sh -c 'cmp -s "$1" "$2" && grep -qx "fazhi: nothere: No such file or directory" "$3" &&
	       grep -qx "fazhi: nothere: No such file or directory" "$4" && [ "$5" -eq 1 ]' \
	- "$T/base" "$T/got" "$T/err" "$T/err2" "$(indexes)"
"$FAZHI" search --count 法治 reports nothere >/dev/null 2>&1
t "… and the exit status says a PATH failed (1)" [ $? -eq 1 ]

# Behind: named with the PATHs as given; --update brings the one index up to date.
cp "$S/simen-2022.txt" "$W/reports/sub/new.txt"
"$FAZHI" search --count 法治 ./reports 2>"$T/err" >/dev/null
t "search ./reports names the index behind, with the command as given" \
	grep -qx "fazhi: the index of ./reports is 1 file behind (1 added, 0 changed, 0 removed: answered without them until it is updated); fazhi index ./reports" "$T/err"
"$FAZHI" search --update --count 法治 "$W/reports" 2>"$T/err" | sort >"$T/got"
env -u XDG_CACHE_HOME -u HOME "$FAZHI" search --count 法治 reports 2>/dev/null | sort >"$T/fresh"
t "search --update of the absolute path answers as without a cache, under the indexed names" \
	sh -c 'cmp -s "$1" "$2" && [ ! -s "$3" ]' - "$T/fresh" "$T/got" "$T/err"
"$FAZHI" index --status reports >"$T/out"
t "… and updated the one index" sh -c 'grep -qx "up to date: 4 reports" "$1" && [ "$2" -eq 1 ]' - "$T/out" "$(indexes)"

# From inside the corpus, `reports` names nothing: `.` gets an index of its own, named from there,
# and the first search says why a second index is built.
cd "$W/reports" || exit 1
"$FAZHI" index --status . >"$T/out" 2>&1
t "index --status . from inside: not indexed, and why, under the hint" sh -c '[ "$(wc -l <"$1")" -eq 2 ] &&
	grep -qx "not indexed: 4 reports; run: fazhi index \." "$1" &&
	grep -qx "  \. was indexed as reports, which names it only from another directory; fazhi index would index it again as given (an index made under an absolute path serves every spelling)" "$1"' - "$T/out"
"$FAZHI" search --count 法治 . 2>"$T/err" >"$T/got"
t "search . from inside: its own index, every report named as a file from there" \
	sh -c '[ "$(wc -l <"$1")" -eq 4 ] && cut -f2 "$1" | while read -r f; do [ -f "$f" ] || exit 1; done &&
	       grep -q "	\./sub/new.txt$" "$1" && [ "$2" -eq 2 ]' - "$T/got" "$(indexes)"
t "… saying on stderr, once, that reports names it only from elsewhere" \
	sh -c '[ "$(wc -l <"$1")" -eq 1 ] && grep -qx "fazhi: \. was indexed as reports, which names it only from another directory; indexed again as given (an index made under an absolute path serves every spelling)" "$1"' - "$T/err"
"$FAZHI" search --count 法治 . 2>"$T/err" >/dev/null
t "… and nothing the next time, the index of . being there" sh -c '[ ! -s "$1" ] && [ "$2" -eq 2 ]' - "$T/err" "$(indexes)"

# An index made under an absolute path names its reports from anywhere: any spelling uses it.
export XDG_CACHE_HOME="$T/cache2"
C="$XDG_CACHE_HOME/fazhi"
"$FAZHI" index "$W/reports" >/dev/null 2>&1
"$FAZHI" search --count 法治 . 2>"$T/err" | sort >"$T/got"
cd "$T" || exit 1
"$FAZHI" search --count 法治 w/reports 2>"$T/err2" | sort >"$T/got2"
t "an index made under the absolute path serves . inside and w/reports outside, naming reports absolutely" \
	sh -c 'cmp -s "$1" "$2" && [ "$(wc -l <"$1")" -eq 4 ] && ! cut -f2 "$1" | grep -qv "^$3/" && [ ! -s "$4" ] &&
	       [ ! -s "$5" ] && [ "$6" -eq 1 ]' - "$T/got" "$T/got2" "$W/reports" "$T/err" "$T/err2" "$(indexes)"

# A file given as a PATH is read as it is, twice, and nothing is said of spellings.
export XDG_CACHE_HOME="$T/cache3"
"$FAZHI" search --count 法治 w/reports/putuo-2021.txt >/dev/null 2>&1
"$FAZHI" facts --csv w/reports/putuo-2021.txt >/dev/null 2>"$T/err"
t "a file as PATH: searched, then its facts, with nothing on stderr" sh -c '[ ! -s "$1" ]' - "$T/err"

[ "$failures" -eq 0 ]
