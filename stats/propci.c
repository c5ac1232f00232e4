/*
 * propci.c - intervals for one binomial proportion.
 *
 * References: Wilson (1927) JASA 22:209; Clopper & Pearson (1934)
 * Biometrika 26:404; Jeffreys interval as in Brown, Cai & DasGupta (2001)
 * Statistical Science 16:101, sec. 4.1.2.
 */
#include "propci.h"
#include "betainc.h"
#include "dsp.h"

#include <math.h>

#include <gsl/gsl_cdf.h>

double dsp_z(double level)
{
	return gsl_cdf_ugaussian_Qinv((1 - level) / 2);
}

static int bad_args(double x, double n, double level)
{
	return !(n >= 1 && n <= DSP_COUNT_MAX && x >= 0 && x <= n &&
		 x == floor(x) && n == floor(n) && level > 0 && level < 1);
}

/*
 * The Wilson bounds are the roots of (n+z^2)p^2 - (2x+z^2)p + x^2/n = 0.
 * The larger root's formula adds positive terms only; the smaller root is
 * taken as (product of roots) / (larger root), which keeps its relative
 * accuracy when x is small against n, where centre - halfwidth cancels.
 */
int dsp_ci_wilson(double x, double n, double level, double *lo, double *hi)
{
	if (bad_args(x, n, level))
		return DSP_EDOM;
	double z = dsp_z(level), z2 = z * z, p = x / n;
	double larger = (x + z2 / 2 + z * sqrt(x * (n - x) / n + z2 / 4)) / (n + z2);
	*hi = x == n ? 1 : larger;
	*lo = x == 0 ? 0 : x * p / ((n + z2) * larger);
	return DSP_OK;
}

int dsp_ci_jeffreys(double x, double n, double level, double *lo, double *hi)
{
	if (bad_args(x, n, level))
		return DSP_EDOM;
	double t = (1 - level) / 2;
	/* Equal-tailed interval of the Beta(x+1/2, n-x+1/2) posterior. */
	*lo = x == 0 ? 0 : dsp_beta_quantile(t, x + 0.5, n - x + 0.5, 0);
	*hi = x == n ? 1 : dsp_beta_quantile(t, x + 0.5, n - x + 0.5, 1);
	return isnan(*lo) || isnan(*hi) ? DSP_ENOCONV : DSP_OK;
}

int dsp_ci_exact(double x, double n, double level, double *lo, double *hi)
{
	if (bad_args(x, n, level))
		return DSP_EDOM;
	double t = (1 - level) / 2;
	/* P(Bin(n,p) >= x) = I_p(x, n-x+1) and P(Bin(n,p) <= x) = 1 -
	 * I_p(x+1, n-x), so each bound is a beta quantile. */
	*lo = x == 0 ? 0 : dsp_beta_quantile(t, x, n - x + 1, 0);
	*hi = x == n ? 1 : dsp_beta_quantile(t, x + 1, n - x, 1);
	return isnan(*lo) || isnan(*hi) ? DSP_ENOCONV : DSP_OK;
}
