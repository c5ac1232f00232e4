/*
 * nchyper.c - Fisher's noncentral hypergeometric distribution (see
 * nchyper.h).  Terms are formed as ratios of neighbours,
 * P(k+1)/P(k) = (n1-k)(m-k) psi / ((k+1)(n2-m+k+1)), and anchored to the
 * central density (dsp_ldhyper) at one point, so that no lgamma
 * difference of numbers near 10^9 enters.
 */
#include "nchyper.h"
#include "saddle.h"

#include <float.h>
#include <math.h>

/* P(k+1)/P(k), psi left out. */
static double up_ratio(const dsp_nch *d, double k)
{
	return (d->n1 - k) * (d->m - k) / ((k + 1) * (d->n2 - d->m + k + 1));
}

/*
 * log P(k)/P(j) for two points of the support, as a product of two binomial
 * densities, C(n1,k) p1^k q1^(n1-k) C(n2,m-k) p2^(m-k) q2^(n2-m+k), which
 * is P(k) times a constant when p1/q1 = psi p2/q2.  With p1 and p2 set
 * near the mode (at make), both logs are small near it, so their
 * difference keeps its digits even at counts of 10^9.
 */
static double lrel(const dsp_nch *d, double k, double j)
{
	return dsp_ldbinom(k, d->n1, d->p1, d->q1) - dsp_ldbinom(j, d->n1, d->p1, d->q1) +
	       dsp_ldbinom(d->m - k, d->n2, d->p2, d->q2) -
	       dsp_ldbinom(d->m - j, d->n2, d->p2, d->q2);
}

/*
 * log sum_{j >= 0} P(k + dir j)/P(k), from k outward.  The terms fall once
 * past the mode; the rest is then bounded by a geometric series.
 */
static double lsum(const dsp_nch *d, double k, int dir)
{
	double psi = exp(d->lpsi), sum = 1, term = 1;
	int logs = !(psi > 0 && isfinite(psi));  /* psi beyond a double */
	for (double j = k; dir > 0 ? j < d->hi : j > d->lo; j += dir) {
		double r = logs ?
			exp(dir * (log(up_ratio(d, dir > 0 ? j : j - 1)) + d->lpsi)) :
			dir > 0 ? up_ratio(d, j) * psi : 1 / (up_ratio(d, j - 1) * psi);
		term *= r;
		sum += term;
		if (term == 0 || (r < 1 && term < DBL_EPSILON / 8 * sum * (1 - r)))
			break;
	}
	return log(sum);
}

/* p = 1/(1 + exp(-l)) and q = 1 - p, each without cancellation. */
static void logistic(double l, double *p, double *q)
{
	double e = exp(-fabs(l));
	*p = (l > 0 ? 1 : e) / (1 + e);
	*q = (l > 0 ? e : 1) / (1 + e);
}

dsp_nch dsp_nch_make(double x1, double n1, double x2, double n2, double lpsi)
{
	dsp_nch d = {n1, n2, x1 + x2, 0, 0, lpsi, 0, 0, 0, 0, 0, 0};
	d.lo = fmax(0, d.m - n2);
	d.hi = fmin(n1, d.m);
	/* The mode is the first k whose ratio P(k+1)/P(k) is below 1; the
	 * ratio falls with k, so bisect (ratios compared in logs, since psi
	 * may be far outside the range of a double). */
	double a = d.lo - 1, b = d.hi;  /* ratio(a) >= 1 > ratio(b), ratio(hi) = 0 */
	while (b - a > 1) {
		double c = floor(a + (b - a) / 2);
		if (log(up_ratio(&d, c)) + lpsi < 0) b = c; else a = c;
	}
	d.mode = b;
	/* Anchor the larger group's p at its share at the mode (inside (0,
	 * 1)) and derive the other's from log(p1/q1) = lpsi + log(p2/q2);
	 * at the mode the two agree, up to O(1/n) for the smaller group. */
	if (n1 >= n2) {
		d.p1 = (b + 0.5) / (n1 + 1);
		d.q1 = (n1 - b + 0.5) / (n1 + 1);
		logistic(log(d.p1 / d.q1) - lpsi, &d.p2, &d.q2);
	} else {
		d.p2 = (d.m - b + 0.5) / (n2 + 1);
		d.q2 = (n2 - d.m + b + 0.5) / (n2 + 1);
		logistic(lpsi + log(d.p2 / d.q2), &d.p1, &d.q1);
	}
	d.lnorm = log(exp(lsum(&d, b, +1)) + exp(lsum(&d, b, -1)) - 1);
	return d;
}

double dsp_nch_ld(const dsp_nch *d, double k)
{
	if (k < d->lo || k > d->hi)
		return -INFINITY;
	return lrel(d, k, d->mode) - d->lnorm;
}

/*
 * A tail that holds the mode is the complement of the one that does not,
 * which is short to sum and at most 1 - P(mode), so the subtraction keeps
 * the digits the result needs.
 */
double dsp_nch_ltail(const dsp_nch *d, double k, int dir)
{
	if (dir > 0 ? k <= d->lo : k >= d->hi)
		return 0;
	if (dir > 0 ? k > d->hi : k < d->lo)
		return -INFINITY;
	if (dir > 0 ? k > d->mode : k < d->mode)
		return dsp_nch_ld(d, k) + lsum(d, k, dir);
	double other = dsp_nch_ld(d, k - dir) + lsum(d, k - dir, -dir);
	return log1p(-exp(other));
}
