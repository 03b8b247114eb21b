/* parse_region.c — names of reporting bodies: the jurisdiction a name begins with, and the level of government it stands for. */
#include "parse_scan.h"

#include <string.h>

#include "encoding.h"
#include "xmalloc.h"

#define NATIONAL_AGENCY_MAX 12   /* characters of a national agency's name: 国家金融监督管理总局 */

/* Design: a body's name is a jurisdiction (one or more place names, each ending in a unit such
 * as 市 or 区) followed by the organ (人民政府, 管委会) or a department (司法局, 社会事业局).
 * The jurisdiction is the longest head of the name that ends in a unit and leaves an organ or
 * a department behind; a unit that may be part of a word counts only when there is no other. Units are matched as written, never guessed from a place's fame. */

#define NAME_MAX 4
#define BANNER_NAME_MAX 7   /* 科尔沁左翼后旗, 察哈尔右翼前旗 */
#define LONG_NAME_MAX 10

struct unit {
	const char *name;
	int level;       /* enum report_level of a jurisdiction whose name ends in it */
	int name_max;    /* characters of its place name: NAME_MAX, or more where names are long (恩施土家族苗族自治州,
	                  * a zone named after its area, a banner's Mongol name 西乌珠穆沁旗) */
};

/* Longest first where one ends another (自治区 before 区). */
static const struct unit units[] = {
	{ "特别行政区", REPORT_LEVEL_PROVINCE, LONG_NAME_MAX }, { "自治区", REPORT_LEVEL_PROVINCE, LONG_NAME_MAX },
	{ "自治州", REPORT_LEVEL_CITY, LONG_NAME_MAX }, { "自治县", REPORT_LEVEL_COUNTY, LONG_NAME_MAX },
	{ "自治旗", REPORT_LEVEL_COUNTY, LONG_NAME_MAX }, { "高新技术产业开发区", REPORT_LEVEL_COUNTY, LONG_NAME_MAX },
	{ "经济技术开发区", REPORT_LEVEL_COUNTY, LONG_NAME_MAX }, { "自由贸易试验区", REPORT_LEVEL_COUNTY, LONG_NAME_MAX },
	{ "经济开发区", REPORT_LEVEL_COUNTY, LONG_NAME_MAX }, { "综合实验区", REPORT_LEVEL_COUNTY, LONG_NAME_MAX },
	{ "经济区", REPORT_LEVEL_COUNTY, LONG_NAME_MAX },
	{ "工业园区", REPORT_LEVEL_COUNTY, LONG_NAME_MAX }, { "高新区", REPORT_LEVEL_COUNTY, LONG_NAME_MAX },
	{ "开发区", REPORT_LEVEL_COUNTY, LONG_NAME_MAX }, { "实验区", REPORT_LEVEL_COUNTY, LONG_NAME_MAX },
	{ "示范区", REPORT_LEVEL_COUNTY, LONG_NAME_MAX }, { "度假区", REPORT_LEVEL_COUNTY, LONG_NAME_MAX },
	{ "保税区", REPORT_LEVEL_COUNTY, LONG_NAME_MAX }, { "管理区", REPORT_LEVEL_COUNTY, LONG_NAME_MAX },
	{ "新区", REPORT_LEVEL_COUNTY, LONG_NAME_MAX }, { "地区", REPORT_LEVEL_CITY, NAME_MAX },
	{ "街道", REPORT_LEVEL_TOWN, NAME_MAX }, { "省", REPORT_LEVEL_PROVINCE, NAME_MAX },
	{ "市", REPORT_LEVEL_CITY, NAME_MAX }, { "区", REPORT_LEVEL_COUNTY, NAME_MAX },
	{ "县", REPORT_LEVEL_COUNTY, NAME_MAX }, { "旗", REPORT_LEVEL_COUNTY, BANNER_NAME_MAX },
	{ "州", REPORT_LEVEL_CITY, NAME_MAX }, { "盟", REPORT_LEVEL_CITY, NAME_MAX },
	{ "族乡", REPORT_LEVEL_TOWN, LONG_NAME_MAX }, { "族镇", REPORT_LEVEL_TOWN, LONG_NAME_MAX },
	{ "镇", REPORT_LEVEL_TOWN, NAME_MAX }, { "乡", REPORT_LEVEL_TOWN, NAME_MAX },
	/* a Mongol township (那日图苏木), a town of the table of divisions */
	{ "苏木", REPORT_LEVEL_TOWN, BANNER_NAME_MAX },
	/* state farms, ranches and forest farms: towns of the table of divisions (国营御道口牧场) */
	{ "农场", REPORT_LEVEL_TOWN, BANNER_NAME_MAX }, { "牧场", REPORT_LEVEL_TOWN, BANNER_NAME_MAX },
	{ "林场", REPORT_LEVEL_TOWN, BANNER_NAME_MAX },
};

