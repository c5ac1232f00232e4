/*
 * strata.h - a group against the reference group across strata (rank,
 * year, borough): the 2x2 table of each stratum pooled into one estimate
 * of a common relative rate, odds ratio or rate difference, its interval,
 * the tests of no association and of homogeneity across strata.
 *
 * A stratified table is k >= 1 strata; in stratum j group 1 has x1[j]
 * events of n1[j] and the reference group x2[j] of n2[j].  Binomial
 * functions take integers held in doubles, 0 <= x <= n <= 2^53, n >= 1 in
 * both groups (a stratum where either group is absent carries no
 * comparison: the caller leaves it out and says so).  Person-time
 * functions (dsp_spt_*) take x events, an integer, in an exposure n > 0,
 * a real number.  Interval functions take a level in (0,1), write the
 * bounds and return DSP_OK, DSP_EDOM, DSP_ENOCONV or DSP_ERANGE (counts
 * beyond the method's stated limit); tests store a two-sided p-value.
 *
 * Each function's result depends on the strata as a set: callers that
 * want results independent of the order of their input pass the strata in
 * a canonical order (disp-strata sorts them by key), since a sum of
 * doubles is exact only up to rounding, which depends on order.
 *
 * With k = 1 the stratified methods are the unstratified ones: mh's
 * interval is Katz's, rbg's Woolf's, gr's the Wald interval, mn's and
 * scas's those of disp-rate (scas's unless its skewness term is extreme;
 * see dsp_srr_scas), the CMH test the MN score test and exact's Fisher's.
 */
#ifndef DSP_STRATA_H
#define DSP_STRATA_H

#include <stddef.h>

typedef struct dsp_strata {
	size_t k;
	const double *x1, *n1, *x2, *n2;
} dsp_strata;

/* ---- point estimates --------------------------------------------------- */

/*
 * Mantel-Haenszel estimates, sums over strata of
 *   rr: x1 n2 / N over x2 n1 / N      (N = n1 + n2)
 *   or: x1 (n2 - x2) / N over x2 (n1 - x1) / N
 *   rd: (x1 n2 - x2 n1) / N over n1 n2 / N
 *   person-time rr: x1 n2 / (n1 + n2) over x2 n1 / (n1 + n2).
 * A ratio is inf when only its denominator is 0, NaN when both are; NaN
 * for arguments outside the domain.
 */
double dsp_mh_rr(const dsp_strata *s);
double dsp_mh_or(const dsp_strata *s);
double dsp_mh_rd(const dsp_strata *s);
double dsp_mh_ptrr(const dsp_strata *s);

/* ---- relative rate ------------------------------------------------------- */

/* exp(log rr_MH -/+ z sd) with Greenland and Robins' (1985) variance,
 * consistent both in many sparse strata and in a few large ones; (0, inf)
 * when rr_MH is 0, inf or NaN. */
int dsp_srr_mh(const dsp_strata *s, double level, double *lo, double *hi);

/*
 * Stratified score intervals: {phi : |T(phi)| <= z}, with T the weighted
 * sum of the strata's scores S_j = x1/n1 - phi x2/n2 over the square root
 * of its variance, each S_j's variance and skewness at that stratum's
 * table fitted under p1 = phi p2 (the Miettinen-Nurminen constrained
 * maximum-likelihood estimates), the variance times N/(N-1).
 *   mn: Miettinen and Nurminen's (1985) iterative weights
 *       w_j = 1 / (r / n1 + phi / n2), r = q1~ / q2~, the weighted means of
 *       the fitted 1 - p (a fixed point); at phi = 1 they are n1 n2 / N,
 *       so that the interval excludes 1 exactly when the CMH test without
 *       continuity correction rejects.
 *   scas: Laud's (2017) skewness-corrected score with Mantel-Haenszel
 *       weights n1 n2 / N (as ratesci's scasci with stratified = TRUE): with
 *       A = sum w^3 mu3 / (6 (sum w^2 V)^(3/2)), the root near T of A c^2 +
 *       c - (T + A) = 0 (at a bound c = -/+z exactly where Laud's T - (z^2 -
 *       1) A = -/+z, as disp-rate's scas, unless |A| >= 1/(2z), where only
 *       the root gives an interval at all); where it is not real, no level
 *       accepts phi.  The interval is the hull of the accepted ratios; its
 *       test is dsp_stest_scas_rr.
 * Zero cells: x1 = 0 in every stratum gives lower 0, x2 = 0 in every
 * stratum upper inf, no events at all (0, inf).
 */
