/*
 * saddle.c - Loader's saddle-point binomial density and the hypergeometric
 * built from it.  The density is written as
 *
 *   exp(stirlerr(n) - stirlerr(x) - stirlerr(n-x) - bd0(x,np) - bd0(n-x,nq))
 *     * sqrt(n / (2 pi x (n-x)))
 *
 * (Loader 2000, eq. 2-3), where every term is small or computed without
 * cancellation, so the result is accurate to a few ulps even at n = 10^9,
 * where log C(n,x) alone is ~10^9 and lgamma differences keep ~7 digits.
 */
#include "saddle.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_math.h>

double dsp_stirlerr(double x)
{
	/* Series 1/(12x) - 1/(360x^3) + ... (Loader 2000, eq. 4): five terms
	 * give full double precision from x = 15 on. */
	static const double S0 = 1.0 / 12, S1 = 1.0 / 360, S2 = 1.0 / 1260,
			    S3 = 1.0 / 1680, S4 = 1.0 / 1188;
	if (x > 15) {
		double x2 = x * x;
		return (S0 - (S1 - (S2 - (S3 - S4 / x2) / x2) / x2) / x2) / x;
	}
	if (x == 0)
		return INFINITY;  /* the limit; callers treat x = 0 apart */
	/* For small x the direct form has no harmful cancellation: the terms
	 * are O(10) and the result O(0.01), so we lose at most 3 digits of an
	 * exponent that is itself small, i.e. a relative error ~1e-14 at most
	 * in the density. */
	return gsl_sf_lngamma(x + 1) - (x + 0.5) * log(x) + x - 0.5 * log(2 * M_PI);
}

/* Loader's series for bd0(x, x + d) when |d| < 0.1 (2x + d): in v = -d/(2x
 * + d), bd0 = -d v + 2x sum v^(2j+1)/(2j+1), j >= 1; |v| < 0.1, so it
 * converges fast. */
static double bd0_series(double x, double d)
{
	double v = -d / (2 * x + d);
	double s = -d * v;
	double ej = 2 * x * v, v2 = v * v;
	for (int j = 1; j < 1000; j++) {
		ej *= v2;
		double s1 = s + ej / (2 * j + 1);
		if (s1 == s)
			return s1;
		s = s1;
	}
	return s;
}

/* Far from x = np: the definition, with log(x/np) split where the ratio
 * would overflow or underflow (np near DBL_TRUE_MIN or x near 0). */
static double bd0_far(double x, double np)
{
	double r = x / np;
	double l = r > DBL_MIN && r < DBL_MAX ? log(r) : log(x) - log(np);
	return x * l + np - x;
}

double dsp_bd0(double x, double np)
{
	/* x - np is exact here (Sterbenz), so this is bd0_series(x, np - x). */
	if (fabs(x - np) < 0.1 * (x + np))
		return bd0_series(x, np - x);
	return bd0_far(x, np);
}

double dsp_bd0_dev(double x, double d, double np)
{
	if (x == 0)
		return np;
	if (fabs(d) < 0.1 * (2 * x + d))
		return bd0_series(x, d);
	return bd0_far(x, np);
}

double dsp_ldbinom_dev(double x, double nx, double p, double q, double d)
{
	double n = x + nx;
	if (x < 0 || nx < 0)
		return -INFINITY;
	if (n == 0)
		return 0;
	/* log q from the smaller of p, q: when q is near 1 its rounding error
	 * (an ulp of 1) is a large relative error in log q, times n. */
	if (x == 0)
		return n * (q > 0.5 ? log1p(-p) : log(q));
	if (nx == 0)
		return n * (p > 0.5 ? log1p(-q) : log(p));
	if (p == 0 || q == 0)
		return -INFINITY;
	double lc = dsp_stirlerr(n) - dsp_stirlerr(x) - dsp_stirlerr(nx) -
		    dsp_bd0_dev(x, d, n * p) - dsp_bd0_dev(nx, -d, n * q);
	return lc + 0.5 * log(n / (2 * M_PI * x) / nx);
}

double dsp_ldbinom(double x, double n, double p, double q)
{
	if (x < 0 || x > n)
		return -INFINITY;
	/* n p - x by one fma from the smaller of p and q: forming n p first
	 * would round it by up to n p 2^-53 (0.1 at n = 10^15). */
	double d = p <= q ? fma(n, p, -x) : -fma(n, q, -(n - x));
	return dsp_ldbinom_dev(x, n - x, p, q, d);
}

double dsp_ldhyper(double x, double good, double bad, double draws)
{
	double total = good + bad;
	if (x < 0 || x > good || draws - x < 0 || draws - x > bad)
		return -INFINITY;
	if (draws == 0 || draws == total)
		return 0;
	/* Any p cancels in the ratio; p = draws/total keeps every factor near
	 * its mode, where the expansion is most accurate. */
	double p = draws / total, q = (total - draws) / total;
	return dsp_ldbinom(x, good, p, q) + dsp_ldbinom(draws - x, bad, p, q) -
	       dsp_ldbinom(draws, total, p, q);
}
