/*
 * uncond.c - Barnard's and Boschloo's unconditional exact tests.
 *
 * Barnard GA (1947) Significance tests for 2x2 tables. Biometrika
 *   34:123-138; with the pooled z statistic, as scipy's barnard_exact.
 * Boschloo RD (1970) Raised conditional level of significance for the 2x2
 *   table when testing the equality of two probabilities. Statistica
 *   Neerlandica 24:1-9; two-sided as scipy's boschloo_exact: twice the
 *   smaller one-sided p-value.
 *
 * The rejection region R (tables at least as extreme as the observed one)
 * is stored as runs of x2 for each x1, so that its probability at pi,
 * sum over R of b(x1; n1, pi) b(x2; n2, pi), costs O(n1 + n2 + runs):
 * one binomial pmf per group, and cumulative sums for group 2.  The
 * maximum over pi is taken on a grid even in theta (pi = sin^2 theta,
 * where a binomial's spread is nearly constant), each local maximum then
 * refined by Brent's method.  scipy instead minimises with shgo from 32
 * Sobol points, which can miss the maximum.
 */
#include "uncond.h"
#include "dsp.h"
#include "saddle.h"
#include "test2x2.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_min.h>

/* Statistics within this relative distance of the observed one count as
 * ties (inside R), as in Fisher's test: rounding must not split tables
 * that are equally extreme. */
#define TIE 1e-7

struct run {
	long a, b0, b1;  /* x1 = a, b0 <= x2 <= b1 */
};

struct region {
	long n1, n2;
	size_t n, cap;
	struct run *r;
	double *pmf1, *pmf2, *lo2, *hi2;  /* work: pmfs, P(X2 <= k), P(X2 >= k) */
};

static int add_run(struct region *g, long a, long b0, long b1)
{
	if (b0 > b1)
		return 0;
	if (g->n == g->cap) {
		size_t cap = g->cap ? 2 * g->cap : 64;
		struct run *r = realloc(g->r, cap * sizeof *r);
		if (!r)
			return -1;
		g->r = r, g->cap = cap;
	}
	g->r[g->n++] = (struct run){a, b0, b1};
	return 0;
}

static int region_init(struct region *g, long n1, long n2)
{
	*g = (struct region){n1, n2, 0, 0, NULL, NULL, NULL, NULL, NULL};
	g->pmf1 = malloc((n1 + 1) * sizeof(double));
	g->pmf2 = malloc((n2 + 1) * sizeof(double));
	g->lo2 = malloc((n2 + 1) * sizeof(double));
	g->hi2 = malloc((n2 + 2) * sizeof(double));
	return g->pmf1 && g->pmf2 && g->lo2 && g->hi2 ? 0 : -1;
}

static void region_free(struct region *g)
{
	free(g->r), free(g->pmf1), free(g->pmf2), free(g->lo2), free(g->hi2);
}

/* Binomial(n, pi) pmf into out[0..n], by recurrence from the mode. */
static void binom_pmf(long n, double pi, double *out)
{
	for (long k = 0; k <= n; k++)
		out[k] = 0;
	if (pi <= 0 || pi >= 1) {
		out[pi <= 0 ? 0 : n] = 1;
		return;
	}
	double q = 1 - pi, odds = pi / q;
	long mode = (long)floor((n + 1) * pi);
	if (mode > n)
		mode = n;
	out[mode] = exp(dsp_ldbinom(mode, n, pi, q));
	for (long k = mode; k < n && out[k] > 0; k++)
		out[k + 1] = out[k] * ((double)(n - k) / (k + 1)) * odds;
	for (long k = mode; k > 0 && out[k] > 0; k--)
		out[k - 1] = out[k] * ((double)k / (n - k + 1)) / odds;
}

/* P(R) at pi. */
static double region_prob(struct region *g, double pi)
{
	long n2 = g->n2;
	binom_pmf(g->n1, pi, g->pmf1);
	binom_pmf(n2, pi, g->pmf2);
	double s = 0;
	for (long k = 0; k <= n2; k++)
		g->lo2[k] = s += g->pmf2[k];
	s = 0;
	g->hi2[n2 + 1] = 0;
	for (long k = n2; k >= 0; k--)
		g->hi2[k] = s += g->pmf2[k];
	double p = 0;
	for (size_t i = 0; i < g->n; i++) {
		const struct run *r = &g->r[i];
		double w;  /* P(b0 <= X2 <= b1), from whichever end is nearer */
		if (r->b0 == 0)
			w = g->lo2[r->b1];
		else if (r->b1 == n2 || g->hi2[r->b0] < g->lo2[r->b1])
			w = g->hi2[r->b0] - g->hi2[r->b1 + 1];
		else
			w = g->lo2[r->b1] - g->lo2[r->b0 - 1];
		p += g->pmf1[r->a] * w;
	}
	return p;
}

