/*
 * uncond.h - unconditional exact tests of two binomial proportions, which
 * do not condition on the total count of events: the p-value is the
 * largest, over the common proportion pi in [0, 1], of the probability of
 * the tables at least as extreme as the observed one.  Two-sided as scipy's
 * barnard_exact (pooled) and boschloo_exact define them.
 *
 * Cost: O(n1 n2) to find the rejection region, then O(n1 + n2) per value
 * of pi; arguments with n1 n2 > DSP_UNCOND_MAX return DSP_ERANGE (p NaN),
 * and a failed allocation DSP_ENOMEM.
 */
#ifndef DSP_UNCOND_H
#define DSP_UNCOND_H

#define DSP_UNCOND_MAX 1e8

/* Barnard's test: tables whose pooled z statistic is at least as large in
 * absolute value as the observed one. */
int dsp_test_barnard(double x1, double n1, double x2, double n2, double *p);

/* Boschloo's test: Fisher's one-sided p-value as the statistic; the
 * two-sided p is twice the smaller one-sided p, capped at 1. */
int dsp_test_boschloo(double x1, double n1, double x2, double n2, double *p);

#endif
