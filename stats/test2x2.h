/*
 * test2x2.h - two-sided tests of equal proportions in the 2x2 table
 * [[x1, n1-x1], [x2, n2-x2]] (a group against the reference group).
 *
 * Counts are integers held in doubles, 0 <= x <= n <= 2^53, n >= 1.  Each
 * test stores the p-value in *p and returns DSP_OK, or DSP_EDOM (p NaN) for
 * invalid arguments; p is NaN with DSP_OK where the statistic is undefined
 * (chi-square and G at a zero margin).
 */
#ifndef DSP_TEST2X2_H
#define DSP_TEST2X2_H

/*
 * Fisher's exact test, two-sided by minimum likelihood: the probability of
 * all tables with the observed margins no more probable than the observed
 * one, "no more" meaning within a relative 1e-7 (as R's fisher.test).
 */
int dsp_test_fisher(double x1, double n1, double x2, double n2, double *p);

/*
 * Fisher's test with Lancaster's mid-p: twice the smaller one-sided mid-p
 * value P(X < x1) + P(X = x1)/2, capped at 1 (as epitools' ormidp.test).
 */
int dsp_test_fisher_midp(double x1, double n1, double x2, double n2, double *p);

/*
 * The score test of ratio 1: Koopman's score statistic, the one the
 * koopman interval inverts, on 1 df.  At ratio 1 it is Pearson's X^2; a
 * zero margin gives p = 1 (the interval is then (0, inf)).
 */
int dsp_test_score(double x1, double n1, double x2, double n2, double *p);

/* Pearson's chi-square without continuity correction, on 1 df. */
int dsp_test_chi2(double x1, double n1, double x2, double n2, double *p);

/*
 * Pearson's chi-square with Yates' continuity correction, each |O - E|
 * reduced by min(1/2, |O - E|) (as R's chisq.test), on 1 df.
 */
int dsp_test_chi2_yates(double x1, double n1, double x2, double n2, double *p);

/* The likelihood-ratio (G) test, G = 2 sum O log(O/E), on 1 df. */
int dsp_test_g(double x1, double n1, double x2, double n2, double *p);

/*
 * One-sided tests of "greater", the group's rate x1/n1 above the
 * reference's x2/n2 ("less" is the same with the groups swapped).
 * fisher: P(X >= x1) of the hypergeometric law given the margins (R's
 * fisher.test); fisher-midp: P(X > x1) + P(x1)/2; chi2, chi2-yates (R's
 * prop.test, correct = FALSE or TRUE), g (the signed likelihood root) and
 * score: the upper normal tail of the statistic's square root signed as
 * x1 n2 - x2 n1.  NaN where the two-sided test's p is (a zero margin),
 * except score: 1 there.
 */
int dsp_test_fisher_greater(double x1, double n1, double x2, double n2, double *p);
int dsp_test_fisher_midp_greater(double x1, double n1, double x2, double n2, double *p);
int dsp_test_chi2_greater(double x1, double n1, double x2, double n2, double *p);
int dsp_test_chi2_yates_greater(double x1, double n1, double x2, double n2, double *p);
int dsp_test_g_greater(double x1, double n1, double x2, double n2, double *p);
int dsp_test_score_greater(double x1, double n1, double x2, double n2, double *p);

/* x1 n2 - x2 n1, exact to rounding even when both products pass 2^53. */
double dsp_cross_diff(double x1, double n1, double x2, double n2);

/* The Pearson statistic itself (NaN when a margin is zero). */
double dsp_chi2_stat(double x1, double n1, double x2, double n2);

#endif
