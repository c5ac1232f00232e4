/*
 * standardise.h - standardised rates of one group over k strata: x[j]
 * events (integers, 0 .. 2^53) of n[j] > 0 (a total or an exposure) in
 * stratum j, each weighted by the standard s[j] >= 0.
 *
 * Both functions write the estimate and its interval and return DSP_OK,
 * DSP_EDOM (arguments outside the domain, or no positive standard) or
 * DSP_ENOCONV.
 */
#ifndef DSP_STANDARDISE_H
#define DSP_STANDARDISE_H

#include <stddef.h>

/*
 * Direct standardisation: y = sum w x / n with w = s / sum s (s the
 * standard population of each stratum), and Fay and Feuer's (1997) gamma
 * interval: with v = sum w^2 x / n^2 and wm = max w / n,
 *   lower = G^-1(alpha/2; y^2/v, v/y)            (0 when y = 0),
 *   upper = G^-1(1 - alpha/2; (y + wm)^2/(v + wm^2), (v + wm^2)/(y + wm)),
 * G^-1(p; shape, scale) the gamma quantile.
 */
int dsp_std_direct(size_t k, const double *x, const double *n, const double *s,
		   double level, double *est, double *lo, double *hi);

/*
 * Indirect standardisation: the ratio of observed to expected events, O /
 * E, O = sum x, E = sum n r with s = r the standard rate of each stratum
 * (events per unit of n), and the exact Poisson (Garwood) interval of O
 * divided by E.  With E = 0 the ratio is NaN (O = 0) or inf, as its bounds.
 */
int dsp_std_indirect(size_t k, const double *x, const double *n, const double *s,
		     double level, double *est, double *lo, double *hi);

/* The gamma quantile: the x with P(X <= x) = t (upper == 0) or P(X > x) =
 * t (upper != 0), X ~ Gamma(shape, 1), 0 < t < 1; NaN on failure.  For
 * shapes to 10^15, where GSL's incomplete gamma does not converge. */
double dsp_gamma_quantile(double t, double shape, int upper);

#endif
