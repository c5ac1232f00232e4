/*
 * diff.c - intervals for the difference of two proportions.
 *
 * newcombe: Newcombe RG (1998) Interval estimation for the difference
 *   between independent proportions: comparison of eleven methods. Stat
 *   Med 17:873-890, method 10.
 * agresti-caffo: Agresti A, Caffo B (2000) Am Stat 54:280-288.
 * wald: the textbook interval, for comparison.
 */
#include "diff.h"
#include "dsp.h"
#include "propci.h"
#include "test2x2.h"

#include <math.h>

static int bad_args(double x1, double n1, double x2, double n2, double level)
{
	return !(n1 >= 1 && n2 >= 1 && n1 <= DSP_COUNT_MAX && n2 <= DSP_COUNT_MAX &&
		 x1 >= 0 && x1 <= n1 && x2 >= 0 && x2 <= n2 &&
		 x1 == floor(x1) && x2 == floor(x2) && n1 == floor(n1) &&
		 n2 == floor(n2) && level > 0 && level < 1);
}

static double clip(double v)
{
	return v < -1 ? -1 : v > 1 ? 1 : v == 0 ? 0 : v;  /* and no -0 */
}

double dsp_rd(double x1, double n1, double x2, double n2)
{
	return clip(dsp_cross_diff(x1, n1, x2, n2) / n1 / n2);
}

/*
 * The distances from x/n down to its Wilson lower limit and up to its upper
 * limit.  With centre c and half-width h the limits are c -/+ h, and
 * p - c = z^2 (2x - n) / (2n (n + z^2)); the two distances are h +/- (p - c),
 * whose product is K = z^2 x (n-x) / (n^2 (n + z^2)), so the one that would
 * cancel is taken as K over the other.
 */
static void wilson_dist(double x, double n, double z, double *down, double *up)
{
	double z2 = z * z;
	double h = z * sqrt(x * (n - x) / n + z2 / 4) / (n + z2);
	double pc = z2 * (2 * x - n) / (2 * n * (n + z2));
	double k = z2 * (x / n) * ((n - x) / n) / (n + z2);
	if (pc < 0) {
		*up = h - pc;
		*down = k / *up;
	} else {
		*down = h + pc;
		*up = k / *down;
	}
}

int dsp_rd_newcombe(double x1, double n1, double x2, double n2, double level,
		    double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	double z = dsp_z(level), d = dsp_rd(x1, n1, x2, n2);
	double dn1, up1, dn2, up2;
	wilson_dist(x1, n1, z, &dn1, &up1);
	wilson_dist(x2, n2, z, &dn2, &up2);
	/* d - sqrt((p1 - l1)^2 + (u2 - p2)^2), d + sqrt((u1 - p1)^2 + (p2 - l2)^2) */
	*lo = clip(d - hypot(dn1, up2));
	*hi = clip(d + hypot(up1, dn2));
	return DSP_OK;
}

/* d -/+ z sqrt(p1 q1 / m1 + p2 q2 / m2), with p = (x + a)/(n + 2a), m = n + 2a. */
static void wald(double x1, double n1, double x2, double n2, double a,
		 double level, double *lo, double *hi)
{
	double m1 = n1 + 2 * a, m2 = n2 + 2 * a, y1 = x1 + a, y2 = x2 + a;
	double d = dsp_cross_diff(y1, m1, y2, m2) / m1 / m2;
	double v = (y1 / m1) * ((m1 - y1) / m1) / m1 + (y2 / m2) * ((m2 - y2) / m2) / m2;
	double w = dsp_z(level) * sqrt(v);
	*lo = clip(d - w);
	*hi = clip(d + w);
}

int dsp_rd_agresti_caffo(double x1, double n1, double x2, double n2,
			 double level, double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	wald(x1, n1, x2, n2, 1, level, lo, hi);
	return DSP_OK;
}

int dsp_rd_wald(double x1, double n1, double x2, double n2, double level,
		double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	wald(x1, n1, x2, n2, 0, level, lo, hi);
	return DSP_OK;
}
