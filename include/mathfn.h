/* mathfn.h — the few functions of the math library fazhi needs (a logarithm and an exponential for ranking, rounding for figures), so that no process maps libm. */
#ifndef FAZHI_MATHFN_H
#define FAZHI_MATHFN_H

/* A shared library costs every process about half a millisecond to map and relocate (measured:
 * a program that maps libm starts 0.5 ms later than one that does not), and a search is a whole
 * process; fazhi used libm for these alone. Each is within one unit in the last place of the C
 * library's own (tests/test_38_mathfn.c compares them). */

/* The natural logarithm of x; -inf at 0, NaN below 0 or for NaN, inf at inf. */
double mathfn_log(double x);

/* e to the power x; 0 below about -745, inf above about 709.8, NaN for NaN. */
double mathfn_exp(double x);

/* x rounded to the nearest integer, halves away from zero, as round() does. */
double mathfn_round(double x);

#endif
