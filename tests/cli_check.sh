# cli_check.sh — sourced by the shell tests of the command line: $FAZHI to run, a scratch directory $T removed at exit, and t DESC CMD... printing PASS or FAIL.
#
# The test ends with [ "$failures" -eq 0 ] so that its exit status is 1 when any check failed.
BUILD=${BUILD:-build}
FAZHI=${FAZHI:-$BUILD/fazhi}
export LC_ALL=C.UTF-8
failures=0
T=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-cli-XXXXXX")
trap 'rm -rf "$T"' EXIT

t() {
	desc=$1
	shift
	if "$@"; then
		echo "PASS: $desc"
	else
		echo "FAIL: $desc"
		failures=$((failures + 1))
	fi
}

# Compiles a locale whose decimal point is a comma (de_DE.UTF-8, from the package locales) into
# $T/locale, for LOCPATH="$T/locale" LC_ALL=de_DE.UTF-8; fails when it cannot.
comma_locale() {
	mkdir -p "$T/locale" && localedef -i de_DE -f UTF-8 "$T/locale/de_DE.UTF-8" >/dev/null 2>&1 &&
		[ "$(LOCPATH="$T/locale" LC_ALL=de_DE.UTF-8 /usr/bin/printf '%.1f' 1.5)" = "1,5" ]
}
