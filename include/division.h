/* division.h — China's administrative divisions (the official code table compiled in from assets/divisions.tsv): what lies above a county or a town. */
#ifndef FAZHI_DIVISION_H
#define FAZHI_DIVISION_H

#include <stddef.h>

/* The table is that of the National Bureau of Statistics (统计用区划代码, as at 2023-06-30): every
 * province, prefecture and county, and every town whose name no other town shares. It is read
 * once, on first use, by whichever thread comes first; after that, lookups share it.
 *
 * division_complete gives region (a jurisdiction's name as a report writes it, place names with
 * their units: 博罗县园洲镇, 上安乡, 巫山县) the places above it that it leaves out, by the table:
 * 惠州市博罗县园洲镇, 琼中黎族苗族自治县上安乡, 重庆市巫山县. The first place region names decides:
 * a county the table names once gains its prefecture (a district of 北京, 天津, 上海 or 重庆 its
 * city), a town named alone gains its county and that county's prefecture, and a town written after
 * its province or prefecture the places between (北京市溪翁庄镇 → 北京市密云区溪翁庄镇). A county-level city
 * gains its prefecture as a county does (桐乡市 → 嘉兴市桐乡市), whether or not text[0, len) (the
 * report; NULL: none) names it; its town gains only the city (乌镇镇 → 桐乡市乌镇镇), and one written
 * with it stays as it is (桐乡市乌镇镇). Returns a new string, or NULL when there is nothing to add: region opens
 * with a province or prefecture, its first place is one the table names more than once (鼓楼区; but a
 * county of that name gains the city that text names when it names one of theirs alone: 普陀区 in a
 * report naming 上海市) or not at all (a name older than the table), it is a zone named after its city (廊坊经济技术开发区),
 * or it lies under no prefecture (澄迈县, a county under its province). *county is set to 1 when
 * the first place is a county (a county-level city among them), else 0. */
char *division_complete(const char *region, const char *text, size_t len, int *county);

/* The county of the prefecture named `prefecture` (普洱市) whose name opens with stem[0, n) and goes
 * on with its unit alone or as an autonomous county's (景东 → 景东彝族自治县, 思茅 → 思茅区), with the
 * prefecture before it (普洱市景东彝族自治县), as a city department's branch names its county's
 * short name (景东分局); a new string, or NULL when the prefecture holds none or two such. */
char *division_county_of(const char *prefecture, const char *stem, size_t n);

/* 1 when name[0, n) is a development zone's (廊坊经济技术开发区, 合肥高新技术产业开发区, …园区): a
 * zone's name stands alone as it is written, gaining no place above it, as the table lists some
 * among counties and reports address the city or prefecture they lie in. */
int division_zone_name(const char *name, size_t n);

/* region with the short name it opens with, of an autonomous prefecture (黔西南州兴义市, as reports
 * and sites write it), given whole (黔西南布依族苗族自治州兴义市); a new string, or NULL when it opens
 * with none. */
char *division_full_name(const char *region);

/* The bytes of the province (a 省 or 自治区, not a municipality) region opens with when a place it
 * holds follows (海南省澄迈县, 广东省惠州市博罗县园洲镇): reports name a place below a province without
 * it, as they do its prefecture's districts (深圳市龙华区). 0 when region opens with none, or is the
 * province alone (a provincial department's). */
size_t division_province_len(const char *region);

#endif
