#!/bin/sh
# make install puts the program, its man page and the sample corpus under DESTDIR/PREFIX,
# and the installed program runs from there.
cd "$(dirname "$0")/.."
fails=0
dest=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-install-XXXXXX")
trap 'rm -rf "$dest"' EXIT
check() {  # $1 = description, then a command
	d=$1; shift
	if "$@" >/dev/null 2>&1; then echo "PASS: $d"; else echo "FAIL: $d"; fails=$((fails + 1)); fi
}
make --no-print-directory -s install DESTDIR="$dest" PREFIX=/opt/fz >/dev/null
check "the program is installed and executable" test -x "$dest/opt/fz/bin/fazhi"
check "the man page is installed" test -s "$dest/opt/fz/share/man/man1/fazhi.1"
check "the five sample reports are installed" \
	test "$(ls "$dest/opt/fz/share/fazhi/reports/"*.txt | wc -l)" -eq 5
check "the installed program answers --version" sh -c "'$dest/opt/fz/bin/fazhi' --version | grep -q '^fazhi [0-9]'"
check "the installed program outlines an installed sample" \
	sh -c "'$dest/opt/fz/bin/fazhi' outline '$dest/opt/fz/share/fazhi/reports/jingan-2019.txt' | grep -q '4/27/30'"
if command -v ldd >/dev/null 2>&1; then   # each shared library costs every process about 0.5 ms
	check "the program maps no math library (mathfn.h has what it uses)" \
		sh -c "! ldd '$dest/opt/fz/bin/fazhi' | grep -q 'libm\\.so'"
fi
if command -v man >/dev/null 2>&1; then
	check "the man page renders without warnings" \
		sh -c "test -z \"\$(MANWIDTH=80 man --warnings -l '$dest/opt/fz/share/man/man1/fazhi.1' 2>&1 >/dev/null)\""
fi
[ "$fails" -eq 0 ]
