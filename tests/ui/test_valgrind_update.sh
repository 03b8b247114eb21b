#!/bin/sh
# test_valgrind_update.sh — the browser under valgrind while it updates a stale index in the background and opens the corpus again (marks, the search in the reader, the corpus search): no leak, no invalid read or write.
. tests/ui/lib.sh
. tests/ui/valgrind_lib.sh

# The samples indexed, then one report added and one removed: the index is 2 files behind.
D=$V/corpus
mkdir -p "$D" "$V/cache"
cp assets/reports/*.txt "$D/"
XDG_CACHE_HOME=$V/cache "$FZ" index "$D" >/dev/null
sed 's/普陀区/岱山县/g; s/普陀/岱山/g' assets/reports/putuo-2021.txt >"$D/daishan-2021.txt"
rm "$D/jingan-2019.txt"

WITH="XDG_CACHE_HOME=$V/cache" start 120 35 "$D"
check "valgrind: the browser is up" shows "常州市武进区"
slow m a / 行 政 Enter s 复 议 Escape
check "valgrind: the update ends and the corpus is opened again: the added report is listed" shows "舟山市岱山县"
check "valgrind: the removed one is not" hides "jingan-2019.txt"
slow "'" a n s 行 Enter Escape j q
check "valgrind: q quits with status 0" exited 0
verdict
finish
