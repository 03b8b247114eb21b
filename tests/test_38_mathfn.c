/* test_38_mathfn.c — mathfn's logarithm, exponential and rounding against the C library's own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "mathfn.h"

/* Units in the last place of want between got and want. */
static double ulps(double got, double want)
{
	if (got == want)
		return 0;
	double unit = nextafter(fabs(want), HUGE_VAL) - fabs(want);
	return fabs(got - want) / unit;
}

/* The doubles of a run from lo to hi in n steps, each as far from the last by a ratio (a wide
 * range) or by a difference (a narrow one), and a few neighbours of each. */
static double worst(double (*mine)(double), double (*theirs)(double), double lo, double hi, int n, int ratio)
{
	double most = 0;
	for (int i = 0; i <= n; i++) {
		double t = (double)i / n;
		double x = ratio ? lo * pow(hi / lo, t) : lo + (hi - lo) * t;
		for (int j = 0; j < 4; j++, x = nextafter(x, HUGE_VAL)) {
			double u = ulps(mine(x), theirs(x));
			most = u > most ? u : most;
		}
	}
	return most;
}

static void test_log(void **state)
{
	(void)state;
	assert_true(worst(mathfn_log, log, 1e-300, 1e300, 200000, 1) <= 1.0);
	assert_true(worst(mathfn_log, log, 0.5, 2.0, 200000, 0) <= 1.0);          /* the reduced range, and */
	assert_true(worst(mathfn_log, log, 1 - 1e-6, 1 + 1e-6, 20000, 0) <= 1.0);   /* near 1, where it is small */
	assert_true(worst(mathfn_log, log, 4.9e-324, 2.2e-308, 20000, 1) <= 1.0);   /* subnormal */
	assert_true(mathfn_log(1) == 0);
	assert_true(mathfn_log(0) == -HUGE_VAL);
	assert_true(mathfn_log(HUGE_VAL) == HUGE_VAL);
	assert_true(isnan(mathfn_log(-1)));
	assert_true(isnan(mathfn_log(NAN)));
	for (int n = 1; n < 60000; n += 7)   /* idf: log(1 + (N - df + 0.5) / (df + 0.5)) */
		assert_true(ulps(mathfn_log(1 + (60000.0 - n + 0.5) / (n + 0.5)), log(1 + (60000.0 - n + 0.5) / (n + 0.5))) <= 1);
}

static void test_exp(void **state)
{
	(void)state;
	assert_true(worst(mathfn_exp, exp, -700, 700, 400000, 0) <= 1.0);
	assert_true(worst(mathfn_exp, exp, -1e-3, 1e-3, 20000, 0) <= 1.0);
	assert_true(worst(mathfn_exp, exp, -30, 0, 100000, 0) <= 1.0);   /* exp(-idf) */
	assert_true(mathfn_exp(0) == 1);
	assert_true(mathfn_exp(710) == HUGE_VAL);
	assert_true(mathfn_exp(-746) == 0);
	assert_true(isnan(mathfn_exp(NAN)));
	for (int i = 1; i < 50; i++)   /* a log and back */
		assert_true(ulps(mathfn_exp(mathfn_log(i)), (double)i) <= 2);
}

static void test_round(void **state)
{
	(void)state;
	static const double cases[] = { 0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
	                                4503599627370495.5, 4503599627370496.0, 9007199254740993.0, -4503599627370495.5,
	                                1e300, -1e300, 123.456, 2345.5, -0.7, 1234567.49999999, HUGE_VAL, -HUGE_VAL };
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		double got = mathfn_round(cases[i]), want = round(cases[i]);
		assert_memory_equal(&got, &want, sizeof got);   /* the sign of a zero too */
	}
	assert_true(isnan(mathfn_round(NAN)));
	for (int i = -200000; i <= 200000; i++) {   /* percentages to two decimals, as facts makes them */
		double v = i / 7.0 * 10000 / 9973;
		assert_true(mathfn_round(v) == round(v));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_log),
		cmocka_unit_test(test_exp),
		cmocka_unit_test(test_round),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
