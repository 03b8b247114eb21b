#!/bin/sh
# bench_frame.sh — CPU time to lay out and draw a page of the largest sample, from the browser's own counters.
# Figures only: nothing here passes or fails. Runs the browser in tmux at 150×45 on
# jingan-2019 (the largest sample), pages through it and back, resizes three times (each a
# new layout), quits, and prints the line FAZHI_FRAME_STATS makes the browser write.
cd "$(dirname "$0")/../.."
. tests/ui/lib.sh
largest=$(ls -S assets/reports/*.txt | head -n 1)
WITH="FAZHI_FRAME_STATS=1" start 150 45 "$largest"
keys Tab Tab
i=0
while [ "$i" -lt 100 ]; do keys Space; i=$((i + 1)); done
while [ "$i" -gt 0 ]; do keys k; i=$((i - 1)); done
for s in 120x35 80x24 150x45; do
	resize "${s%x*}" "${s#*x}"
	sleep 0.2
done
keys q
tries=100
while ! shows "EXIT=" && [ "$tries" -gt 0 ]; do sleep 0.05; tries=$((tries - 1)); done
echo "browser, $largest at 150x45:"
screen | grep "frames" | sed 's/^fazhi: /  /'
