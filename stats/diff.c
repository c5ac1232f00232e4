/*
 * diff.c - intervals for the difference of two proportions.
 *
 * newcombe: Newcombe RG (1998) Interval estimation for the difference
 *   between independent proportions: comparison of eleven methods. Stat
 *   Med 17:873-890, method 10.
 * agresti-caffo: Agresti A, Caffo B (2000) Am Stat 54:280-288.
 * wald: the textbook interval, for comparison.
 * mn: Miettinen O, Nurminen M (1985) Comparative analysis of two rates.
 *   Stat Med 4:213-226: the score interval with the N/(N-1) factor.
 * mee: Mee RW (1984) Biometrics 40:1175-1176: the same score interval
 *   without that factor (statsmodels' correction=False).
 */
#include "diff.h"
#include "dsp.h"
#include "propci.h"
#include "root.h"
#include "score.h"
#include "test2x2.h"

#include <float.h>
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
	/* x/n = q + r/n with r exact (fma); q1 - q2 is exact where it
	 * cancels (Sterbenz), so d is correctly rounded but for the last
	 * addition, where x n2 - x2 n1 in doubles is not past 2^53. */
	double q1 = x1 / n1, q2 = x2 / n2;
	double r1 = fma(-q1, n1, x1), r2 = fma(-q2, n2, x2);
	return clip((q1 - q2) + (r1 / n1 - r2 / n2));
}

int dsp_rd_newcombe(double x1, double n1, double x2, double n2, double level,
		    double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	double z = dsp_z(level), d = dsp_rd(x1, n1, x2, n2);
	double dn1, up1, dn2, up2;
	dsp_wilson_dist(x1, n1, z, &dn1, &up1);
	dsp_wilson_dist(x2, n2, z, &dn2, &up2);
	/* d - sqrt((p1 - l1)^2 + (u2 - p2)^2), d + sqrt((u1 - p1)^2 + (p2 - l2)^2) */
	*lo = clip(d - hypot(dn1, up2));
	*hi = clip(d + hypot(up1, dn2));
	return DSP_OK;
}

/* (x1 + a)/(n1 + 2a) - (x2 + a)/(n2 + 2a) where x + a and n + 2a may pass
 * 2^53 (then they are not doubles): the cross difference y1 m2 - y2 m1
 * with each of y, m held as hi + lo, the hi products by fma. */
static double rd_plus(double x1, double n1, double x2, double n2, double a)
{
	if (a == 0)
		return dsp_rd(x1, n1, x2, n2);
	double y1 = x1 + a, y1l = (x1 - y1) + a, m1 = n1 + 2 * a, m1l = (n1 - m1) + 2 * a;
	double y2 = x2 + a, y2l = (x2 - y2) + a, m2 = n2 + 2 * a, m2l = (n2 - m2) + 2 * a;
	double d = dsp_cross_diff(y1, m1, y2, m2) + (y1 * m2l + y1l * m2) - (y2 * m1l + y2l * m1);
	return clip(d / m1 / m2);
}

