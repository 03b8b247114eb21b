# measure.sh — sourced by the bench scripts: peak memory of a command and the size of a built index.

# Runs CMD... with its peak resident memory in KB written to the file $1 ("?" without GNU time).
peak_run() {
	peak_file=$1
	shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%M' -o "$peak_file" "$@"
	else
		"$@"
		echo "?" >"$peak_file"
	fi
}

# The bytes of the index files under the cache directory $1 (an XDG_CACHE_HOME).
index_bytes() {
	du -cb "$1"/fazhi/index-*.bin "$1"/fazhi/segment-*.bin | tail -n 1 | cut -f1
}

# The number of index segments under the cache directory $1.
index_segments() {
	ls "$1"/fazhi/segment-*.bin | wc -l
}
