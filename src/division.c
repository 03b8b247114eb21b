/* division.c — China's administrative divisions (the official code table compiled in from assets/divisions.tsv): what lies above a county or a town. */
#define _GNU_SOURCE   /* memmem */
#include "division.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "xmalloc.h"

enum { PROVINCE_DIGITS = 2, PREFECTURE_DIGITS = 4, COUNTY_DIGITS = 6, TOWN_DIGITS = 9 };

struct division {
	const char *code, *name;   /* into the compiled-in table, which outlives every caller */
	size_t code_len, name_len;
};

static struct division *divisions;   /* in the table's order: by code */
static size_t *by_name;               /* indices into divisions, sorted by name */
static size_t ndivisions;
static pthread_once_t loaded = PTHREAD_ONCE_INIT;

/* The autonomous prefectures (…自治州) and the short names reports give them (黔西南州). */
#define SHORT_NAME 32
struct short_named {
	const struct division *d;
	char name[SHORT_NAME];
	size_t len;
};
static struct short_named *prefectures;
static size_t nprefectures;

static int compare_bytes(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);
	return c ? c : (an > bn) - (an < bn);
}

/* 1 when name[0, n) ends with lit. */
static int ends_with(const char *name, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	return n >= k && !memcmp(name + n - k, lit, k);
}

static int compare_names(const void *x, const void *y)
{
	const struct division *a = &divisions[*(const size_t *)x], *b = &divisions[*(const size_t *)y];
	return compare_bytes(a->name, a->name_len, b->name, b->name_len);
}

/* The short name of an autonomous prefecture: its place name, the words before its first
 * people's, and 州 (黔西南布依族苗族自治州: 黔西南州; 巴音郭楞蒙古自治州: 巴音郭楞州); 0 when d is
 * none or its name is too long. */
static size_t short_name(const struct division *d, char *out)
{
	static const char *const peoples[] = { "布依族", "苗族", "土家族", "藏族", "彝族", "傣族", "白族",
					       "哈尼族", "朝鲜族", "蒙古", "回族", "哈萨克", "柯尔克孜", "壮族",
					       "侗族", "羌族", "傈僳族", "景颇族" };
	size_t n = d->name_len, place = n;
	if (d->code_len != PREFECTURE_DIGITS || !ends_with(d->name, n, "自治州"))
		return 0;
	for (size_t k = 0; k < sizeof peoples / sizeof *peoples; k++) {
		const char *at = memmem(d->name, n, peoples[k], strlen(peoples[k]));
		if (at && at > d->name && (size_t)(at - d->name) < place)
			place = (size_t)(at - d->name);
	}
	if (place == n || place + 3 >= SHORT_NAME)
		return 0;
	memcpy(out, d->name, place);
	memcpy(out + place, "州", 3);
	out[place + 3] = 0;
	return place + 3;
}

static void load_short_names(void)
{
	prefectures = xmalloc(64 * sizeof *prefectures);
	for (size_t i = 0; i < ndivisions && nprefectures < 64; i++) {
		struct short_named *p = &prefectures[nprefectures];
		if ((p->len = short_name(&divisions[i], p->name)))
			p->d = &divisions[i], nprefectures++;
	}
}

/* Reads the table's lines, "code TAB name", comments (#) left out. The table is built for the
 * life of the process: it is never freed. */
static void load(void)
{
	const struct asset *a = assets_find("divisions.tsv");
	if (!a)
		return;
	const char *s = (const char *)a->data, *end = s + a->size;
	size_t cap = 0;
	for (const char *p = s; p < end; p++)
		cap += *p == '\n';
	divisions = xmalloc((cap + 1) * sizeof *divisions);
	for (const char *line = s; line < end;) {
		const char *eol = memchr(line, '\n', (size_t)(end - line));
		if (!eol)
			eol = end;
		const char *tab = memchr(line, '\t', (size_t)(eol - line));
		if (*line != '#' && tab && tab > line && eol > tab + 1)
			divisions[ndivisions++] = (struct division){ line, tab + 1, (size_t)(tab - line),
			                                             (size_t)(eol - tab - 1) };
		line = eol + 1;
	}
	by_name = xmalloc((ndivisions + 1) * sizeof *by_name);
	for (size_t i = 0; i < ndivisions; i++)
		by_name[i] = i;
	qsort(by_name, ndivisions, sizeof *by_name, compare_names);
	load_short_names();
}

