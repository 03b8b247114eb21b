#!/bin/sh
# test_index_cli.sh — fazhi index: builds the cached index, --status counts added, changed and removed files, --prune removes old indexes, a killed build's temporary file is removed at the next run, a build killed during an update or a merge leaves the next run exact and no stray segment, a damaged segment costs only its own reports (also when killed meanwhile), a build from scratch leaves at most one small segment and removes what it merged at once, a merge that cannot be written is said and leaves a whole index, facts read from the index print what parsing prints, and search and facts stay exact after files are added, renamed, removed or changed in place.
#
# Prints "PASS: …" or "FAIL: …" per check; exits 1 when any check failed.
. tests/cli_check.sh
. tests/segment_files.sh
export XDG_CACHE_HOME="$T/cache"
C="$XDG_CACHE_HOME/fazhi"

D="$T/reports"
mkdir -p "$D/sub"
cp assets/reports/putuo-2021.txt assets/reports/wujin-2020.txt "$D/"
cp assets/reports/jingan-2019.txt "$D/sub/"

"$FAZHI" index --help >"$T/help" 2>"$T/help.err"
t "index --help exits 0 and names every option" \
	sh -c '[ "$1" -eq 0 ] && grep -q -- "--status" "$2" && grep -q -- "--prune" "$2" && [ ! -s "$3" ]' - $? "$T/help" "$T/help.err"
"$FAZHI" index >/dev/null 2>"$T/err"
t "index without PATH is a usage error (2)" sh -c '[ "$1" -eq 2 ] && grep -q "no PATH given" "$2"' - $? "$T/err"
"$FAZHI" index --bogus "$D" >/dev/null 2>"$T/err"
t "an unknown option is a usage error (2)" sh -c '[ "$1" -eq 2 ] && grep -q "unknown option" "$2"' - $? "$T/err"

"$FAZHI" index --status "$D" >"$T/out" 2>"$T/err"
t "status before any build: not indexed, with the command to run" \
	grep -q "^not indexed: 3 reports; run: fazhi index $D\$" "$T/out"

"$FAZHI" index "$D" >"$T/out" 2>"$T/err"
st=$?
t "index builds the cache (exit 0, quiet on stderr when not a terminal)" \
	sh -c '[ "$1" -eq 0 ] && grep -q "^indexed 3 reports" "$2" && [ ! -s "$3" ] && ls "$4"/index-*.bin >/dev/null' \
	- "$st" "$T/out" "$T/err" "$C"
"$FAZHI" index "$D" >"$T/out" 2>"$T/err"
t "index again: up to date" grep -q "^up to date: 3 reports" "$T/out"
said=$(sed -n 's/.*, index \([0-9.]*\) MB$/\1/p' "$T/out")
on_disk=$(cat "$C"/segment-*.bin | wc -c)
t "the size it gives is that of its segment files on disk" \
	[ "$said" = "$(echo "$on_disk / 1048576" | bc -l | xargs printf '%.1f')" ]
"$FAZHI" index --status "$D" >"$T/out"
t "status: up to date" grep -qx "up to date: 3 reports" "$T/out"

# One file added, one changed, one removed.
cp assets/reports/simen-2022.txt "$D/sub/new.txt"
printf '\n（补充）\n' >>"$D/putuo-2021.txt"
rm "$D/wujin-2020.txt"
"$FAZHI" index --status "$D" >"$T/out"
t "status counts the added, changed and removed files" \
	grep -q "^3 files behind: 1 added, 1 changed, 1 removed since the index of 3 reports; run: fazhi index $D\$" "$T/out"
"$FAZHI" search --count 法治 "$D" >/dev/null 2>"$T/err"
t "search names the same count as status, reading only the changed directories" \
	grep -qx "fazhi: the index of $D is 3 files behind (1 added, 1 changed, 1 removed: answered without them until it is updated); fazhi index $D" "$T/err"
"$FAZHI" index "$D" >"$T/out"
t "index updates it, indexing only the file added and the file changed" \
	grep -q "^updated: 2 of 3 reports indexed in [0-9.]* s, index [0-9.]* MB\$" "$T/out"
t "the index it replaced is removed" [ "$(ls "$C"/index-*.bin | wc -l)" -eq 1 ]
"$FAZHI" index --status "$D" >"$T/out"
t "status after the update: up to date" grep -qx "up to date: 3 reports" "$T/out"

"$FAZHI" search --count 法治 "$D" | sort >"$T/cached"
env -u XDG_CACHE_HOME -u HOME "$FAZHI" search --count 法治 "$D" | sort >"$T/fresh"
t "search over the updated index answers as a fresh build" cmp -s "$T/cached" "$T/fresh"

printf '\n（再补充）\n' >>"$D/putuo-2021.txt"   # changed in place: no directory says so
"$FAZHI" index "$D" >"$T/out" 2>"$T/err"
t "a file changed in place: index says the update once, on stdout, and nothing on stderr" \
	sh -c 'grep -q "^updated: 1 of 3 reports indexed" "$1" && [ ! -s "$2" ]' - "$T/out" "$T/err"
"$FAZHI" search --count 法治 "$D" | sort >"$T/cached"
t "search after that update answers as a fresh build" \
	sh -c 'env -u XDG_CACHE_HOME -u HOME "$1" search --count 法治 "$2" | sort | cmp -s "$3" -' - "$FAZHI" "$D" "$T/cached"

