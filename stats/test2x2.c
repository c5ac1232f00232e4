/*
 * test2x2.c - Fisher's exact and Pearson's chi-square tests for 2x2 tables.
 *
 * Yates (1934) J R Stat Soc Suppl 1:217; G: Woolf (1957) Ann Hum Genet
 * 21:397.  Fisher: Fisher (1935) J R Stat Soc 98:39; the two-sided minimum-likelihood
 * rule of Irwin (1935).  Rather than visit every table of the support
 * (10^9 of them at 10^9 counts), we find where the unimodal hypergeometric
 * density crosses the observed probability on each side of the mode by
 * bisection, then sum each tail outward from its cut point, where terms fall
 * at least geometrically: O(sd) terms near the mode, a handful far out.
 */
#include "test2x2.h"
#include "dsp.h"
#include "saddle.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_cdf.h>

static int bad_args(double x1, double n1, double x2, double n2)
{
	return !(n1 >= 1 && n2 >= 1 && n1 <= DSP_COUNT_MAX && n2 <= DSP_COUNT_MAX &&
		 x1 >= 0 && x1 <= n1 && x2 >= 0 && x2 <= n2 &&
		 x1 == floor(x1) && x2 == floor(x2) && n1 == floor(n1) &&
		 n2 == floor(n2));
}

/* The table's margins: X ~ Hypergeometric(good n1, bad n2, draws m). */
struct hyper {
	double n1, n2, m, lo, hi;  /* support [lo, hi] */
	double mode;
};

static struct hyper hyper_of(double x1, double n1, double x2, double n2)
{
	struct hyper h = {n1, n2, x1 + x2, 0, 0, 0};
	h.lo = fmax(0, h.m - n2);
	h.hi = fmin(n1, h.m);
	/* long double: the product can pass 2^53, and an off-by-one mode
	 * would break the bisections' invariants. */
	h.mode = (double)floorl((h.m + 1.0L) * (n1 + 1.0L) / (n1 + n2 + 2.0L));
	return h;
}

static double ld(const struct hyper *h, double k)
{
	return dsp_ldhyper(k, h->n1, h->n2, h->m);
}

/*
 * log of sum_{j >= 0} P(X = k + dir*j) over the support, from k outward.
 * Terms are scaled to P(X = k) = 1, so the sum is >= 1; we stop once the
 * remaining terms, bounded by a geometric series, cannot change it.
 */
static double log_tail(const struct hyper *h, double k, int dir)
{
	double sum = 1, term = 1;
	for (double j = k; dir > 0 ? j < h->hi : j > h->lo; j += dir) {
		/* P(j+1)/P(j) = (n1-j)(m-j) / ((j+1)(n2-m+j+1)), and its
		 * reciprocal shifted by one for the downward direction. */
		double r = dir > 0 ?
			(h->n1 - j) * (h->m - j) / ((j + 1) * (h->n2 - h->m + j + 1)) :
			j * (h->n2 - h->m + j) / ((h->n1 - j + 1) * (h->m - j + 1));
		term *= r;
		sum += term;
		if (r < 1 && term < DBL_EPSILON / 8 * sum * (1 - r))
			break;
	}
	return ld(h, k) + log(sum);
}

int dsp_test_fisher(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	struct hyper h = hyper_of(x1, n1, x2, n2);
	double mode = h.mode;
	double cut = ld(&h, x1) + log1p(1e-7);
	if (ld(&h, mode) <= cut)
		return dsp_ret(out, 1, DSP_OK);  /* the observed table is as probable as any */
	/* Left of the mode the density rises: find the last k <= mode with
	 * ld(k) <= cut (none when even h.lo is above it).  Right of the mode
	 * it falls: find the first such k >= mode. */
	double a = h.lo - 1, b = mode;     /* invariant: ld(a) <= cut < ld(b) */
	while (b - a > 1) {
		double c = floor(a + (b - a) / 2);
		if (ld(&h, c) <= cut) a = c; else b = c;
	}
	double left = a;
	a = mode, b = h.hi + 1;            /* invariant: ld(a) > cut >= ld(b) */
	while (b - a > 1) {
		double c = floor(a + (b - a) / 2);
		if (ld(&h, c) <= cut) b = c; else a = c;
	}
	double right = b;
	double p = 0;
	if (left >= h.lo)
		p += exp(log_tail(&h, left, -1));
	if (right <= h.hi)
		p += exp(log_tail(&h, right, +1));
	return dsp_ret(out, p > 1 ? 1 : p, DSP_OK);
}

