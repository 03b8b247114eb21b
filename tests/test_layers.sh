#!/bin/sh
# Holds the layering of STYLE.md: the model never includes curses or a front-end header,
# never prints and never exits (bar xmalloc on OOM); only include/ui.h includes curses.
cd "$(dirname "$0")/.."
fails=0
check() {  # $1 = description, $2 = offending lines (empty when fine)
	if [ -z "$2" ]; then
		echo "PASS: $1"
	else
		echo "FAIL: $1"
		echo "$2" | sed 's/^/    /'
		fails=$((fails + 1))
	fi
}

model=$(ls src/*.c | grep -v -e '^src/ui' -e '^src/cli' -e '^src/main.c$')
check "model sources include no curses or front-end header" \
	"$(grep -n -E '#include *[<"](n?curses|ncursesw/|ui\.h|ui_|cli\.h|main\.h)' $model)"
check "only include/ui.h includes curses" \
	"$(grep -l -E '#include *[<"](n?curses|ncursesw/)' include/*.h | grep -v '^include/ui.h$')"
check "model sources do not print" \
	"$(grep -n -E '\b(printf|puts|fputs|putchar|perror)\(|\bstd(out|err)\b' $model | grep -v '^src/xmalloc.c:')"
check "model sources do not exit" \
	"$(grep -n -E '\b(exit|_exit|abort)\(' $model | grep -v '^src/xmalloc.c:')"
check "every header opens with a one-line statement of its concern" \
	"$(for h in include/*.h; do head -n 1 "$h" | grep -q -E '^/\* [a-z_0-9]+\.h — .+' || echo "$h"; done)"
check "every source file opens with a one-line statement of its purpose" \
	"$(for c in src/*.c; do head -n 1 "$c" | grep -q -E '^/\* [a-z_0-9]+\.c — .+' || echo "$c"; done)"
check "README's code map names every source file" \
	"$(for c in src/*.c; do b=${c#src/}; grep -q -E "\`(src/)?${b%.c}\.c\`" README.md || echo "$c"; done)"
# No pane or view calls another: each of them (the ui_*.c files but the hub ui.c and the kits
# ui_draw.c and ui_prompt.c, which every one may use) is reached only through ui.c. Its exported
# names are those defined at the start of a line without `static`.
owned() {  # the functions and tables a file exports
	grep -o -E '^[a-z][a-z_ ]*[ *]ui_[a-z_0-9]+ *(\(|=)' "$1" | grep -v '^static' |
		sed -E 's/.*(ui_[a-z_0-9]+) *[(=]$/\1/' | sort -u
}
callers=$(for f in src/ui_*.c; do
	case $f in src/ui_draw.c|src/ui_prompt.c) continue ;; esac
	for name in $(owned "$f"); do
		for g in src/ui_*.c; do
			[ "$g" = "$f" ] && continue
			grep -n -w -H "$name" "$g" | sed "s|\$|   (owned by $f)|"
		done
	done
done)
check "no pane or view calls another pane's or view's functions (they go through ui.c)" "$callers"
check "the pane-and-view rule sees the panes' functions" \
	"$(owned src/ui_reader.c | grep -q -x ui_find_open || echo 'ui_find_open not found in src/ui_reader.c')"

[ "$fails" -eq 0 ]
