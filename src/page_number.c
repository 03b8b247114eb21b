/* page_number.c — whether a line is a page's number as prints set it (— 3 —, 第3页 共10页, 3/10). */
#include "page_number.h"

#include <stdint.h>
#include <string.h>

#include "encoding.h"
#include "parse_scan.h"

static int ascii_isalpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int ascii_tolower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Whether *u opens with s: past it. */
static int lit(const char **u, const char *s)
{
	size_t n = strlen(s);
	if (strncmp(*u, s, n))
		return 0;
	*u += n;
	return 1;
}

/* Whether *u opens with one to five digits: past them. */
static int num(const char **u)
{
	const char *p = *u;
	while (**u >= '0' && **u <= '9')
		(*u)++;
	return *u > p && *u - p <= 5;
}

int page_number_line(const char *s, size_t n, int bare_ok)
{
	char t[64];
	size_t k = 0;
	int dashes = 0, v;
	for (size_t i = 0; i < n;) {
		uint32_t c = encoding_next(s, n, &i);
		if (parse_is_line_blank(c))
			continue;
		if (k > 40)
			return 0;
		if (c == '-' || c == 0x2014 || c == 0x2013 || c == 0x2012 || c == 0x2015 ||
		    c == 0xff0d || c == '~' || c == 0x2500)
			dashes++, t[k++] = '-';
		else if ((v = parse_digit_value(c)) >= 0)
			t[k++] = (char)('0' + v);
		else if (c == 0x7b2c)
			t[k++] = 'D';     /* 第 */
		else if (c == 0x9875)
			t[k++] = 'Y';     /* 页 */
		else if (c == 0x5171)
			t[k++] = 'G';     /* 共 */
		else if (c == '/' || c == ',' || c == 0xff0c || c == 0x3001)
			t[k++] = c == '/' ? '/' : ',';
		else if (c < 0x80 && ascii_isalpha((int)c))
			t[k++] = (char)ascii_tolower((int)c);
		else
			return 0;
	}
	t[k] = 0;
	size_t a = 0, b = k;
	while (a < b && t[a] == '-')
		a++;
	while (b > a && t[b - 1] == '-')
		b--;
	size_t d = a;
	while (d < b && t[d] >= '0' && t[d] <= '9')
		d++;
	if (d == b && d > a && d - a <= 4)
		return dashes || bare_ok;
	t[b] = 0;
	const char *u = t + a;
	if (lit(&u, "D") && num(&u) && lit(&u, "Y")) {
		lit(&u, ",");
		return !*u || (lit(&u, "G") && num(&u) && lit(&u, "Y") && !*u);
	}
	u = t + a;
	if (lit(&u, "G") && num(&u) && lit(&u, "Y")) {
		lit(&u, ",");
		return lit(&u, "D") && num(&u) && lit(&u, "Y") && !*u;
	}
	u = t + a;
	if (num(&u) && lit(&u, "/") && num(&u) && !*u)
		return 1;
	u = t + a;
	return lit(&u, "page") && num(&u) && (!*u || (lit(&u, "of") && num(&u) && !*u));
}