int dsp_test_fisher_midp(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	struct hyper h = hyper_of(x1, n1, x2, n2);
	/* The one-sided mid-p values L = P(X < x1) + P(x1)/2 and U = 1 - L.
	 * Sum the tail that lies away from the mode, where the outward sum
	 * is short, and take the other as its complement; P(x1)/2 is at most
	 * half that tail, so the subtraction keeps its digits.  The summed
	 * tail is used as it is: through 1 - (1 - t) a small p would be lost. */
	double half = exp(ld(&h, x1)) / 2;
	int down = x1 <= h.mode;
	double t = exp(log_tail(&h, x1, down ? -1 : +1)) - half;
	double p = 2 * fmin(t, 1 - t);
	return dsp_ret(out, p > 1 ? 1 : p, DSP_OK);
}

/* x1 n2 - x2 n1 (= ad - bc), by Kahan's fma method: exact enough even when
 * both products pass 2^53 and nearly cancel. */
double dsp_cross_diff(double x1, double n1, double x2, double n2)
{
	double w = x2 * n1;
	return fma(x1, n2, -w) - fma(x2, n1, -w);
}

double dsp_chi2_stat(double x1, double n1, double x2, double n2)
{
	double m = x1 + x2, N = n1 + n2;
	if (bad_args(x1, n1, x2, n2) || m == 0 || m == N)
		return NAN;
	/* X^2 = N (x1 n2 - x2 n1)^2 / (n1 n2 m (N - m)). */
	double d = dsp_cross_diff(x1, n1, x2, n2);
	return (d / n1) * (d / n2) * (N / m) / (N - m);
}

int dsp_test_score(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	/* Koopman's score statistic at ratio 1 is Pearson's X^2 (the
	 * constrained MLE is the pooled rate), so the exact-integer form
	 * serves.  A zero margin leaves it 0/0; the interval it inverts is then
	 * (0, inf), so p = 1 keeps the two consistent. */
	double x = dsp_chi2_stat(x1, n1, x2, n2);
	return dsp_ret(out, isnan(x) ? 1 : gsl_cdf_chisq_Q(x, 1), DSP_OK);
}

int dsp_test_chi2_yates(double x1, double n1, double x2, double n2, double *out)
{
	double m = x1 + x2, N = n1 + n2;
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	if (m == 0 || m == N)
		return dsp_ret(out, NAN, DSP_OK);  /* undefined: a zero margin */
	/* Every cell has the same |O - E| = |ad - bc| / N. */
	double d = fmax(fabs(dsp_cross_diff(x1, n1, x2, n2)) - N / 2, 0);
	double x = (d / n1) * (d / n2) * (N / m) / (N - m);
	return dsp_ret(out, gsl_cdf_chisq_Q(x, 1), DSP_OK);
}

int dsp_test_g(double x1, double n1, double x2, double n2, double *out)
{
	double m = x1 + x2, N = n1 + n2;
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	if (m == 0 || m == N)
		return dsp_ret(out, NAN, DSP_OK);  /* undefined: a zero margin */
	/* G = 2 sum [O log(O/E) - O + E] (the added terms sum to 0): each
	 * term is Loader's bd0 >= 0, so nothing cancels when O is near E. */
	double O[4] = {x1, n1 - x1, x2, n2 - x2};
	double E[4] = {n1 * m / N, n1 * (N - m) / N, n2 * m / N, n2 * (N - m) / N};
	double g = 0;
	for (int i = 0; i < 4; i++)
		g += O[i] == 0 ? E[i] : dsp_bd0(O[i], E[i]);
	return dsp_ret(out, gsl_cdf_chisq_Q(2 * g, 1), DSP_OK);
}

int dsp_test_chi2(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	double x = dsp_chi2_stat(x1, n1, x2, n2);  /* NaN at a zero margin */
	return dsp_ret(out, isnan(x) ? NAN : gsl_cdf_chisq_Q(x, 1), DSP_OK);
}
