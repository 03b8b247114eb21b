#!/bin/sh
# test_10_search_cli.sh — fazhi search on the command line: --help, and --limit (ranked without proving every report) giving the first results of the full listing.
#
# Prints "PASS: …" or "FAIL: …" per check; exits 1 when any check failed.
. tests/cli_check.sh

"$FAZHI" search --help >"$T/help" 2>"$T/help.err"
st=$?
t "search --help exits 0" [ "$st" -eq 0 ]
t "search --help prints the usage on stdout" grep -q '^Usage: fazhi search \[--json\] \[--count\] \[--limit N\] \[--update\] QUERY' "$T/help"
t "search --help names every option" sh -c 'for o in --limit --update --json --count --help; do grep -q -- "^  $o" "$1" || exit 1; done' - "$T/help"
t "search --help writes nothing on stderr" [ ! -s "$T/help.err" ]
"$FAZHI" search --bogus 法治 >/dev/null 2>"$T/bogus.err"
st=$?
t "an unknown option exits 2 naming it, with the hint" sh -c '[ "$1" -eq 2 ] && grep -qx "fazhi: search: unknown option .--bogus." "$2" && grep -q "^Try .fazhi search --help." "$2"' - "$st" "$T/bogus.err"
"$FAZHI" search -h >"$T/h" 2>&1
t "search -h is --help" cmp -s "$T/h" "$T/help"
"$FAZHI" search -信访 >"$T/excl" 2>&1
t "a QUERY that starts with - is a query, not an option (a lone exclusion is refused as a query)" \
	sh -c '! grep -q "unknown option" "$1"' - "$T/excl"

# The embedded samples: 行政复议 is in wujin (11), putuo (10) and jingan (14); a limit takes the
# first of the ranked listing, with the same hits and snippets.
heads() {   # the report lines of text output
	grep -v '^    ' "$1"
}
"$FAZHI" search 行政复议 >"$T/all"
for n in 1 2 3 5; do
	"$FAZHI" search --limit $n 行政复议 >"$T/top$n"
	heads "$T/all" | head -n $n >"$T/want$n"
	heads "$T/top$n" >"$T/got$n"
	t "--limit $n: the first $n reports of the full listing" cmp -s "$T/want$n" "$T/got$n"
	"$FAZHI" search --json 行政复议 | head -n $n >"$T/jwant$n"
	"$FAZHI" search --json --limit $n 行政复议 >"$T/jgot$n"
	t "--json --limit $n: the first $n objects of the full listing, snippets included" cmp -s "$T/jwant$n" "$T/jgot$n"
done
t "the full listing has the 3 reports" [ "$(heads "$T/all" | wc -l)" -eq 3 ]
t "the hits of each report are its occurrences" sh -c 'grep -q "wujin-2020.txt .*(11 hits)" "$1" && grep -q "putuo-2021.txt .*(10 hits)" "$1" && grep -q "jingan-2019.txt .*(14 hits)" "$1"' - "$T/all"
# Two terms and an exclusion: still the head of the full listing.
for q in "行政 复议" "法治 -复议" "行政复议 OR 行政诉讼"; do
	"$FAZHI" search --json "$q" | head -n 2 >"$T/qa"
	"$FAZHI" search --json --limit 2 "$q" >"$T/qb"
	t "--limit 2 [$q]: the head of the full listing" cmp -s "$T/qa" "$T/qb"
done
# --count lists every match whatever the ranking.
"$FAZHI" search --count 行政复议 | sort -k 2 >"$T/count"
t "--count: a line per matching report, hits and file" [ "$(cat "$T/count")" = "$(printf '14\tembedded:jingan-2019.txt\n10\tembedded:putuo-2021.txt\n11\tembedded:wujin-2020.txt')" ]

# A locale whose decimal point is a comma (comma_locale) changes no number fazhi writes: the
# scores of --json keep the point, as JSON wants.
if comma_locale; then
	LOCPATH="$T/locale" LC_ALL=de_DE.UTF-8 "$FAZHI" search --json --limit 3 行政复议 >"$T/de.json"
	t "--json under LC_ALL=de_DE.UTF-8: every score with a decimal point" \
		sh -c '[ "$(grep -c "\"score\":[0-9]*\.[0-9]\{4\}," "$1")" -eq 3 ]' - "$T/de.json"
	t "--json under LC_ALL=de_DE.UTF-8: the same bytes as under C.UTF-8" \
		sh -c 'LC_ALL=C.UTF-8 "$1" search --json --limit 3 行政复议 | cmp -s - "$2"' - "$FAZHI" "$T/de.json"
else
	t "a locale that writes 1.5 as 1,5 can be compiled (localedef, package locales)" false
fi

[ "$failures" -eq 0 ]
