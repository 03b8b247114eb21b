# segment_files.sh — sourced by the shell tests and benches that build many-segment indexes and
# damage their files: copies of the samples to index, and reading and flipping bytes of a cache
# file (layouts in include/index_blob.h and src/index_cache.c: of a segment's head, ndocs at byte
# 40, nkeys 48, keys_off 80, post_off 128, fences_off 152 (a u64 key every 128 keys, the
# first read of every lookup); a key is 24 bytes: u64 key, u64 offset of its postings, u32
# length, u32 df; a manifest names its segments' u64 ids after its 88-byte head,
# their number at byte 40). Run from the top of the source tree.

# DIR N TAG: N copies of each sample in DIR, told apart by TAG and their number on the first line.
sample_copies() {
	mkdir -p "$1"
	i=0
	while [ "$i" -lt "$2" ]; do
		for f in assets/reports/*.txt; do
			sed "1s/\$/ $3$i/" "$f" >"$1/$i-$(basename "$f")"
		done
		i=$((i + 1))
	done
}

u64() { od -A n -t u8 -j "$2" -N 8 "$1" | tr -d ' '; }   # FILE OFFSET: the u64 there

flip_byte() {   # FILE OFFSET: one bit of the byte there flipped
	b=$(od -A n -t u1 -j "$2" -N 1 "$1" | tr -d ' ')
	printf "\\$(printf %o $((b ^ 16)))" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

# WHERE SEGMENT...: one byte of every digest flipped in each segment file, where index_cache.c's
# layout puts them: the last byte of the whole digest (WHERE "rest": its facts and paragraphs), or
# of the copy of its head (WHERE "head"), which the rows and printed results are read from.
flip_digests() {
	python3 - "$@" <<'PY'
import struct, sys
where = sys.argv[1]
for path in sys.argv[2:]:
    b = bytearray(open(path, 'rb').read())
    at = struct.unpack_from('<Q', b, len(b) - 8)[0]
    # struct trailer: magic, then blob_size block nblocks notes_len ndocs dirs_len digests_len sum
    # table_block ntblocks; then sums[nblocks], table_sums[ntblocks], notes, stats[ndocs] (32 bytes)
    f = struct.unpack_from('<8x10Q', b, at)
    nblocks, notes_len, ndocs, dirs_len, ntblocks = f[2], f[3], f[4], f[5], f[9]
    slots = at + 8 + 80 + 8 * nblocks + 8 * ntblocks + notes_len + 32 * ndocs
    digests = slots + 48 * ndocs + dirs_len
    for k in range(ndocs):
        off, n, _, head_off, head, _ = struct.unpack_from('<6Q', b, slots + 48 * k)
        b[digests + (off + n - 1 if where == 'rest' else head_off + head - 1)] ^= 0x55
    open(path, 'wb').write(b)
PY
}

# The offset in segment file $1 of the first byte of the postings of the pair 行政 in the body
# (KEY_PAIR | U+884C << 31 | U+653F), which a search for 依法行政 reads, however they are cut
# into checked blocks; empty when it has none.
postings_of_pair() {
	python3 - "$1" $(((1 << 62) | (0x884C << 31) | 0x653F)) <<'PY'
import struct, sys
path, want = sys.argv[1], int(sys.argv[2])
with open(path, 'rb') as f:
    head = f.read(144)
    nkeys, keys_off, post_off = [struct.unpack_from('=Q', head, at)[0] for at in (48, 80, 128)]
    f.seek(keys_off)
    table = f.read(nkeys * 24)
for i in range(nkeys):
    key, off = struct.unpack_from('=QQ', table, 24 * i)
    if key == want:
        print(post_off + off)
        break
PY
}

# SEG: the offset of the middle fence of segment file SEG, which every key lookup reads first.
middle_fence() {
	echo $(($(u64 "$1" 152) + ($(u64 "$1" 48) + 127) / 128 / 2 * 8))
}