# A search checks directories by their parent kept open: a file added to any one of them is seen,
# also where two of the same name under parents of the same length come one after the other.
S="$T/siblings"
mkdir -p "$S/a/x" "$S/b/x" "$S/b/y"
cp assets/reports/putuo-2021.txt "$S/a/x/"
cp assets/reports/wujin-2020.txt "$S/b/x/"
cp assets/reports/jingan-2019.txt "$S/b/y/"
"$FAZHI" index "$S/a/x" "$S/b/x" "$S/b/y" >/dev/null
for dir in a/x b/x b/y; do
	cp assets/reports/simen-2022.txt "$S/$dir/added.txt"
	"$FAZHI" search --count 法治 "$S/a/x" "$S/b/x" "$S/b/y" >/dev/null 2>"$T/err"
	t "search sees a file added to directory $dir alone" grep -q "is 1 file behind (1 added, 0 changed, 0 removed" "$T/err"
	rm "$S/$dir/added.txt"
	"$FAZHI" index "$S/a/x" "$S/b/x" "$S/b/y" >/dev/null
done
"$FAZHI" index --status "$S/a/x" "$S/b/x" "$S/b/y" >"$T/out"
t "status after the sibling directories are back: up to date" grep -qx "up to date: 3 reports" "$T/out"

# PATHs that overlap name the files of the inner one twice: a search counts what is behind as
# status does, and a file named twice is neither removed nor counted twice as changed.
O="$T/overlap"
mkdir -p "$O/in"
cp assets/reports/putuo-2021.txt "$O/"
cp assets/reports/wujin-2020.txt "$O/in/"
"$FAZHI" index "$O/in" "$O" >/dev/null
behind_agree() {
	"$FAZHI" index --status "$O/in" "$O" | sed -n 's/^[0-9]* files\{0,1\} behind: \([^s]*\) since.*/\1/p' >"$T/st"
	"$FAZHI" search --count 法治 "$O/in" "$O" 2>&1 >/dev/null | sed -n 's/.* behind (\([^:]*\):.*/\1/p' >"$T/se"
	[ -s "$T/st" ] && cmp -s "$T/st" "$T/se" && grep -qx "$1" "$T/se" || { cat "$T/st" "$T/se"; false; }
}
cp assets/reports/jingan-2019.txt "$O/in/added.txt"
t "overlapping PATHs: a file added to the inner one, twice over, as status says" \
	behind_agree "2 added, 0 changed, 0 removed"
printf '\n（补充）\n' >>"$O/in/wujin-2020.txt"
t "overlapping PATHs: a file changed in place counts once an entry, as status says" \
	behind_agree "2 added, 2 changed, 0 removed"