/* A division of the Xinjiang production and construction corps (第八师), a prefecture of its own. */
static const struct unit corps_unit = { "师", REPORT_LEVEL_CITY, NAME_MAX };

/* Words that hold a unit's character but are no unit: 市场监督管理局, 城市管理局, 区域, 社区. */
static const char *const not_units[] = {
	"市场", "市政", "市容", "市民", "区域", "县域", "乡村", "镇村", "州府", "省级", "市级", "区级",
	"县级", "镇级", "乡级", "城市", "超市", "社区", "景区", "辖区", "片区", "小区", "街区",
	"校区", "城乡", "市县", "市区",
};

/* The cities governed as provinces. */
static const char *const municipalities[] = { "北京市", "上海市", "天津市", "重庆市" };

/* The organ of a jurisdiction's own government, which the name may end with. */
static const char *const organs[] = {
	"人民政府办公室", "人民政府办公厅", "人民政府", "政府办公室", "政府办", "政府", "管理委员会",
	"管委会", "办事处", "街道办事处", "党工委", "工委", "行政公署", "行署", "",
};

/* How the name of a department ends. */
static const char *const departments[] = {
	"局", "委员会", "委", "办公室", "办", "厅", "中心", "院", "所", "处", "站", "队", "署", "部",
	"分局", "支队", "大队", "联合会", "合作社",
};

static int equals(const char *s, size_t st, size_t end, const char *lit)
{
	return end - st == strlen(lit) && memcmp(s + st, lit, end - st) == 0;
}

/* The unit that s[st, p) ends with, or NULL; *word is 1 when its character may as well
 * belong to a word (城市, 市场): 晋城市 is a city, 城市管理局 a department. */
/* 1 when the character ending at s[p] may end a unit: 区 县 市 省 州 旗 盟 镇 乡 道 场 木. Most
 * characters are none of these, so the table is searched for few of them. */
static int may_end_unit(const char *s, size_t st, size_t p)
{
	if (p < st + 3)
		return 0;
	size_t i = p - 3;
	switch (encoding_next(s, p, &i)) {
	case 0x533a: case 0x53bf: case 0x5e02: case 0x7701: case 0x5dde: case 0x65d7: case 0x76df:
	case 0x9547: case 0x4e61: case 0x9053: case 0x573a: case 0x6728:
		return 1;
	default:
		return 0;
	}
}

static const struct unit *unit_ending(const char *s, size_t st, size_t p, size_t end, int *word)
{
	*word = 0;
	if (!may_end_unit(s, st, p))
		return NULL;
	for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
		size_t n = strlen(units[k].name);
		if (!parse_ends(s, st, p, units[k].name))
			continue;
		for (size_t w = 0; w < sizeof not_units / sizeof *not_units; w++) {
			const char *at = strstr(not_units[w], units[k].name);
			size_t q = p - n, lead = at ? (size_t)(at - not_units[w]) : 0;
			if (at && q >= st + lead && parse_starts(s, q - lead, end, not_units[w]))
				*word = 1;
		}
		return &units[k];
	}
	return NULL;
}

/* 1 when s[st, end) is an organ of the jurisdiction's own government, or its head's office
 * after it (人民政府区长, 人民政府办公室主任: who signs a 述法报告). */
static int is_organ(const char *s, size_t st, size_t end)
{
	static const char *const heads[] = { "区长", "县长", "市长", "镇长", "乡长", "旗长", "州长", "盟长", "省长", "主任" };
	for (size_t k = 0; k < sizeof organs / sizeof *organs; k++) {
		if (equals(s, st, end, organs[k]))
			return 1;
		size_t n = strlen(organs[k]);
		if (n && end - st > n && memcmp(s + st, organs[k], n) == 0)
			for (size_t h = 0; h < sizeof heads / sizeof *heads; h++)
				if (equals(s, st + n, end, heads[h]))
					return 1;
	}
	return 0;
}

static int is_department(const char *s, size_t st, size_t end)
{
	if (parse_chars(s, st, end, 2) < 2)
		return 0;
	for (size_t k = 0; k < sizeof departments / sizeof *departments; k++)
		if (parse_ends(s, st, end, departments[k]))
			return 1;
	return 0;
}

/* 1 when s[st, p) ends a district named after the city it was (荆州市沙市区): 市区, the word for
 * a city's urban area, right before its government or one of its departments. */
static int district_of_city(const char *s, size_t st, size_t p, size_t end)
{
	return p - st >= 6 && parse_starts(s, p - 6, p, "市区") && (is_organ(s, p, end) || is_department(s, p, end));
}

