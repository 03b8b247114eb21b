/* page_number.h — whether a line is a page's number as prints set it (— 3 —, 第3页 共10页, 3/10). */
#ifndef FAZHI_PAGE_NUMBER_H
#define FAZHI_PAGE_NUMBER_H

#include <stddef.h>

/* 1 when s[0, n) holds a page's number alone, blanks aside: — 3 —, -3-, - 3 -, 第3页,
 * 第 3 页 共 10 页, 共10页 第3页, 3/10, Page 3 (of 10), or, with bare_ok, a bare 3. */
int page_number_line(const char *s, size_t n, int bare_ok);

#endif
