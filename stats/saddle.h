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
 * bd0(x, np) with the deviation d = np - x given as well, which callers can
 * often form to full relative accuracy where np would round (np ~ 10^15):
 * d is used near x = np, where it matters, np far from it, where x + d
 * could cancel.
 */
double dsp_bd0_dev(double x, double d, double np);

/*
 * Log of the binomial density generalised to real arguments:
 * log[Gamma(n+1) / (Gamma(x+1) Gamma(n-x+1)) p^x q^(n-x)], 0 <= x <= n,
 * q = 1 - p passed separately so that callers keep its accuracy.
 */
double dsp_ldbinom(double x, double n, double p, double q);

/*
 * The same with n - x given as nx and the deviation d = n p - x (= nx - n q)
 * given by the caller: n = x + nx need not be exact, and d can carry more
 * accuracy than p (as (x2 t1 - x1 t2)/(t1 + t2) does for p = t1/(t1 + t2)).
 */
double dsp_ldbinom_dev(double x, double nx, double p, double q, double d);

/*
 * Log of the hypergeometric probability of x successes in a sample of
 * `draws` from `good` successes and `bad` failures.  -inf off the support.
 */
double dsp_ldhyper(double x, double good, double bad, double draws);

#endif
