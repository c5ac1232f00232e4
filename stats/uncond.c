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
 * Both tests are symmetric in the two groups, so group 1 (count a) is made
 * the smaller one.  Both statistics are monotone in b for fixed a, so the
 * rejection region R (tables at least as extreme as the observed one) is,
 * for each a, b <= top[a] and b >= bot[a]: O(n1) numbers, found by binary
 * search (Barnard) or by walking the boundary (Boschloo).  Its probability
 * at pi, the sum over a of b(a; n1, pi) [P(X2 <= top[a]) + P(X2 >= bot[a])],
 * needs each binomial pmf only where it matters (within 10^-17 of the
 * largest P(R) seen, at most about 75 standard deviations wide) and
 * cumulative sums there: O(sqrt(n1) + sqrt(n2)) per pi, whatever the
 * imbalance.  The maximum over pi is taken on a grid even in theta (pi =
 * sin^2 theta, where a binomial's spread is nearly constant) of 64 + 16
 * sqrt(n) points, n the larger group (a point every 0.2 of its standard
 * deviation in theta), the best local maxima then refined by Brent's
 * method.  scipy instead minimises with shgo from 32 Sobol points, which
 * can miss the maximum.
 */
#include "uncond.h"
#include "dsp.h"
#include "saddle.h"
#include "test2x2.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_min.h>

/* Statistics within this relative distance of the observed one count as
 * ties (inside R), as in Fisher's test: rounding must not split tables
 * that are equally extreme. */
#define TIE 1e-7

/* Local maxima of the grid refined by Brent (the best first). */
#define REFINE 8

/* R: for each a, b <= top[a] or b >= bot[a] (top < bot); or, where off is
 * set (boschloo-minlike), the runs [rs[i], re[i]] for i in off[a] ..
 * off[a + 1] - 1. */
struct region {
	long *top, *bot;
	long *off, *rs, *re;
};

/* The binomial pmfs at one pi, where they matter. */
struct work {
	long n1, n2;
	double *pmf1, *pmf2, *lo2, *hi2;  /* pmfs, P(k0 <= X2 <= k), P(k <= X2 <= k1) */
	double *inv;                      /* inv[k] = 1/k, k = 1 .. n2 + 1 */
	long a0, a1, k0, k1;              /* the windows */
	double best;                      /* the largest P(R) seen */
	const struct region *g;           /* for Brent */
};

static int region_init(struct region *g, long n1)
{
	g->off = g->rs = g->re = NULL;
	g->top = malloc((n1 + 1) * sizeof *g->top);
	g->bot = malloc((n1 + 1) * sizeof *g->bot);
	return g->top && g->bot ? 0 : -1;
}

static void region_free(struct region *g)
{
	free(g->top), free(g->bot);
	free(g->off), free(g->rs), free(g->re);
}

static int work_init(struct work *w, long n1, long n2)
{
	*w = (struct work){.n1 = n1, .n2 = n2};
	w->pmf1 = malloc((n1 + 1) * sizeof(double));
	w->pmf2 = malloc((n2 + 1) * sizeof(double));
	w->lo2 = malloc((n2 + 1) * sizeof(double));
	w->hi2 = malloc((n2 + 1) * sizeof(double));
	w->inv = malloc((n2 + 2) * sizeof(double));
	if (!(w->pmf1 && w->pmf2 && w->lo2 && w->hi2 && w->inv))
		return -1;
	for (long k = 1; k <= n2 + 1; k++)
		w->inv[k] = 1.0 / k;
	return 0;
}

static void work_free(struct work *w)
{
	free(w->pmf1), free(w->pmf2), free(w->lo2), free(w->hi2), free(w->inv);
}

/* Binomial(n, pi) pmf into out[*k0..*k1], the range where it is at least
 * thr >= DBL_MIN (subnormals are slow), by recurrence from the mode (inv[k]
 * = 1/k: no division in the loop); out[] elsewhere is left alone.  The mass
 * left out is below (n + 1) thr. */
static void binom_pmf(long n, double pi, double thr, const double *inv, double *out,
		      long *k0, long *k1)
{
	if (pi <= 0 || pi >= 1) {
		*k0 = *k1 = pi <= 0 ? 0 : n;
		out[*k0] = 1;
		return;
	}
	double q = 1 - pi, odds = pi / q, evens = q / pi;
	long mode = (long)floor((n + 1) * pi), k;
	if (mode > n)
		mode = n;
	out[mode] = exp(dsp_ldbinom(mode, n, pi, q));
	for (k = mode; k < n && out[k] >= thr; k++)
		out[k + 1] = out[k] * ((double)(n - k) * inv[k + 1]) * odds;
	*k1 = out[k] >= thr ? k : k - 1;
	for (k = mode; k > 0 && out[k] >= thr; k--)
		out[k - 1] = out[k] * ((double)k * inv[n - k + 1]) * evens;
	*k0 = out[k] >= thr ? k : k + 1;
	if (*k1 < *k0)  /* the mode itself is below thr */
		*k0 = *k1 = mode;
}

/* The pmfs at pi, to within tol of P(R) for any R. */
static void work_at(struct work *w, double pi, double tol)
{
	binom_pmf(w->n1, pi, fmax(tol / (w->n1 + 1), DBL_MIN), w->inv, w->pmf1, &w->a0, &w->a1);
	binom_pmf(w->n2, pi, fmax(tol / (w->n2 + 1), DBL_MIN), w->inv, w->pmf2, &w->k0, &w->k1);
	double s = 0;
	for (long k = w->k0; k <= w->k1; k++)
		w->lo2[k] = s += w->pmf2[k];
	s = 0;
	for (long k = w->k1; k >= w->k0; k--)
		w->hi2[k] = s += w->pmf2[k];
}

/* P(k0 <= X2 <= k) - P(X2 < s) over the window, from whichever end keeps
 * the run's own digits (the smaller of the two cumulative sums). */
static double run_prob(const struct work *w, long s, long e)
{
	long k0 = w->k0, k1 = w->k1;
	if (s < k0)
		s = k0;
	if (e > k1)
		e = k1;
	if (s > e)
		return 0;
	if (w->lo2[e] <= w->hi2[s])
		return w->lo2[e] - (s > k0 ? w->lo2[s - 1] : 0);
	return w->hi2[s] - (e < k1 ? w->hi2[e + 1] : 0);
}

/* P(R) at the pi of work_at. */
static double region_prob(const struct work *w, const struct region *g)
{
	long k0 = w->k0, k1 = w->k1;
	double all = w->lo2[k1], p = 0;
	if (g->off) {
		for (long a = w->a0; a <= w->a1; a++) {
			double v = 0;
			for (long i = g->off[a]; i < g->off[a + 1]; i++)
				v += run_prob(w, g->rs[i], g->re[i]);
			p += w->pmf1[a] * v;
		}
		return p;
	}
	for (long a = w->a0; a <= w->a1; a++) {
		long t = g->top[a], b = g->bot[a];
		double v = t < k0 ? 0 : t >= k1 ? all : w->lo2[t];
		v += b > k1 ? 0 : b <= k0 ? all : w->hi2[b];
		p += w->pmf1[a] * v;
	}
	return p;
}

/* P(R) is only wanted where it is near the largest value seen so far:
 * it is computed to 10^-17 of that. */
static double neg_prob(double theta, void *vp)
{
	struct work *w = vp;
	double s = sin(theta);
	work_at(w, s * s, w->best * 1e-17);
	return -region_prob(w, w->g);
}

/* Refines the grid maximum at i (f[i] >= both neighbours) by Brent. */
static double refine(gsl_min_fminimizer *m, struct work *w, const double *f,
		     int i, double h)
{
	gsl_function F = {neg_prob, w};
	double x = i * h, fx = f[i], a = (i - 1) * h, fa = f[i - 1];
	double b = (i + 1) * h, fb = f[i + 1], best = fx;
	if (!(fx > fa && fx > fb)) {
		/* Brent needs an interior point strictly above both ends;
		 * when two grid values tie (a maximum midway, as at pi = 1/2
		 * by symmetry), the midpoint of the pair serves. */
		int right = f[i + 1] >= f[i - 1];
		a = right ? i * h : (i - 1) * h, fa = right ? f[i] : f[i - 1];
		b = right ? (i + 1) * h : i * h, fb = right ? f[i + 1] : f[i];
		x = (a + b) / 2, fx = -neg_prob(x, w);
		if (fx > best)
			best = fx;
		if (!(fx > fa && fx > fb))
			return best;
	}
	if (gsl_min_fminimizer_set_with_values(m, &F, x, -fx, a, -fa, b, -fb))
		return best;
	for (int it = 0; it < 100; it++) {
		if (gsl_min_fminimizer_iterate(m))
			break;
		double lo = gsl_min_fminimizer_x_lower(m), hi = gsl_min_fminimizer_x_upper(m);
		if (gsl_min_test_interval(lo, hi, 1e-12, 0) == GSL_SUCCESS)
			break;
	}
	double v = -gsl_min_fminimizer_f_minimum(m);
	return v > best ? v : best;
}

/* The REFINE best local maxima of f[1..n-1] within 1% of best, into cand. */
static int candidates(const double *f, int n, double best, int *cand)
{
	int nc = 0;
	for (int i = 1; i < n; i++) {
		if (!(f[i] >= f[i - 1] && f[i] >= f[i + 1] && f[i] > best * 0.99))
			continue;
		if (nc == REFINE && f[cand[REFINE - 1]] >= f[i])
			continue;
		int j = nc < REFINE ? nc++ : REFINE - 1;
		for (; j > 0 && f[cand[j - 1]] < f[i]; j--)
			cand[j] = cand[j - 1];
		cand[j] = i;
	}
	return nc;
}

/* max over pi in [0, 1] of P(R) for each of the ng regions, into out[];
 * -1 when out of memory. */
static int region_max(struct work *w, const struct region *g, int ng, double *out)
{
	double nmax = w->n1 > w->n2 ? w->n1 : w->n2;
	int n = 64 + (int)(16 * sqrt(nmax));
	double h = M_PI / 2 / n;
	double *f = malloc(2 * (n + 1) * sizeof *f);
	if (!f)
		return -1;
	/* One pass of the grid serves every region: the pmfs are shared. */
	out[0] = out[1] = 0;
	w->best = 0;
	for (int i = 0; i <= n; i++) {
		double s = sin(i * h);
		work_at(w, s * s, w->best * 1e-17);
		for (int r = 0; r < ng; r++) {
			double v = f[r * (n + 1) + i] = region_prob(w, &g[r]);
			if (v > out[r])
				out[r] = v;
		}
		/* tol from the least of the maxima (each is wanted to 1e-17) */
		w->best = ng > 1 ? fmin(out[0], out[1]) : out[0];
	}
	gsl_min_fminimizer *m = gsl_min_fminimizer_alloc(gsl_min_fminimizer_brent);
	gsl_error_handler_t *old = gsl_set_error_handler_off();
	for (int r = 0; m && r < ng; r++) {
		int cand[REFINE], nc = candidates(f + r * (n + 1), n, out[r], cand);
		w->g = &g[r];
		w->best = out[r];
		for (int k = 0; k < nc && out[r] < 1; k++) {
			double v = refine(m, w, f + r * (n + 1), cand[k], h);
			if (v > out[r])
				w->best = out[r] = v;
		}
		out[r] = out[r] > 1 ? 1 : out[r];
	}
	gsl_set_error_handler(old);
	gsl_min_fminimizer_free(m);
	free(f);
	return m ? 0 : -1;
}

static int bad_args(double x1, double n1, double x2, double n2)
{
	return !(n1 >= 1 && n2 >= 1 && x1 >= 0 && x1 <= n1 && x2 >= 0 && x2 <= n2 &&
		 x1 == floor(x1) && x2 == floor(x2) && n1 == floor(n1) &&
		 n2 == floor(n2));
}

/* Group 1 the smaller: the tests and P(R) are symmetric in the groups. */
static void order(double *x1, double *n1, double *x2, double *n2)
{
	if (*n1 > *n2) {
		double t = *x1; *x1 = *x2; *x2 = t;
		t = *n1; *n1 = *n2; *n2 = t;
	}
}

/* The pooled z statistic's square with the sign of a n2 - b n1, 0 when
 * the proportions are equal: d |d| N / (n1 n2 m (N - m)), m = a + b.  It
 * falls as b grows with a fixed. */
static double z2pooled(long a, long n1, long b, long n2)
{
	double d = dsp_cross_diff(a, n1, b, n2);
	if (d == 0)
		return 0;
	double N = (double)n1 + n2, m = (double)a + b;
	return (d / n1) * (fabs(d) / n2) * (N / m) / (N - m);
}

/* The unpooled (Wald) statistic's square with the sign of a/n1 - b/n2: d^2
 * / (p1 q1/n1 + p2 q2/n2), 0 when the proportions are equal, +-inf where
 * they differ and the variance is 0 (as scipy's pooled=False).  For fixed
 * a it falls as b grows: d/dp2 of (p1 - p2)/sqrt(V) has the sign of -(V +
 * (p1 q2 + p2 q1)/(2 n2)). */
static double z2unpooled(long a, long n1, long b, long n2)
{
	double d = dsp_cross_diff(a, n1, b, n2);
	if (d == 0)
		return 0;
	double v = (double)a * (n1 - a) / ((double)n1 * n1 * n1) +
		   (double)b * (n2 - b) / ((double)n2 * n2 * n2);
	if (v == 0)
		return copysign(INFINITY, d);
	return (d / n1 / n2) * (fabs(d) / n1 / n2) / v;
}

/* Barnard's test with statistic z2: two-sided (side 0), or one-sided,
 * side +1 for "greater" (group 1's proportion the higher), -1 "less". */
static int barnard(double x1, double n1, double x2, double n2,
		   double (*z2)(long, long, long, long), int side, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	if (n1 > DSP_UNCOND_MAX || n2 > DSP_UNCOND_MAX)
		return dsp_ret(out, NAN, DSP_ERANGE);
	if (n1 > n2)
		side = -side;  /* the groups swap: so does the direction */
	order(&x1, &n1, &x2, &n2);
	long N1 = (long)n1, N2 = (long)n2;
	double s0 = z2((long)x1, N1, (long)x2, N2);
	double cut = fabs(s0) * (1 - TIE) * (1 - TIE);
	if (cut == 0 && side == 0)
		return dsp_ret(out, 1, DSP_OK);  /* every table is as extreme */
	/* One-sided: the tables whose signed statistic is at least s0
	 * ("greater") or at most s0 ("less"), ties within TIE. */
	double tie = isinf(s0) ? 0 : fabs(s0) * (1 - (1 - TIE) * (1 - TIE));
	double up = s0 - tie, down = s0 + tie;
	struct region g;
	struct work w;
	double p[2] = {NAN, NAN};
	int rc = DSP_ENOMEM;
	if (region_init(&g, N1) == 0 && work_init(&w, N1, N2) == 0) {
		for (long a = 0; a <= N1; a++) {
			/* top: the last b with z^2 >= cut; bot: the first with
			 * z^2 <= -cut. */
			double ct = side == 0 ? cut : up, cb = side == 0 ? -cut : down;
			long l = -1, r = N2 + 1;
			while (side >= 0 && r - l > 1) {
				long c = l + (r - l) / 2;
				if (z2(a, N1, c, N2) >= ct) l = c; else r = c;
			}
			g.top[a] = l;
			l = -1, r = N2 + 1;
			while (side <= 0 && r - l > 1) {
				long c = l + (r - l) / 2;
				if (z2(a, N1, c, N2) <= cb) r = c; else l = c;
			}
			g.bot[a] = r;
		}
		if (region_max(&w, &g, 1, p) == 0)
			rc = DSP_OK;
	}
	region_free(&g);
	work_free(&w);
	return dsp_ret(out, rc == DSP_OK ? p[0] : NAN, rc);
}

int dsp_test_barnard(double x1, double n1, double x2, double n2, double *out)
{
	return barnard(x1, n1, x2, n2, z2pooled, 0, out);
}

int dsp_test_barnard_unpooled(double x1, double n1, double x2, double n2, double *out)
{
	return barnard(x1, n1, x2, n2, z2unpooled, 0, out);
}

int dsp_test_barnard_greater(double x1, double n1, double x2, double n2, double *out)
{
	return barnard(x1, n1, x2, n2, z2pooled, +1, out);
}

int dsp_test_barnard_unpooled_greater(double x1, double n1, double x2, double n2,
				      double *out)
{
	return barnard(x1, n1, x2, n2, z2unpooled, +1, out);
}

/*
 * P(X1 <= a | m) for X1 hypergeometric (n1 successes, n2 failures, m
 * draws), summed from a away from the mode until the terms no longer
 * count (above the mode as 1 - P(X1 > a)); *pa gets P(X1 = a).
 */
static double lower_tail(long n1, long n2, long a, long m, double *pa)
{
	long lo = m - n2 > 0 ? m - n2 : 0, hi = m < n1 ? m : n1;
	double mean = (double)m * n1 / ((double)n1 + n2), t, s;
	*pa = t = exp(dsp_ldhyper(a, n1, n2, m));
	if (a <= mean) {
		s = t;
		for (long k = a; k > lo && t > s * 1e-17; k--)
			s += t *= ((double)k * (n2 - m + k)) / ((double)(n1 - k + 1) * (m - k + 1));
		return s;
	}
	s = 0;
	for (long k = a; k < hi && (t > s * 1e-17 || s == 0); k++)
		s += t *= ((double)(n1 - k) * (m - k)) / ((double)(k + 1) * (n2 - m + k + 1));
	return 1 - s;
}

/*
 * cut[a] = the least b with P(X1 <= a | m = a + b) <= t (n2 + 1 if none):
 * Boschloo's "less" region is b >= cut[a].  The tail F rises with a and
 * falls with b, so cut[] rises with a, and the boundary is walked in
 * O(n1 + n2) steps, each an exact identity of drawing without
 * replacement (X1 | m + 1 is X1 | m plus a draw from group 1 with
 * probability (n1 - X1)/(N - m)):
 *   b + 1: F(a, b + 1) = F(a, b) - f(a, b) (n1 - a)/(N - m),
 *   a + 1: F(a + 1, b) = F(a, b) + f(a, b) (n1 - a) b / ((a + 1)(N - m)),
 * m = a + b, f the pmf at a.  The subtraction can cancel: amp bounds the
 * relative error in ulps, and past 10^6 (10^-10, well inside TIE) the
 * tail is summed afresh.  t is taken as at least 10^-290, so that f stays
 * clear of underflow along the boundary: the tables this adds to R have
 * probability below 10^-290 together, at any pi.
 */
static void less_cuts(long n1, long n2, double t, long *cut)
{
	long N = n1 + n2, a = 0, b = 0;
	t = fmax(t, 1e-290);
	double f, F = lower_tail(n1, n2, 0, 0, &f), amp = 1;
	for (;;) {
		while (F > t && b < n2) {
			long m = a + b;
			double F1 = F - f * ((double)(n1 - a) / (N - m));
			f *= ((double)(n2 - b) / (b + 1)) * ((double)(m + 1) / (N - m));
			b++;
			amp = F1 > 0 ? (amp + 2) * (F / F1) : INFINITY;
			F = F1;
			if (amp > 1e6 || f < DBL_MIN)
				F = lower_tail(n1, n2, a, a + b, &f), amp = 1;
		}
		if (F > t) {  /* b = n2: no table of this a, nor of any larger */
			for (; a <= n1; a++)
				cut[a] = n2 + 1;
			return;
		}
		cut[a] = b;
		if (a == n1)
			return;
		long m = a + b;
		double g = f * ((double)(n1 - a) / (a + 1)) / (N - m);
		double F1 = F + g * b;
		f = g * (m + 1);
		amp = (amp * F + 2 * F1) / F1;
		F = F1;
		a++;
		if (f < DBL_MIN)
			F = lower_tail(n1, n2, a, a + b, &f), amp = 1;
	}
}

/* A one-sided Fisher p t with its ties: up to TIE relative to the nearer
 * of 0 and 1, so that a tail near 1 (a one-sided p of the other
 * direction) does not take in tables 10^-7 beyond it, plus 10^-13 of t
 * (scipy's rule), so that tables tied exactly stay tied whatever the
 * rounding of the boundary walk's tails. */
static double tie_above(double t)
{
	return t * (1 + 1e-13) + TIE * fmin(t, 1 - t);
}

/* Boschloo's one-sided p-values of group 1 (the first argument) into
 * p[0] ("less": its proportion the lower) and p[1] ("greater"). */
static int boschloo_sides(double x1, double n1, double x2, double n2, double p[2])
{
	int swap = n1 > n2;
	order(&x1, &n1, &x2, &n2);
	long N1 = (long)n1, N2 = (long)n2, a0 = (long)x1, b0 = (long)x2;
	struct region g[2];
	struct work w;
	double pa;
	int ok = region_init(&g[0], N1) == 0;
	ok = region_init(&g[1], N1) == 0 && ok;
	ok = work_init(&w, N1, N2) == 0 && ok;
	if (ok) {
		/* "less": P(X1 <= a | m) <= its observed value; "greater":
		 * P(X1 >= a | m) <= its observed value, which is the "less"
		 * tail of the table with events and non-events swapped,
		 * (n1 - a, n2 - b). */
		double tl = tie_above(lower_tail(N1, N2, a0, a0 + b0, &pa));
		double tg = tie_above(lower_tail(N1, N2, N1 - a0, N1 + N2 - a0 - b0, &pa));
		less_cuts(N1, N2, tl, g[0].bot);
		less_cuts(N1, N2, tg, g[1].top);
		for (long a = 0; a <= N1; a++)
			g[0].top[a] = -1;
		for (long a = 0, k = N1; a < k; a++, k--) {  /* reverse, reflect */
			long s = g[1].top[a];
			g[1].top[a] = N2 - g[1].top[k], g[1].top[k] = N2 - s;
		}
		if (N1 % 2 == 0)
			g[1].top[N1 / 2] = N2 - g[1].top[N1 / 2];
		for (long a = 0; a <= N1; a++)
			g[1].bot[a] = N2 + 1;
		ok = region_max(&w, g, 2, p) == 0;
	}
	region_free(&g[0]);
	region_free(&g[1]);
	work_free(&w);
	if (ok && swap) {
		double t = p[0]; p[0] = p[1]; p[1] = t;
	}
	return ok ? DSP_OK : DSP_ENOMEM;
}

/* Boschloo's two one-sided p-values, for counts within its limit. */
static int boschloo_checked(double x1, double n1, double x2, double n2, double p[2])
{
	p[0] = p[1] = NAN;
	if (bad_args(x1, n1, x2, n2))
		return DSP_EDOM;
	if (n1 > DSP_UNCOND_MAX || n2 > DSP_UNCOND_MAX)
		return DSP_ERANGE;
	return boschloo_sides(x1, n1, x2, n2, p);
}

int dsp_test_boschloo(double x1, double n1, double x2, double n2, double *out)
{
	double p[2];
	int rc = boschloo_checked(x1, n1, x2, n2, p);
	double v = rc == DSP_OK ? 2 * fmin(p[0], p[1]) : NAN;
	return dsp_ret(out, v > 1 ? 1 : v, rc);
}

int dsp_test_boschloo_greater(double x1, double n1, double x2, double n2, double *out)
{
	double p[2];
	int rc = boschloo_checked(x1, n1, x2, n2, p);
	return dsp_ret(out, rc == DSP_OK ? p[1] : NAN, rc);
}



/*
 * Boschloo's test ordered by Fisher's two-sided minimum-likelihood p: the
 * region is every table whose Fisher p (the tables of its margin no more
 * probable than it, within TIE, as dsp_test_fisher) is at most the
 * observed one's (within TIE).  That p need not fall monotonically away
 * from the observed table, so the region is found table by table: for
 * each margin m the hypergeometric probabilities, unimodal in a, are
 * taken by recurrence from the mode (those below DBL_MIN are 0 and in the
 * region: the test does not resolve p below about 10^-300), merged into
 * ascending order from the two tails, and each table's p read off the
 * running sum, O(1) a table.  The region is kept as a bitmap, then as
 * runs of b for each a.
 */
struct margin {
	double *f, *v, *cum;  /* f[a - lo]; the same ascending, their sums */
	long *ix;             /* ascending order -> a - lo */
};

/* Fisher's p of every table of margin m into p[a - lo], lo .. hi. */
static void margin_p(struct margin *M, long n1, long n2, long m, long lo, long hi,
		     double *p)
{
	long s = hi - lo + 1;
	double *f = M->f;
	long mode = (long)floor((m + 1.0) * (n1 + 1.0) / (n1 + n2 + 2.0));
	mode = mode < lo ? lo : mode > hi ? hi : mode;
	f[mode - lo] = exp(dsp_ldhyper(mode, n1, n2, m));
	for (long a = mode; a < hi; a++)  /* f(a + 1)/f(a) */
		f[a + 1 - lo] = f[a - lo] * ((double)(n1 - a) * (m - a)) /
				((double)(a + 1) * (n2 - m + a + 1));
	for (long a = mode; a > lo; a--)
		f[a - 1 - lo] = f[a - lo] * ((double)a * (n2 - m + a)) /
				((double)(n1 - a + 1) * (m - a + 1));
	/* Ascending: the two tails merged, from the ends inward. */
	long i = 0, j = s - 1, k = 0;
	while (i <= j) {
		long t = f[i] <= f[j] ? i++ : j--;
		M->ix[k] = t, M->v[k] = f[t], k++;
	}
	double c = 0;
	for (k = 0; k < s; k++)
		M->cum[k] = c += M->v[k];
	for (long r = 0, q = 0; q < s; q++) {
		while (r + 1 < s && M->v[r + 1] <= M->v[q] * (1 + TIE))
			r++;
		if (r < q)
			r = q;
		p[M->ix[q]] = M->cum[r] > 1 ? 1 : M->cum[r];
	}
}

int dsp_test_boschloo_minlike(double x1, double n1, double x2, double n2, double *out)
{
	if (bad_args(x1, n1, x2, n2))
		return dsp_ret(out, NAN, DSP_EDOM);
	if (n1 > DSP_UNCOND_MINLIKE_MAX || n2 > DSP_UNCOND_MINLIKE_MAX)
		return dsp_ret(out, NAN, DSP_ERANGE);
	order(&x1, &n1, &x2, &n2);
	long N1 = (long)n1, N2 = (long)n2, a0 = (long)x1, b0 = (long)x2;
	long width = N2 + 1, ns = N1 < N2 ? N1 + 1 : N2 + 1;
	size_t nbits = (size_t)(N1 + 1) * (size_t)width;
	unsigned char *bit = calloc(nbits / 8 + 1, 1);
	double *p = malloc(ns * sizeof *p);
	struct margin M = {malloc(ns * sizeof(double)), malloc(ns * sizeof(double)),
			   malloc(ns * sizeof(double)), malloc(ns * sizeof(long))};
	struct region g = {NULL, NULL, NULL, NULL, NULL};
	struct work w;
	double pv = NAN;
	int rc = DSP_ENOMEM, wok = work_init(&w, N1, N2) == 0;
	if (!(bit && p && M.f && M.v && M.cum && M.ix && wok))
		goto done;
	/* The observed table's p, then every table's against it. */
	long m0 = a0 + b0, lo0 = m0 - N2 > 0 ? m0 - N2 : 0, hi0 = m0 < N1 ? m0 : N1;
	margin_p(&M, N1, N2, m0, lo0, hi0, p);
	double cut = p[a0 - lo0] * (1 + TIE);
	long nruns = 0;
	for (long m = 0; m <= N1 + N2; m++) {
		long lo = m - N2 > 0 ? m - N2 : 0, hi = m < N1 ? m : N1;
		margin_p(&M, N1, N2, m, lo, hi, p);
		for (long a = lo; a <= hi; a++)
			if (p[a - lo] <= cut) {
				size_t k = (size_t)a * width + (size_t)(m - a);
				bit[k / 8] |= (unsigned char)(1u << (k % 8));
			}
	}
	/* Runs of b for each a, counted, then stored. */
	g.off = malloc((N1 + 2) * sizeof *g.off);
	if (!g.off)
		goto done;
	for (int pass = 0; pass < 2; pass++) {
		nruns = 0;
		for (long a = 0; a <= N1; a++) {
			g.off[a] = nruns;
			for (long b = 0; b <= N2; b++) {
				size_t k = (size_t)a * width + (size_t)b;
				if (!(bit[k / 8] >> (k % 8) & 1))
					continue;
				long e = b;
				for (; e + 1 <= N2; e++) {
					size_t k2 = k + (size_t)(e + 1 - b);
					if (!(bit[k2 / 8] >> (k2 % 8) & 1))
						break;
				}
				if (pass)
					g.rs[nruns] = b, g.re[nruns] = e;
				nruns++;
				b = e;
			}
		}
		g.off[N1 + 1] = nruns;
		if (!pass) {
			g.rs = malloc((nruns + 1) * sizeof *g.rs);
			g.re = malloc((nruns + 1) * sizeof *g.re);
			if (!g.rs || !g.re)
				goto done;
		}
	}
	double r[2];
	if (region_max(&w, &g, 1, r) == 0)
		rc = DSP_OK, pv = r[0];
done:
	free(bit), free(p), free(M.f), free(M.v), free(M.cum), free(M.ix);
	region_free(&g);
	if (wok)
		work_free(&w);
	return dsp_ret(out, pv, rc);
}