# Facts from the index print exactly what parsing the reports prints.
# facts_agree DIR LINES WHAT: facts of DIR from the index equal facts from parsing, in every
# format, each more than LINES lines, nothing on stderr.
facts_agree() {
	for fmt in "" --csv --json; do
		"$FAZHI" facts $fmt "$1" >"$T/facts.index" 2>"$T/facts.err"
		env -u XDG_CACHE_HOME -u HOME "$FAZHI" facts $fmt "$1" >"$T/facts.parse" 2>&1
		t "facts ${fmt:-(text)} of $3 from the index equal facts from parsing" \
			sh -c 'cmp -s "$1" "$2" && [ "$(wc -l <"$1")" -gt "$4" ] && [ ! -s "$3" ]' - \
			"$T/facts.index" "$T/facts.parse" "$T/facts.err" "$2"
	done
}
facts_agree "$D" 0 "3 reports"
# Over many reports, facts are formatted on several threads, a chunk of reports at a time, and
# written in order: the same bytes as parsing in every format. A file changed in place in the
# middle is named, and its facts alone are left out.
M="$T/many"
mkdir -p "$M"
i=0
for round in $(seq 1 60); do
	for f in assets/reports/*.txt; do
		i=$((i + 1))
		cp "$f" "$M/r$(printf %03d $i).txt"
	done
done
"$FAZHI" index "$M" >/dev/null
facts_agree "$M" 10000 "$i reports"
printf '\n（补充）\n' >>"$M/r150.txt"
for fmt in --csv --json; do
	"$FAZHI" facts $fmt "$M" >"$T/many.index" 2>"$T/many.err"
	env -u XDG_CACHE_HOME -u HOME "$FAZHI" facts $fmt "$M" 2>/dev/null | grep -v 'r150\.txt' >"$T/many.parse"
	t "facts $fmt of $i reports, one changed in place: it alone is named and left out, the rest in order" \
		sh -c 'cmp -s "$1" "$2" && [ "$(wc -l <"$3")" -eq 1 ] && grep -q "r150.txt: changed since" "$3"' - \
		"$T/many.index" "$T/many.parse" "$T/many.err"
done

# No report is read: a file changed behind the index's back (same size and mtime) still gives
# the facts the index holds.
"$FAZHI" facts --csv "$D" >"$T/facts.before"
cp -p "$D/sub/jingan-2019.txt" "$T/stamp"
sed 's/复议/夏议/g' "$T/stamp" >"$D/sub/jingan-2019.txt"   # in place: the directory keeps its time
touch -r "$T/stamp" "$D/sub/jingan-2019.txt"
"$FAZHI" facts --csv "$D" >"$T/facts.swapped"
t "facts over an indexed directory come from the index, not the reports" \
	sh -c 'cmp -s "$1" "$2" && ! grep -q 夏议 "$1"' - "$T/facts.swapped" "$T/facts.before"
cp -p "$T/stamp" "$D/sub/jingan-2019.txt"
FAZHI_METRICS=/nonexistent "$FAZHI" facts "$D" >/dev/null 2>"$T/err"
t "facts with a missing catalogue still fails (exit 2), cached or not" \
	sh -c '[ "$1" -eq 2 ] && grep -q nonexistent "$2"' - $? "$T/err"
printf 'not a catalogue\n' >"$T/metrics.tsv"
FAZHI_METRICS="$T/metrics.tsv" "$FAZHI" index --status "$D" >"$T/out"
t "a changed catalogue makes the index stale" grep -q "^0 added, 0 changed, 0 removed" "$T/out"

# A killed build leaves a temporary file; the next run removes it, and answers right.
touch "$C/index-0123456789abcdef.bin.424242.tmp"
"$FAZHI" index "$D" >/dev/null
t "a temporary file whose lock nobody holds is removed at the next build" \
	[ ! -e "$C/index-0123456789abcdef.bin.424242.tmp" ]
B="$T/big"
sample_copies "$B" 300 ""
FAZHI_CRASH_AT=segment "$FAZHI" index "$B" >/dev/null 2>&1 || true   # killed by -9 mid-build
t "kill -9 during a build left its temporary file (the case under test)" sh -c 'ls "$1"/*.tmp >/dev/null 2>&1' - "$C"
"$FAZHI" search --count 依法行政 "$B" | sort >"$T/after-kill"
env -u XDG_CACHE_HOME -u HOME "$FAZHI" search --count 依法行政 "$B" | sort >"$T/want"
t "after kill -9 the next run answers right and removes the temporary file" \
	sh -c 'cmp -s "$1" "$2" && [ -s "$1" ] && ! ls "$3"/*.tmp >/dev/null 2>&1' - "$T/after-kill" "$T/want" "$C"

# kill -9 during an update and during a merge (fazhi(1), FILES, Segments): the next run answers
# right, and leaves no temporary file and no segment that its manifest does not name. The index
# of $B alone is in $K, in segments of 2 MB.
K="$T/kcache"
# The segments the manifests in $K/fazhi (or the cache directory $1) name (the u64 ids after the
# 88-byte head), one a line.
named_segments() {
	for m in "${1:-$K/fazhi}"/index-*.bin; do
		n=$(od -A n -t u8 -j 40 -N 8 "$m" | tr -d ' ')
		od -A n -t x8 -j 88 -N $((8 * n)) -v "$m" | tr -s ' ' '\n' | sed '/^$/d'
	done | sort -u
}
on_disk_segments() { ls "${1:-$K/fazhi}"/ | sed -n 's/^segment-\([0-9a-f]*\)\.bin$/\1/p' | sort -u; }
# Runs `fazhi index $B` killed with -9 at the moment $1 names (FAZHI_CRASH_AT: "segment", a
# segment's temporary file written; "manifest", segments in place but not yet named).
kill_at() {
	XDG_CACHE_HOME="$K" FAZHI_SEGMENT_BYTES=2000000 FAZHI_MERGE_BYTES=${MERGE:-0} FAZHI_CRASH_AT=$1 "$FAZHI" index "$B" >/dev/null 2>&1 || true
}
# The next run after a kill: an update, then a search as without a cache; the segments named.
recovered() {
	XDG_CACHE_HOME="$K" FAZHI_SEGMENT_BYTES=2000000 FAZHI_MERGE_BYTES=${MERGE:-0} "$FAZHI" index "$B" >/dev/null 2>&1
	XDG_CACHE_HOME="$K" "$FAZHI" search --count 依法行政 "$B" 2>&1 | sort >"$T/after-kill"
	env -u XDG_CACHE_HOME -u HOME "$FAZHI" search --count 依法行政 "$B" 2>&1 | sort >"$T/want"
	named_segments >"$T/named"
	on_disk_segments >"$T/disk"
	cmp -s "$T/after-kill" "$T/want" && [ -s "$T/want" ] && cmp -s "$T/named" "$T/disk" && [ -s "$T/named" ] &&
		! ls "$K"/fazhi/*.tmp >/dev/null 2>&1
}
XDG_CACHE_HOME="$K" FAZHI_SEGMENT_BYTES=2000000 FAZHI_MERGE_BYTES=0 "$FAZHI" index "$B" >/dev/null 2>&1
t "the index of $B is cut into segments" [ "$(on_disk_segments | wc -l)" -ge 10 ]
i=0
while [ $i -lt 40 ]; do   # 40 files changed and 40 added: an update
	printf '\n补充依法行政%s。\n' $i >>"$B/$i-putuo-2021.txt"
	sed "1s/\$/ new $i/" assets/reports/wujin-2020.txt >"$B/new-$i.txt"
	i=$((i + 1))
done
kill_at manifest
named_segments >"$T/named"
t "kill -9 during an update left a new segment no manifest names (the case under test)" \
	[ -n "$(on_disk_segments | comm -23 - "$T/named")" ]
t "after kill -9 during an update the next run answers right, with no stray segment or temporary file" recovered
t "the update's files are searched" grep -q "new-3.txt" "$T/after-kill"
i=0
while [ $i -lt 300 ]; do   # over a fifth of every segment changed: each one is rebuilt, a merge
	printf '\n再补充依法行政%s。\n' $i >>"$B/$i-jingan-2019.txt"
	[ $((i % 3)) -eq 0 ] && printf '\n再补充%s。\n' $i >>"$B/$i-simen-2022.txt"
	i=$((i + 1))
done
kill_at segment
t "kill -9 during a merge left its temporary file (the case under test)" \
	sh -c 'ls "$1"/fazhi/*.tmp >/dev/null 2>&1' - "$K"
t "after kill -9 during a merge the next run answers right, with no stray segment or temporary file" recovered

# Merging (fazhi(1), FILES, Segments): a build's segments are merged into one when they fit the
# cap, by their postings, reading no report again: the same answers as a cache-less search. A
# kill -9 during a merge leaves the index as it was before the merge, which the next run
# merges; updates add small segments, merged among themselves once more than four of them wait,
# the large one left as it is.
cp -r "$K" "$T/mcache"   # the index of $B in segments of 2 MB, as yet unmerged
K="$T/mcache"
MERGE=2000000000
sed "1s/\$/ merged/" assets/reports/wujin-2020.txt >"$B/merged.txt"   # the next run updates, then merges
kill_at merge
t "kill -9 while segments were merged left the merge's temporary file (the case under test)" \
	sh -c 'ls "$1"/fazhi/*.tmp >/dev/null 2>&1' - "$K"
t "after kill -9 while segments were merged the next run answers right, with no stray segment or temporary file" \
	recovered
t "the update then merges the segments of 2 MB and its own into one" [ "$(on_disk_segments | wc -l)" -eq 1 ]
i=0
on_disk_segments >"$T/large"
while [ $i -lt 4 ]; do   # four updates, a file each: five segments wait, then the four small are merged
	sed "1s/\$/ merged $i/" assets/reports/wujin-2020.txt >"$B/merged-$i.txt"
	XDG_CACHE_HOME="$K" FAZHI_SEGMENT_BYTES=2000000 FAZHI_MERGE_BYTES=$MERGE "$FAZHI" index "$B" >/dev/null 2>&1
	i=$((i + 1))
	[ $i -eq 3 ] && t "three updates later, four segments" [ "$(on_disk_segments | wc -l)" -eq 4 ]
done
t "the fourth update merges the four small segments into one and leaves the large one as it was" \
	sh -c '[ "$(ls "$1"/fazhi/segment-*.bin | wc -l)" -eq 2 ] && [ -e "$1/fazhi/segment-$(cat "$2").bin" ]' - "$K" "$T/large"
t "after the merges the index answers as a search without a cache" recovered
t "the merged updates' files are searched" grep -q "merged-3.txt" "$T/after-kill"
MERGE=0
# A segment damaged before a merge: the merge, which checks every block first, is refused and
# the damaged file removed; the next search indexes its reports again and answers right.
M=$T/mdamage
sample_copies "$M" 40 m
XDG_CACHE_HOME="$T/mdcache" FAZHI_SEGMENT_BYTES=500000 FAZHI_MERGE_BYTES=0 "$FAZHI" index "$M" >/dev/null 2>&1
victim=$(ls "$T"/mdcache/fazhi/segment-*.bin | head -n 1)
flip_byte "$victim" $(($(u64 "$victim" 136) + $(u64 "$victim" 144) / 2))   # the middle of its postings
sed "1s/\$/ merged/" assets/reports/wujin-2020.txt >"$M/merged.txt"
XDG_CACHE_HOME="$T/mdcache" FAZHI_SEGMENT_BYTES=500000 "$FAZHI" index "$M" >/dev/null 2>"$T/md-err"
t "a merge that meets a damaged segment exits 0 and removes that segment's file" \
	sh -c '[ $1 -eq 0 ] && [ ! -e "$2" ]' - $? "$victim"
# The repair is said once: by this search, or already by the update when its walk read the damage.
XDG_CACHE_HOME="$T/mdcache" "$FAZHI" search --count 依法行政 "$M" 2>>"$T/md-err" | sort >"$T/md-got"
env -u XDG_CACHE_HOME -u HOME "$FAZHI" search --count 依法行政 "$M" | sort >"$T/md-want"
t "the search after it repairs the index and answers as a search without a cache" \
	sh -c 'cmp -s "$1" "$2" && [ -s "$1" ] && grep -Eq "index segment missing( or damaged)?; [0-9]+ reports indexed again" "$3"' \
	- "$T/md-got" "$T/md-want" "$T/md-err"

# A damaged segment (fazhi(1), FILES, Segments): the search that meets the damage indexes again
# the reports of that segment alone, says so in one line, and answers right (exit 0); the other
# segment files are left as they were, the damaged one is removed. A kill -9 during that repair
# leaves a state the next run repairs the same way. The index of $R is in $RC, in segments of
# 1 MB of input.
R=$T/repair
RC=$T/rcache/fazhi
sample_copies "$R" 60 r
rk() { XDG_CACHE_HOME="$T/rcache" FAZHI_SEGMENT_BYTES=1000000 FAZHI_MERGE_BYTES=0 "$@"; }
# The N-th segment the manifest names, as a file.
nth_segment() { echo "$RC/segment-$(named_segments "$RC" | sed -n "${1}p").bin"; }
stamps() { for s in $(named_segments "$RC"); do stat -c '%n %i %Y' "$RC/segment-$s.bin"; done | sort; }
rk "$FAZHI" index "$R" >/dev/null 2>&1
nocache_r() { env -u XDG_CACHE_HOME -u HOME "$FAZHI" search --count 依法行政 "$R" 2>&1 | sort; }
nocache_r >"$T/r.want"
t "the index of $R is cut into segments" [ "$(on_disk_segments "$RC" | wc -l)" -ge 6 ]
# repaired N DESCRIPTION NOTICE: `search` ran into the damage of segment file $victim; notice is
# its stderr (a basic regular expression), $victim's reports were indexed again, nothing else.
repaired() {
	t "$2: one notice, exit 0" sh -c '[ "$1" -eq 0 ] && [ "$(wc -l <"$2")" -eq 1 ] && grep -q "$3" "$2"' - \
		"$1" "$T/r.err" "$3"
	sort "$T/r.out" >"$T/r.got"
	t "$2: the answer is a fresh build's" sh -c 'cmp -s "$1" "$2" && [ -s "$1" ]' - "$T/r.got" "$T/r.want"
	grep -v "$victim" "$T/stamps" >"$T/stamps.others"
	stamps >"$T/stamps.now"
	t "$2: the damaged file is gone, every other segment file untouched (inode, mtime)" \
		sh -c '[ ! -e "$1" ] && [ "$(comm -23 "$2" "$3" | wc -l)" -eq 0 ] && [ -s "$2" ]' - \
		"$victim" "$T/stamps.others" "$T/stamps.now"
	named_segments "$RC" >"$T/named"
	on_disk_segments "$RC" >"$T/disk"
	t "$2: no stray segment or temporary file" \
		sh -c 'cmp -s "$1" "$2" && ! ls "$3"/*.tmp >/dev/null 2>&1' - "$T/named" "$T/disk" "$RC"
	rk "$FAZHI" search --count 依法行政 "$R" >/dev/null 2>"$T/r.err"
	t "$2: the next search is quiet" sh -c '[ ! -s "$1" ]' - "$T/r.err"
}
victim=$(nth_segment 2)
n=$(u64 "$victim" 40)
at=$(postings_of_pair "$victim")
t "a segment holds the pair 行政 (the case under test)" [ -n "$at" ]
stamps >"$T/stamps"
flip_byte "$victim" "$at"
rk "$FAZHI" search --count 依法行政 "$R" >"$T/r.out" 2>"$T/r.err"
repaired $? "a segment's postings damaged" \
	"^fazhi: index segment damaged (checksum of the postings); $n reports indexed again\$"
victim=$(nth_segment 3)
n=$(u64 "$victim" 40)
stamps >"$T/stamps"
flip_byte "$victim" "$(middle_fence "$victim")"
rk "$FAZHI" search --count 依法行政 "$R" >"$T/r.out" 2>"$T/r.err"
repaired $? "a segment's key table damaged" \
	"^fazhi: index segment damaged (checksum of the tables); $n reports indexed again\$"
for at in segment manifest; do
	victim=$(nth_segment 4)
	n=$(u64 "$victim" 40)
	stamps >"$T/stamps"
	flip_byte "$victim" "$(postings_of_pair "$victim")"
	rk env FAZHI_CRASH_AT=$at "$FAZHI" search --count 依法行政 "$R" >/dev/null 2>&1
	t "kill -9 while the reports of a damaged segment were indexed again (FAZHI_CRASH_AT=$at; the case under test)" \
		sh -c '[ "$1" -eq 137 ] && [ ! -e "$2" ]' - $? "$victim"
	rk "$FAZHI" search --count 依法行政 "$R" >"$T/r.out" 2>"$T/r.err"
	repaired $? "the run after that kill (FAZHI_CRASH_AT=$at)" "^fazhi: index cache .*: index segment missing; $n reports indexed again\$"
done

# Freshness (fazhi(1), FILES): with the index current, no directory is read. A directory whose
# mtime changed tells of files added, removed or renamed in it: the query is answered from the
# old index, without them, and the index is named on stderr as so many files behind (exit 0). A
# file changed in place is found by its own stat before its hits or facts are shown. No hit is
# ever shown from text a file no longer has; --update and fazhi index bring it up to date.
F=$T/tree
mkdir -p "$F/a/b"
cp assets/reports/putuo-2021.txt "$F/a/"
cp assets/reports/wujin-2020.txt assets/reports/jingan-2019.txt "$F/a/b/"
nocache() { env -u XDG_CACHE_HOME -u HOME "$FAZHI" "$@" 2>/dev/null; }
agree() {   # DESCRIPTION: search --count and facts --csv as without a cache, nothing on stderr
	"$FAZHI" search --count 法治 "$F" >"$T/s.idx" 2>"$T/s.err"
	nocache search --count 法治 "$F" >"$T/s.want"
	"$FAZHI" facts --csv "$F" >"$T/f.idx" 2>>"$T/s.err"
	nocache facts --csv "$F" >"$T/f.want"
	t "$1: search and facts as without a cache" \
		sh -c 'cmp -s "$1" "$2" && cmp -s "$3" "$4" && [ -s "$1" ] && [ ! -s "$5" ]' - \
		"$T/s.idx" "$T/s.want" "$T/f.idx" "$T/f.want" "$T/s.err"
}
behind() {   # N: the one line on stderr that names the index N files behind
	[ "$1" -eq 1 ] && files=file || files=files
	grep -q "^fazhi: the index of $F is $1 $files behind (.*); fazhi index $F\$" "$T/s.err" && [ "$(grep -c behind "$T/s.err")" -eq 1 ]
}
updated() {   # DESCRIPTION NAME...: search --update answers as without a cache, naming nothing, each NAME in it
	what=$1
	shift
	"$FAZHI" search --update --count 法治 "$F" >"$T/s.idx" 2>"$T/s.err"
	nocache search --count 法治 "$F" >"$T/s.want"
	named=1
	for name in "$@"; do grep -q "$name" "$T/s.idx" || named=0; done
	t "$what" sh -c '[ "$1" -eq 1 ] && cmp -s "$2" "$3" && [ ! -s "$4" ]' - "$named" "$T/s.idx" "$T/s.want" "$T/s.err"
	agree "after search --update"
}
"$FAZHI" index "$F" >/dev/null
agree "indexed"
"$FAZHI" search --count 法治 "$F" >"$T/before"
"$FAZHI" search 法治 "$F" >"$T/before.text"
if command -v strace >/dev/null 2>&1; then
	strace -f -e trace=getdents64,getdents -o "$T/trace" "$FAZHI" search --count 法治 "$F" >/dev/null 2>&1
	t "with the index current, search reads no directory" sh -c '! grep -q getdents "$1"' - "$T/trace"
fi

cp assets/reports/simen-2022.txt "$F/a/b/added.txt"
"$FAZHI" search --count 法治 "$F" >"$T/s.idx" 2>"$T/s.err"
st=$?
t "a file added: named 1 file behind, added and not searched, exit 0" \
	sh -c '[ "$1" -eq 0 ] && grep -q "(1 added, 0 changed, 0 removed: " "$2"' - "$st" "$T/s.err"
t "a file added: the message says it once, with the command that updates" behind 1
t "a file added: the old index's results, without the new file" cmp -s "$T/s.idx" "$T/before"
"$FAZHI" search 法治 "$F" >"$T/s.text" 2>/dev/null
t "a file added: the old results with their snippets too" cmp -s "$T/s.text" "$T/before.text"
"$FAZHI" facts --csv "$F" >"$T/f.idx" 2>"$T/s.err"
nocache facts --csv "$F" | grep -v added.txt >"$T/f.want"
t "a file added: facts from the old index, the same count named" \
	sh -c 'cmp -s "$1" "$2" && grep -q "is 1 file behind" "$3"' - "$T/f.idx" "$T/f.want" "$T/s.err"
strace_dirs() {   # the directories search opens to read, one a line (O_PATH: to stat a file by, unreadable)
	strace -f -e trace=openat -o "$T/trace" "$FAZHI" search --count 法治 "$F" >/dev/null 2>&1
	grep O_DIRECTORY "$T/trace" | grep -v O_PATH | sed 's/^[^"]*"\([^"]*\)".*/\1/' | sort -u
}
if command -v strace >/dev/null 2>&1; then
	t "a file added: only the directory that changed is read" [ "$(strace_dirs)" = "$F/a/b/" ]