/* The first of the divisions named name[0, n) in by_name's order, and how many are (*count). */
static size_t named(const char *name, size_t n, size_t *count)
{
	size_t lo = 0, hi = ndivisions;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct division *d = &divisions[by_name[mid]];
		if (compare_bytes(d->name, d->name_len, name, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t k = lo;
	while (k < ndivisions && !compare_bytes(divisions[by_name[k]].name, divisions[by_name[k]].name_len, name, n))
		k++;
	*count = k - lo;
	return lo;
}

/* The division whose code is the first digits of d's, or NULL. */
static const struct division *above(const struct division *d, size_t digits)
{
	size_t lo = 0, hi = ndivisions;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = compare_bytes(divisions[mid].code, divisions[mid].code_len, d->code, digits);
		if (c == 0)
			return &divisions[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int is_municipality(const struct division *province)
{
	static const char *const codes[] = { "11", "12", "31", "50" };   /* 北京, 天津, 上海, 重庆 */
	for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
		if (!memcmp(province->code, codes[i], PROVINCE_DIGITS))
			return 1;
	return 0;
}

/* The name of the prefecture a county lies in, as a report writes it before the county's: the
 * city for a municipality's districts and counties (whose prefectures are 市辖区 and 县), none for a
 * county under its province (省直辖县级行政区划) or a city without counties (东莞市 under 东莞市). */
static const struct division *prefecture_of(const struct division *county)
{
	const struct division *p = above(county, PROVINCE_DIGITS), *c = above(county, PREFECTURE_DIGITS);
	if (p && is_municipality(p))
		return p;
	if (!c || !memcmp(c->code + PREFECTURE_DIGITS - 2, "90", 2) ||
	    !compare_bytes(c->name, c->name_len, county->name, county->name_len))
		return NULL;
	return c;
}

static char *joined(const struct division *a, const struct division *b, const char *region)
{
	size_t an = a ? a->name_len : 0, bn = b ? b->name_len : 0, rn = strlen(region);
	char *out = xmalloc(an + bn + rn + 1);
	if (a)
		memcpy(out, a->name, an);
	if (b)
		memcpy(out + an, b->name, bn);
	memcpy(out + an + bn, region, rn + 1);
	return out;
}

/* 1 for a county-level city (桐乡市). Its name stands alone as an address, as a 县's or a 区's does
 * not (鼓楼区 is in four cities): its towns are written 桐乡市乌镇镇, never with the prefecture. */
static int city_named(const struct division *county)
{
	return ends_with(county->name, county->name_len, "市");
}

/* c when the report names it (text[0, len): 新增鞍山市民主法治示范村), whole or by its short name
 * (黔西南州); else NULL. */
static const struct division *named_in(const struct division *c, const char *text, size_t len)
{
	if (!c || !text)
		return NULL;
	if (memmem(text, len, c->name, c->name_len))
		return c;
	for (size_t k = 0; k < nprefectures; k++)   /* or by its short name: 黔西南州 */
		if (prefectures[k].d == c && memmem(text, len, prefectures[k].name, prefectures[k].len))
			return c;
	return NULL;
}

char *division_county_of(const char *prefecture, const char *stem, size_t n)
{
	static const char *const units[] = { "县", "区", "市", "旗" }, *const autonomous[] = { "自治县", "自治旗" };
	pthread_once(&loaded, load);
	size_t count, first = named(prefecture, strlen(prefecture), &count);
	const struct division *p = count == 1 ? &divisions[by_name[first]] : NULL, *found = NULL;
	if (!p || p->code_len != PREFECTURE_DIGITS || !n)
		return NULL;
	for (const struct division *d = p + 1; d < divisions + ndivisions && !memcmp(d->code, p->code, p->code_len); d++) {
		if (d->code_len != COUNTY_DIGITS || d->name_len <= n || memcmp(d->name, stem, n))
			continue;
		const char *rest = d->name + n;
		size_t rn = d->name_len - n;
		int ok = 0;
		for (size_t k = 0; k < sizeof units / sizeof *units; k++)
			ok |= !compare_bytes(rest, rn, units[k], strlen(units[k]));
		for (size_t k = 0; k < sizeof autonomous / sizeof *autonomous; k++)
			ok |= rn > strlen(autonomous[k]) && ends_with(rest, rn, autonomous[k]);
		if (ok && found)
			return NULL;   /* two of that stem: none is meant */
		if (ok)
			found = d;
	}
	return found ? joined(p, found, "") : NULL;
}

int division_zone_name(const char *name, size_t n)
{
	static const char *const zones[] = { "开发区", "高新区", "园区", "经济区" };
	for (size_t k = 0; k < sizeof zones / sizeof *zones; k++)
		if (ends_with(name, n, zones[k]))
			return 1;
	return 0;
}

/* 1 when region opens with the prefecture's name without its unit: a zone named after its city
 * (廊坊经济技术开发区 in 廊坊市, 兰州新区) carries the city already. A county or district named after
 * it (湘潭县 of 湘潭市, 黄山区 of 黄山市, 阿拉善左旗 of 阿拉善盟) is another place, and carries none. */
static int named_after(const char *region, const struct division *prefecture, const struct division *county)
{
	static const char *const own[] = { "县", "旗" };
	size_t n = prefecture->name_len >= 3 ? prefecture->name_len - 3 : 0, c = county->name_len;
	for (size_t k = 0; k < sizeof own / sizeof *own; k++)
		if (c >= 3 && !memcmp(county->name + c - 3, own[k], 3))
			return 0;
	if (c >= 3 && !memcmp(county->name + c - 3, "区", 3) && (c < 6 || memcmp(county->name + c - 6, "新区", 6)))
		return 0;
	return n && !strncmp(region, prefecture->name, n);
}

static int towns_only(size_t first, size_t count)
{
	for (size_t k = first; k < first + count; k++)
		if (divisions[by_name[k]].code_len != TOWN_DIGITS)
			return 0;
	return 1;
}

/* Of the counties sharing a name (by_name[first, first + count): 普陀区 of 上海 and of 舟山市), the one
 * whose city text[0, len) names, when it names one of them alone; else NULL. */
static const struct division *county_the_text_places(size_t first, size_t count, const char *text, size_t len)
{
	const struct division *found = NULL;
	for (size_t k = first; k < first + count; k++) {
		const struct division *d = &divisions[by_name[k]];
		if (d->code_len != COUNTY_DIGITS || !named_in(prefecture_of(d), text, len))
			continue;
		if (found)
			return NULL;
		found = d;
	}
	return found;
}

/* What to add before region, whose first place the table names count times from by_name[first]. */
static char *complete_with(const char *region, size_t first, size_t count, const char *text, size_t len,
			   int *county)
{
	const struct division *d = &divisions[by_name[first]], *only = count == 1 ? d : NULL;
	for (size_t k = first; k < first + count; k++)
		if (divisions[by_name[k]].code_len <= PREFECTURE_DIGITS)
			return NULL;   /* a province or prefecture: nothing is left out */
	if (!only)
		only = county_the_text_places(first, count, text, len);
	if (!only)
		return NULL;
	if (only->code_len == COUNTY_DIGITS) {
		*county = 1;
		const struct division *c = prefecture_of(only);
		if (division_zone_name(only->name, only->name_len))
			return NULL;   /* a zone the table lists among counties (库尔勒经济技术开发区) */
		/* a county-level city gains its prefecture as a county does (海西蒙古族藏族自治州德令哈市),
		 * named in the report or not; its town (桐乡市乌镇镇) stays as written */
		if (c && city_named(only))
			c = strlen(region) == only->name_len ? c : NULL;
		return c && !named_after(region, c, only) ? joined(c, NULL, region) : NULL;
	}
	if (only->code_len != TOWN_DIGITS || division_zone_name(only->name, only->name_len))
		return NULL;   /* a zone the table files among a district's towns (赣州经济技术开发区) stands alone */
	const struct division *k = above(only, COUNTY_DIGITS);
	if (!k)
		return NULL;
	const struct division *c = prefecture_of(k);
	if (c && !compare_bytes(c->name, c->name_len, k->name, k->name_len))
		k = NULL;   /* a town of 东莞市: the county is the city */
	else if (city_named(k))
		c = NULL;
	return joined(c, k, region);
}

/* region opening with a province or prefecture (region[0, n), the table's only place of that
 * name at from) and then a town it holds, the county between them left out (北京市溪翁庄镇, as a
 * site's name and the town's own give it): region with the county put in, and after a province
 * the prefecture too; NULL when it is no such region. */
static char *county_between(const char *region, size_t n, const struct division *from)
{
	const char *rest = region + n;
	size_t len = strlen(rest);
	for (size_t m = 1; m <= len; m++) {
		if (m < len && ((unsigned char)rest[m] & 0xC0) == 0x80)
			continue;
		size_t count, first = named(rest, m, &count);
		if (!count)
			continue;
		const struct division *t = &divisions[by_name[first]], *k = above(t, COUNTY_DIGITS);
		if (count != 1 || t->code_len != TOWN_DIGITS || !k || memcmp(t->code, from->code, from->code_len) != 0 ||
		    k->code_len <= from->code_len)
			return NULL;
		/* after a province, the prefecture too (广东省园洲镇: 广东省惠州市博罗县园洲镇) */
		const struct division *c = from->code_len == PROVINCE_DIGITS ? prefecture_of(k) : NULL;
		if (c == from || (c && !compare_bytes(c->name, c->name_len, k->name, k->name_len)))
			c = NULL;
		size_t cn = c ? c->name_len : 0;
		char *out = xmalloc(strlen(region) + cn + k->name_len + 1);
		memcpy(out, region, n);
		if (c)
			memcpy(out + n, c->name, cn);
		memcpy(out + n + cn, k->name, k->name_len);
		strcpy(out + n + cn + k->name_len, rest);
		return out;
	}
	return NULL;
}

/* A county the table no longer names, made a district since (凤翔县, now 宝鸡市凤翔区: many a county
 * was, 撤县设区): region, whose first place is that county, with the prefecture of the one district
 * of its name put before it, as written; NULL when none is. */
static char *former_county(const char *region, int *county)
{
	static const char unit[] = "县", now[] = "区";
	const char *at = strstr(region, unit);
	if (!at || at == region)
		return NULL;
	size_t stem = (size_t)(at - region), count;
	char name[64];
	if (stem + sizeof now > sizeof name)
		return NULL;
	memcpy(name, region, stem);
	memcpy(name + stem, now, sizeof now);
	size_t first = named(name, strlen(name), &count);
	const struct division *d = count == 1 ? &divisions[by_name[first]] : NULL;
	const struct division *c = d && d->code_len == COUNTY_DIGITS ? prefecture_of(d) : NULL;
	if (!c || named_after(region, c, d))
		return NULL;
	*county = 1;
	return joined(c, NULL, region);
}

char *division_complete(const char *region, const char *text, size_t text_len, int *county)
{
	*county = 0;
	pthread_once(&loaded, load);
	size_t len = strlen(region);
	for (size_t n = 1; n <= len; n++) {
		if (n < len && ((unsigned char)region[n] & 0xC0) == 0x80)
			continue;   /* inside a character */
		size_t count, first = named(region, n, &count);
		if (!count || (n < len && towns_only(first, count)))   /* a town decides only named alone */
			continue;
		const struct division *d = &divisions[by_name[first]];
		if (count == 1 && d->code_len <= PREFECTURE_DIGITS && n < len)
			return county_between(region, n, d);
		return complete_with(region, first, count, text, text_len, county);
	}
	return former_county(region, county);
}

char *division_full_name(const char *region)
{
	pthread_once(&loaded, load);
	for (size_t k = 0; k < nprefectures; k++) {
		const struct short_named *p = &prefectures[k];
		if (!strncmp(region, p->name, p->len))
			return joined(p->d, NULL, region + p->len);
	}
	return NULL;
}

size_t division_province_len(const char *region)
{
	pthread_once(&loaded, load);
	size_t len = strlen(region);
	for (size_t n = 1; n < len; n++) {
		if (((unsigned char)region[n] & 0xC0) == 0x80)
			continue;   /* inside a character */
		size_t count, first = named(region, n, &count);
		if (count == 1) {
			const struct division *d = &divisions[by_name[first]];
			return d->code_len == PROVINCE_DIGITS && !is_municipality(d) ? n : 0;
		}
	}
	return 0;
}
