#!/bin/sh
# test_valgrind_views.sh — the overview, district and chart views under valgrind (open, sort, chart, years, read, resize, back): no leak, no invalid read or write.
. tests/ui/lib.sh
. tests/ui/valgrind_lib.sh

WITH="XDG_CACHE_HOME=$V/cache" start 100 30 assets/reports/putuo-2021.txt tests/trend/putuo-2022.txt \
	tests/trend/putuo-2023.txt tests/ui/no-such-report.txt
check "valgrind: the browser is up" shows "舟山市普陀区"
slow O
check "valgrind: the overview has read every row" status_has "3 reports, 1 failed"
slow '>' '>' r j D
check "valgrind: D from the overview opens the district view" title_has "fazhi • District"
slow j b
check "valgrind: b charts a metric" title_has "fazhi • Chart"
resize 60 20
settle
slow Escape '<' '>'
resize 100 30
slow G k Enter
check "valgrind: Enter on a sentence reads it in the reader" title_has "fazhi • Reader"
slow O Enter j Enter Tab Space Space Space c f j b
check "valgrind: b charts a key figure" title_has "fazhi • Chart"
slow Escape Escape Escape q
check "valgrind: q quits" shows "EXIT="

verdict
finish