static double neg_prob(double theta, void *vp)
{
	double s = sin(theta);
	return -region_prob(vp, s * s);
}

/* max over pi in [0, 1] of P(R). */
static double region_max(struct region *g)
{
	double nmax = g->n1 > g->n2 ? g->n1 : g->n2;
	int n = 64 + (int)(16 * sqrt(nmax));
	double h = M_PI / 2 / n, best = 0;
	double *f = malloc((n + 1) * sizeof *f);
	if (!f)
		return NAN;
	for (int i = 0; i <= n; i++) {
		f[i] = -neg_prob(i * h, g);
		if (f[i] > best)
			best = f[i];
	}
	gsl_min_fminimizer *m = gsl_min_fminimizer_alloc(gsl_min_fminimizer_brent);
	gsl_function F = {neg_prob, g};
	gsl_error_handler_t *old = gsl_set_error_handler_off();
	for (int i = 1; m && i < n; i++) {
		/* A local maximum on the grid that could hold the global one:
		 * refine it between its neighbours.  Brent needs an interior
		 * point strictly above both ends; when two grid values tie (a
		 * maximum midway, as at pi = 1/2 by symmetry), the midpoint of
		 * the pair serves. */
		if (!(f[i] >= f[i - 1] && f[i] >= f[i + 1] && f[i] > best * 0.99))
			continue;
		double x = i * h, fx = f[i], a = (i - 1) * h, fa = f[i - 1];
		double b = (i + 1) * h, fb = f[i + 1];
		if (!(fx > fa && fx > fb)) {
			int right = f[i + 1] >= f[i - 1];
			a = right ? i * h : (i - 1) * h, fa = right ? f[i] : f[i - 1];
			b = right ? (i + 1) * h : i * h, fb = right ? f[i + 1] : f[i];
			x = (a + b) / 2, fx = -neg_prob(x, g);
			if (fx > best)
				best = fx;
			if (!(fx > fa && fx > fb))
				continue;
		}
		if (gsl_min_fminimizer_set_with_values(m, &F, x, -fx, a, -fa, b, -fb))
			continue;
		for (int it = 0; it < 100; it++) {
			if (gsl_min_fminimizer_iterate(m))
				break;
			double lo = gsl_min_fminimizer_x_lower(m), hi = gsl_min_fminimizer_x_upper(m);
			if (gsl_min_test_interval(lo, hi, 1e-12, 0) == GSL_SUCCESS)
				break;
		}
		double v = -gsl_min_fminimizer_f_minimum(m);
		if (v > best)
			best = v;
	}
	gsl_set_error_handler(old);
	gsl_min_fminimizer_free(m);
	free(f);
	return best > 1 ? 1 : best;
}

static int bad_args(double x1, double n1, double x2, double n2)
{
	return !(n1 >= 1 && n2 >= 1 && x1 >= 0 && x1 <= n1 && x2 >= 0 && x2 <= n2 &&
		 x1 == floor(x1) && x2 == floor(x2) && n1 == floor(n1) &&
		 n2 == floor(n2));
}

/* |z| of the pooled z statistic, 0 when the proportions are equal:
 * |a n2 - b n1| sqrt(N / (n1 n2 m (N - m))), m = a + b. */
static double zpooled(long a, long n1, long b, long n2)
{
	double d = fabs(dsp_cross_diff(a, n1, b, n2));
	if (d == 0)
		return 0;
	double N = (double)n1 + n2, m = (double)a + b;
	return d * sqrt(N / ((double)n1 * n2 * m * (N - m)));
}

int dsp_test_barnard(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	if (n1 * n2 > DSP_UNCOND_MAX)
		return dsp_ret(out, NAN, DSP_ERANGE);
	long N1 = (long)n1, N2 = (long)n2;
	double cut = zpooled((long)x1, N1, (long)x2, N2) * (1 - TIE);
	if (cut == 0)
		return dsp_ret(out, 1, DSP_OK);  /* every table is as extreme */
	struct region g;
	double p = NAN;
	int rc = DSP_ENOMEM;
	if (region_init(&g, N1, N2) == 0) {
		int err = 0;
		for (long a = 0; a <= N1 && !err; a++) {
			long start = -1;
			for (long b = 0; b <= N2 + 1 && !err; b++) {
				int in = b <= N2 && zpooled(a, N1, b, N2) >= cut;
				if (in && start < 0)
					start = b;
				if (!in && start >= 0)
					err = add_run(&g, a, start, b - 1), start = -1;
			}
		}
		if (!err)
			p = region_max(&g), rc = DSP_OK;
	}
	region_free(&g);
	return dsp_ret(out, p, rc);
}

