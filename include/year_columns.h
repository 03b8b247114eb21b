/* year_columns.h — tables whose columns are years (项目 2022年 2023年 增减): the cells of the year reported on. */
#ifndef FAZHI_YEAR_COLUMNS_H
#define FAZHI_YEAR_COLUMNS_H

#include <stddef.h>

/* Reports often set a year's figures beside the year before's in a small table: a header row of
 * periods (2022年 2023年, 上年 本年, with a change column 增减 or 同比 beside them, a label 项目
 * first or none), then rows of a label and one cell per column, on lines of their own (cells
 * parted by tabs, blanks or U+3000, as saved pages, Word tables and typed tables give them).
 *
 * Returns a copy of text[0..len) (NUL-terminated; the caller frees it) in which each such table
 * of [from, to) keeps of each row its label and the cell of the year reported on, every other
 * cell and the tabs of the row turned into ASCII blanks byte for byte, so every offset stays. The
 * column kept is the one of `year`; else 本年 (今年, 当年); else the latest year named. NULL when
 * [from, to) holds no such table: most reports, which cost one scan and no copy. */
char *year_columns_keep(const char *text, size_t len, size_t from, size_t to, int year);

#endif
