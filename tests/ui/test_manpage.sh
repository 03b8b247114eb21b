#!/bin/sh
# test_manpage.sh — fazhi.1 documents every key of the browser's key table, every option and every command.
. tests/cli_check.sh
MAN=assets/fazhi.1

# roff spells - as \- and ' as \(aq; a key is set in bold at the start of a .TP item.
roff() {
	printf '%s' "$1" | sed "s/-/\\\\\\\\-/g; s/'/\\\\\\\\(aq/g; s/\\[/\\\\[/g; s/\\]/\\\\]/g; s/\\?/\\\\?/g; s/+/\\\\+/g"
}
documented_key() {
	pat=$(roff "$1")
	grep -q "^\.B[IR]* \(.*\" *\)\?$pat\( \|\"\|\$\)" "$MAN"
}

# The key names, as the table in src/ui.c spells them: { code, fkey, "NAME", UI_... }.
names=$(sed -n 's/^	{ [^"]*, [01], "\(.*\)", UI_[A-Z_]*, .*/\1/p' src/ui.c | sort -u)
count=$(printf '%s\n' "$names" | grep -c .)
t "the key names are read from the key table in src/ui.c ($count, at least 30)" [ "$count" -ge 30 ]
printf '%s\n' "$names" | {
	while IFS= read -r k; do
		t "fazhi.1 documents the key $k" documented_key "$k"
	done
	exit $failures
}
failures=$?

for opt in ambiwidth=single color=auto no\\\\-mouse help version; do
	t "fazhi.1 documents --$opt" grep -q "\\\\-\\\\-$opt" "$MAN"
done
for cmd in outline search compare facts trend index table check; do
	t "fazhi.1 has $cmd in the synopsis" grep -q "^\.B fazhi $cmd\$" "$MAN"
	t "fazhi.1 describes $cmd under COMMANDS" grep -q "^\.BI $cmd " "$MAN"
done
for var in NO_COLOR XDG_STATE_HOME TERM; do
	t "fazhi.1 describes the variable $var" grep -q "^\.B $var\$" "$MAN"
done
[ "$failures" -eq 0 ]
