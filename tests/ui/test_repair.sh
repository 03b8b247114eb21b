#!/bin/sh
# test_repair.sh — the browser over a cached index with a damaged segment: the search that meets it indexes that segment's reports again, says so on the status line, and lists what `fazhi search --count` lists; at 150×45 and 80×24.
. tests/ui/lib.sh
. tests/segment_files.sh

# 300 reports (60 copies of each sample, told apart by their first line), indexed in segments of
# 1 MB of input, whose postings fit in one checked block: any search of a segment reads it.
D=$STATE_HOME/reports
X=$STATE_HOME/xdg
sample_copies "$D" 60 r
XDG_CACHE_HOME=$X FAZHI_SEGMENT_BYTES=1000000 FAZHI_MERGE_BYTES=0 "$FAZHI" index "$D" >/dev/null 2>&1
C=$X/fazhi

# The N-th segment the manifest names (its ids follow the 88-byte head), as a file.
nth_segment() {
	m=$(ls "$C"/index-*.bin | head -n 1)
	echo "$C/segment-$(od -A n -t x8 -j $((88 + 8 * ($1 - 1))) -N 8 "$m" | tr -d ' ').bin"
}
# The search view's summary for QUERY as `fazhi search --count` counts it without a cache.
summary_of() {
	out=$(env -u XDG_CACHE_HOME -u HOME "$FAZHI" search --count "$1" "$D" 2>/dev/null)
	reports=$(printf '%s\n' "$out" | grep -c .)
	hits=$(printf '%s\n' "$out" | awk -F'\t' '{ n += $1 } END { print n }')
	echo " $reports reports, $hits hits"
}
Q=依法行政
want=$(summary_of "$Q")
check "the index is cut into segments (the case under test)" [ "$(ls "$C"/segment-*.bin | wc -l)" -ge 6 ]

# The offset in segment file $1 of the entry of key $2 (a decimal u64) in its key table.
key_entry() {
	python3 - "$1" "$2" <<'PY'
import struct, sys
path, want = sys.argv[1], int(sys.argv[2])
with open(path, 'rb') as f:
    head = f.read(144)
    nkeys, = struct.unpack_from('=Q', head, 48)
    keys_off, = struct.unpack_from('=Q', head, 80)
    f.seek(keys_off)
    table = f.read(nkeys * 24)
for i in range(nkeys):
    if struct.unpack_from('=Q', table, 24 * i)[0] == want:
        print(keys_off + 24 * i + 8)
        break
PY
}
# The key of the pair 行政 in the body (KEY_PAIR | U+884C << 31 | U+653F): typed last, so only the
# search of the whole query reads its block of the key table, and the status line keeps what
# that search said (each key typed clears it).
PAIR=$(((1 << 62) | (0x884C << 31) | 0x653F))

# W H N: segment N damaged in the entry of that key, then the query typed in the browser's
# search view at W×H.
search_through() {
	victim=$(nth_segment "$3")
	n=$(u64 "$victim" 40)
	at=$(key_entry "$victim" "$PAIR")
	check "$1×$2: segment $3 holds the pair 行政 (the case under test)" [ -n "$at" ]
	flip_byte "$victim" "$at"
	WITH="XDG_CACHE_HOME=$X FAZHI_SEGMENT_BYTES=1000000 FAZHI_MERGE_BYTES=0" start "$1" "$2" "$D"
	keys s
	check "$1×$2: s opens the search view" title_has "fazhi • Search"
	keys -l "$Q"
	if [ "$1" -ge 150 ]; then
		check "$1×$2: the status line says what was damaged and how many reports were indexed again" \
			status_has "index segment damaged (checksum of the tables); $n reports indexed again"
	else
		check "$1×$2: the status line says what was damaged" status_has "index segment damaged"
	fi
	check "$1×$2: the damaged file is gone" [ ! -e "$victim" ]
	check "$1×$2: the screen fits" fits
	keys C-u
	keys -l "$Q"
	keys Enter G   # the last result: every report proved
	check "$1×$2: the view counts what fazhi search --count counts ($want)" status_has "$want"
	keys Escape q
	check "$1×$2: q quits with status 0" exited 0
}
search_through 150 45 2
search_through 80 24 3

finish
