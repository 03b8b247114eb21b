/* figure_rows.h — small tables of figures (项目 2022年 2023年; 序号 指标 数值): each row's label and the one figure read. */
#ifndef FAZHI_FIGURE_ROWS_H
#define FAZHI_FIGURE_ROWS_H

#include <stddef.h>

/* Reports set figures in small tables on lines of their own: a header row, then rows of a label
 * and one cell a column, parted by tabs, blanks or U+3000 (as saved pages, Word tables and typed
 * tables give them). The header names the columns:
 * - periods: a year's figures beside the year before's (2022年 2023年, 上年 本年), often with a
 *   change column (增减, 同比, 增幅) after them;
 * - a serial number first (序号, 编号), the label (项目, 指标), then the figures (数值, 数量);
 * - the label and one column of figures (项目 数量).
 * Of each row the label is read and one figure: the year reported on's (`year`; else 本年's,
 * else the latest year's), else the first column of figures. */

/* The rows a copy keeps in place: each row's bytes [a, b) (the caller frees rows). */
struct figure_rows_range {
	size_t a, b;
};
struct figure_rows_kept {
	struct figure_rows_range *rows;
	size_t n, cap;
};

/* A copy of text[0..len) (NUL-terminated; the caller frees it) in which each table of [from, to)
 * whose header names periods or a serial number keeps of each row its label and the cell read,
 * every other cell and the tabs of the row turned into ASCII blanks byte for byte, so every
 * offset stays (a tab of any other table's row too); the rows so kept into *kept. NULL when
 * [from, to) holds no such table: most reports, which cost a scan and no copy. */
char *figure_rows_keep(const char *text, size_t len, size_t from, size_t to, int year, struct figure_rows_kept *kept);
/* 1 when byte a lies in one of the rows kept. */
int figure_rows_kept_holds(const struct figure_rows_kept *kept, size_t a);

/* The rows [*a, *b) of the first table of [from, to) whose caption, on one of the two lines above
 * its header, opens with 附件 or 附表: the figures annexed after a report's body (附件：2023年主要
 * 指标). 1 when there is one, else 0. */
int figure_rows_annexed(const char *text, size_t from, size_t to, size_t *a, size_t *b);

/* The lines [*a, to) after an annex's caption in [from, to) that names the year's data in words,
 * not a table (附件 / 某局2025年度行政执法数据 / 行政处罚：作出行政处罚决定87件…): 附件 or 附表 opening
 * a line, with 数据 or 统计 on it or on the line after. 1 when there is one, else 0. */
int figure_rows_annexed_lines(const char *text, size_t from, size_t to, size_t *a);

/* One figure of a table read as cells: its label, the kind its row names ([0, 0) when none), the
 * figure, its counter ([0, 0) when the figure holds it), and its row. */
struct figure_cell {
	size_t label_start, label_end;
	size_t kind_start, kind_end;
	size_t value_start, value_end;
	size_t counter_start, counter_end;
	size_t row_start, row_end;
};

/* The figures of [from, to) whose tables are read as cells, into v (at most max; returns how many):
 * - tables turned the other way, a row a period and a column a metric (年度　收到复议申请　受理 /
 *   2023年　274件　241件; 时间 … / 本年 … / 上年 …): the cells of the row read (the year reported on's,
 *   else 本年's, else the latest year's), each with its column's label;
 * - tables whose rows are kinds and whose columns are metrics (类别　收到申请（件）　受理（件） /
 *   行政复议　168　149): every cell, with its column's label and its row's kind;
 * - tables whose counters stand apart from their figures, in a column (指标　单位　数量 /
 *   行政处罚决定书　件　1642) or in the header (序号　项目　数量（件）): each row's figure of the column
 *   read (as figure_rows_keep chooses it) with its label and counter.
 * With annexed, only tables under a caption opening with 附件 or 附表 (on one of the two lines
 * above the header) count: the figures annexed after a report's body. */
size_t figure_rows_cells(const char *text, size_t from, size_t to, int year, int annexed, struct figure_cell *v,
			 size_t max);

/* The first byte of s[i, end) past the blanks that part a table's cells (tabs, blanks, U+3000),
 * how many it passed in *count: a row's gap before its figure is two or more. */
size_t figure_rows_past_blanks(const char *s, size_t i, size_t end, size_t *count);

#endif
