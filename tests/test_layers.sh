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
[ "$fails" -eq 0 ]