fi
"$FAZHI" index --status "$F" >"$T/out"
t "a file added: index --status gives the same count" grep -q "^1 file behind: 1 added, 0 changed, 0 removed" "$T/out"
updated "search --update: the new file is searched, and nothing is named" added.txt

"$FAZHI" search --count 法治 "$F" >"$T/before"
mv "$F/a/b/added.txt" "$F/a/renamed.txt"
"$FAZHI" search --count 法治 "$F" >"$T/s.idx" 2>"$T/s.err"
t "a file renamed into another directory: 2 files behind (1 added, 1 removed)" \
	sh -c 'grep -q "(1 added, 0 changed, 1 removed: " "$1"' - "$T/s.err"
t "a file renamed: the message once" behind 2
t "a file renamed: hits of neither its old nor its new name" \
	sh -c '! grep -q "added.txt\|renamed.txt" "$1" && [ "$(grep -vc added.txt "$2")" -eq "$(wc -l <"$1")" ]' - "$T/s.idx" "$T/before"
"$FAZHI" index "$F" >/dev/null
agree "after fazhi index"

rm "$F/a/b/wujin-2020.txt"
"$FAZHI" search --count 法治 "$F" >"$T/s.idx" 2>"$T/s.err"
st=$?
t "a file removed: its hits are gone, the rest answered, exit 0" \
	sh -c '[ "$1" -eq 0 ] && ! grep -q wujin "$2" && [ -s "$2" ] && grep -q "(0 added, 0 changed, 1 removed: " "$3"' - "$st" "$T/s.idx" "$T/s.err"
