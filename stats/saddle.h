/*
 * saddle.h - binomial and hypergeometric probabilities that keep full
 * relative accuracy at very large counts, by Loader's saddle-point
 * expansion (C. Loader, "Fast and accurate computation of binomial
 * probabilities", 2000).  GSL's densities go through lgamma differences and
 * lose about 7 digits when counts reach 10^9.
 */
#ifndef DSP_SADDLE_H
#define DSP_SADDLE_H

/* log(Gamma(x+1)) - [(x+0.5) log x - x + log sqrt(2 pi)], x >= 0 real. */
double dsp_stirlerr(double x);

/* x log(x/np) + np - x, computed without cancellation near x = np. */
double dsp_bd0(double x, double np);

/*
 * Log of the binomial density generalised to real arguments:
 * log[Gamma(n+1) / (Gamma(x+1) Gamma(n-x+1)) p^x q^(n-x)], 0 <= x <= n,
 * q = 1 - p passed separately so that callers keep its accuracy.
 */
double dsp_ldbinom(double x, double n, double p, double q);

/*
 * Log of the hypergeometric probability of x successes in a sample of
 * `draws` from `good` successes and `bad` failures.  -inf off the support.
 */
double dsp_ldhyper(double x, double good, double bad, double draws);

#endif
