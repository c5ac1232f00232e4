/*
 * mover.h - MOVER intervals (the method of variance estimates recovery):
 * an interval for a ratio, difference or odds ratio of two binomial
 * proportions combined in closed form from each group's own interval, on
 * Wilson or on Jeffreys limits, as R's ratesci moverci.
 *
 * Counts are integers held in doubles, 0 <= x <= n <= 2^53, n >= 1; level
 * in (0,1).  Functions return DSP_OK, DSP_EDOM or DSP_ENOCONV (a beta
 * quantile failed).
 */
#ifndef DSP_MOVER_H
#define DSP_MOVER_H

/* Donner and Zou's (2012) ratio (x1/n1)/(x2/n2): on Wilson limits around
 * x/n (upper bound inf when x2 = 0), or on equal-tailed Jeffreys limits
 * around the Jeffreys posterior medians (every bound finite). */
int dsp_rr_mover_wilson(double x1, double n1, double x2, double n2, double level,
			double *lo, double *hi);
int dsp_rr_mover_jeffreys(double x1, double n1, double x2, double n2, double level,
			  double *lo, double *hi);

/* Newcombe's (1998) difference on Jeffreys limits around the posterior
 * medians (Laud 2017's MOVER-J; on Wilson limits it is dsp_rd_newcombe). */
int dsp_rd_mover_jeffreys(double x1, double n1, double x2, double n2, double level,
			  double *lo, double *hi);

/* Fagerland and Newcombe's (2013) odds ratio: the ratio's formula on each
 * group's odds and the odds of its limits.  Wilson: 0 to inf with no
 * events or no non-events at all, or all events in one group and none in
 * the other; a group with all events is turned round first (the odds
 * ratio of the table read by columns is the same). */
int dsp_or_mover_wilson(double x1, double n1, double x2, double n2, double level,
			double *lo, double *hi);
int dsp_or_mover_jeffreys(double x1, double n1, double x2, double n2, double level,
			  double *lo, double *hi);

#endif
