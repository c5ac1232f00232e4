/*
 * score.c - bounds of score intervals (see score.h), by bracketing with
 * doubling steps and Brent's method (root.h).
 */
#include "score.h"
#include "root.h"

#include <float.h>
#include <math.h>

static double theta_of(const dsp_score *s, double u)
{
	return s->scale == DSP_SCALE_LOG ? exp(u) : tanh(u);
}

static double minus_crit(double u, void *vp)
{
	const dsp_score *s = vp;
	/* T is infinite at an end of the range (tanh u rounds to +-1 past
	 * |u| = 19); Brent needs finite values on the bracket. */
	double t = s->stat(s->x1, s->n1, s->x2, s->n2, theta_of(s, u));
	return (t > DBL_MAX ? DBL_MAX : t) - s->crit;
}

/* Bounds of counts up to 2^53 lie within e^(+-100) of the estimate (or,
 * for differences, within atanh(1 - 2^-53) < 19 of 0), so a step past 256
 * means there is no root. */
double dsp_score_bound(const dsp_score *s, double start, int dir)
{
	void *vp = (void *)s;
	double in = start, step = 1, out;
	while (!(minus_crit(in, vp) < 0)) {
		in -= dir * step;
		if ((step *= 2) > 256)
			return NAN;
	}
	for (step = 1; !(minus_crit(out = in + dir * step, vp) > 0); step *= 2)
		if (step > 256)
			return NAN;
	/* Relative to theta: absolute in u for ratios (u = log theta),
	 * relative in u for differences (tanh u ~ u near 0). */
	int lg = s->scale == DSP_SCALE_LOG;
	double u = dsp_root(minus_crit, vp, dir < 0 ? out : in, dir < 0 ? in : out,
			    lg ? 4 * DBL_EPSILON : 1e-300, lg ? 0 : 4 * DBL_EPSILON);
	/* The bound as a double inside the interval (T < crit), moved in by
	 * an ulp or two if need be: then an interval holds a value exactly
	 * when its test accepts it, even where the true bound lies between
	 * that value and the next double. */
	double t = theta_of(s, u), t_in = theta_of(s, in);
	for (int k = 0; k < 4 && !isnan(t) && t != t_in &&
	     !(s->stat(s->x1, s->n1, s->x2, s->n2, t) < s->crit); k++)
		t = nextafter(t, t_in);
	return t;
}

int dsp_score_start(const dsp_score *s, double theta, double *best)
{
	void *vp = (void *)s;
	int lg = s->scale == DSP_SCALE_LOG;
	double t[3] = {theta, nextafter(theta, -INFINITY), nextafter(theta, INFINITY)};
	double fb = INFINITY;
	*best = lg ? log(theta) : atanh(theta);
	for (int i = 0; i < 3 && !(fb < 0); i++) {
		double u = lg ? log(t[i]) : atanh(t[i]), f = minus_crit(u, vp);
		if (isfinite(u) && f < fb)
			fb = f, *best = u;
	}
	return !(fb < 0);
}