"$FAZHI" search 依法行政 "$F" >"$T/s.text" 2>"$T/s.err"
"$FAZHI" facts --csv "$F" >"$T/f.idx" 2>>"$T/s.err"
t "a file removed: no snippet and no fact of it, and nothing but the one message" \
	sh -c '! grep -q wujin "$1" && ! grep -q wujin "$2" && [ -s "$1" ] && [ "$(wc -l <"$3")" -eq 2 ]' - "$T/s.text" "$T/f.idx" "$T/s.err"
rm -r "$F/a/b"
"$FAZHI" search --count 法治 "$F" >"$T/s.idx" 2>"$T/s.err"
t "a directory removed: the hits of its files are gone too" \
	sh -c '! grep -q jingan "$1" && grep -q putuo "$1" && grep -q "(0 added, 0 changed, 2 removed: " "$2"' - "$T/s.idx" "$T/s.err"
mkdir -p "$F/a/b"
cp assets/reports/wujin-2020.txt assets/reports/jingan-2019.txt "$F/a/b/"
"$FAZHI" index "$F" >/dev/null 2>&1

printf '\n依法行政\n' >>"$F/a/putuo-2021.txt"
"$FAZHI" search --count 法治 "$F" >"$T/s.idx" 2>"$T/s.err"
st=$?
t "a file changed in place is named, not counted from the index (exit 1)" \
	sh -c '[ "$1" -eq 1 ] && ! grep -q putuo "$2" && grep -q "^fazhi: .*/putuo-2021.txt: changed since the directory was read\$" "$3" && [ -s "$2" ]' \
	- "$st" "$T/s.idx" "$T/s.err"