/* 1 for a name that opens with a word pointing at a body instead of naming it: 上级, 有关, or 我,
 * 本, 全, 各, 该, 此 before a unit, an organ's word or a counting word (全县, 本局, 各级, 各类). Place
 * names open with those characters too: 全椒县, 全州县, 本溪市. */
static int opens_with_pronoun(const char *s, size_t st, size_t end)
{
	static const char *const words[] = { "上级", "有关" };
	static const char *const pronouns[] = { "我", "本", "全", "各", "该", "此" };
	static const char *const pointed[] = { "省", "市", "区", "县", "镇", "乡", "州", "旗", "盟", "街",
	                                       "级", "局", "委", "办", "所", "单位", "部门", "政府", "类", "种", "项",
	                                       "地", "界", "个", "体", "面", "年", "部", "些", "次", "批" };
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (parse_starts(s, st, end, words[k]))
			return 1;
	for (size_t k = 0; k < sizeof pronouns / sizeof *pronouns; k++) {
		if (!parse_starts(s, st, end, pronouns[k]))
			continue;
		for (size_t j = 0; j < sizeof pointed / sizeof *pointed; j++)
			if (parse_starts(s, st + strlen(pronouns[k]), end, pointed[j]))
				return 1;
	}
	return 0;
}

/* Where the place of a national agency's local branch begins: its name opens with the agency's
 * (国家税务总局通辽市税务局, 国家金融监督管理总局…监管分局, 中国人民银行…中心支行), the place after it. */
static size_t after_national_agency(const char *s, size_t st, size_t end)
{
	static const char *const banks[] = { "中国人民银行" };
	for (size_t k = 0; k < sizeof banks / sizeof *banks; k++)
		if (parse_starts(s, st, end, banks[k]))
			return st + strlen(banks[k]);
	if (!parse_starts(s, st, end, "国家"))
		return st;
	size_t limit = st, at;
	for (int n = 0; n < NATIONAL_AGENCY_MAX && limit < end; n++)
		encoding_next(s, end, &limit);
	at = parse_find(s, st, limit, "总局");
	return at == PARSE_NONE ? st : at + strlen("总局");
}

/* Where a bracketed aside that follows a unit ends (开发区（工业区）管理委员会: another name of the
 * same zone), so that the organ after it is found; p when none opens at p. */
static size_t past_aside(const char *s, size_t p, size_t end)
{
	static const char *const pairs[][2] = { { "（", "）" }, { "(", ")" } };
	for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++) {
		if (!parse_starts(s, p, end, pairs[k][0]))
			continue;
		size_t close = parse_find(s, p, end, pairs[k][1]);
		if (close != PARSE_NONE && parse_chars(s, p, close, NAME_MAX + 4) <= NAME_MAX + 3)
			return close + strlen(pairs[k][1]);
	}
	return p;
}

/* 1 when s[st, p) has a bracket open: a unit inside an aside ends no jurisdiction. */
static int inside_aside(const char *s, size_t st, size_t p)
{
	int open = 0;
	for (size_t i = st; i < p;) {
		uint32_t c = encoding_next(s, p, &i);
		open += c == 0xff08 || c == '(';
		open -= (c == 0xff09 || c == ')') && open > 0;
	}
	return open > 0;
}

/* The end of a party committee's name opening at st after 中共: its 委员会, or the short name of a
 * place's committee (苏仙区委, 某县委); PARSE_NONE when there is none. */
static size_t committee_end(const char *s, size_t st, size_t end)
{
	static const char committee[] = "委员会";
	size_t at = parse_find(s, st, end, committee);
	if (at != PARSE_NONE)
		return at + strlen(committee);
	static const char short_committee[] = "委";
	for (size_t p = st; (p = parse_find(s, p, end, short_committee)) != PARSE_NONE; p += strlen(short_committee))
		for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
			size_t n = strlen(units[k].name);   /* a unit of one character: 市, 区, 县 … */
			if (n == strlen(short_committee) && p >= st + n && memcmp(s + p - n, units[k].name, n) == 0)
				return p + strlen(short_committee);
		}
	return PARSE_NONE;
}

/* Where the government's name starts after the party committee that reports with it
 * (中共鲁权屯镇委员会 鲁权屯镇人民政府, 中共某县委员会、某县人民政府, 中共某区委某区人民政府 as a PDF's text
 * joins them), st opening the committee's name after 中共; st when no government's name follows. */
