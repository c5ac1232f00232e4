/*
 * odds.h - the odds ratio of two binomial proportions,
 * [x1/(n1-x1)] / [x2/(n2-x2)] (group 1 against the reference group 2), and
 * its intervals.
 *
 * Counts are integers held in doubles, 0 <= x <= n <= 2^53, n >= 1; level
 * in (0,1).  Interval functions return DSP_OK or DSP_EDOM (or DSP_ENOCONV).
 */
#ifndef DSP_ODDS_H
#define DSP_ODDS_H

/* x1 (n2-x2) / (x2 (n1-x1)): inf when only the denominator is 0, NaN when both are. */
double dsp_or(double x1, double n1, double x2, double n2);

/* Woolf's logit interval; (0, inf) when a cell is 0. */
int dsp_or_woolf(double x1, double n1, double x2, double n2, double level,
		 double *lo, double *hi);

/* Woolf's interval with 1/2 added to every cell (Gart). */
int dsp_or_gart(double x1, double n1, double x2, double n2, double level,
		double *lo, double *hi);

/* The adjusted inverse sinh interval: log((a+.45)(d+.45)/((b+.45)(c+.45)))
 * -/+ 2 asinh(z/2 sqrt(sum 1/(cell + 0.25))) over the cells a, b, c, d. */
int dsp_or_asinh(double x1, double n1, double x2, double n2, double level,
		 double *lo, double *hi);

/* Cornfield's exact interval: the odds ratios at which P(X >= x1) and
 * P(X <= x1) under the conditional (noncentral hypergeometric)
 * distribution are each (1 - level)/2; 0 at the bottom of the support, inf
 * at its top.  DSP_ENOCONV if a root search fails. */
int dsp_or_exact(double x1, double n1, double x2, double n2, double level,
		 double *lo, double *hi);

/* The same with mid-p tails (half of P(X = x1) taken off). */
int dsp_or_midp(double x1, double n1, double x2, double n2, double level,
		double *lo, double *hi);

/* Baptista and Pike's interval: the odds ratios at which the two-sided
 * minimum-likelihood conditional test does not reject (the outermost such
 * points, the hull, found exactly by branch and bound in log psi). */
int dsp_or_baptista_pike(double x1, double n1, double x2, double n2,
			 double level, double *lo, double *hi);

/* Miettinen-Nurminen score interval: {psi : T(psi) <= z^2 N/(N-1)}, with T
 * from dsp_or_score_stat; 0 when x1 = 0 or x2 = n2, inf when x1 = n1 or
 * x2 = 0, (0, inf) with no events or no non-events at all. */
int dsp_or_mn(double x1, double n1, double x2, double n2, double level,
	      double *lo, double *hi);
/* The same score interval without N/(N-1): {psi : T(psi) <= z^2}. */
int dsp_or_score(double x1, double n1, double x2, double n2, double level,
		 double *lo, double *hi);
double dsp_or_score_stat(double x1, double n1, double x2, double n2, double psi);

#endif