/*
 * Fisher's one-sided p-values for every table: for each m = a + b,
 * P(X1 <= a | m) and P(X1 >= a | m) from the hypergeometric pmf, formed by
 * recurrence from the mode and scaled by its density.  lower[] and upper[]
 * must hold n1 + 1 values; entries off the support are left alone.
 */
static void fisher_tails(long n1, long n2, long m, double *rel, double *lower,
			 double *upper)
{
	long lo = m - n2 > 0 ? m - n2 : 0, hi = m < n1 ? m : n1;
	long mode = (long)floor(((double)m + 1) * ((double)n1 + 1) / ((double)n1 + n2 + 2));
	if (mode < lo) mode = lo;
	if (mode > hi) mode = hi;
	double pm = exp(dsp_ldhyper(mode, n1, n2, m));
	rel[mode] = 1;
	for (long k = mode; k < hi; k++)
		rel[k + 1] = rel[k] * ((double)(n1 - k) * (m - k)) /
			     ((double)(k + 1) * (n2 - m + k + 1));
	for (long k = mode; k > lo; k--)
		rel[k - 1] = rel[k] * ((double)k * (n2 - m + k)) /
			     ((double)(n1 - k + 1) * (m - k + 1));
	double s = 0;
	for (long k = lo; k <= hi; k++)
		lower[k] = (s += rel[k]) * pm;
	s = 0;
	for (long k = hi; k >= lo; k--)
		upper[k] = (s += rel[k]) * pm;
}

int dsp_test_boschloo(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	if (n1 * n2 > DSP_UNCOND_MAX)
		return dsp_ret(out, NAN, DSP_ERANGE);
	long N1 = (long)n1, N2 = (long)n2, a0 = (long)x1, b0 = (long)x2;
	double *rel = malloc((N1 + 1) * sizeof *rel);
	double *lw = malloc((N1 + 1) * sizeof *lw), *up = malloc((N1 + 1) * sizeof *up);
	long *cutl = malloc((N1 + 1) * sizeof *cutl), *cutg = malloc((N1 + 1) * sizeof *cutg);
	struct region gl = {.r = NULL}, gg = {.r = NULL};
	int ok = rel && lw && up && cutl && cutg && region_init(&gl, N1, N2) == 0 &&
		 region_init(&gg, N1, N2) == 0;
	double p = NAN;
	if (ok) {
		fisher_tails(N1, N2, a0 + b0, rel, lw, up);
		double tl = lw[a0] * (1 + TIE), tg = up[a0] * (1 + TIE);
		/* For fixed a, P(X1 <= a | a + b) falls as b grows and
		 * P(X1 >= a | a + b) rises, so each region is one run per a:
		 * b >= cutl[a] ("less") and b <= cutg[a] ("greater"). */
		for (long a = 0; a <= N1; a++)
			cutl[a] = N2 + 1, cutg[a] = -1;
		for (long m = 0; m <= N1 + N2; m++) {
			fisher_tails(N1, N2, m, rel, lw, up);
			long lo = m - N2 > 0 ? m - N2 : 0, hi = m < N1 ? m : N1;
			for (long a = lo; a <= hi; a++) {
				if (lw[a] <= tl && cutl[a] > m - a)
					cutl[a] = m - a;
				if (up[a] <= tg && cutg[a] < m - a)
					cutg[a] = m - a;
			}
		}
		for (long a = 0; a <= N1 && ok; a++)
			ok = add_run(&gl, a, cutl[a], N2) == 0 && add_run(&gg, a, 0, cutg[a]) == 0;
		if (ok) {
			double pl = region_max(&gl), pg = region_max(&gg);
			p = 2 * fmin(pl, pg);
			p = p > 1 ? 1 : p;
		}
	}
	region_free(&gl);
	region_free(&gg);
	free(rel), free(lw), free(up), free(cutl), free(cutg);
	return dsp_ret(out, p, ok ? DSP_OK : DSP_ENOMEM);
}
