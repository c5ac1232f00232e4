/*
 * nchyper.h - Fisher's noncentral hypergeometric distribution: the law of
 * x1 in the 2x2 table [[x1, n1-x1], [x2, n2-x2]] given its margins, when the
 * odds ratio is psi.  P(X = k) is proportional to C(n1, k) C(n2, m-k) psi^k
 * on max(0, m-n2) <= k <= min(n1, m), m = x1 + x2.
 *
 * Everything is computed from the four cells of a table, never from the
 * margins m or n1 + n2, which can pass 2^53 and stop being exact doubles:
 * every cell of every table of the support is an integer <= 2^53.
 * Probabilities are summed outward from where they start (the mode, or the
 * point asked about); where the terms fall slowly (a conditional sd beyond
 * a few hundred) the rest of a sum is the Euler-Maclaurin formula, so each
 * costs O(1000) terms at any count and keeps full relative accuracy.
 * Counts as in odds.h (integers, 0 <= x <= n <= 2^53).
 */
#ifndef DSP_NCHYPER_H
#define DSP_NCHYPER_H

/* A table of the support as a point to expand about: its cells and
 * lpsi - log(c0 c3 / (c1 c2)) (the log of a zero cell counted as 0). */
typedef struct {
	double c[4];   /* k, n1 - k, m - k, n2 - m + k */
	double coef;
} dsp_nch_at;

typedef struct {
	double x1, n1, x2, n2;  /* the observed table */
	double lo, hi;          /* support */
	double lpsi;            /* log odds ratio */
	double mode;            /* a most probable k */
	dsp_nch_at at_mode;
	double lnorm;           /* log of sum_k P(k)/P(mode); NaN on failure */
} dsp_nch;

/* The support of x1 given the margins of the table, exactly. */
void dsp_nch_support(double x1, double n1, double x2, double n2,
		     double *lo, double *hi);

/* The distribution for the margins of the table, at log odds ratio lpsi. */
dsp_nch dsp_nch_make(double x1, double n1, double x2, double n2, double lpsi);

/* log P(X = k); -inf off the support. */
double dsp_nch_ld(const dsp_nch *d, double k);

/* log P(X = k+1)/P(X = k), for lo <= k < hi, to full relative accuracy
 * even where it is near 0. */
double dsp_nch_lratio(const dsp_nch *d, double k);

/* log P(X >= k) (dir > 0) or log P(X <= k) (dir < 0). */
double dsp_nch_ltail(const dsp_nch *d, double k, int dir);

/* The two-sided minimum-likelihood p-value of k: the probability of the
 * tables no more probable than k, within a relative 1e-7 (Fisher's test,
 * as R's fisher.test); 1 where k is as probable as any. */
double dsp_nch_minlike(const dsp_nch *d, double k);

/* The tables more probable than that: the interval [*cl, *cr] of the
 * support (empty, *cl > *cr, where k is as probable as any). */
void dsp_nch_cut(const dsp_nch *d, double k, double *cl, double *cr);

/* P(X < cl) + P(X > cr): 1 when cl > cr. */
double dsp_nch_outside(const dsp_nch *d, double cl, double cr);

/* Loader's bd0(x + dl, x) = (x + dl) log(1 + dl/x) - dl, from the
 * difference dl itself, so that it stays exact where x + dl is not a
 * double (a real dl at x near 2^53). */
double dsp_bd0_delta(double x, double dl);

#endif
