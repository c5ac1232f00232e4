/*
 * odds.c - intervals for the odds ratio of the 2x2 table
 * [[x1, n1-x1], [x2, n2-x2]].
 *
 * woolf: Woolf B (1955) On estimating the relation between blood group and
 *   disease. Ann Hum Genet 19:251-253.
 * gart: Gart JJ (1966) Alternative analyses of contingency tables. J R Stat
 *   Soc B 28:164-179 (1/2 added to each cell).
 */
#include "odds.h"
#include "dsp.h"
#include "propci.h"

#include <math.h>

static int bad_args(double x1, double n1, double x2, double n2, double level)
{
	return !(n1 >= 1 && n2 >= 1 && n1 <= DSP_COUNT_MAX && n2 <= DSP_COUNT_MAX &&
		 x1 >= 0 && x1 <= n1 && x2 >= 0 && x2 <= n2 &&
		 x1 == floor(x1) && x2 == floor(x2) && n1 == floor(n1) &&
		 n2 == floor(n2) && level > 0 && level < 1);
}

double dsp_or(double x1, double n1, double x2, double n2)
{
	double num = x1 * (n2 - x2), den = x2 * (n1 - x1);
	if (den == 0)
		return num == 0 ? NAN : INFINITY;
	return num / den;
}

/* exp(log OR -/+ z sqrt(1/a + 1/b + 1/c + 1/d)) for cells a, b, c, d > 0. */
static void logit(double a, double b, double c, double d, double level,
		  double *lo, double *hi)
{
	double u = log((a / b) / (c / d)), z = dsp_z(level);
	double se = sqrt(1 / a + 1 / b + 1 / c + 1 / d);
	*lo = exp(u - z * se);
	*hi = exp(u + z * se);
}

int dsp_or_woolf(double x1, double n1, double x2, double n2, double level,
		 double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	*lo = 0;
	*hi = INFINITY;
	if (x1 > 0 && x1 < n1 && x2 > 0 && x2 < n2)
		logit(x1, n1 - x1, x2, n2 - x2, level, lo, hi);
	return DSP_OK;
}

int dsp_or_gart(double x1, double n1, double x2, double n2, double level,
		double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	logit(x1 + 0.5, n1 - x1 + 0.5, x2 + 0.5, n2 - x2 + 0.5, level, lo, hi);
	return DSP_OK;
}
