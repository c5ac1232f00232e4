/*
 * nchyper.h - Fisher's noncentral hypergeometric distribution: the law of
 * x1 in the 2x2 table [[x1, n1-x1], [x2, n2-x2]] given its margins, when the
 * odds ratio is psi.  P(X = k) is proportional to C(n1, k) C(n2, m-k) psi^k
 * on max(0, m-n2) <= k <= min(n1, m), m = x1 + x2.
 *
 * Probabilities are summed outward from where they start (the mode, or the
 * point asked about), so each costs O(sd) terms and keeps full relative
 * accuracy at counts of 10^9; the densities come from saddle.h.
 */
#ifndef DSP_NCHYPER_H
#define DSP_NCHYPER_H

typedef struct {
	double n1, n2, m;  /* margins */
	double lo, hi;     /* support */
	double lpsi;       /* log odds ratio */
	double mode;       /* the most probable k (the lowest, on a tie) */
	double lnorm;      /* log of sum_k P(k)/P(mode) */
	double p1, q1, p2, q2;  /* binomial anchors, p1/q1 = psi p2/q2 */
} dsp_nch;

/* The distribution for the margins of the table, at log odds ratio lpsi. */
dsp_nch dsp_nch_make(double x1, double n1, double x2, double n2, double lpsi);

/* log P(X = k). */
double dsp_nch_ld(const dsp_nch *d, double k);

/* log P(X >= k) (dir > 0) or log P(X <= k) (dir < 0). */
double dsp_nch_ltail(const dsp_nch *d, double k, int dir);

#endif
