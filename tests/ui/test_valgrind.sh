#!/bin/sh
# test_valgrind.sh — a scripted browser session under valgrind (open, move, resize, search, quit): no leak, no invalid read or write.
. tests/ui/lib.sh
. tests/ui/valgrind_lib.sh

WITH="XDG_CACHE_HOME=$V/cache" start 100 30 assets/reports tests/fixtures/loader/escapes.txt
check "valgrind: the browser is up" shows "舟山市普陀区"
slow j j Enter Tab j j Enter J J G g
resize 60 20
resize 1 1
resize 30 8
resize 140 45
settle
check "valgrind: after resizes down to 1×1 the layout is back" title_has "fazhi •"
slow / 法 治 Enter n n N Escape
slow s 复 议
check "valgrind: the corpus search answers" shows "Search all reports: 复议"
slow Down Enter Escape Escape Escape q
check "valgrind: q quits (status 0)" shows "EXIT=0"

verdict
finish
