/* mathfn.c — the few functions of the math library fazhi needs (a logarithm and an exponential for ranking, rounding for figures), so that no process maps libm. */
#include "mathfn.h"

#include <math.h>   /* frexp, ldexp, copysign (the C library's own), HUGE_VAL, NAN */

/* ln 2 in two parts: the high one ends in zero bits, so k LN2_HI is exact for |k| < 2^11, and
 * the low one is the rest. */
#define LN2_HI 6.93147180369123816490e-01
#define LN2_LO 1.90821492927058770002e-10
#define INV_LN2 1.44269504088896338700
#define SQRT_HALF 0.70710678118654752440

double mathfn_log(double x)
{
	if (x != x || x < 0)
		return NAN;
	if (x == 0)
		return -HUGE_VAL;
	if (x == HUGE_VAL)
		return x;
	int e;
	double m = frexp(x, &e);   /* x = m 2^e with m in [1/2, 1), then taken into [sqrt(1/2), sqrt 2) */
	if (m < SQRT_HALF) {
		m *= 2;
		e--;
	}
	/* log m = log(1 + f) = 2 atanh s with s = f / (2 + f), |s| < 0.172; as 2s = f - s f, that is
	 * f - s (f - R) with R = 2 (s^2/3 + s^4/5 + ...): f exact, and the rest small beside it. The
	 * series to s^22 leaves out less than a hundredth of the last place. */
	double f = m - 1, s = f / (2 + f), z = s * s, r = 0;
	for (int k = 23; k >= 3; k -= 2)
		r = (r + 2.0 / k) * z;
	double ek = (double)e;
	return ek * LN2_HI - ((s * (f - r) - ek * LN2_LO) - f);
}

double mathfn_exp(double x)
{
	if (x != x)
		return x;
	if (x > 709.79)
		return HUGE_VAL;
	if (x < -745.2)
		return 0;
	/* e^x = 2^k e^r with k the integer nearest x / ln 2 and |r| <= ln 2 / 2; e^r by its series to
	 * r^17 / 17!, which leaves out less than 1e-21. */
	int k = (int)(x * INV_LN2 + (x < 0 ? -0.5 : 0.5));
	double r = (x - k * LN2_HI) - k * LN2_LO, p = 0;
	for (int n = 17; n >= 2; n--)
		p = (p + 1) * r / n;
	return ldexp(1 + (r + p * r), k);
}

double mathfn_round(double x)
{
	double a = x < 0 ? -x : x;
	if (!(a < 4503599627370496.0))   /* 2^52 and above (and NaN, inf): already whole */
		return x;
	double t = (double)(long long)a;   /* a's whole part: exact below 2^52 */
	if (a - t >= 0.5)                  /* a - t exact too */
		t += 1;
	return copysign(t, x);
}
