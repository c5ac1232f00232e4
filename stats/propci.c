/*
 * propci.c - intervals for one binomial proportion.
 *
 * References: Wilson (1927) JASA 22:209; Clopper & Pearson (1934)
 * Biometrika 26:404; Jeffreys interval as in Brown, Cai & DasGupta (2001)
 * Statistical Science 16:101, sec. 4.1.2; Newcombe (1998) Stat Med 17:857
 * (continuity-corrected Wilson, his method 4); Agresti & Coull (1998) Am
 * Stat 52:119; mid-p as in Berry & Armitage (1995) Statistician 44:417;
 * logit and arcsine as in Brown, Cai & DasGupta (2001) sec. 2.2 and 4.3,
 * the arcsine on Anscombe's (1948) (x + 3/8)/(n + 3/4).
 */
#include "propci.h"
#include "betainc.h"
#include "dsp.h"
#include "root.h"
#include "saddle.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>

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
 * The closed-form intervals below are symmetric, lo(x) = 1 - hi(n - x), and
 * lose digits near 1 (at n = 2^53 the upper bound for n-1 fell below
 * (n-1)/n and bounds stopped nesting as the level grew), so each is
 * evaluated at the count on the side of n/2 nearer 0, where its bounds keep
 * their relative accuracy, and mirrored.
 */
static int mirrored(void (*f)(double, double, double, double *, double *),
		    double x, double n, double level, double *lo, double *hi)
{
	if (bad_args(x, n, level))
		return DSP_EDOM;
	if (x <= n - x) {
		f(x, n, dsp_z(level), lo, hi);
		return DSP_OK;
	}
	double l, h;
	f(n - x, n, dsp_z(level), &l, &h);
	*lo = 1 - h;
	*hi = 1 - l;
	return DSP_OK;
}

/*
 * The Wilson bounds are the roots of (n+z^2)p^2 - (2x+z^2)p + x^2/n = 0.
 * The larger root's formula adds positive terms only; the smaller root is
 * taken as (product of roots) / (larger root), which keeps its relative
 * accuracy when x is small against n, where centre - halfwidth cancels.
 */
static void wilson(double x, double n, double z, double *lo, double *hi)
{
	double z2 = z * z, p = x / n;
	double larger = (x + z2 / 2 + z * sqrt(x * (n - x) / n + z2 / 4)) / (n + z2);
	*hi = x == n ? 1 : larger;
	*lo = x == 0 ? 0 : x * p / ((n + z2) * larger);
}

