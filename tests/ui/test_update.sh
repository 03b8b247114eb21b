#!/bin/sh
# test_update.sh — a stale index updated by the browser in the background: the stale message and the progress on the status line, keys answered meanwhile, the list and the search on the new index, q stopping the update cleanly, --no-update.
. tests/ui/lib.sh

WORK=$STATE_HOME/work   # removed with the rest at exit
POOL=$WORK/pool
mkdir -p "$POOL"
# Large reports (a sample 300 times, 8 MB), so that the update takes a while; hard links of one file.
n=0
while [ "$n" -lt 300 ]; do
	cat assets/reports/wujin-2020.txt
	n=$((n + 1))
done >"$POOL/big.txt"
# A report of 舟山市岱山县 with a phrase no sample has: what the update adds.
PHRASE=海上花园试验区示范工程
sed "s/普陀区/岱山县/g; s/普陀/岱山/g; s/2021年以来/2021年以来,${PHRASE}启动/" assets/reports/putuo-2021.txt >"$POOL/daishan-2021.txt"

# stale NAME: a directory of the samples, indexed in its own cache, then 5 reports added
# (岱山县 and four large ones) and one removed (静安区): the index is 6 files behind.
stale() {
	D=$WORK/$1 CACHE=$WORK/cache-$1
	mkdir -p "$D/big" "$CACHE"
	cp assets/reports/*.txt "$D/"
	XDG_CACHE_HOME=$CACHE "$FAZHI" index "$D" >/dev/null
	for k in 1 2 3 4; do
		ln "$POOL/big.txt" "$D/big/w$k.txt"
	done
	cp "$POOL/daishan-2021.txt" "$D/"
	rm "$D/jingan-2019.txt"
}

updating() {
	status_has "updating the index"
}

# A key answered while the update goes on: j in the reports pane opens the next report.
answered_meanwhile() {
	title_has "常州市武进区 2020" && updating
}

no_child() {
	! pgrep -f -- "--progress-fd 2 -- $D" >/dev/null
}

no_temp_file() {
	! ls "$CACHE/fazhi" | grep -q '\.tmp$'
}

# The removed report, a failed entry: no region, no year, listed last.
failed_listed() {
	pane 1 | grep -q '^ ? *----'
}

list_has() {
	pane_shows 1 "$1"
}

list_hides() {
	pane_hides 1 "$1"
}

for size in ${SIZES:-150x45 80x24}; do
	w=${size%x*} h=${size#*x}

	# ---- the update, and the browser meanwhile ----
	stale "up-$size"
	WITH="XDG_CACHE_HOME=$CACHE" start "$w" "$h" "$D"
	check "$size: the status line says the index is being updated" updating
	check "$size: and how far behind it was" status_has "6 files behind"
	check "$size: the removed report is still listed, as a failed file" failed_listed
	check "$size: the added one is not yet" list_hides "岱山县"
	keys j
	check "$size: j opens the next report while the update goes on" answered_meanwhile
	keys '?'
	check "$size: ? opens the help meanwhile" title_has "Help"
	WAIT=90 check "$size: the update ends while the help is up, and waits for it" \
		status_has "the list shows it when this view closes"
	keys Escape
	check "$size: back in the panes, the index is up to date" status_has "the index is up to date: 9 reports"
	check "$size: the added report is listed" list_has "舟山市岱山县"
	check "$size: the removed one is not" eval '! failed_listed'
	check "$size: nor its file name" list_hides "jingan-2019.txt"
	check "$size: the open report stays open" title_has "常州市武进区 2020"
	check "$size: no update is left running" no_child
	keys s
	check "$size: s opens the search view" title_has "fazhi • Search"
	keys -l "$PHRASE"
	check "$size: the search finds the added report's text" shows "舟山市岱山县"
	keys Escape q
	check "$size: q quits with status 0" exited 0

	# ---- q while updating ----
	stale "quit-$size"
	WITH="XDG_CACHE_HOME=$CACHE" start "$w" "$h" "$D"
	check "$size: the update starts" updating
	keys q
	check "$size: q during the update quits with status 0" exited 0
	check "$size: the update is stopped and reaped" no_child
	check "$size: and leaves no temporary file" no_temp_file
	check "$size: the index left is the old one, consistent: fazhi index --status says it is 6 files behind" \
		sh -c 'XDG_CACHE_HOME="$1" "$2" index --status "$3" | grep -q "^6 files behind: 5 added, 0 changed, 1 removed"' \
		- "$CACHE" "$FAZHI" "$D"

	# ---- the update fails ----
	stale "fail-$size"
	WITH="XDG_CACHE_HOME=$CACHE" start "$w" "$h" "$D"
	check "$size: the update starts" updating
	child=$(pgrep -f -- "--progress-fd 2 -- $D")
	[ -n "$child" ] && kill -9 $child
	check "$size: an update killed: the status line says it failed, in one line" \
		status_has "the index update failed: killed by signal 9"
	check "$size: the list stays the old one" failed_listed
	check "$size: the failed update leaves no temporary file" no_temp_file
	keys j
	check "$size: the browser goes on: j opens the next report" title_has "常州市武进区 2020"
	keys q
	check "$size: q quits with status 0" exited 0

	# ---- --no-update ----
	WITH="XDG_CACHE_HOME=$CACHE" start "$w" "$h" --no-update "$D"
	check "$size: --no-update: the status line says the index is behind" status_has "the index is 6 files behind"
	check "$size: --no-update: and how to update it" status_has "fazhi index updates it"
	check "$size: --no-update: no update runs" no_child
	keys q
	check "$size: --no-update: q quits" exited 0
done

finish