int dsp_srr_mn(const dsp_strata *s, double level, double *lo, double *hi);
int dsp_srr_scas(const dsp_strata *s, double level, double *lo, double *hi);

/* ---- rate difference ------------------------------------------------------ */

/* rd_MH -/+ z sd, clipped to [-1, 1]: Sato's (1989) variance, consistent in
 * sparse strata and large ones, or Greenland and Robins' (1985), for large
 * strata only. */
int dsp_srd_sato(const dsp_strata *s, double level, double *lo, double *hi);
int dsp_srd_gr(const dsp_strata *s, double level, double *lo, double *hi);

/* The stratified score intervals for the difference d, S_j = x1/n1 -
 * x2/n2 - d, as for the ratio: mn with the iterative weights 1 / (r / n1 +
 * 1 / n2), r = p1~ q1~ / (p2~ q2~); scas with n1 n2 / N. */
int dsp_srd_mn(const dsp_strata *s, double level, double *lo, double *hi);
int dsp_srd_scas(const dsp_strata *s, double level, double *lo, double *hi);

/* ---- odds ratio ------------------------------------------------------------ */

/* exp(log or_MH -/+ z sd), Robins, Breslow and Greenland's (1986)
 * variance; (0, inf) when or_MH is 0, inf or NaN. */
int dsp_sor_rbg(const dsp_strata *s, double level, double *lo, double *hi);

/*
 * The exact conditional interval of a common odds ratio (as R's
 * mantelhaen.test with exact = TRUE, without its root finder's tolerance):
 * given every stratum's margins, the sum of the x1 has the distribution of
 * a sum of independent noncentral hypergeometric counts; the bounds are the
 * odds ratios at which P(sum >= observed) and P(sum <= observed) are each
 * (1 - level)/2; 0 at the bottom of the support, inf at its top.  The
 * convolution is limited: DSP_ERANGE beyond DSP_STRATA_EXACT_MAX products
 * or DSP_STRATA_EXACT_LEN values of the sum, each stratum's law counted as
 * 80 of its standard deviations at odds ratio 1 wide (it is kept where it
 * is within e^-740 of its largest term, about 77 standard deviations) or
 * its support, if that is shorter.
 */
int dsp_sor_exact(const dsp_strata *s, double level, double *lo, double *hi);
#define DSP_STRATA_EXACT_MAX 1e9
#define DSP_STRATA_EXACT_LEN 2e6

/* ---- tests of no association ------------------------------------------------ */

/*
 * The Cochran-Mantel-Haenszel test: (|sum (x1 - E)| - c)^2 / sum V on 1
 * df, E = n1 m / N and V = n1 n2 m (N - m) / (N^2 (N - 1)), m = x1 + x2;
 * c = 0 (cmh), or 1/2 where |sum (x1 - E)| >= 1/2 and 0 below it (cmh_cc,
 * as R's mantelhaen.test; statsmodels squares |sum (x1 - E)| - 1/2 there).  p = 1 when sum V = 0 (no stratum has events and
 * non-events both).
 */
int dsp_stest_cmh(const dsp_strata *s, double *p);
int dsp_stest_cmh_cc(const dsp_strata *s, double *p);

/* The exact conditional test of a common odds ratio of 1, two-sided by
 * minimum likelihood (the sum's values no more probable than the observed,
 * within a relative 1e-7, as R); the limit of dsp_sor_exact.  p-values
 * below about 1e-300 lose relative accuracy (the convolution is in
 * doubles). */
int dsp_stest_exact(const dsp_strata *s, double *p);

