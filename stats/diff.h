/*
 * diff.h - the difference of two binomial proportions, x1/n1 - x2/n2
 * (group 1 against the reference group 2), and its intervals.
 *
 * Counts are integers held in doubles, 0 <= x <= n <= 2^53, n >= 1; level
 * in (0,1).  Interval functions write bounds within [-1, 1] and return
 * DSP_OK or DSP_EDOM.
 */
#ifndef DSP_DIFF_H
#define DSP_DIFF_H

/* x1/n1 - x2/n2, formed from the exact cross difference. */
double dsp_rd(double x1, double n1, double x2, double n2);

/* Newcombe's hybrid score interval (his method 10): Wilson limits combined. */
int dsp_rd_newcombe(double x1, double n1, double x2, double n2, double level,
		    double *lo, double *hi);

/* Agresti and Caffo's: Wald after adding one event and one non-event to each group. */
int dsp_rd_agresti_caffo(double x1, double n1, double x2, double n2,
			 double level, double *lo, double *hi);

/* The Wald interval, clipped to [-1, 1]. */
int dsp_rd_wald(double x1, double n1, double x2, double n2, double level,
		double *lo, double *hi);

/* Miettinen-Nurminen score interval: {d : T(d) <= z^2 N/(N-1)}, T from
 * dsp_rd_score_stat with the constrained MLEs of p1, p2 given p1 - p2 = d. */
int dsp_rd_mn(double x1, double n1, double x2, double n2, double level,
	      double *lo, double *hi);
/* Mee's score interval: the same without N/(N-1), {d : T(d) <= z^2}. */
int dsp_rd_mee(double x1, double n1, double x2, double n2, double level,
	       double *lo, double *hi);
double dsp_rd_score_stat(double x1, double n1, double x2, double n2, double d);

#endif
