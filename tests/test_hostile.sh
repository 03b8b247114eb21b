#!/bin/sh
# test_hostile.sh — the real binary against hostile input: bad, huge and countless files, bad queries, damaged and concurrent index caches, and a corpus that is never written.
#
# Prints "PASS: …" or "FAIL: …" per check. Memory is the peak resident size of the process
# (getrusage, through tests/fixtures/hostile/peak_rss.c), held to a linear bound in the bytes
# and files loaded. The 100,000 files go to /dev/shm when it can be written: on a disk file
# system creating them alone can take a minute.
BUILD=${BUILD:-build}
FAZHI=${FAZHI:-$BUILD/fazhi}
case $FAZHI in /*) ;; *) FAZHI=$(pwd)/$FAZHI ;; esac
export LC_ALL=C.UTF-8
failures=0
T=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-hostile-XXXXXX")
FAST=$(mktemp -d /dev/shm/fazhi-hostile-XXXXXX 2>/dev/null) || FAST=$(mktemp -d "$T/many-XXXXXX")
cleanup() {
	chmod -R u+rwx "$T" "$FAST" 2>/dev/null
	rm -rf "$T" "$FAST"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
chmod 755 "$T"

pass() { echo "PASS: $1"; }
fail() {
	echo "FAIL: $1"
	failures=$((failures + 1))
}
# t DESCRIPTION COMMAND...: PASS when COMMAND succeeds.
t() {
	desc=$1
	shift
	if "$@"; then pass "$desc"; else fail "$desc"; fi
}
# same FILE FILE: equal contents; on a difference, the diff goes to the log.
same() {
	cmp -s "$1" "$2" || { diff "$1" "$2" | head -n 20 | sed 's/^/    | /'; return 1; }
}

if [ ! -x "$FAZHI" ]; then
	fail "$FAZHI is built"
	exit 1
fi
PEAK=$T/peak_rss
if ! ${CC:-cc} -std=c11 -O -D_DEFAULT_SOURCE -o "$PEAK" tests/fixtures/hostile/peak_rss.c; then
	fail "the memory probe compiles"
	exit 1
fi
# exits STATUS GOT FILE: GOT is STATUS and FILE is empty.
exits() { [ "$2" -eq "$1" ] && [ ! -s "$3" ]; }
# mem OUT ERR COMMAND...: runs COMMAND, peak KiB in $T/kb; returns COMMAND's status.
mem() {
	out=$1 err=$2
	shift 2
	"$PEAK" "$T/kb" "$@" >"$out" 2>"$err"
}
kb() { cat "$T/kb"; }
below() { [ "$(kb)" -lt "$1" ]; }
MB=1024   # KiB

# --- A directory of good reports and every kind of bad file -------------------------------
B=$T/bad
mkdir "$B"
cp assets/reports/putuo-2021.txt assets/reports/wujin-2020.txt "$B/"
cp tests/fixtures/loader/putuo-2021.gb18030-crlf.txt "$B/putuo-gb.txt"
cp tests/fixtures/loader/zhanjiang-etdz-2022.mixed.txt "$B/mixed.txt"
cp tests/fixtures/loader/binary.txt "$B/binary.txt"
: >"$B/empty.txt"
printf '某区2023年法治政府建设情况的报告\n一、依法行政\n法治\344\270' >"$B/truncated.txt"
# 10.5 MB on one line: 法治政府， 700,000 times.
awk 'BEGIN { s = ""; for (i = 0; i < 1000; i++) s = s "法治政府，"; for (i = 0; i < 700; i++) printf "%s", s }' >"$B/line.txt"
ln -s loop.txt "$B/loop.txt"
ln -s . "$B/back"
ln -s nowhere.txt "$B/gone.txt"
mkfifo "$B/pipe.txt"
echo "not a report" >"$B/notes.md"
cp assets/reports/putuo-2021.txt "$B/secret.txt"
chmod 000 "$B/secret.txt"
mkdir "$B/locked"
cp assets/reports/putuo-2021.txt "$B/locked/"
chmod 000 "$B/locked"
mkdir -m 777 "$T/cache"

# Root reads anything: the loads run as nobody then, when root can be dropped here.
AS=""
if [ "$(id -u)" = 0 ]; then
	# nobody must reach the program and the good reports: a checkout under a private
	# directory (a 0700 temporary clone) does not let it, and then root reads as root.
	# (through env: setpriv's own exec still has root's capabilities, the ones after do not)
	if setpriv --reuid=65534 --regid=65534 --clear-groups env "$FAZHI" --version >/dev/null 2>&1 &&
	   setpriv --reuid=65534 --regid=65534 --clear-groups cat "$B/putuo-2021.txt" >/dev/null 2>&1; then
		AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
	else
		echo "note: cannot run the program as nobody here; the unreadable files are left out"
		rm -rf "$B/secret.txt" "$B/locked"
	fi
fi

{
	echo "fazhi: $B/back: symbolic link loop"
	echo "fazhi: $B/binary.txt: binary file (not text)"
	echo "fazhi: $B/empty.txt: empty file"
	echo "fazhi: $B/gone.txt: No such file or directory"
	[ ! -e "$B/locked" ] || echo "fazhi: $B/locked: Permission denied"
	echo "fazhi: $B/loop.txt: symbolic link loop"
	echo "fazhi: $B/mixed.txt: 251 invalid byte sequences replaced by U+FFFD"
	echo "fazhi: $B/pipe.txt: not a regular file"
	[ ! -e "$B/secret.txt" ] || echo "fazhi: $B/secret.txt: Permission denied"
	echo "fazhi: $B/truncated.txt: 1 invalid byte sequence replaced by U+FFFD"
} >"$T/want.err"
printf '%s\n' "$B/line.txt" "$B/mixed.txt" "$B/putuo-2021.txt" "$B/putuo-gb.txt" "$B/truncated.txt" \
	"$B/wujin-2020.txt" >"$T/want.paths"
size=$(find "$B" -maxdepth 1 -type f -name '*.txt' -exec cat {} + 2>/dev/null | wc -c)   # not the FIFO: it would wait
bound=$((64 * MB + 4 * size / 1024))

mem "$T/out" "$T/err" $AS env XDG_CACHE_HOME="$T/cache" timeout 60 "$FAZHI" outline "$B"
st=$?
t "bad files, outline: exit status 1 ($st)" [ "$st" -eq 1 ]
t "bad files, outline: one line per bad file, 'fazhi: PATH: reason'" same "$T/want.err" "$T/err"
grep "^$B/" "$T/out" >"$T/got.paths"
t "bad files, outline: every good report is outlined, in order" same "$T/want.paths" "$T/got.paths"
t "bad files, outline: the GB18030 copy outlines as its UTF-8 original" \
	sh -c 'grep -A 200 "^$1/putuo-2021.txt\$" "$2" | sed -n "2,/^\$/p" >"$3/a"; grep -A 200 "^$1/putuo-gb.txt\$" "$2" | sed -n "2,/^\$/p" >"$3/b"; cmp -s "$3/a" "$3/b" && [ -s "$3/a" ]' - "$B" "$T/out" "$T"
t "bad files, outline: peak memory $(kb) KiB below 64 MiB + 4 × $size bytes" below "$bound"

# The good reports alone, in a clean directory, answer the same.
C=$T/clean
mkdir "$C"
for f in line.txt mixed.txt putuo-2021.txt putuo-gb.txt truncated.txt wujin-2020.txt; do cp "$B/$f" "$C/"; done
env -u HOME -u XDG_CACHE_HOME "$FAZHI" search --count 法治 "$C" 2>/dev/null | sed "s|$C/||" | sort -k 2 >"$T/want.count"
mem "$T/out" "$T/err" $AS env XDG_CACHE_HOME="$T/cache" timeout 60 "$FAZHI" search --count 法治 "$B"
st=$?
t "bad files, search: exit status 1 ($st)" [ "$st" -eq 1 ]
t "bad files, search: one line per bad file, 'fazhi: PATH: reason'" same "$T/want.err" "$T/err"
sed "s|$B/||" "$T/out" | sort -k 2 >"$T/got.count"
t "bad files, search: the good reports answer as they do alone" same "$T/want.count" "$T/got.count"
t "bad files, search: the 10 MB line holds 法治 700,000 times" grep -qx "700000	line.txt" "$T/got.count"
gb() { [ "$(grep 'putuo-gb.txt$' "$T/got.count" | cut -f 1)" = "$(grep 'putuo-2021.txt$' "$T/got.count" | cut -f 1)" ]; }
t "bad files, search: the GB18030 copy has the hits of its original" gb
t "bad files, search: 6 reports found" [ "$(wc -l <"$T/got.count")" -eq 6 ]
t "bad files, search: peak memory $(kb) KiB below 64 MiB + 4 × $size bytes" below "$bound"

# A path that is gone, a directory with nothing to read, a FIFO given by name.
mkdir "$T/nothing"
printf '一、总体情况\n依法行政。\n' >"$T/one.txt"
(sleep 0.2; printf '一、总体情况\n法治。\n' >"$T/fifo.txt") &
rm -f "$T/fifo.txt"; mkfifo "$T/fifo.txt"
timeout 10 "$FAZHI" outline "$T/missing.txt" "$T/nothing" "$T/one.txt" "$T/fifo.txt" >"$T/out" 2>"$T/err"
st=$?
wait
printf '%s\n' "fazhi: $T/missing.txt: No such file or directory" "fazhi: $T/nothing: no reports found (*.txt *.html *.pdf *.docx)" >"$T/want.err"
t "paths given: exit status 1 ($st)" [ "$st" -eq 1 ]
t "paths given: a missing file and an empty directory each get their line" same "$T/want.err" "$T/err"
t "paths given: the file and the FIFO load" [ "$(grep -c "^$T/" "$T/out")" -eq 2 ]

# --- 200 MB in one file ---------------------------------------------------------------------
# 8260 copies of putuo-2021.txt (24,215 bytes): 200,015,900 bytes.
p=assets/reports/putuo-2021.txt
cat "$p" "$p" >"$T/d"
for i in 1 2 3 4 5; do cat "$T/d" "$T/d" >"$T/d2" && mv "$T/d2" "$T/d"; done   # 64 copies
i=0
while [ "$i" -lt 129 ]; do cat "$T/d"; i=$((i + 1)); done >"$T/big.txt"
cat "$p" "$p" "$p" "$p" >>"$T/big.txt"
rm -f "$T/d"
size=$(wc -c <"$T/big.txt")
t "200 MB file: made ($size bytes)" [ "$size" -eq 200015900 ]
bound=$((64 * MB + 4 * size / 1024))
mem "$T/out" "$T/err" timeout 120 "$FAZHI" outline "$T/big.txt"
st=$?
t "200 MB file, outline: exit status 0 ($st), nothing on stderr" exits 0 "$st" "$T/err"
"$FAZHI" outline "$p" | sed -n 2p >"$T/want.title"
t "200 MB file, outline: the title of the first copy" \
	sh -c '[ "$(sed -n 1p "$1")" = "$2" ] && sed -n 2p "$1" | cmp -s - "$3"' - "$T/out" "$T/big.txt" "$T/want.title"
t "200 MB file, outline: peak memory $(kb) KiB below 64 MiB + 4 × size" below "$bound"
# Each copy holds 法治 87 times, one of them in the page chrome outside the body (the search
# finds 86 in the copy alone); in the big file only the first copy's chrome is outside.
mem "$T/out" "$T/err" env -u HOME -u XDG_CACHE_HOME timeout 120 "$FAZHI" search --count 法治 "$T/big.txt"
st=$?
t "200 MB file, search: exit status 0 ($st)" [ "$st" -eq 0 ]
t "200 MB file, search: one copy alone has 86 hits" \
	sh -c '[ "$(env -u HOME -u XDG_CACHE_HOME "$1" search --count 法治 "$2" | cut -f 1)" = 86 ]' - "$FAZHI" "$p"
t "200 MB file, search: 87 × 8260 − 1 = 718619 hits" grep -qx "718619	$T/big.txt" "$T/out"
# The index takes about nine bytes per byte of text while it is built.
t "200 MB file, search: peak memory $(kb) KiB below 64 MiB + 12 × size" below $((64 * MB + 12 * size / 1024))
rm -f "$T/big.txt"

# --- 100,000 tiny files --------------------------------------------------------------------
M=$FAST/many
mkdir "$M"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "第%d号报告：依法行政。\n", i }' >"$T/lines"
(cd "$M" && split -l 1 -a 5 -d --additional-suffix=.txt "$T/lines" r)
size=$(wc -c <"$T/lines")   # what the files hold together
rm -f "$T/lines"
n=$(ls "$M" | wc -l)
t "100,000 files: made ($n)" [ "$n" -eq 100000 ]
bound=$((64 * MB + (4 * size + 2048 * n) / 1024))
mem "$T/out" "$T/err" timeout 60 "$FAZHI" outline "$M"
st=$?
t "100,000 files, outline: exit status 0 ($st), nothing on stderr" exits 0 "$st" "$T/err"
t "100,000 files, outline: every file, in order" \
	sh -c 'grep "^$1/" "$2" >"$3/got"; [ "$(wc -l <"$3/got")" -eq 100000 ] && [ "$(sed -n 1p "$3/got")" = "$1/r00000.txt" ] && [ "$(sed -n 100000p "$3/got")" = "$1/r99999.txt" ] && sort -c "$3/got"' - "$M" "$T/out" "$T"
t "100,000 files, outline: peak memory $(kb) KiB below 64 MiB + 4 × bytes + 2 KiB a file" below "$bound"
mem "$T/out" "$T/err" env XDG_CACHE_HOME="$FAST/cache" timeout 60 "$FAZHI" search --count 依法行政 "$M"
st=$?
t "100,000 files, search: exit status 0 ($st)" [ "$st" -eq 0 ]
t "100,000 files, search: every file has its one hit" \
	sh -c '[ "$(grep -c "^1	" "$1")" -eq 100000 ] && [ "$(wc -l <"$1")" -eq 100000 ]' - "$T/out"
t "100,000 files, search: peak memory $(kb) KiB below 64 MiB + 4 × bytes + 2 KiB a file" below "$bound"
mem "$T/out" "$T/err" env XDG_CACHE_HOME="$FAST/cache" timeout 60 "$FAZHI" search --count 第99999号 "$M"
t "100,000 files, search from the cache: the one report" grep -qx "1	$M/r99999.txt" "$T/out"
t "100,000 files, search from the cache: peak memory $(kb) KiB below the bound" below "$bound"
rm -rf "$M" "$FAST/cache"

# --- Bad queries ---------------------------------------------------------------------------
# query DESCRIPTION QUERY MESSAGE: exit 2 within 5 s, stderr exactly "fazhi: search: MESSAGE".
query() {
	timeout 5 "$FAZHI" search "$2" assets/reports >"$T/out" 2>"$T/err"
	st=$?
	printf 'fazhi: search: %s\n' "$3" >"$T/want.err"
	t "bad query, $1: exit status 2 ($st), nothing on stdout" exits 2 "$st" "$T/out"
	t "bad query, $1: the message" same "$T/want.err" "$T/err"
}
query "unbalanced quote" '"法治 政府' 'unbalanced quote: a phrase needs its closing "'
query "lone -" '-' "lone '-': write the term to leave out right after it, as in -信访"
query "OR OR" 'OR OR' 'OR needs a term on each side, as in 复议 OR 诉讼'
query "a trailing OR" '法治 OR' 'OR needs a term on each side, as in 复议 OR 诉讼'
long=$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "法" }')
query "10,000 characters" "$long" 'the query is too long (10000 characters; at most 256)'
long=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "\" " }')
query "10,000 characters of quotes and spaces" "$long" 'the query is too long (10000 characters; at most 256)'
query "invalid UTF-8" "$(printf '\377\376法治')" 'the query is not valid UTF-8'
query "a multibyte character cut short" "$(printf '法治\344\270')" 'the query is not valid UTF-8'
query "an escape sequence" "$(printf '\033]0;x\007')" 'the query holds a control character, which no report contains'
query "empty" '' 'empty query'
query "blank" '   ' 'empty query'

# --- The index cache: damaged, foreign, concurrent -------------------------------------------
R=$T/reports
mkdir "$R"
cp assets/reports/*.txt "$R/"
env -u HOME -u XDG_CACHE_HOME "$FAZHI" search --json 法治 "$R" >"$T/want.json" 2>"$T/err"
st=$?
t "cache: the answer without a cache (5 reports)" \
	sh -c '[ "$1" -eq 0 ] && [ ! -s "$3" ] && [ "$(wc -l <"$2")" -eq 5 ]' - "$st" "$T/want.json" "$T/err"
X=$T/xdg
search() { XDG_CACHE_HOME=$X timeout 30 "$FAZHI" search --json 法治 "$R" >"$1" 2>"$2"; }
cachefile() { ls "$X"/fazhi/index-*.bin 2>/dev/null; }
search "$T/out" "$T/err"
t "cache: built on the first run, the same answer, no notice" \
	sh -c 'cmp -s "$1" "$2" && [ ! -s "$3" ]' - "$T/want.json" "$T/out" "$T/err"
CF=$(cachefile)
t "cache: one cache file" [ "$(cachefile | wc -l)" -eq 1 ]
csize=$(wc -c <"$CF")
cacheid() { stat -c '%i %Y %s' "$CF"; }
before=$(cacheid)
search "$T/out" "$T/err"
t "cache: reused on the second run (file untouched), the same answer, no notice" \
	sh -c 'cmp -s "$1" "$2" && [ ! -s "$3" ] && [ "$(stat -c "%i %Y %s" "$4")" = "$5" ]' - "$T/want.json" "$T/out" "$T/err" "$CF" "$before"
# damage DESCRIPTION COMMAND...: COMMAND spoils the cache; the next run says so and rebuilds it,
# and the run after that uses it quietly.
damage() {
	what=$1
	shift
	"$@"
	search "$T/out" "$T/err"
	t "cache $what: the same answer" same "$T/want.json" "$T/out"
	t "cache $what: one notice that it was rebuilt" \
		sh -c '[ "$(wc -l <"$1")" -eq 1 ] && grep -q "^fazhi: index cache .*; rebuilt$" "$1"' - "$T/err"
	before=$(cacheid)
	search "$T/out" "$T/err"
	t "cache $what: valid again afterwards (reused, no notice)" \
		sh -c 'cmp -s "$1" "$2" && [ ! -s "$3" ] && [ "$(stat -c "%i %Y %s" "$4")" = "$5" ]' - "$T/want.json" "$T/out" "$T/err" "$CF" "$before"
}
damage "truncated to half" truncate -s $((csize / 2)) "$CF"
damage "cut to 10 bytes" truncate -s 10 "$CF"
damage "emptied" truncate -s 0 "$CF"
flip() { printf '\377' | dd of="$CF" bs=1 seek="$1" conv=notrunc status=none; }
damage "with a byte flipped in the middle" flip $((csize / 2))
# The manifest ends with its reports in the browser's list order, which has a checksum of its own
# (u32 a report, padded to 8; the report count is the u64 at byte 32).
nrep=$(od -A n -t u8 -j 32 -N 8 "$CF" | tr -d ' ')
order=$(((4 * nrep + 7) / 8 * 8))
damage "with a byte flipped near the end" flip $((csize - order - 3))
flip $((csize - 3))
search "$T/out" "$T/err"
t "cache with a byte of its list order flipped: the same answer, quietly (only the browser reads it)" \
	sh -c 'cmp -s "$1" "$2" && [ ! -s "$3" ]' - "$T/want.json" "$T/out" "$T/err"
damage "of another version (header version 99)" sh -c 'printf "\143\0\0\0" | dd of="$1" bs=1 seek=8 conv=notrunc status=none' - "$CF"
damage "replaced by text" sh -c 'echo "not an index" >"$1"' - "$CF"

# Two instances building the cache at the same moment, again and again: both answer right,
# the cache is valid afterwards, and no temporary file is left behind.
round=1
ok=1
while [ "$round" -le 8 ]; do
	rm -rf "$X"
	search "$T/a.out" "$T/a.err" &
	search "$T/b.out" "$T/b.err" &
	wait
	CF=$(cachefile)
	if ! cmp -s "$T/want.json" "$T/a.out" || ! cmp -s "$T/want.json" "$T/b.out" || [ -s "$T/a.err" ] ||
		[ -s "$T/b.err" ] || [ -z "$CF" ] || ls "$X"/fazhi/*.tmp >/dev/null 2>&1; then
		ok=0
		echo "    | round $round: the two instances disagree, complained or left a temporary file"
		break
	fi
	before=$(cacheid)
	search "$T/out" "$T/err"
	if ! cmp -s "$T/want.json" "$T/out" || [ -s "$T/err" ] || [ "$(cacheid)" != "$before" ]; then
		ok=0
		echo "    | round $round: the cache they left was not reused quietly"
		break
	fi
	round=$((round + 1))
done
t "cache: two instances starting together, 8 times: right answers, a valid cache, no leftovers" [ "$ok" -eq 1 ]

# --- The corpus is never written; state and cache go only under the XDG directories -------
W=$T/ro
mkdir -p "$W/sub"
cp assets/reports/putuo-2021.txt assets/reports/wujin-2020.txt "$W/"
cp tests/fixtures/loader/simen-2022.gb18030.txt tests/fixtures/loader/escapes.txt "$W/sub/"
chmod -R a-w "$W"
snapshot() {
	(cd "$W" && find . -print0 | sort -z | xargs -0 stat -c '%n %s %a %i %Y.%y %Z.%z' &&
		find . -type f -print0 | sort -z | xargs -0 cat | cksum)
}
snapshot >"$T/before"
H=$T/home
mkdir -p "$H" "$T/cwd" "$T/tmpdir" "$T/xdg2"
run() {
	(cd "$T/cwd" && env HOME="$H" TMPDIR="$T/tmpdir" XDG_CACHE_HOME="$T/xdg2/cache" \
		XDG_STATE_HOME="$T/xdg2/state" XDG_CONFIG_HOME="$T/xdg2/config" XDG_DATA_HOME="$T/xdg2/data" \
		timeout 30 "$FAZHI" "$@" >/dev/null 2>&1)
}
run outline "$W" && run outline --json "$W/putuo-2021.txt" "$W/sub" &&
	run search 法治 "$W" && run search --json 依法行政 "$W" && run search --count 复议 "$W/sub" &&
	run compare "$W/putuo-2021.txt" "$W/wujin-2020.txt" && run compare --json "$W/putuo-2021.txt" "$W/sub/simen-2022.gb18030.txt" &&
	run facts "$W" && run facts --csv "$W" && run facts --json "$W/wujin-2020.txt"
st=$?
t "read-only corpus: every subcommand runs (exit 0)" [ "$st" -eq 0 ]
snapshot >"$T/after"
t "read-only corpus: names, sizes, modes, inodes, times and contents unchanged" same "$T/before" "$T/after"
t "nothing written to the working directory, HOME or TMPDIR" \
	sh -c '[ "$(find "$1/cwd" "$1/home" "$1/tmpdir" -mindepth 1 | wc -l)" -eq 0 ]' - "$T"
t "the index cache is under XDG_CACHE_HOME/fazhi, and nothing else is written" \
	sh -c '[ "$(cd "$1/xdg2" && find . -type f | sed "s/index-[0-9a-f]*\.bin/index.bin/; s/segment-[0-9a-f]*\.bin/segment.bin/; s/roots-[0-9a-f]*/roots/" | sort -u | tr "\n" " ")" = "./cache/fazhi/index.bin ./cache/fazhi/index.bin.lock ./cache/fazhi/roots ./cache/fazhi/segment.bin ./cache/fazhi/segments.lock " ]' - "$T"

[ "$failures" -eq 0 ]
