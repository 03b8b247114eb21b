#!/bin/sh
# make_loader_fixtures.sh — regenerates tests/fixtures/loader/ from assets/reports: the same
# reports in other encodings and line ends, and small files that are broken on purpose.
# Run from anywhere; needs iconv and perl. The output is committed, so the tests never run it.
set -eu
cd "$(dirname "$0")/.."
src=assets/reports
out=tests/fixtures/loader
mkdir -p "$out"
crlf() { perl -pe 's/\n/\r\n/g'; }
cr() { perl -pe 's/\n/\r/g'; }

# The same text in GB18030 with CRLF line ends, in GB18030 with LF, and as UTF-8 with a BOM
# and old Mac CR line ends: each must decode to exactly its UTF-8 original.
iconv -f UTF-8 -t GB18030 "$src/putuo-2021.txt" | crlf >"$out/putuo-2021.gb18030-crlf.txt"
iconv -f UTF-8 -t GB18030 "$src/simen-2022.txt" >"$out/simen-2022.gb18030.txt"
{ printf '\357\273\277'; cr <"$src/wujin-2020.txt"; } >"$out/wujin-2020.bom-cr.txt"

# Mixed encodings: a UTF-8 report in which one paragraph was pasted in GB18030.
{
	sed -n '1,26p' "$src/zhanjiang-etdz-2022.txt"
	sed -n '27p' "$src/zhanjiang-etdz-2022.txt" | iconv -f UTF-8 -t GB18030
	sed -n '28,$p' "$src/zhanjiang-etdz-2022.txt"
} >"$out/zhanjiang-etdz-2022.mixed.txt"

# Stray bytes: a lone continuation byte, an overlong "/", a UTF-16 surrogate, Latin-1 "é",
# and a sequence cut off by the end of the file.
printf '%s\n' \
	'某区2023年法治政府建设年度报告' \
	'一、主要工作' \
	"（一）完善制度体系。全年制定规范性文件$(printf '\200')12件，清理$(printf '\300\257')文件。" \
	"（二）严格执法。开展执法检查$(printf '\355\240\200')38次，caf$(printf '\351') 检查。" \
	'二、存在问题' >"$out/invalid-utf8.txt"
printf '执法人员培训不足%s' "$(printf '\346\263')" >>"$out/invalid-utf8.txt"

# A report that tries to drive the terminal: set the title (OSC 0), clear the screen (CSI 2J),
# colour, a hyperlink (OSC 8), a C1 CSI (U+009B), bidi overrides and isolates, a zero-width
# space, a BEL and a backspace.
printf '%s\n' \
	"恶意报告$(printf '\033]0;pwned\007')标题" \
	"一、$(printf '\033[2J\033[H')总体情况" \
	"正文$(printf '\033[31m')红色$(printf '\033[0m')，链接$(printf '\033]8;;http://example.com\033\\')点击$(printf '\033]8;;\033\\')。" \
	"二、顺序$(printf '\342\200\256')颠倒$(printf '\342\200\254')与$(printf '\342\201\246')隔离$(printf '\342\201\251')" \
	"C1$(printf '\302\233')31m零宽$(printf '\342\200\213')字符$(printf '\007\010')结束" >"$out/escapes.txt"

# Not text: nothing at all, and bytes with NULs (the start of a PNG).
: >"$out/empty.txt"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001' >"$out/binary.txt"
