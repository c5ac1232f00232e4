/*
 * propci.h - confidence intervals for a binomial proportion x/n.
 *
 * Each function takes x events of n trials (0 <= x <= n, n >= 1, both
 * integers held in doubles up to 2^53) and a confidence level in (0,1),
 * writes the bounds, and returns DSP_OK or DSP_EDOM.  Bounds are exactly 0
 * at x = 0 and exactly 1 at x = n where the method's limit is that.
 */
#ifndef DSP_PROPCI_H
#define DSP_PROPCI_H

int dsp_ci_wilson(double x, double n, double level, double *lo, double *hi);
int dsp_ci_jeffreys(double x, double n, double level, double *lo, double *hi);
int dsp_ci_exact(double x, double n, double level, double *lo, double *hi);
int dsp_ci_wilson_cc(double x, double n, double level, double *lo, double *hi);
int dsp_ci_midp(double x, double n, double level, double *lo, double *hi);
int dsp_ci_agresti_coull(double x, double n, double level, double *lo, double *hi);
int dsp_ci_wald(double x, double n, double level, double *lo, double *hi);
/* logit(x/n) -/+ z sqrt(1/x + 1/(n-x)), back-transformed; the
 * Clopper-Pearson bound at x = 0 or x = n. */
int dsp_ci_logit(double x, double n, double level, double *lo, double *hi);
/* The arcsine interval on Anscombe's (x + 3/8)/(n + 3/4). */
int dsp_ci_arcsine(double x, double n, double level, double *lo, double *hi);

/*
 * exact and midp with the counts given as x events and y = n - x
 * non-events (integers, each up to 2^53, x + y >= 1), so that n need not be
 * a double: the conditional rate ratio takes them at x1 + x2 up to 2^54.
 */
int dsp_ci_exact_split(double x, double y, double level, double *lo, double *hi);
int dsp_ci_midp_split(double x, double y, double level, double *lo, double *hi);

/* The distances from x/n down to its Wilson lower limit and up to its
 * upper limit at quantile z, each to its own relative accuracy. */
void dsp_wilson_dist(double x, double n, double z, double *down, double *up);

/* The two-sided normal quantile z with P(|Z| > z) = 1 - level. */
double dsp_z(double level);

#endif
