/*
 * ratio.h - the ratio of two binomial proportions (relative rate, relative
 * risk) (x1/n1) / (x2/n2), group 1 against the reference group 2.
 *
 * Interval functions take counts held in doubles (integers, 0 <= x <= n,
 * n >= 1) and a level in (0,1), write the bounds and return DSP_OK,
 * DSP_EDOM or DSP_ENOCONV.  Zero cells follow the mathematics: with x1 = 0
 * the lower bound is 0, with x2 = 0 the upper bound is inf (see the man
 * page of disp-rate for each method's table of cases).
 */
#ifndef DSP_RATIO_H
#define DSP_RATIO_H

/* (x1/n1)/(x2/n2): inf when only x2 = 0, NaN when x1 = x2 = 0. */
double dsp_rr(double x1, double n1, double x2, double n2);

int dsp_rr_koopman(double x1, double n1, double x2, double n2, double level,
		   double *lo, double *hi);
int dsp_rr_katz(double x1, double n1, double x2, double n2, double level,
		double *lo, double *hi);

/* Koopman's interval with Miettinen & Nurminen's N/(N-1) variance factor. */
int dsp_rr_mn(double x1, double n1, double x2, double n2, double level,
	      double *lo, double *hi);

/* The test MN's interval inverts: X^2 (N-1)/N on 1 df; 1 at a zero margin. */
int dsp_test_score_mn(double x1, double n1, double x2, double n2, double *p);

/* Laud's skewness-corrected asymptotic score (SCAS) interval: the
 * Miettinen-Nurminen score with Gart and Nam's correction for skewness. */
int dsp_rr_scas(double x1, double n1, double x2, double n2, double level,
		double *lo, double *hi);

/* Laud (2017) eq. 3 at phi, for the level whose normal quantile is z:
 * the interval's ends are where it equals +z (lower) and -z (upper). */
double dsp_rr_scas_stat(double x1, double n1, double x2, double n2, double phi,
			double z);

/* The test SCAS inverts: two-sided, from the corrected score at phi = 1
 * (0 where no real score exists: then every SCAS interval excludes 1). */
int dsp_test_score_scas(double x1, double n1, double x2, double n2, double *p);

/* Katz's interval with 1/2 added to x1, n1, x2 and n2. */
int dsp_rr_adj_log(double x1, double n1, double x2, double n2, double level,
		   double *lo, double *hi);

/* Bailey's cube-root interval; (0, inf) when x1 or x2 is 0. */
int dsp_rr_bailey(double x1, double n1, double x2, double n2, double level,
		  double *lo, double *hi);

/*
 * Koopman's score statistic for H0: ratio = phi, phi > 0: the Pearson
 * chi-square of the table fitted under the constraint p1 = phi p2.
 */
double dsp_rr_score_stat(double x1, double n1, double x2, double n2, double phi);

#endif
