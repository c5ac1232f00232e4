/*
 * adjust.c - multiple-comparison adjustments (see adjust.h).
 *
 * The step-down and step-up procedures sort the p-values, scale the k-th
 * smallest by a factor of n and k, and take running maxima (step-down,
 * Holm) or minima (step-up, Hochberg, Benjamini-Hochberg and -Yekutieli)
 * so that the adjusted values keep the order of the raw ones; every value
 * is capped at 1.  Hommel's adjusted p-values follow Wright (1992): for each
 * subset size m the Simes bound of the m largest, combined with each
 * smaller p scaled by m.
 */
#include "adjust.h"
#include "dsp.h"

#include <stdlib.h>

static int bad(size_t n, const double *p)
{
	for (size_t i = 0; i < n; i++)
		if (!(p[i] >= 0 && p[i] <= 1))
			return 1;
	return 0;
}

/* Indexes of p in increasing order, ties in input order (a stable sort). */
static const double *sort_p;
static int by_p(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	if (sort_p[i] != sort_p[j])
		return sort_p[i] < sort_p[j] ? -1 : 1;
	return i < j ? -1 : i > j;
}

static size_t *order(size_t n, const double *p)
{
	size_t *o = malloc((n ? n : 1) * sizeof *o);
	if (!o)
		return NULL;
	for (size_t i = 0; i < n; i++)
		o[i] = i;
	sort_p = p;
	qsort(o, n, sizeof *o, by_p);
	return o;
}

static double min1(double x)
{
	return x < 1 ? x : 1;
}

int dsp_adjust_bonferroni(size_t n, const double *p, double *out)
{
	if (bad(n, p))
		return DSP_EDOM;
	for (size_t i = 0; i < n; i++)
		out[i] = min1((double)n * p[i]);
	return DSP_OK;
}

int dsp_adjust_holm(size_t n, const double *p, double *out)
{
	if (bad(n, p))
		return DSP_EDOM;
	size_t *o = order(n, p);
	if (!o)
		return DSP_ENOMEM;
	double run = 0;   /* the k-th smallest times n - k + 1, running maximum */
	for (size_t k = 0; k < n; k++) {
		double v = (double)(n - k) * p[o[k]];
		run = v > run ? v : run;
		out[o[k]] = min1(run);
	}
	free(o);
	return DSP_OK;
}

/* Step-up: from the largest p down, the k-th smallest (k from 1) times
 * factor(k), running minimum. */
static int step_up(size_t n, const double *p, double *out, double c, int hochberg)
{
	if (bad(n, p))
		return DSP_EDOM;
	size_t *o = order(n, p);
	if (!o)
		return DSP_ENOMEM;
	double run = 1;
	for (size_t k = n; k-- > 0;) {
		double i = (double)(k + 1);
		double v = hochberg ? ((double)n - i + 1) * p[o[k]] : c * (double)n / i * p[o[k]];
		run = v < run ? v : run;
		out[o[k]] = min1(run);
	}
	free(o);
	return DSP_OK;
}

int dsp_adjust_hochberg(size_t n, const double *p, double *out)
{
	return step_up(n, p, out, 1, 1);
}

int dsp_adjust_bh(size_t n, const double *p, double *out)
{
	return step_up(n, p, out, 1, 0);
}

int dsp_adjust_by(size_t n, const double *p, double *out)
{
	double c = 0;   /* sum of 1/i: the dependence factor */
	for (size_t i = n; i >= 1; i--)
		c += 1 / (double)i;
	return step_up(n, p, out, c, 0);
}

/*
 * Hommel (1988), adjusted p-values by Wright (1992), on the sorted p(1) <=
 * ... <= p(n): start from the Simes bound of all n, min_i n p(i)/i; for
 * each m from n - 1 down to 2, the Simes bound of the m - 1 largest,
 * c = min_{j=2..m} m p(n-m+j)/j, caps m p(i) for the n - m + 1 smallest
 * and is itself the value of the rest; the adjusted p is the largest of
 * these over m, and at least p itself.
 */
int dsp_adjust_hommel(size_t n, const double *p, double *out)
{
	if (bad(n, p))
		return DSP_EDOM;
	size_t *o = order(n, p);
	double *s = malloc((n ? n : 1) * sizeof *s), *q = malloc((n ? n : 1) * sizeof *q);
	double *pa = malloc((n ? n : 1) * sizeof *pa);
	if (!o || !s || !q || !pa) {
		free(o), free(s), free(q), free(pa);
		return DSP_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		s[i] = p[o[i]];
	double simes = 1;
	for (size_t i = 0; i < n; i++) {
		double v = (double)n * s[i] / (double)(i + 1);
		simes = i == 0 || v < simes ? v : simes;
	}
	for (size_t i = 0; i < n; i++)
		q[i] = pa[i] = simes;
	for (size_t m = n - 1; n > 2 && m >= 2; m--) {
		size_t lo = n - m + 1;     /* the n - m + 1 smallest: s[0 .. lo-1] */
		double c = 0;
		for (size_t j = 2; j <= m; j++) {
			double v = (double)m * s[n - m + j - 1] / (double)j;
			c = j == 2 || v < c ? v : c;
		}
		for (size_t i = 0; i < lo; i++) {
			double v = (double)m * s[i];
			q[i] = v < c ? v : c;
		}
		for (size_t i = lo; i < n; i++)
			q[i] = q[lo - 1];
		for (size_t i = 0; i < n; i++)
			pa[i] = q[i] > pa[i] ? q[i] : pa[i];
	}
	for (size_t i = 0; i < n; i++)
		out[o[i]] = pa[i] > s[i] ? pa[i] : s[i];
	free(o), free(s), free(q), free(pa);
	return DSP_OK;
}
