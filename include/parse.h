/* parse.h — clean report text → struct report: strip web chrome, read metadata, build the chapter tree. */
#ifndef FAZHI_PARSE_H
#define FAZHI_PARSE_H

#include <stddef.h>

#include "report.h"

/* Parses clean text (see encoding.h) and returns a new report that takes ownership of `text`
 * (a NUL-terminated heap string of `len` bytes). `path` is copied. Never fails: a file with no
 * headings gives a report whose body is all preamble. Free with report_free(). Linear in len.
 *
 * Body. [body_start, body_end) runs from the title line (the first line of a two-line title)
 * to the end of the last line before the footer: past the last line of prose, through the
 * signature and its date, up to the first chrome line (打印, 关闭, 信息来源:, 网站地图, 留言咨询,
 * CopyRight, ICP备, "(此件公开发布)", "1.错误类:*" …). When chrome sits between the title and the
 * first paragraph (发布日期:…, 【打印】), the body starts at that paragraph instead. With no
 * title line it starts at the first line of prose, heading or salutation.
 *
 * Paragraphs: every non-blank line of the body, blanks (space, U+00A0, U+3000) trimmed at
 * both ends; a line-start 一是/二是… is PARA_POINT, a line opening with a heading PARA_HEADING.
 *
 * Headings: 一、 一． 一. (level 1), （一） (一) (2), 1. 1、 1． １． (3), （1） (1) (4), after trimming.
 * A heading is its own line or the first sentence of a paragraph: the title ends at the
 * first 。 (head_end after it), or at a ： with text after it on the line, and is at most 300 bytes. A numeral must come next inside its
 * parent (the nearest open heading of a lower level): 一 first, then 二 …; （一） restarts
 * under each 一、, 1. under each （一）. Not headings: "二、三产业…" (the title counts on),
 * "1.5亿元" (a decimal), form fields ending in '*'.
 *
 * Metadata (absent → NULL / 0 / ""):
 * - title: the last line above the first paragraph that ends in 报告 (or 情况, naming 法治),
 *   joined with the line above when it starts with 关于 under an organ's name; else the
 *   value of 信息名称 / 标题 in the page's table;
 * - region: the title's head (before 关于, the year or 法治) without 人民政府 …, when it ends in
 *   省 市 区 县 镇 乡 旗 州 盟 街道; else the same from the issuer;
 * - year: the first 20XX年 of the title, else of the body;
 * - published: 发布日期, else 公开日期 or 发布时间 outside the body, as YYYY-MM-DD;
 * - doc_number: a line such as 武政发〔2021〕7号 under the title, else the value of 文号;
 * - issuer: the signature (a short line above the closing date, or an organ's name ending the
 *   body), else the organ heading the title ("X人民政府关于…");
 * - addressee: a short line ending in a colon between the title and the first paragraph,
 *   colon left out ("区人大常委会"). */
struct report *parse_report(char *text, size_t len, const char *path);

#endif