"$FAZHI" search 法治 "$F" >"$T/s.text" 2>/dev/null
t "a file changed in place: no snippet of its old text" sh -c '! grep -q putuo "$1" && [ -s "$1" ]' - "$T/s.text"
"$FAZHI" facts --csv "$F" >"$T/f.idx" 2>"$T/f.err"
t "facts: the file changed in place is named, its old facts not shown" \
	sh -c '! grep -q putuo "$1" && grep -q "putuo-2021.txt: changed since" "$2"' - "$T/f.idx" "$T/f.err"
cp assets/reports/simen-2022.txt "$F/a/new.txt"
"$FAZHI" search --count 法治 "$F" >"$T/s.idx" 2>"$T/s.err"
t "a file changed in a directory that changed: counted among those behind, and its hits never shown" \
	sh -c '! grep -q "putuo\|new.txt" "$1" && grep -q "(1 added, 1 changed, 0 removed: " "$2" && grep -q "putuo-2021.txt: changed since" "$2"' \
	- "$T/s.idx" "$T/s.err"
"$FAZHI" index --status "$F" >"$T/out"
t "status agrees: 2 files behind" grep -q "^2 files behind: 1 added, 1 changed, 0 removed" "$T/out"
updated "search --update re-indexes the file changed in place and counts it" putuo new.txt

