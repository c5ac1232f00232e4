/*
 * gammainc.c - Poisson tails (see gammainc.h).  The tail on the side of k
 * away from the mean is computed, the other is 1 - it:
 *
 * - shape (k, or k + 1) below 10^5: the terms summed outward from k, where
 *   they fall, with Loader's saddle-point density; about 3000 terms at
 *   most, near the mean of a count of 10^5.
 * - above: Temme's uniform expansion (uniform.c, DLMF 8.12.3-8.12.4),
 *   whose cost does not depend on k (summing took 2 s at k = 10^13).
 */
#include "gammainc.h"
#include "saddle.h"
#include "uniform.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_math.h>

double dsp_ldpois(double k, double mu)
{
	if (k == 0)
		return -mu;
	return -dsp_stirlerr(k) - dsp_bd0(k, mu) - 0.5 * log(2 * M_PI * k);
}

/*
 * log P(X >= k) (dir > 0) or log P(X <= k) (dir < 0), summed from k
 * outward with terms scaled to P(X = k) = 1, for k on the side of the
 * mean where they fall: their ratios then only decrease, so term r/(1-r)
 * bounds the rest.
 */
static double sum_logtail(double k, double mu, int dir)
{
	double sum = 1, term = 1;
	for (double j = k; dir > 0 || j > 0; j += dir) {
		double r = dir > 0 ? mu / (j + 1) : j / mu;
		term *= r;
		sum += term;
		if (r < 1 && term * r < DBL_EPSILON / 8 * sum * (1 - r))
			break;
	}
	return dsp_ldpois(k, mu) + log(sum);
}

/* log P(alpha, mu) (lower != 0) or log Q(alpha, mu), alpha >=
 * DSP_UNIFORM_MIN. */
static double uniform_logtail(const struct dsp_uniform *u, double alpha, double mu,
			      int lower)
{
	double zeta = copysign(sqrt(dsp_bd0(alpha, mu)), mu - alpha);
	double ls = dsp_uniform_logtail(u, zeta, alpha, -dsp_stirlerr(alpha));
	return (zeta <= 0) == (lower != 0) ? ls : log1p(-exp(ls));
}

double dsp_pois_logtail(double k, double mu, int upper)
{
	if (!(k >= 0 && k == floor(k) && mu > 0 && isfinite(mu)))
		return NAN;
	if (upper && k == 0)
		return 0;
	/* P(X >= k) = P(k, mu), P(X <= k) = Q(k + 1, mu). */
	double alpha = upper ? k : k + 1;
	if (alpha >= DSP_UNIFORM_MIN)
		return uniform_logtail(dsp_uniform_gamma(), alpha, mu, upper);
	if (upper)  /* small when k is above the mean */
		return k >= mu ? sum_logtail(k, mu, +1)
			       : log1p(-exp(sum_logtail(k - 1, mu, -1)));
	return k <= mu ? sum_logtail(k, mu, -1)
		       : log1p(-exp(sum_logtail(k + 1, mu, +1)));
}
