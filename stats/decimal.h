/*
 * decimal.h - exact quantities from counts against decimal numbers as
 * they are published.  A rate, ratio or difference of integer counts is a
 * rational number; a published figure is a decimal shown to some
 * precision.  Deciding whether one rounds to the other must be exact: a
 * tie (x.xx5) decided in floating point goes either way.  Numerators and
 * denominators are 128-bit (products of two counts up to 2^53 and a
 * factor such as 100 fit), using the unsigned __int128 of GCC and clang.
 */
#ifndef DSP_DECIMAL_H
#define DSP_DECIMAL_H

#include <stdint.h>

typedef unsigned __int128 dsp_u128;

/* (-1)^neg num/den.  den == 0 means infinite (num > 0) or undefined
 * (num == 0). */
typedef struct {
	dsp_u128 num, den;
	int neg;
} dsp_rational;

/* A published decimal, (-1)^neg digits 10^-scale: "0.71" is 71 and 2,
 * "2.5e3" 25 and -2, "13" 13 and 0. */
typedef struct {
	uint64_t digits;
	int scale;
	int neg;
} dsp_decimal;

/* The rules by which the exact value could have been rounded to the
 * published one: on magnitudes, half away from zero, half to even, and
 * truncation toward zero. */
enum { DSP_HALF_UP, DSP_HALF_EVEN, DSP_TRUNCATE, DSP_NRULES };

/* a/b reduced, with the sign of neg; den 0 as above.  Returns the value,
 * or one with den = num = 0 (undefined) when a product overflowed. */
dsp_rational dsp_q(dsp_u128 a, dsp_u128 b, int neg);

/* p times q, reduced; overflow gives an undefined value. */
dsp_rational dsp_q_mul(dsp_rational p, dsp_u128 factor);

/* Whether q is defined (a finite or infinite number). */
int dsp_q_defined(dsp_rational q);

/* q as the nearest double. */
double dsp_q_double(dsp_rational q);

/* -1, 0 or 1 as q is below, equal to or above the decimal d; exact.  An
 * infinite q is above (below if negative); an undefined one gives 2. */
int dsp_q_cmp(dsp_rational q, dsp_decimal d);

/* -1, 0 or 1 as q, rounded by rule at d's precision, is below, equal to
 * or above d; exact (infinite and undefined q as for dsp_q_cmp). */
int dsp_q_round_cmp(dsp_rational q, dsp_decimal d, int rule);

/* The same for a real number (a p-value, an interval bound), in long
 * double arithmetic: exact enough for values computed to ~1e-13.  NaN
 * gives 2. */
int dsp_x_round_cmp(double x, dsp_decimal d, int rule);
int dsp_x_cmp(double x, dsp_decimal d);

/* q rounded by rule at 10^-scale, as a decimal: 0, or -1 when it is
 * infinite, undefined or too large to hold. */
int dsp_q_round(dsp_rational q, int scale, int rule, dsp_decimal *out);
int dsp_x_round(double x, int scale, int rule, dsp_decimal *out);

/* d as a double. */
double dsp_decimal_double(dsp_decimal d);

#endif
