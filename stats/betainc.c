/*
 * betainc.c - regularized incomplete beta by continued fraction, with the
 * prefactor x^a (1-x)^b / B(a,b) evaluated in Loader's saddle-point form.
 *
 * Near the mean a positive-term power series on the side of the smaller
 * parameter does the work; the continued fraction (DLMF 8.17.22, modified
 * Lentz) only computes far tails.  The usual scheme, the fraction up to
 * x = (a+1)/(a+b+2) and symmetry above it, loses ~log10(a+b) digits near
 * that point because its first denominator 1 + d_1 cancels.
 *
 * The tail asked for keeps full relative accuracy when it is the smaller
 * one or when the mean is near; a tail obtained as 1 - (the other) has
 * absolute error ~1e-16, which matters only for tails below ~1e-10 within
 * a few standard deviations of the mean of a very skewed distribution.
 */
#include "betainc.h"
#include "dsp.h"
#include "saddle.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_roots.h>

/*
 * log[x^a y^b / B(a,b)] with y = 1 - x given separately.  Writing s = a+b,
 * Stirling's series turns log Gamma(s)/(Gamma(a)Gamma(b)) + a log x + b log y
 * into the small, cancellation-free terms below (the derivation mirrors
 * Loader 2000, sec. 2, for real arguments).
 */
static double log_kernel(double x, double y, double a, double b)
{
	double s = a + b;
	return dsp_stirlerr(s) - dsp_stirlerr(a) - dsp_stirlerr(b) -
	       dsp_bd0(a, s * x) - dsp_bd0(b, s * y) +
	       0.5 * log(a * b / (2 * M_PI * s));
}

/* Continued fraction for I_x(a,b) a / [x^a y^b / B(a,b)] (DLMF 8.17.22). */
static double beta_cf(double x, double a, double b)
{
	const double tiny = 1e-300, eps = DBL_EPSILON;
	/* Lentz needs a non-zero leading term: evaluate 1 + F, F = the
	 * fraction, then subtract the 1. */
	double f = 1, c = 1, d = 0;
	/* Terms d_1, d_2, ...: d_{2m+1} = -(a+m)(a+b+m)x / ((a+2m)(a+2m+1)),
	 * d_{2m} = m(b-m)x / ((a+2m-1)(a+2m)); f = 1/(1 + d_1/(1 + ...)). */
	/* Near the mode it takes O(sqrt(max(a,b))) terms: ~10^5 at 10^9. */
	for (long i = 0; i < 20000000L; i++) {
		double m = (double)(i / 2), num;
		if (i == 0)
			num = 1;
		else if (i % 2 == 0)
			num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
		else
			num = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
		d = 1 + num * d;
		d = 1 / (fabs(d) < tiny ? tiny : d);
		c = 1 + num / c;
		if (fabs(c) < tiny)
			c = tiny;
		double delta = c * d;
		f *= delta;
		if (i > 0 && fabs(delta - 1) < eps)
			return f - 1;  /* minus the leading 1; f - 1 >= 1, so
					* this costs at most one bit */
	}
	return NAN;
}

/*
 * Power series I_x(a,b) = [x^a y^b / (a B(a,b))] sum_j (a+b)_j/(a+1)_j x^j
 * (DLMF 8.17.8 with 2F1(a+b,1;a+1;x)).  Every term is positive, so there is
 * no cancellation anywhere; the terms grow while (a+b+j)x > a+1+j, then
 * fall.  Sums are rescaled so that a huge peak cannot overflow.
 */
static double beta_series(double x, double y, double a, double b)
{
	const double big = 1e280;
	double s = a + b, sum = 1, term = 1, lscale = 0;
	for (double j = 0; j < 1e8; j++) {
		double r = (s + j) * x / (a + 1 + j);
		term *= r;
		sum += term;
		if (sum > big) {
			sum /= big, term /= big;
			lscale += log(big);
		}
		if (r < 1 && term < DBL_EPSILON / 8 * sum * (1 - r))
			break;
	}
	return exp(log_kernel(x, y, a, b) + lscale + log(sum)) / a;
}

/*
 * The continued fraction for I_x(a,b), used only far out in a tail (x well
 * below (a+1)/(a+b+2)), where it converges in a few terms and its first
 * denominators do not cancel.
 */
static double beta_cf_tail(double x, double y, double a, double b)
{
	return exp(log_kernel(x, y, a, b)) / a * beta_cf(x, a, b);
}

double dsp_beta_tail(double x, double a, double b, int upper)
{
	if (!(a > 0 && b > 0 && x >= 0 && x <= 1))
		return NAN;
	if (x == 0 || x == 1)
		return (x == 0) == (upper != 0);
	/* Work on the side of the smaller parameter, where the series costs
	 * O(sqrt(A)) terms near the mean.  jstar is where its terms peak;
	 * past a budget, x lies so far above that side's mean that the other
	 * tail is negligible and the fraction computes it directly. */
	int flip = a > b;
	double X = flip ? 1 - x : x, Y = flip ? x : 1 - x;
	double A = flip ? b : a, B = flip ? a : b;
	double jstar = ((A + B) * X - A - 1) / Y, lower;
	if (jstar < 4e6)
		lower = beta_series(X, Y, A, B);
	else
		lower = 1 - beta_cf_tail(Y, X, B, A);
	/* lower is now I_X(A,B); map back to the tail asked for. */
	return (upper != 0) == (flip != 0) ? lower : 1 - lower;
}

struct qparams {
	double t, a, b;
	int upper;
};

static double qfun(double x, void *vp)
{
	struct qparams *q = vp;
	return dsp_beta_tail(x, q->a, q->b, q->upper) - q->t;
}

double dsp_beta_quantile(double t, double a, double b, int upper)
{
	if (!(t > 0 && t < 1 && a > 0 && b > 0))
		return NAN;
	struct qparams q = {t, a, b, upper};
	gsl_function F = {qfun, &q};
	gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	if (!s)
		return NAN;
	double lo = 0, hi = 1, r = NAN;
	gsl_root_fsolver_set(s, &F, lo, hi);
	for (int i = 0; i < 1000; i++) {
		if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS)
			break;
		r = gsl_root_fsolver_root(s);
		lo = gsl_root_fsolver_x_lower(s);
		hi = gsl_root_fsolver_x_upper(s);
		if (gsl_root_test_interval(lo, hi, 0, 2 * DBL_EPSILON) == GSL_SUCCESS)
			break;
	}
	gsl_root_fsolver_free(s);
	return r;
}