/* d -/+ z sqrt(p1 q1 / m1 + p2 q2 / m2), with p = (x + a)/(n + 2a), m = n + 2a. */
static void wald(double x1, double n1, double x2, double n2, double a,
		 double level, double *lo, double *hi)
{
	double m1 = n1 + 2 * a, m2 = n2 + 2 * a, y1 = x1 + a, y2 = x2 + a;
	double d = rd_plus(x1, n1, x2, n2, a);
	/* q = (n - x + a)/m: n - x is exact, m - y need not be */
	double v = (y1 / m1) * ((n1 - x1 + a) / m1) / m1 + (y2 / m2) * ((n2 - x2 + a) / m2) / m2;
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

/*
 * The constrained MLE given p1 - p2 = d maximises the likelihood over p2 in
 * [lo, hi] = [max(0, -d), min(1, 1 - d)].  Near either end some of p1, q1,
 * p2, q2 are tiny and would lose every digit as differences of numbers
 * near 1, so p2 is parametrised by t in [0, 1/2], measured from the end
 * the root is nearer (top = 0: p2 = lo + w t; top = 1: p2 = hi - w t, w =
 * hi - lo), and each of the four is a constant that is exactly 0 where it
 * can vanish plus w t or w (1 - t).
 */
struct rd_fit {
	double x1, n1, x2, n2;
	double w, c[4];  /* p1, q1, p2, q2 = c[i] + w (t or 1 - t) */
	int top;
};

static void rd_parts(const struct rd_fit *f, double t, double v[4])
{
	double near = f->w * t, far = f->w * (1 - t);
	/* p1 and p2 grow with p2, q1 and q2 shrink */
	v[0] = f->c[0] + (f->top ? far : near);
	v[1] = f->c[1] + (f->top ? near : far);
	v[2] = f->c[2] + (f->top ? far : near);
	v[3] = f->c[3] + (f->top ? near : far);
}

/* The score in p2, in the sign of d/dp2 (terms with a zero count left
 * out: they are 0 even where their p is). */
static double rd_score(double t, void *vp)
{
	const struct rd_fit *f = vp;
	double v[4], g = 0;
	rd_parts(f, t, v);
	if (f->x1 > 0) g += f->x1 / v[0];
	if (f->n1 > f->x1) g -= (f->n1 - f->x1) / v[1];
	if (f->x2 > 0) g += f->x2 / v[2];
	if (f->n2 > f->x2) g -= (f->n2 - f->x2) / v[3];
	return f->top ? -g : g;  /* falls with t either way */
}

/* Fills v with the constrained MLEs p1, q1, p2, q2. */
static void rd_fit(double x1, double n1, double x2, double n2, double d, double v[4])
{
	/* The constants exactly: p1 = d + ..., q1 = -d + ..., p2 = -d + ...,
	 * q2 = d + ..., each only on the side of 0 where it is positive. */
	double pos = d > 0 ? d : 0, neg = d < 0 ? -d : 0;
	struct rd_fit f = {x1, n1, x2, n2, 1 - fabs(d), {pos, neg, neg, pos}, 0};
	void *vp = &f;
	double t = 0, mid = f.w > 0 ? rd_score(0.5, vp) : 0;
	if (f.w > 0 && mid == 0) {
		t = 0.5;
	} else if (f.w > 0) {
		/* The score falls in p2: a negative value at the midpoint puts
		 * the root in the lower half. */
		f.top = mid > 0;
		if (rd_score(0, vp) > 0) {
			double in = 0.5, out = 0.25;  /* score(in) < 0 */
			while (out > 0 && !(rd_score(out, vp) > 0))
				in = out, out /= 2;
			t = out > 0 && isfinite(rd_score(out, vp)) ?
				dsp_root(rd_score, vp, out, in, 1e-300, 4 * DBL_EPSILON) : out;
		}
	}
	rd_parts(&f, t, v);
}

/*
 * Miettinen and Nurminen's statistic at difference d, without N/(N-1):
 * (p1 - p2 - d)^2 / (f1 g1/n1 + f2 g2/n2), f the constrained MLEs, g = 1 - f.
 */
double dsp_rd_score_stat(double x1, double n1, double x2, double n2, double d)
{
	double v[4];
	rd_fit(x1, n1, x2, n2, d, v);
	double e = dsp_cross_diff(x1, n1, x2, n2) / n1 / n2 - d;
	if (e == 0)
		return 0;
	return e * e / (v[0] * v[1] / n1 + v[2] * v[3] / n2);
}

/* The score interval {d : T(d) <= crit}: Miettinen-Nurminen's with crit =
 * z^2 N/(N-1) (their variance factor moved onto crit), Mee's with z^2. */
static int rd_score_interval(double x1, double n1, double x2, double n2,
			     double crit, double *lo, double *hi)
{
	dsp_score a = {dsp_rd_score_stat, x1, n1, x2, n2, crit, DSP_SCALE_ATANH};
	/* Search from the estimate; when it is an end of [-1, 1] (all
	 * events in one group, none in the other), it is that bound, and the
	 * other is searched from the estimate shrunk a little towards 0, or,
	 * where that is outside the interval (at 2^53 the interval is a few
	 * ulps wide, and walking in from there would step onto +-1), from
	 * the double next to e. */
	double e = dsp_rd(x1, n1, x2, n2);
	double u0 = fabs(e) < 1 ? atanh(e) :
		atanh((x1 + 0.5) / (n1 + 1) - (x2 + 0.5) / (n2 + 1));
	if (fabs(e) == 1 && (!isfinite(u0) ||
			      !(dsp_rd_score_stat(x1, n1, x2, n2, tanh(u0)) < a.crit))) {
		double t = nextafter(e, 0);
		if (!(dsp_rd_score_stat(x1, n1, x2, n2, t) < a.crit)) {
			*lo = *hi = e;  /* narrower than an ulp */
			return DSP_OK;
		}
		u0 = atanh(t);
	}
	if (fabs(e) < 1 && dsp_score_start(&a, e, &u0)) {
		/* An interval narrower than the doubles around e: rounding
		 * alone puts T above crit at each. */
		*lo = fmin(e, tanh(u0)), *hi = fmax(e, tanh(u0));
		return DSP_OK;
	}
	*lo = x1 == 0 && x2 == n2 ? -1 : clip(dsp_score_bound(&a, u0, -1));
	*hi = x1 == n1 && x2 == 0 ? 1 : clip(dsp_score_bound(&a, u0, +1));
	if (fabs(e) < 1)  /* a bound within an ulp of e may round past it */
		*lo = fmin(*lo, e), *hi = fmax(*hi, e);
	return isnan(*lo) || isnan(*hi) ? DSP_ENOCONV : DSP_OK;
}

int dsp_rd_mn(double x1, double n1, double x2, double n2, double level,
	      double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	double N = n1 + n2, z = dsp_z(level);
	return rd_score_interval(x1, n1, x2, n2, z * z * (N / (N - 1)), lo, hi);
}

int dsp_rd_mee(double x1, double n1, double x2, double n2, double level,
	       double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	double z = dsp_z(level);
	return rd_score_interval(x1, n1, x2, n2, z * z, lo, hi);
}