static size_t past_party_committee(const char *s, size_t st, size_t end)
{
	size_t p = committee_end(s, st, end);
	if (p == PARSE_NONE || parse_chars(s, st, p, LONG_NAME_MAX + 1) > LONG_NAME_MAX)
		return st;
	size_t q = parse_skip_blanks(s, p, end);
	if (parse_starts(s, q, end, "、"))
		q = parse_skip_blanks(s, q + strlen("、"), end);
	else if (parse_starts(s, q, end, "和"))
		q += strlen("和");
	else if (q == p && !parse_ends(s, p, end, "政府"))
		return st;   /* joined to nothing but a government's name */
	return q < end ? q : st;
}

static const char corps[] = "新疆生产建设兵团";

size_t parse_corps_division(const char *s, size_t st, size_t end)
{
	size_t i = parse_starts(s, st, end, corps) ? st + strlen(corps) : st;
	if (!parse_starts(s, i, end, "第"))
		return 0;
	i += strlen("第");
	if (parse_cn_numeral(s, &i, end) <= 0 || !parse_starts(s, i, end, "师"))
		return 0;
	return i + strlen("师");
}

char *parse_corps_region(const char *region)
{
	size_t n = strlen(region);
	if (!parse_corps_division(region, 0, n) || parse_starts(region, 0, n, corps))
		return NULL;
	return xasprintf("%s%s", corps, region);
}

int parse_region_split(const char *s, size_t st, size_t end, struct parse_region *out)
{
	const struct unit *unit = NULL;
	int dept = 0, best_word = 1;
	if (parse_starts(s, st, end, "中共")) {
		size_t named = st + strlen("中共"), c = committee_end(s, named, end);
		st = past_party_committee(s, named, end);
		if (st == named && c == end)   /* the committee alone (中共梅州市委): its place */
			end = parse_ends(s, st, end, "委员会") ? end - strlen("委员会") : end - strlen("委");
	}
	st = after_national_agency(s, st, end);
	size_t best = 0, name = st;   /* name: where the place name before the next unit begins */
	if (opens_with_pronoun(s, st, end) || parse_chars(s, st, end, 40) > 40)
		return 0;
	size_t division = parse_corps_division(s, st, end);
	if (division) {   /* 第一师阿拉尔市: the corps' division, a prefecture, then its city */
		name = division;
		if (is_organ(s, past_aside(s, division, end), end))
			best = division, unit = &corps_unit;
	}
	for (size_t p = st; p < end;) {
		encoding_next(s, end, &p);
		int word;
		const struct unit *u = unit_ending(s, st, p, end, &word);
		if (word && district_of_city(s, st, p, end))
			word = 0;
		if (!u || parse_chars(s, st, p, 2) < 2 || (word && !best_word) || inside_aside(s, st, p))
			continue;
		size_t at = p - strlen(u->name);
		if (parse_starts(s, name, at, "人民政府"))
			name += strlen("人民政府");   /* 朝阳区人民政府三里屯街道: an agency of the district */
		size_t len = at > name ? parse_chars(s, name, at, LONG_NAME_MAX) : 0;
		if (word && len < 2)
			continue;   /* 州市场监督管理局: a unit inside a word needs a place's name before it */
		if (at == st && parse_starts(u->name, 0, strlen(u->name), "自治"))
			return 0;   /* 自治区市场监督管理局: a body's short word for its own region, no place */
		if (len > (size_t)u->name_max) {
			if (word)
				continue;
			break;   /* no place is named so: 法治政府建设寿光市 */
		}
		if (len > 0)
			name = p;
		size_t q = past_aside(s, p, end);
		int organ = is_organ(s, q, end);
		if (organ || is_department(s, q, end)) {
			best = p;
			unit = u;
			dept = !organ;
			best_word = word;
		}
	}
	if (!unit || parse_chars(s, st, best, 20) > 20)
		return 0;
	out->start = st;
	out->end = best;
	out->level = dept ? REPORT_LEVEL_DEPARTMENT : unit->level;
	if (!dept && unit->level == REPORT_LEVEL_CITY) {
		for (size_t k = 0; k < sizeof municipalities / sizeof *municipalities; k++)
			if (equals(s, st, best, municipalities[k]))
				out->level = REPORT_LEVEL_PROVINCE;
	}
	return 1;
}

int parse_body_name(const char *s, size_t st, size_t end)
{
	struct parse_region g;
	return parse_region_split(s, st, end, &g) && g.end < end;
}

size_t parse_region_units(const char *s, size_t st, size_t end)
{
	size_t n = 0;
	for (size_t p = st; p < end;) {
		encoding_next(s, end, &p);
		int word;
		/* 乌镇镇 is one place: a unit counts when a whole name (two characters at least)
		 * or nothing follows it. */
		n += unit_ending(s, st, p, end, &word) && !word && parse_chars(s, st, p, 2) >= 2 &&
		     (p == end || parse_chars(s, p, end, 2) >= 2);
	}
	return n;
}
