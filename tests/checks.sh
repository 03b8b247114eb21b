# checks.sh — for shell tests to source: t DESCRIPTION COMMAND... runs COMMAND, prints "PASS: DESCRIPTION" or "FAIL: DESCRIPTION", and counts the failures in $failures.
failures=${failures:-0}

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
