/*
 * standardise.c - directly and indirectly standardised rates (see
 * standardise.h).
 *
 * direct: Fay MP, Feuer EJ (1997). Confidence intervals for directly
 *   standardized rates: a method based on the gamma distribution. Stat Med
 *   16:791-801.
 * indirect: Breslow NE, Day NE (1987). Statistical Methods in Cancer
 *   Research II, IARC, ch. 2 (the standardised ratio O/E); its interval is
 *   Garwood's (1936) on O (ptrate.h).
 *
 * The gamma tails are Loader's saddle-point density x^a e^-x / Gamma(a+1)
 * times the power series (lower tail, x below the mean) or Legendre's
 * continued fraction (upper tail), so that they keep their digits at
 * shapes of 10^9, where GSL's gsl_sf_gamma_inc does not converge.
 */
#include "standardise.h"
#include "dsp.h"
#include "ptrate.h"
#include "root.h"
#include "saddle.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_math.h>

/* log of x^a e^-x / Gamma(a + 1), a > 0, x > 0. */
static double ldgam(double a, double x)
{
	return -dsp_stirlerr(a) - dsp_bd0(a, x) - 0.5 * log(2 * M_PI * a);
}

/* log P(a, x) by the series sum_k x^k / ((a+1)...(a+k)). */
static double lower_series(double a, double x)
{
	double sum = 1, term = 1;
	for (double k = 1; k < 1e12; k++) {
		double r = x / (a + k);
		term *= r;
		sum += term;
		if (r < 1 && term < DBL_EPSILON / 8 * sum * (1 - r))
			break;
	}
	return ldgam(a, x) + log(sum);
}

/* log Q(a, x) by Legendre's continued fraction (modified Lentz). */
static double upper_cf(double a, double x)
{
	double tiny = 1e-300, b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
	for (double i = 1; i < 1e12; i++) {
		double an = -i * (i - a);
		b += 2;
		d = an * d + b;
		if (fabs(d) < tiny) d = tiny;
		c = b + an / c;
		if (fabs(c) < tiny) c = tiny;
		d = 1 / d;
		double del = d * c;
		h *= del;
		if (fabs(del - 1) < DBL_EPSILON / 4)
			break;
	}
	/* x^a e^-x / Gamma(a) = a x^a e^-x / Gamma(a + 1). */
	return log(a) + ldgam(a, x) + log(h);
}

/* log P(X <= x) (upper == 0) or log P(X > x), X ~ Gamma(a, 1). */
static double lgamma_tail(double a, double x, int upper)
{
	if (x <= 0)
		return upper ? 0 : -INFINITY;
	if (x < a + 1) {
		double l = lower_series(a, x);
		return upper ? log1p(-exp(l)) : l;
	}
	double l = upper_cf(a, x);
	return upper ? l : log1p(-exp(l));
}

struct gq { double a, target; int upper; };

static double gq_minus(double u, void *vp)
{
	const struct gq *g = vp;
	return fmax(lgamma_tail(g->a, exp(u), g->upper), -DBL_MAX) - g->target;
}

double dsp_gamma_quantile(double t, double shape, int upper)
{
	if (!(t > 0 && t < 1 && shape > 0 && shape <= 1e15))
		return NAN;
	struct gq g = {shape, log(t), upper};
	/* The lower tail rises with x, the upper falls: bracket by steps in
	 * log x from the mean, about a standard deviation of log x at first. */
	double in = log(shape), step = fmin(1, 1 / sqrt(shape)), f = gq_minus(in, &g);
	int up = (f < 0) != (upper != 0);
	double out = in;
	for (;;) {
		out = in + (up ? step : -step);
		double h = gq_minus(out, &g);
		if ((h < 0) != (f < 0))
			break;
		in = out, f = h;
		if ((step *= 2) > 1e4)
			return NAN;
	}
	return exp(dsp_root(gq_minus, &g, fmin(in, out), fmax(in, out), 0, 4 * DBL_EPSILON));
}

static int bad_args(size_t k, const double *x, const double *n, const double *s,
		    double level)
{
	if (k == 0 || !(level > 0 && level < 1))
		return 1;
	for (size_t j = 0; j < k; j++)
		if (!(x[j] >= 0 && x[j] <= DSP_COUNT_MAX && x[j] == floor(x[j]) &&
		      n[j] > 0 && isfinite(n[j]) && s[j] >= 0 && isfinite(s[j])))
			return 1;
	return 0;
}

int dsp_std_direct(size_t k, const double *x, const double *n, const double *s,
		   double level, double *est, double *lo, double *hi)
{
	*est = *lo = *hi = NAN;
	if (bad_args(k, x, n, s, level))
		return DSP_EDOM;
	double S = 0;
	for (size_t j = 0; j < k; j++)
		S += s[j];
	if (!(S > 0))
		return DSP_EDOM;
	double y = 0, v = 0, wm = 0;
	for (size_t j = 0; j < k; j++) {
		double w = s[j] / S, r = w / n[j];
		y += r * x[j];
		v += r * r * x[j];
		wm = r > wm ? r : wm;
	}
	double alpha = 1 - level;
	*est = y;
	*lo = y == 0 ? 0 : v / y * dsp_gamma_quantile(alpha / 2, y / v * y, 0);
	double vu = v + wm * wm, yu = y + wm;
	*hi = vu / yu * dsp_gamma_quantile(alpha / 2, yu / vu * yu, 1);
	return isnan(*lo) || isnan(*hi) ? DSP_ENOCONV : DSP_OK;
}

int dsp_std_indirect(size_t k, const double *x, const double *n, const double *s,
		     double level, double *est, double *lo, double *hi)
{
	*est = *lo = *hi = NAN;
	if (bad_args(k, x, n, s, level))
		return DSP_EDOM;
	double O = 0, E = 0;
	for (size_t j = 0; j < k; j++) {
		O += x[j];
		E += n[j] * s[j];
	}
	if (!(O <= DSP_COUNT_MAX))
		return DSP_EDOM;
	if (E == 0) {
		*est = *lo = *hi = O == 0 ? NAN : INFINITY;
		return DSP_OK;
	}
	*est = O / E;
	return dsp_pt_ci_exact(O, E, level, lo, hi);
}
