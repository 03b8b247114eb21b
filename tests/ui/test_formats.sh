#!/bin/sh
# test_formats.sh — the browser on a folder of reports as governments publish them: a PDF, a Word file, a GBK web page, and a scanned PDF that cannot be read.
. tests/ui/lib.sh

F=tests/fixtures/formats
PUB=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-pub-XXXXXX")
trap 'rm -rf "$PUB"; cleanup' EXIT
cp "$F/pdf/wujin-2020.pdf" "$F/docx/putuo-2021.docx" "$F/html/simen-gb2312.html" "$F/pdf/scanned.pdf" "$PUB"/
cp "$F/pdf/wujin-2020.pdf" "$PUB/renamed.txt"   # a PDF named .txt is still a PDF

title_lacks_pdf() {   # the title bar names a report, never the scanned file
	! row 1 | grep -q "scanned"
}

unreadable_listed() {   # the reports pane has a row "?  ---- $1": a file that could not be read
	pane 1 | grep -q -- "^ *? *-* *$1"
}

list_has() {   # the reports pane has a row starting with region $1 and year $2
	pane 1 | grep -q -- "^ *$1 *$2"
}

for size in "150 45" "80 24"; do
	set -- $size
	start "$1" "$2" "$PUB"
	check "$size: the PDF is in the list with its region and year" list_has "常州市武进区" 2020
	check "$size: so is the Word file" list_has "舟山市普陀区" 2021
	check "$size: and the web page" list_has "余姚市泗门镇" 2022
	check "$size: the scanned PDF is named with its reason" shows "no text layer"
	check "$size: the reader shows text, never PDF syntax" hides "%PDF"
	check "$size: … nor markup" hides "<p"
	keys j j j
	check "$size: the Word file opens" title_has "舟山市普陀区 2021"
	check "$size: its automatic numbering makes chapters" pane_shows 2 "一、2021年度"
	keys G
	check "$size: the unreadable file never leaves another report's text as its own" title_lacks_pdf
	check "$size: nothing spills over the screen" fits
done

# Without libxml2 the browser still opens: the PDFs load, the web page and the Word file are
# listed as unreadable, and the web page's row names the library and the package to install.
for size in "150 45" "80 24"; do
	set -- $size
	WITH="FAZHI_LIBXML2_LIBRARY=libfazhi-test-no-libxml2.so.2" start "$1" "$2" "$PUB"
	check "$size: without libxml2 the PDF still loads" list_has "常州市武进区" 2020
	keys G
	if [ "$1" -ge 150 ]; then
		check "$size: … and the web page is listed as unreadable" unreadable_listed simen-gb2312.html
		check "$size: its row names the library and the package to install" \
			status_has "simen-gb2312.html: cannot read HTML: libfazhi-test-no-libxml2.so.2 not found (apt-get install libxml2)"
	else
		check "$size: its row says why" status_has "simen-gb2312.html: cannot read HTML"
	fi
	check "$size: nothing spills over the screen" fits
done

# Converted text is kept in the cache: the second run reads it, and prints the same.
CACHE="$PUB/cache"
outline() { XDG_CACHE_HOME="$CACHE" "$FAZHI" outline --json "$F/pdf/wujin-2020.pdf" "$F/docx/putuo-2021.docx"; }
first=$(outline)
entries() { ls "$CACHE/fazhi/text" 2>/dev/null | grep -c '\.txt$'; }
check "converted text is kept in the cache, one entry per file" test "$(entries)" -eq 2
second=$(outline)
check "a second run from the cache prints the same" test "$first" = "$second"
check "and converts nothing again" test "$(entries)" -eq 2

# Where a converter's library is missing, its files fail with the package to install, and the
# rest load. Each case has a cache of its own, so no text converted before hides the loss.
without() {   # $1 = the override variable, $2 = the missing file it names
	env "$1=$2" XDG_CACHE_HOME="$PUB/no-$2" "$FAZHI" outline "$F/pdf/wujin-2020.pdf" \
		"$F/docx/putuo-2021.docx" "$F/html/simen-gb2312.html" 2>&1
}
names() {   # $1 $2 as for without, $3 = a line it prints
	without "$1" "$2" | grep -qF -- "$3"
}
loads() {   # $1 $2 as for without, $3 = the region of a report that loads
	without "$1" "$2" | grep -q "region: *$3"
}
check "without poppler-glib the PDF is named with the package to install" \
	names FAZHI_POPPLER_LIBRARY libfazhi-test-no-poppler.so.8 \
	"wujin-2020.pdf: cannot read PDF: libfazhi-test-no-poppler.so.8 not found (apt-get install libpoppler-glib8)"
check "… and the Word file still loads" loads FAZHI_POPPLER_LIBRARY libfazhi-test-no-poppler.so.8 "舟山市普陀区"
check "… and the web page" loads FAZHI_POPPLER_LIBRARY libfazhi-test-no-poppler.so.8 "余姚市泗门镇"
check "without libxml2 the web page is named with the package to install" \
	names FAZHI_LIBXML2_LIBRARY libfazhi-test-no-libxml2.so.2 \
	"simen-gb2312.html: cannot read HTML: libfazhi-test-no-libxml2.so.2 not found (apt-get install libxml2)"
check "… so is the Word file, whose XML it reads" \
	names FAZHI_LIBXML2_LIBRARY libfazhi-test-no-libxml2.so.2 \
	"putuo-2021.docx: cannot read Word document: libfazhi-test-no-libxml2.so.2 not found (apt-get install libxml2)"
check "… and the PDF still loads" loads FAZHI_LIBXML2_LIBRARY libfazhi-test-no-libxml2.so.2 "常州市武进区"
check "without libzip the Word file is named with the package to install" \
	names FAZHI_LIBZIP_LIBRARY libfazhi-test-no-libzip.so.4 \
	"putuo-2021.docx: cannot read Word document: libfazhi-test-no-libzip.so.4 not found (apt-get install libzip4)"
check "… and the web page still loads" loads FAZHI_LIBZIP_LIBRARY libfazhi-test-no-libzip.so.4 "余姚市泗门镇"
finish
