/*
 * uncond.h - unconditional exact tests of two binomial proportions, which
 * do not condition on the total count of events: the p-value is the
 * largest, over the common proportion pi in [0, 1], of the probability of
 * the tables at least as extreme as the observed one.  Two-sided as scipy's
 * barnard_exact (pooled) and boschloo_exact define them.
 *
 * Cost: O(min(n1, n2) log(n1 + n2)) (Barnard) or O(n1 + n2 + min(n1, n2)
 * sqrt(min(n1, n2))) (Boschloo) to find the rejection region, then
 * O(sqrt(n1) + sqrt(n2)) for each of the 64 + 16 sqrt(max(n1, n2)) values
 * of pi searched: it grows with the larger group, not with n1 n2.  A group
 * larger than DSP_UNCOND_MAX returns DSP_ERANGE (p NaN), a failed
 * allocation DSP_ENOMEM.
 */
#ifndef DSP_UNCOND_H
#define DSP_UNCOND_H

#define DSP_UNCOND_MAX 1e5
/* boschloo-minlike's region is found table by table, (n1 + 1)(n2 + 1). */
#define DSP_UNCOND_MINLIKE_MAX 1e4

/* Barnard's test: tables whose pooled z statistic is at least as large in
 * absolute value as the observed one. */
int dsp_test_barnard(double x1, double n1, double x2, double n2, double *p);

/* Barnard's test with the unpooled (Wald) statistic, (p1 - p2) / sqrt(p1 q1
 * / n1 + p2 q2 / n2), as scipy's barnard_exact(pooled=False). */
int dsp_test_barnard_unpooled(double x1, double n1, double x2, double n2, double *p);

/* Boschloo's test with Fisher's two-sided minimum-likelihood p-value as
 * the statistic: the tables whose Fisher p is at most the observed one's;
 * two-sided at once.  n1, n2 <= DSP_UNCOND_MINLIKE_MAX. */
int dsp_test_boschloo_minlike(double x1, double n1, double x2, double n2, double *p);

/* Boschloo's test: Fisher's one-sided p-value as the statistic; the
 * two-sided p is twice the smaller one-sided p, capped at 1. */
int dsp_test_boschloo(double x1, double n1, double x2, double n2, double *p);

/* One-sided, "greater" (group 1's proportion above group 2's; "less" swaps
 * the groups), as scipy's alternative="greater": the tables whose signed
 * statistic (z with the sign of x1/n1 - x2/n2; for Boschloo, Fisher's
 * one-sided p of "greater", P(X1 >= x1 | margins)) is at least as extreme
 * in that direction.  boschloo-minlike has no one-sided form. */
int dsp_test_barnard_greater(double x1, double n1, double x2, double n2, double *p);
int dsp_test_barnard_unpooled_greater(double x1, double n1, double x2, double n2,
				      double *p);
int dsp_test_boschloo_greater(double x1, double n1, double x2, double n2, double *p);

#endif
