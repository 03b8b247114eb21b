/* fuzz_wrap.c — libFuzzer target: wrapping any clean text never exceeds the width or loses text. */
#include <stdint.h>
#include <stdlib.h>

#include "encoding.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t width = 2 + data[0] % 80;
	size_t len;
	char *s = encoding_clean((const char *)data + 1, size - 1, &len);
	struct text_lines lines = { 0 };
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != '\n')
			continue;
		lines.n = 0;
		text_wrap(s + start, i - start, width, start, &lines);
		size_t prev = start;
		for (size_t k = 0; k < lines.n; k++) {
			const struct text_line *l = &lines.line[k];
			if (l->start < prev || l->end < l->start || l->end > i ||
			    l->width > width || text_width(s + l->start, l->end - l->start) != l->width)
				abort();
			prev = l->end;
		}
		start = i + 1;
	}
	text_lines_fini(&lines);
	free(s);
	return 0;
}