# --prune: an index unused for longer than DAYS goes, a recent one stays.
"$FAZHI" index "$D" >/dev/null
old=$(ls "$C"/index-*.bin | head -n 1)
n=$(ls "$C"/index-*.bin | wc -l)
touch -d '100 days ago' "$old"
"$FAZHI" index --prune >"$T/out"
t "prune removes the index unused for 90 days and keeps the others" \
	sh -c '[ ! -e "$1" ] && [ "$(ls "$2"/index-*.bin | wc -l)" -eq $(($3 - 1)) ] && grep -q "^removed 1 index file" "$4"' \
	- "$old" "$C" "$n" "$T/out"
"$FAZHI" index --prune=x >/dev/null 2>"$T/err"
t "--prune=x is a usage error" sh -c '[ "$1" -eq 2 ]' - $?

"$FAZHI" index "$D" "$T/missing" >/dev/null 2>"$T/err"
t "a missing PATH: its one-line message and exit 1, the rest indexed" \
	sh -c '[ "$1" -eq 1 ] && grep -q "^fazhi: $2: No such file or directory\$" "$3"' - $? "$T/missing" "$T/err"

# --limit N still prints N results when one that ranked among them is gone: the search is asked
# for as many more.
G=$T/limit
mkdir -p "$G"
cp assets/reports/putuo-2021.txt assets/reports/wujin-2020.txt assets/reports/jingan-2019.txt "$G/"
"$FAZHI" index "$G" >/dev/null
top=$("$FAZHI" search --count --limit 1 法治 "$G" | cut -f2)
rm "$top"
"$FAZHI" search --count --limit 2 法治 "$G" >"$T/l.count" 2>/dev/null
"$FAZHI" search --limit 2 法治 "$G" >"$T/l.text" 2>/dev/null
t "--limit 2 with the best report removed: still 2 results, without it" \
	sh -c '[ "$(wc -l <"$1")" -eq 2 ] && [ "$(grep -c "hits)\$" "$2")" -eq 2 ] && ! grep -q "$3" "$1" "$2"' - \
	"$T/l.count" "$T/l.text" "$(basename "$top")"


# A directory's fazhi-meta.tsv: a search replaying the walk looks for it only where the indexed
# walk found one, or where the directory changed since (a file added changes its directory's
# mtime); a table added, or one edited in place, corrects the reports as without a cache.
M=$T/meta
mkdir -p "$M/x" "$M/y" "$M/z"
cp assets/reports/putuo-2021.txt "$M/x/"
cp assets/reports/wujin-2020.txt "$M/y/"
cp assets/reports/jingan-2019.txt "$M/z/"
printf 'putuo-2021.txt\tregion\t甲市乙区\n' >"$M/x/fazhi-meta.tsv"
"$FAZHI" index "$M" >/dev/null
meta_agree() {   # DESCRIPTION REGION: facts --csv as without a cache, REGION in it
	"$FAZHI" facts --csv "$M" >"$T/m.idx" 2>/dev/null
	env -u XDG_CACHE_HOME -u HOME "$FAZHI" facts --csv "$M" >"$T/m.want" 2>/dev/null
	t "$1" sh -c 'cmp -s "$1" "$2" && grep -q "$3" "$1"' - "$T/m.idx" "$T/m.want" "$2"
}
meta_agree "a table indexed: its correction is read from the index" 甲市乙区
if command -v strace >/dev/null 2>&1; then
	strace -f -e trace=stat,newfstatat,statx,lstat -o "$T/trace" "$FAZHI" search --count 法治 "$M" >/dev/null 2>&1
	t "with the index current, search looks for a table only where the walk found one" \
		sh -c 'grep -q "/x/fazhi-meta.tsv" "$1" && ! grep -q "/[yz]/fazhi-meta.tsv" "$1"' - "$T/trace"
fi
printf 'wujin-2020.txt\tregion\t丙市丁区\n' >"$M/y/fazhi-meta.tsv"
meta_agree "a table added where there was none: its correction is made" 丙市丁区
printf 'putuo-2021.txt\tregion\t戊市己区\n' >"$M/x/fazhi-meta.tsv"
meta_agree "a table edited in place: the new correction is made" 戊市己区

