/*
 * gammainc.h - Poisson tails, the regularized incomplete gamma functions at
 * integer shapes, with full relative accuracy in the smaller tail for any
 * count up to 2^53 and any mean, at a cost that does not grow with them.
 */
#ifndef DSP_GAMMAINC_H
#define DSP_GAMMAINC_H

/* log P(X = k), X ~ Poisson(mu), k >= 0 an integer, mu > 0. */
double dsp_ldpois(double k, double mu);

/*
 * log P(X >= k) (upper != 0) or log P(X <= k) (upper == 0), X ~
 * Poisson(mu): the gamma functions P(k, mu) and Q(k + 1, mu).  k >= 0 an
 * integer, mu > 0; NaN otherwise.
 */
double dsp_pois_logtail(double k, double mu, int upper);

#endif
