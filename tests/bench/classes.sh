# classes.sh — sourced by the bench scripts: the query classes of tests/bench/bench.c, one a line,
# class|fazhi's query|the other tools' words. The others get a half-width + in the mixed one, as
# the corpus has it: neither folds widths.
classes='frequent 2-char word|法治|法治
4-char word|行政复议|行政复议
rare 4-char name|欧阳明远|欧阳明远
10-char phrase|法治政府建设实施纲要|法治政府建设实施纲要
half/full-width mix|互联网＋监管|互联网+监管
two-term AND|行政复议 行政诉讼|行政复议 行政诉讼
absent word|量子纠缠|量子纠缠'