# The same relative PATH given in two directories names two corpora, even when their files have
# the same names, sizes and mtimes: each is answered from its own index.
for w in A B; do mkdir -p "$T/cwd$w/corpus"; done
cp assets/reports/putuo-2021.txt "$T/cwdA/corpus/a.txt"
sed 's/普陀/静安/g' assets/reports/putuo-2021.txt >"$T/cwdB/corpus/a.txt"
touch -d 2020-01-01 "$T"/cwd?/corpus/a.txt "$T"/cwd?/corpus
F=$(cd "$(dirname "$FAZHI")" && pwd)/$(basename "$FAZHI")
(cd "$T/cwdA" && "$F" search --count 静安 corpus) >"$T/cwd.a1" 2>&1
(cd "$T/cwdB" && "$F" search --count 静安 corpus) >"$T/cwd.b" 2>&1
(cd "$T/cwdA" && "$F" search --count 静安 corpus) >"$T/cwd.a2" 2>&1
t "a relative PATH in another directory is another corpus: its own hits, and the first one's index is kept" \
	sh -c '[ ! -s "$1" ] && grep -qx "[1-9][0-9]*	corpus/a.txt" "$2" && [ ! -s "$3" ]' - "$T/cwd.a1" "$T/cwd.b" "$T/cwd.a2"
# A build from scratch leaves at most one small segment (fazhi(1), FILES, Merge): 300 reports cut
# into segments of 500 kB of input, merged under a cap of 4 MB, end in segments of over half the
# cap and one smaller; an update then adds its own small segment, leaving that one as it was.
sample_copies "$T/mb" 60 m
MB="$T/mbcache"
mb() { XDG_CACHE_HOME="$MB" FAZHI_SEGMENT_BYTES=500000 FAZHI_MERGE_BYTES=4000000 "$FAZHI" "$@"; }
mb index "$T/mb" >/dev/null 2>&1
# The segments whose tables and postings (the blob before the trailer, whose offset ends the file
# and whose size follows its 8-byte magic) are under half the cap, one a line.
small_segments() {
	for f in "$MB"/fazhi/segment-*.bin; do
		at=$(u64 "$f" $(($(stat -c %s "$f") - 8)))
		[ "$(u64 "$f" $((at + 8)))" -lt 2000000 ] && echo "$f"
	done
}
t "a build merges its segments (the case under test: more than one, of over half the cap)" \
	[ "$(ls "$MB"/fazhi/segment-*.bin | wc -l)" -ge 2 ]
t "a build from scratch leaves at most one small segment" [ "$(small_segments | wc -l)" -le 1 ]
built=$(ls "$MB"/fazhi/segment-*.bin | wc -l)
# Killed just before its manifest: the segments it merged away are removed already, so a build
# needs the disk of its segments and of one merge, not of every segment it wrote.
XDG_CACHE_HOME="$T/mbk" FAZHI_SEGMENT_BYTES=500000 FAZHI_MERGE_BYTES=4000000 FAZHI_CRASH_AT=manifest \
	"$FAZHI" index "$T/mb" >/dev/null 2>&1
t "a build killed before its manifest holds only the segments it would name (those merged are gone)" \
	[ "$(ls "$T"/mbk/fazhi/segment-*.bin | wc -l)" -eq "$built" ]
small_segments >"$T/small-before"
sed "1s/\$/ more/" assets/reports/wujin-2020.txt >"$T/mb/more.txt"
mb index "$T/mb" >/dev/null 2>&1
t "an update adds its own small segment, the build's left as it was" \
	sh -c 'while read -r f; do [ -f "$f" ] || exit 1; done <"$1" && [ "$(wc -l <"$2")" -eq $(($(wc -l <"$1") + 1)) ]' \
	- "$T/small-before" "$(small_segments >"$T/small-after"; echo "$T/small-after")"
mb search --count 依法行政 "$T/mb" | sort >"$T/got"
env -u XDG_CACHE_HOME -u HOME "$FAZHI" search --count 依法行政 "$T/mb" | sort >"$T/want"
t "… and the index answers as a search without a cache" sh -c 'cmp -s "$1" "$2" && [ -s "$1" ]' - "$T/got" "$T/want"
# A merge that cannot be written (here a file size limit of 2 MB: sh counts 512-byte blocks, and
# SIGXFSZ ignored makes the write fail with EFBIG) is said; the index is whole, unmerged.
sh -c 'trap "" XFSZ; ulimit -f 4000; exec "$@"' - env XDG_CACHE_HOME="$T/mbf" FAZHI_SEGMENT_BYTES=500000 \
	FAZHI_MERGE_BYTES=4000000 "$FAZHI" index "$T/mb" >"$T/out" 2>"$T/err"
st=$?
t "a merge that cannot be written is named on stderr; the build succeeds" \
	sh -c '[ "$1" -eq 0 ] && grep -q "^indexed 301 reports" "$2" &&
	       grep -q "segments not merged: cannot write .*: File too large; the index is whole, in more segments\$" "$3"' \
	- "$st" "$T/out" "$T/err"
XDG_CACHE_HOME="$T/mbf" "$FAZHI" search --count 依法行政 "$T/mb" 2>"$T/err" | sort >"$T/got"
t "… and that index answers as a search without a cache" \
	sh -c 'cmp -s "$1" "$2" && [ ! -s "$3" ] && [ "$(ls "$4"/segment-*.bin | wc -l)" -gt "$5" ]' \
	- "$T/got" "$T/want" "$T/err" "$T/mbf/fazhi" "$built"

[ "$failures" -eq 0 ]