/* The tests the SCAS intervals invert: two-sided, from the corrected score
 * at phi = 1 (d = 0); 0 where no real corrected score exists. */
int dsp_stest_scas_rr(const dsp_strata *s, double *p);
int dsp_stest_scas_rd(const dsp_strata *s, double *p);

/* ---- homogeneity ------------------------------------------------------------ */

/*
 * The Breslow-Day test that the strata share one odds ratio: sum (x1 -
 * A)^2 / Var over the strata with events and non-events both (the others
 * carry no information on the odds ratio), A and Var the mean and the
 * variance of x1 at or_MH given the margins (Breslow and Day 1980), on
 * (strata used - 1) df; bd_tarone subtracts Tarone's (1985) correction
 * (sum x1 - sum A)^2 / sum Var.  NaN (with DSP_OK) when fewer than two
 * strata carry information or or_MH is 0, inf or NaN.
 */
int dsp_shomog_bd(const dsp_strata *s, double *p);
int dsp_shomog_bd_tarone(const dsp_strata *s, double *p);

/* ---- person-time ------------------------------------------------------------ */

/* exp(log rr_MH -/+ z sd), Greenland and Robins' (1985) person-time
 * variance sum (m n1 n2 / T^2) / (sum x1 n2 / T * sum x2 n1 / T), T = n1 +
 * n2, m = x1 + x2; (0, inf) when rr_MH is 0, inf or NaN. */
int dsp_sptrr_mh(const dsp_strata *s, double level, double *lo, double *hi);

/* The Mantel-Haenszel test of equal rates: (sum (x1 - m n1 / T))^2 / sum
 * (m n1 n2 / T^2) on 1 df; p = 1 when there are no events. */
int dsp_sptest_mh(const dsp_strata *s, double *p);

/* The exact conditional test: given each stratum's events m, x1 is
 * Binomial(m, n1 / T) under equal rates; the sum's distribution is their
 * convolution; two-sided by minimum likelihood (as R's poisson.test for one
 * stratum).  DSP_ERANGE beyond DSP_STRATA_EXACT_MAX products. */
int dsp_sptest_exact(const dsp_strata *s, double *p);

/* Homogeneity of the rate ratio (Breslow and Day 1987, II, sec. 3.4):
 * sum (x1 - E)^2 / Var, E = m pi, Var = m pi (1 - pi), pi = rr n1 / (rr n1
 * + n2) at rr_MH, over the strata with events, on (strata used - 1) df;
 * NaN as for the odds ratio. */
int dsp_sphomog_bd(const dsp_strata *s, double *p);

/* ---- the statistics behind the intervals, for tests and the references ---- */

/* The stratified score of the ratio at phi (mn: MN weights; scas: the
 * corrected root, +-inf where it is not real), or of the difference at d:
 * the interval at level L is the hull of {|score| <= z}. */
double dsp_srr_mn_stat(const dsp_strata *s, double phi);
double dsp_srr_scas_stat(const dsp_strata *s, double phi);
double dsp_srd_mn_stat(const dsp_strata *s, double d);
double dsp_srd_scas_stat(const dsp_strata *s, double d);

/* One-sided forms, of "greater" (group 1's rate above group 2's across the
 * strata; "less" swaps the groups): the upper normal tail of the signed
 * CMH (Mantel-Haenszel) statistic, with R's continuity correction for _cc,
 * the exact conditional law's upper tail, and SCAS's corrected score at
 * the null.  Homogeneity has no direction and no one-sided form. */
int dsp_stest_cmh_greater(const dsp_strata *s, double *p);
int dsp_stest_cmh_cc_greater(const dsp_strata *s, double *p);
int dsp_stest_exact_greater(const dsp_strata *s, double *p);
int dsp_stest_scas_rr_greater(const dsp_strata *s, double *p);
int dsp_stest_scas_rd_greater(const dsp_strata *s, double *p);
int dsp_sptest_mh_greater(const dsp_strata *s, double *p);
int dsp_sptest_exact_greater(const dsp_strata *s, double *p);

#endif