int dsp_ci_wilson(double x, double n, double level, double *lo, double *hi)
{
	return mirrored(wilson, x, n, level, lo, hi);
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

/* x events and y non-events: integers, each up to 2^53, x + y >= 1. */
static int bad_split(double x, double y, double level)
{
	return !(x >= 0 && y >= 0 && x <= DSP_COUNT_MAX && y <= DSP_COUNT_MAX &&
		 x + y >= 1 && x == floor(x) && y == floor(y) && level > 0 && level < 1);
}

int dsp_ci_exact_split(double x, double y, double level, double *lo, double *hi)
{
	if (bad_split(x, y, level))
		return DSP_EDOM;
	double t = (1 - level) / 2;
	/* P(Bin(n,p) >= x) = I_p(x, n-x+1) and P(Bin(n,p) <= x) = 1 -
	 * I_p(x+1, n-x), so each bound is a beta quantile. */
	*lo = x == 0 ? 0 : dsp_beta_quantile(t, x, y + 1, 0);
	*hi = y == 0 ? 1 : dsp_beta_quantile(t, x + 1, y, 1);
	return isnan(*lo) || isnan(*hi) ? DSP_ENOCONV : DSP_OK;
}

int dsp_ci_exact(double x, double n, double level, double *lo, double *hi)
{
	if (bad_args(x, n, level))
		return DSP_EDOM;
	return dsp_ci_exact_split(x, n - x, level, lo, hi);
}

static void wilson_cc(double x, double n, double z, double *lo, double *hi)
{
	/* Newcombe (1998), method 4: the Wilson bounds with x moved half a
	 * unit towards the bound (clipped to [0,1], as his table I). */
	double z2 = z * z, p = x / n, q = (n - x) / n;
	double d = 2 * (n + z2);
	*lo = x == 0 ? 0 : (2 * x + z2 - 1 - z * sqrt(z2 - 2 - 1 / n + 4 * p * (n * q + 1))) / d;
	*hi = x == n ? 1 : (2 * x + z2 + 1 + z * sqrt(z2 + 2 - 1 / n + 4 * p * (n * q - 1))) / d;
	*lo = fmax(*lo, 0);
	*hi = fmin(*hi, 1);
}

int dsp_ci_wilson_cc(double x, double n, double level, double *lo, double *hi)
{
	return mirrored(wilson_cc, x, n, level, lo, hi);
}

struct midp_args {
	double x, y, lt;  /* events, non-events, log of the tail sought */
	int upper;
	struct dsp_beta B;  /* P(X >= x) = I_p(x, y+1), P(X <= x) = 1 - I_p(x+1, y) */
};

/* log of the mid-p tail minus its target: P(X > x) + P(X = x)/2 for the
 * lower bound, P(X < x) + P(X = x)/2 for the upper, X ~ Bin(x + y, p),
 * each as the whole tail less half of P(X = x), which is at most the tail
 * (so no more than half of it cancels). */
static double midp_minus_target(double p, void *vp)
{
	const struct midp_args *m = vp;
	double q = 1 - p, d = dsp_beta_dev(m->x, m->y + 1, p);  /* n p - x */
	double tail = dsp_beta_logtail_at(&m->B, p, q, m->upper ? d - 1 : d, m->upper);
	double dens = dsp_ldbinom_dev(m->x, m->y, p, q, d);
	return tail + log1p(-exp(dens - tail) / 2) - m->lt;
}

int dsp_ci_midp_split(double x, double y, double level, double *lo, double *hi)
{
	if (bad_split(x, y, level))
		return DSP_EDOM;
	/* The lower mid-p tail rises with p, the upper falls; each crosses its
	 * target once.  The search starts at the estimate, shrunk towards 1/2
	 * so that it is inside (0, 1), in steps of about a standard deviation
	 * of logit(p). */
	double p0 = (x + 0.5) / (x + y + 1), step = fmin(0.5, sqrt(1 / (x + 0.5) + 1 / (y + 0.5)));
	struct midp_args m;
	m.x = x, m.y = y, m.lt = log((1 - level) / 2), m.upper = 0;
	*lo = 0;
	if (x > 0) {
		dsp_beta_setup(&m.B, x, y + 1);
		*lo = dsp_root_unit(midp_minus_target, &m, p0, step, 1);
	}
	*hi = 1;
	if (y > 0) {
		m.upper = 1;
		dsp_beta_setup(&m.B, x + 1, y);
		*hi = dsp_root_unit(midp_minus_target, &m, p0, step, 0);
	}
	return isnan(*lo) || isnan(*hi) ? DSP_ENOCONV : DSP_OK;
}

int dsp_ci_midp(double x, double n, double level, double *lo, double *hi)
{
	if (bad_args(x, n, level))
		return DSP_EDOM;
	return dsp_ci_midp_split(x, n - x, level, lo, hi);
}

static void agresti_coull(double x, double n, double z, double *lo, double *hi)
{
	/* Add z^2/2 events and z^2/2 non-events, then the Wald interval;
	 * clipped to [0,1].  pt <= 1/2 here, so 1 - pt keeps its digits. */
	double nt = n + z * z, pt = (x + z * z / 2) / nt;
	double h = z * sqrt(pt * (1 - pt) / nt);
	*lo = fmax(pt - h, 0);
	*hi = fmin(pt + h, 1);
}

int dsp_ci_agresti_coull(double x, double n, double level, double *lo, double *hi)
{
	return mirrored(agresti_coull, x, n, level, lo, hi);
}

static void wald(double x, double n, double z, double *lo, double *hi)
{
	/* p +- z sqrt(p(1-p)/n), clipped to [0,1]; zero width at x = 0 and
	 * x = n, which is why it is not recommended. */
	double p = x / n, h = z * sqrt(p * ((n - x) / n) / n);
	*lo = fmax(p - h, 0);
	*hi = fmin(p + h, 1);
}

int dsp_ci_wald(double x, double n, double level, double *lo, double *hi)
{
	return mirrored(wald, x, n, level, lo, hi);
}

static void logit(double x, double n, double z, double *lo, double *hi)
{
	/* logit(p) -/+ z sqrt(1/x + 1/(n - x)), back-transformed.  x = 0 has
	 * no logit: there the Clopper-Pearson upper bound 1 - (alpha/2)^(1/n)
	 * (the convention of R's binom package; x = n mirrors it).  alpha/2
	 * is recovered from z so that this stays a function of z. */
	if (x == 0) {
		*lo = 0;
		*hi = -expm1(log(gsl_cdf_ugaussian_Q(z)) / n);
		return;
	}
	double u = log(x / (n - x)), s = z * sqrt(1 / x + 1 / (n - x));
	*lo = 1 / (1 + exp(s - u));
	*hi = 1 / (1 + exp(-u - s));
}

int dsp_ci_logit(double x, double n, double level, double *lo, double *hi)
{
	return mirrored(logit, x, n, level, lo, hi);
}

static void arcsine(double x, double n, double z, double *lo, double *hi)
{
	/* sin^2(asin(sqrt(pt)) -/+ z/(2 sqrt n)), pt = (x + 3/8)/(n + 3/4),
	 * the angle kept within [0, pi/2] (beyond, sin^2 would fold back). */
	double t = asin(sqrt((x + 0.375) / (n + 0.75))), w = z / (2 * sqrt(n));
	double a = fmax(t - w, 0), b = fmin(t + w, M_PI / 2);
	*lo = sin(a) * sin(a);
	*hi = b == M_PI / 2 ? 1 : sin(b) * sin(b);
}

int dsp_ci_arcsine(double x, double n, double level, double *lo, double *hi)
{
	return mirrored(arcsine, x, n, level, lo, hi);
}

/*
 * The distances from x/n down to its Wilson lower limit and up to its upper
 * limit.  With centre c and half-width h the limits are c -/+ h, and
 * p - c = z^2 (2x - n) / (2n (n + z^2)); the two distances are h +/- (p - c),
 * whose product is K = z^2 x (n-x) / (n^2 (n + z^2)), so the one that would
 * cancel is taken as K over the other.
 */
void dsp_wilson_dist(double x, double n, double z, double *down, double *up)
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
