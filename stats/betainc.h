/*
 * betainc.h - the regularized incomplete beta function I_x(a, b) and its
 * inverse, for any a, b > 0 up to 2^54: the smaller tail keeps full
 * relative accuracy (against mpmath, fixtures/refs), at a cost that does
 * not grow with a and b.  GSL's gsl_cdf_beta_P loses ~7 digits once a and b
 * reach 10^8 (its prefactor goes through lgamma) and gsl_cdf_beta_Pinv does
 * not return at a = 0.5, b = 10^9, so binomial intervals need this.
 */
#ifndef DSP_BETAINC_H
#define DSP_BETAINC_H

#include "uniform.h"

/*
 * Lower tail I_x(a,b) (upper == 0) or upper tail 1 - I_x(a,b) (upper != 0),
 * for a, b > 0 and 0 <= x <= 1.  NaN on invalid arguments.
 */
double dsp_beta_tail(double x, double a, double b, int upper);

/*
 * The log of the same tail, with y = 1 - x and d = (a + b - 1) x - a given
 * by the caller, who may know them better than x does (for x = t1/(t1 +
 * t2), d from the exact counts); a and b need not be exact integers.
 */
double dsp_beta_logtail(double a, double b, double x, double y, double d, int upper);

/* One Beta(a, b) set up for many tails: a root search on them sets up the
 * uniform expansion's coefficients once, not at every step. */
struct dsp_beta {
	double a, b;
	int big;  /* min(a, b) >= DSP_UNIFORM_MIN: u is set up */
	struct dsp_uniform u;
};

void dsp_beta_setup(struct dsp_beta *B, double a, double b);

/* dsp_beta_logtail for the Beta(a, b) set up in B. */
double dsp_beta_logtail_at(const struct dsp_beta *B, double x, double y, double d,
			   int upper);

/* (a + b - 1) x - a, to an ulp of itself even where a + b rounds. */
double dsp_beta_dev(double a, double b, double x);

/*
 * The x in [0,1] whose lower (upper == 0) or upper tail equals t, 0 < t < 1.
 * NaN on invalid arguments.  The root is bracketed where the tail was seen
 * to cross t, outward from the mean (dsp_root_unit).
 */
double dsp_beta_quantile(double t, double a, double b, int upper);

#endif
