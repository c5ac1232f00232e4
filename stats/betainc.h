/*
 * betainc.h - the regularized incomplete beta function I_x(a, b) and its
 * inverse.  Quantiles agree with R's qbeta to ~5e-13 for parameters up to
 * 10^9 (fixtures/refs); larger counts work but are slower.  GSL's gsl_cdf_beta_P loses ~7 digits once a and b reach 10^8
 * (its prefactor goes through lgamma) and gsl_cdf_beta_Pinv does not return
 * at a = 0.5, b = 10^9, so binomial intervals need this.
 */
#ifndef DSP_BETAINC_H
#define DSP_BETAINC_H

/*
 * Lower tail I_x(a,b) (upper == 0) or upper tail 1 - I_x(a,b) (upper != 0),
 * for a, b > 0 and 0 <= x <= 1.  NaN on invalid arguments.
 */
double dsp_beta_tail(double x, double a, double b, int upper);

/*
 * The x in [0,1] whose lower (upper == 0) or upper tail equals t, 0 < t < 1.
 * NaN on invalid arguments or if the root search fails.
 */
double dsp_beta_quantile(double t, double a, double b, int upper);

#endif
