/*
 * betainc.c - regularized incomplete beta by continued fraction, with the
 * prefactor x^a (1-x)^b / B(a,b) evaluated in Loader's saddle-point form.
 *
 * A power series of positive terms sums the smaller tail (no cancellation
 * anywhere).  The usual scheme, a continued fraction up to x = (a+1)/(a+b+2)
 * and symmetry above, was tried first: it loses ~log10(a+b) digits near
 * that point, where its first denominator 1 + d_1 cancels.
 *
 * The smaller tail keeps full relative accuracy; the larger is 1 - the
 * smaller.  Near the mean of a very skewed distribution (a/b or b/a beyond
 * ~10^6) the smaller tail too is taken as a complement, with absolute error
 * ~1e-16, harmless since both tails are moderate there.
 */
#include "betainc.h"
#include "dsp.h"
#include "root.h"
#include "saddle.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_math.h>

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
	/* Near x = 1, x^j would compound the rounding of x = 1 - y over
	 * millions of terms; there each ratio is formed from the exact y as
	 * 1 - [(s+j) y - (b-1)] / (a+1+j). */
	int near1 = x > 0.5;
	for (double j = 0; j < 1e8; j++) {
		double r = near1 ? 1 - ((s + j) * y - (b - 1)) / (a + 1 + j)
				 : (s + j) * x / (a + 1 + j);
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

double dsp_beta_tail(double x, double a, double b, int upper)
{
	if (!(a > 0 && b > 0 && x >= 0 && x <= 1))
		return NAN;
	if (x == 0 || x == 1)
		return (x == 0) == (upper != 0);
	/* Sum the smaller tail directly: I_x(a,b) when x is below the mean,
	 * else I_{1-x}(b,a).  Its terms fall from the start with ratio at most
	 * r0 < 1, so it costs about min(40/-log r0, sqrt(78 A s/B)) terms.
	 * Past 10^5 terms x is near the mean, both tails are moderate, and
	 * 1 - (the other tail) is as accurate as a long sum, whose rounding
	 * grows with its length. */
	int lower_small = x * (a + b) < a;
	double X = lower_small ? x : 1 - x, Y = lower_small ? 1 - x : x;
	double A = lower_small ? a : b, B = lower_small ? b : a, s = A + B;
	double r0 = s * X / (A + 1);
	double cost = fmin(r0 < 1 ? 40 / -log(r0) : INFINITY, sqrt(78 * A * s / B));
	double small = cost < 1e5 ? beta_series(X, Y, A, B)
				  : 1 - beta_series(Y, X, B, A);
	return (upper != 0) == lower_small ? 1 - small : small;
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
	return dsp_root(qfun, &q, 0, 1, 0, 2 * DBL_EPSILON);
}
