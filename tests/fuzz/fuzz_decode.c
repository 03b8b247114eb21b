/* fuzz_decode.c — libFuzzer target: arbitrary bytes through the decoder must give clean UTF-8, which decodes to itself. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "encoding.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* encoding_clean keeps the same promise for any bytes, NUL included. */
	size_t clen;
	char *clean = encoding_clean((const char *)data, size, &clen);
	if (u8_check((const uint8_t *)clean, clen) != NULL || strlen(clean) != clen || memchr(clean, 0x1b, clen))
		abort();
	free(clean);

	struct decoded d;
	char *cause = NULL;
	if (encoding_decode((const char *)data, size, &d, &cause) < 0) {
		free(cause);
		return 0;
	}
	/* The promise of clean text: valid UTF-8, no C0 control but newline, no ESC, no C1. */
	if (u8_check((const uint8_t *)d.text, d.len) != NULL || strlen(d.text) != d.len)
		abort();
	const uint8_t *p = (const uint8_t *)d.text, *end = p + d.len;
	while (p < end) {
		ucs4_t c;
		int n = u8_mbtouc(&c, p, (size_t)(end - p));
		if ((c < 0x20 && c != '\n') || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
		    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
			abort();
		p += n;
	}
	/* Clean text is a fixed point: decoded again it comes back unchanged, as UTF-8. */
	struct decoded again;
	if (d.len > 0) {
		if (encoding_decode(d.text, d.len, &again, &cause) < 0 || again.len != d.len ||
		    memcmp(again.text, d.text, d.len) != 0 || again.from != ENCODING_UTF8 ||
		    again.replaced != 0 || again.defused != 0)
			abort();
		free(again.text);
	}
	free(d.text);
	return 0;
}
