/*
 * table.c - tests of the whole k x 2 table (see table.h).
 *
 * Pearson K (1900) Philos Mag 50:157-175 (chi-square); Woolf B (1957) Ann
 * Hum Genet 21:397-409 (G); Freeman GH, Halton JH (1951) Biometrika
 * 38:141-149 (the exact test of an r x c table); Mehta CR, Patel NR (1983)
 * J Am Stat Assoc 78:427-434 (the network algorithm); Cochran WG (1954)
 * Biometrics 10:417-451 and Armitage P (1955) Biometrics 11:375-386 (the
 * trend test); Stadlober E (1990) J Comput Appl Math 31:181-189 (ratio of
 * uniforms for the hypergeometric).
 *
 * Accuracy.  Every O - E of the chi-square, G and trend statistics is the
 * integer x_i N - n_i m over N, formed exactly in 128 bits, so the
 * statistics keep their digits when rows are nearly proportional, at any
 * counts.  The exact test works with the log probability of a table
 * written as a sum of binomial log densities at the pooled rate,
 *
 *   log P(table) = sum_i log b(x_i; n_i, p) - log b(m; N, p),
 *
 * (the p^x q^(n-x) factors multiply to p^m q^(N-m) whatever the table, so
 * any p gives the same value; at p = m/N every term is small near the
 * mode), each by Loader's saddle point (saddle.c): a table's log
 * probability is then accurate to ~1e-14 absolute even at 10^9, where
 * sums of log factorials would leave nothing of the 1e-7 tolerance that
 * decides ties.
 *
 * The exact search.  Groups are sorted by total, smallest first, and the
 * events of all but the last two are enumerated depth first (a path
 * through Mehta and Patel's network, node (j, r): groups j.. left, r
 * events to place).  At a node, with A the log probability of the path so
 * far, h(x) = log b(x; n_j) + M(j+1, r - x), where M is the largest log
 * probability of any completion (found greedily: the log densities are
 * concave, so is M, and so is h).  Where A + h(x) is below the cut, every
 * completion counts, and by concavity so does every x further out: such a
 * tail is added at once, as a hypergeometric tail of x_j given r
 * (sum_{completions} prod b(x_i; n_i) = b(r; R_j) by Vandermonde).  Only
 * the x between the two cut points are entered.  With two groups left
 * the table is a 2 x 2 one whose probability is unimodal in x: its cut
 * points are found by bisection and its counted tails summed outward from
 * them (or, when the two cut points are within 6 sd, the short middle is
 * summed and taken from 1).  Every density evaluated and every term
 * summed is a step; past max_steps the search stops and the p-value is
 * estimated by Monte Carlo instead.
 */
#include "table.h"
#include "dsp.h"
#include "saddle.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>

/* Tables whose probability is within this relative distance of the
 * observed one are as probable as it (R's fisher.test: 1 + 1e-7). */
#define TIE 1e-7

/* The search keeps two completions of up to k counts per depth, 2 k^2
 * numbers; past this many groups (16 MB) it is not tried, and could not
 * finish anyway: each node costs ~64 k steps, so within any sensible work
 * limit only a handful of nodes would be visited. */
#define EXACT_KMAX 1000

/* A tail or node is added whole only when its most probable table is
 * below the cut by MARGIN: the bound's rounding (incremental updates add
 * ~1e-15 a step) can then never count a table that the leaves, which
 * decide every table exactly, would not.  A wider margin costs only work. */
#define MARGIN 1e-6

typedef __int128 i128;

/* The groups with a positive total, as the tests use them. */
struct kt {
	size_t k;
	double *x, *n, *s;    /* events, totals, scores */
	i128 *d;              /* x_i N - n_i m, exact */
	int64_t m, N;
};

static void kt_free(struct kt *t)
{
	free(t->x);
	free(t->d);
}

static int is_count(double v)
{
	return v >= 0 && v <= DSP_COUNT_MAX && v == floor(v);
}

static void clear(dsp_ktest *r)
{
	*r = (dsp_ktest){.stat = NAN, .df = NAN, .p = NAN, .se = NAN,
			 .how = DSP_KT_NONE, .steps = 0};
}

/* Checks the table and keeps its groups with a positive total. */
static int kt_make(const dsp_ktable *in, struct kt *t, dsp_ktest *r)
{
	clear(r);
	*t = (struct kt){0};
	if (!in || (in->k && (!in->x || !in->n)))
		return DSP_EDOM;
	uint64_t N = 0, m = 0;
	for (size_t i = 0; i < in->k; i++) {
		if (!is_count(in->x[i]) || !is_count(in->n[i]) || in->x[i] > in->n[i])
			return DSP_EDOM;
		if (in->score && !isfinite(in->score[i]))
			return DSP_EDOM;
		N += (uint64_t)in->n[i];   /* each below 2^53: no wrap before 2^63 */
		m += (uint64_t)in->x[i];
		if (N >= UINT64_C(1) << 63)
			return DSP_ERANGE;
		t->k += in->n[i] > 0;
	}
	t->N = (int64_t)N;
	t->m = (int64_t)m;
	r->groups = t->k;
	if (t->k == 0)
		return DSP_OK;
	t->x = malloc(3 * t->k * sizeof *t->x);
	t->d = malloc(t->k * sizeof *t->d);
	if (!t->x || !t->d) {
		kt_free(t);
		return DSP_ENOMEM;
	}
	t->n = t->x + t->k;
	t->s = t->n + t->k;
	size_t j = 0;
	for (size_t i = 0; i < in->k; i++)
		if (in->n[i] > 0) {
			t->x[j] = in->x[i];
			t->n[j] = in->n[i];
			t->s[j] = in->score ? in->score[i] : (double)(i + 1);
			t->d[j] = (i128)(int64_t)in->x[i] * t->N - (i128)(int64_t)in->n[i] * t->m;
			j++;
		}
	return DSP_OK;
}

/* The common outcomes before a statistic: no test, or a zero margin. */
static int kt_trivial(const struct kt *t, dsp_ktest *r)
{
	if (t->k < 2)
		return 1;   /* DSP_KT_NONE, all NaN */
	r->df = (double)(t->k - 1);
	if (t->m == 0 || t->m == t->N) {
		r->how = DSP_KT_UNDEFINED;
		return 1;
	}
	return 0;
}

static int done(struct kt *t, int rc)
{
	kt_free(t);
	return rc;
}

/* Expected counts below 5, of the 2k cells. */
static size_t small_cells(const struct kt *t)
{
	size_t s = 0;
	double N = (double)t->N, m = (double)t->m;
	for (size_t i = 0; i < t->k; i++)
		s += (t->n[i] * (m / N) < 5) + (t->n[i] * ((N - m) / N) < 5);
	return s;
}

int dsp_kt_chi2(const dsp_ktable *in, dsp_ktest *r)
{
	struct kt t;
	int rc = kt_make(in, &t, r);
	if (rc != DSP_OK || kt_trivial(&t, r))
		return done(&t, rc);
	/* (O - E)^2 (1/E1 + 1/E0) = d^2 / (n m (N - m)) for each group's two
	 * cells, d = x N - n m. */
	double m = (double)t.m, M = (double)(t.N - t.m), x2 = 0;
	for (size_t i = 0; i < t.k; i++) {
		double d = (double)t.d[i];
		x2 += (d / t.n[i]) * (d / m) / M;
	}
	r->stat = x2;
	r->p = gsl_cdf_chisq_Q(x2, r->df);
	r->how = DSP_KT_ASYMPTOTIC;
	r->small = small_cells(&t);
	return done(&t, DSP_OK);
}

/* -log(1 - t) - t for t < 1, without cancellation near 0. */
static double phi(double t)
{
	if (fabs(t) < 0.25) {
		double s = 0, tj = t;
		for (int j = 2; j < 200; j++) {
			tj *= t;
			double s1 = s + tj / j;
			if (s1 == s)
				break;
			s = s1;
		}
		return s;
	}
	return -log1p(-t) - t;
}

/* O log(O/E) - (O - E) for a cell with O - E = delta: from delta where E
 * is near O, and directly where E is far from it (there 1 - delta/O,
 * which is E/O, would lose digits, and log(O/E) cancels nothing). */
static double cell_g(double O, double delta, double E)
{
	if (O == 0)
		return E;
	double t = delta / O;
	return fabs(t) < 0.5 ? O * phi(t) : O * log(O / E) - delta;
}

int dsp_kt_g(const dsp_ktable *in, dsp_ktest *r)
{
	struct kt t;
	int rc = kt_make(in, &t, r);
	if (rc != DSP_OK || kt_trivial(&t, r))
		return done(&t, rc);
	/* G = 2 sum [O log(O/E) - (O - E)]: the added terms sum to 0 over the
	 * cells, and each is >= 0.  O - E = +-d/N. */
	double N = (double)t.N, m = (double)t.m, g = 0;
	for (size_t i = 0; i < t.k; i++) {
		double delta = (double)t.d[i] / N;
		g += cell_g(t.x[i], delta, t.n[i] * (m / N));
		g += cell_g(t.n[i] - t.x[i], -delta, t.n[i] * ((N - m) / N));
	}
	r->stat = 2 * g;
	r->p = gsl_cdf_chisq_Q(r->stat, r->df);
	r->how = DSP_KT_ASYMPTOTIC;
	r->small = small_cells(&t);
	return done(&t, DSP_OK);
}

/* Double-double sums, for the trend's numerator. */
typedef struct {
	double hi, lo;
} dd;

static dd dd_add(dd a, double b)
{
	double s = a.hi + b, bb = s - a.hi;
	double e = (a.hi - (s - bb)) + (b - bb);
	e += a.lo;
	double hi = s + e;
	return (dd){hi, e - (hi - s)};
}

/* a times the exact integer d, added to acc. */
static dd dd_add_prod(dd acc, double a, i128 d)
{
	double hi = (double)d, lo = (double)(d - (i128)hi);
	double p = a * hi, e = fma(a, hi, -p);
	acc = dd_add(acc, p);
	acc = dd_add(acc, e);
	return dd_add(acc, a * lo);
}

int dsp_kt_trend(const dsp_ktable *in, dsp_ktest *r)
{
	struct kt t;
	int rc = kt_make(in, &t, r);
	if (rc != DSP_OK || kt_trivial(&t, r)) {
		if (r->how == DSP_KT_UNDEFINED)
			r->df = 1;
		return done(&t, rc);
	}
	r->df = 1;
	/* N sum x_i (s_i - s) = sum s_i d_i (the d_i sum to 0, so any centre
	 * c may be taken from the scores; the weighted mean keeps the terms
	 * small).  T = (sum s_i d_i)^2 / (m (N - m) S), S = sum n_i (s_i - s)^2. */
	double N = (double)t.N, c = 0, S = 0;
	int one = 1;
	for (size_t i = 0; i < t.k; i++) {
		c += t.n[i] / N * t.s[i];
		one &= t.s[i] == t.s[0];
	}
	/* One score: the weighted mean need not round to it (3 from totals
	 * 1 and 9986), and S would be rounding, not 0. */
	if (one)
		c = t.s[0];
	dd num = {0, 0};
	for (size_t i = 0; i < t.k; i++) {
		double sc = t.s[i] - c;
		num = dd_add_prod(num, sc, t.d[i]);
		S += t.n[i] * sc * sc;
	}
	double u = num.hi + num.lo;
	if (!(S > 0)) {
		r->how = DSP_KT_UNDEFINED;   /* one score for every group */
		return done(&t, DSP_OK);
	}
	r->stat = (u / (double)t.m) * (u / (double)(t.N - t.m)) / S;
	r->p = gsl_cdf_chisq_Q(r->stat, 1);
	r->direction = (u > 0) - (u < 0);
	r->how = DSP_KT_ASYMPTOTIC;
	return done(&t, DSP_OK);
}

/* ---------------------------------------------------------------------
 * The exact test.
 */

struct ex {
	size_t k;
	double *n, *x;        /* sorted by total, smallest first */
	double *R;            /* R[j] = n[j] + ... + n[k-1]; R[k] = 0 */
	double *y;            /* workspace: k allocations of k counts */
	double p, q;          /* the pooled rate, and 1 - p */
	double cut;           /* log P threshold, + log b(m; N) (see above) */
	double L0;            /* log b(m; N, p) */
	double steps, max_steps;
	int over;             /* past max_steps */
	double sum, comp;     /* the p-value, Neumaier-summed */
	double lobs;          /* the observed table's log probability */
};

static double lb(const struct ex *e, double x, double n)
{
	return dsp_ldbinom(x, n, e->p, e->q);
}

static int step(struct ex *e, double n)
{
	e->steps += n;
	if (e->steps > e->max_steps)
		e->over = 1;
	return e->over;
}

static void add(struct ex *e, double lv)
{
	double v = exp(lv), s = e->sum + v;
	e->comp += fabs(e->sum) >= fabs(v) ? (e->sum - s) + v : (v - s) + e->sum;
	e->sum = s;
}

/* A hypergeometric law: x successes in t draws from g good, b bad. */
struct hy {
	double g, b, t, lo, hi, mode, sd;
};

static struct hy hy_of(double g, double b, double t)
{
	struct hy h = {g, b, t, fmax(0, t - b), fmin(g, t), 0, 0};
	double N = g + b;
	h.mode = (double)floorl((t + 1.0L) * (g + 1.0L) / (N + 2.0L));
	h.mode = fmin(fmax(h.mode, h.lo), h.hi);
	h.sd = N > 1 ? sqrt(t * (g / N) * (b / N) * ((N - t) / (N - 1))) : 0;
	return h;
}

static double hy_ld(struct ex *e, const struct hy *h, double x)
{
	step(e, 1);
	return dsp_ldhyper(x, h->g, h->b, h->t);
}

/* P(x+1)/P(x), and P(x-1)/P(x). */
static double hy_up(const struct hy *h, double x)
{
	return (h->g - x) * (h->t - x) / ((x + 1) * (h->b - h->t + x + 1));
}

static double hy_down(const struct hy *h, double x)
{
	return x * (h->b - h->t + x) / ((h->g - x + 1) * (h->t - x + 1));
}

/* log sum_{j >= 0} P(x + dir j), from x outward (the terms fall once past
 * the mode; the rest is bounded by a geometric series). */
static double hy_tail(struct ex *e, const struct hy *h, double x, int dir)
{
	double sum = 1, term = 1, n = 0;
	for (double j = x; dir > 0 ? j < h->hi : j > h->lo; j += dir) {
		double r = dir > 0 ? hy_up(h, j) : hy_down(h, j);
		term *= r;
		sum += term;
		if (++n == 4096) {
			if (step(e, n))
				break;
			n = 0;
		}
		if (term == 0 || (r < 1 && term < DBL_EPSILON / 8 * sum * (1 - r)))
			break;
	}
	step(e, n);
	return hy_ld(e, h, x) + log(sum);
}

/* log sum P(x) over lo < x < hi (both open), summed from the mode. */
static double hy_middle(struct ex *e, const struct hy *h, double lo, double hi)
{
	double sum = 1, term = 1;
	for (double j = h->mode; j + 1 < hi; j++)
		sum += term *= hy_up(h, j);
	term = 1;
	for (double j = h->mode; j - 1 > lo; j--)
		sum += term *= hy_down(h, j);
	step(e, hi - lo);
	return hy_ld(e, h, h->mode) + log(sum);
}

/*
 * log of the probability of the x whose log density is at most c: the two
 * tails beyond the cut points, which bisection finds on either side of
 * the mode.  -inf when none is.
 */
static double hy_below(struct ex *e, const struct hy *h, double c)
{
	if (h->lo == h->hi)
		return 0 <= c ? 0 : -INFINITY;   /* one table, probability 1 */
	if (hy_ld(e, h, h->mode) <= c)
		return 0;
	/* Left: the last x <= mode with ld(x) <= c (lo - 1 if none);
	 * right: the first x >= mode with ld(x) <= c (hi + 1 if none). */
	double a = h->lo - 1, b = h->mode;
	if (hy_ld(e, h, h->lo) > c)
		a = h->lo - 1, b = a;
	while (b - a > 1) {
		double mid = floor(a + (b - a) / 2);
		if (hy_ld(e, h, mid) <= c) a = mid; else b = mid;
	}
	double left = a;
	a = h->mode, b = h->hi + 1;
	if (hy_ld(e, h, h->hi) > c)
		a = b - 1;
	while (b - a > 1) {
		double mid = floor(a + (b - a) / 2);
		if (hy_ld(e, h, mid) <= c) b = mid; else a = mid;
	}
	double right = b;
	if (left < h->lo && right > h->hi)
		return -INFINITY;
	if (right - left - 1 <= 6 * h->sd + 2) {
		/* A short middle, where summing the tails outward would take
		 * ~9 sd terms: 1 - middle, unless that leaves less than 1% of
		 * the mass (a bounded support can), which would cost digits;
		 * then the tails are short anyway. */
		double mid = exp(hy_middle(e, h, left, right));
		if (mid <= 0.99)
			return log1p(-mid);
	}
	double lt = left >= h->lo ? hy_tail(e, h, left, -1) : -INFINITY;
	double rt = right <= h->hi ? hy_tail(e, h, right, +1) : -INFINITY;
	double big = fmax(lt, rt);
	return big + log1p(exp(fmin(lt, rt) - big));
}

/*
 * The most probable completion of groups j.. with r events, as counts in
 * y (k - j of them): the mode of each group's binomial at a common rate
 * t, floor((n + 1) t), is where every unit whose gain (n - y)/(y + 1)
 * exceeds (1 - t)/t has been placed; t is bisected to just below r units,
 * and the rest are placed one by one on the largest gains.  By concavity
 * that is the maximum; its value is returned.
 */
static double ratio_up(double n, double y)
{
	return (n - y) / (y + 1);
}

static double best_fill(struct ex *e, size_t j, double r, double *y)
{
	size_t k = e->k - j;
	const double *n = e->n + j;
	double lo = 0, hi = 1;
	for (int it = 0; it < 64; it++) {
		double t = (lo + hi) / 2, s = 0;
		for (size_t i = 0; i < k; i++)
			s += fmin(n[i], floor((n[i] + 1) * t));
		if (s <= r) lo = t; else hi = t;
	}
	double s = 0;
	for (size_t i = 0; i < k; i++)
		s += y[i] = fmin(n[i], floor((n[i] + 1) * lo));
	step(e, 64.0 * k);
	while (s < r) {
		size_t b = k;
		for (size_t i = 0; i < k; i++)
			if (y[i] < n[i] && (b == k || ratio_up(n[i], y[i]) > ratio_up(n[b], y[b])))
				b = i;
		y[b]++, s++;
		step(e, (double)k);
	}
	double v = 0;
	for (size_t i = 0; i < k; i++)
		v += lb(e, y[i], n[i]);
	step(e, (double)k);
	return v;
}

/* The completion for one more unit (dir +1) or one fewer (-1), from the
 * best one in y: the change in its log probability. */
static double best_move(struct ex *e, size_t j, double *y, int dir)
{
	size_t k = e->k - j, b = k;
	const double *n = e->n + j;
	for (size_t i = 0; i < k; i++) {
		if (dir > 0 ? y[i] >= n[i] : y[i] <= 0)
			continue;
		/* Add where the gain is largest; take away where the last
		 * unit's gain was smallest. */
		if (b == k || (dir > 0 ? ratio_up(n[i], y[i]) > ratio_up(n[b], y[b]) :
			       ratio_up(n[i], y[i] - 1) < ratio_up(n[b], y[b] - 1)))
			b = i;
	}
	step(e, (double)k + 2);
	if (b == k)
		return -INFINITY;   /* cannot: outside the support */
	double before = lb(e, y[b], n[b]);
	y[b] += dir;
	return lb(e, y[b], n[b]) - before;
}

static void node(struct ex *e, size_t j, double r, double A);

/* Two groups left: the counted tails of x_j. */
static void leaf(struct ex *e, size_t j, double r, double A)
{
	struct hy h = hy_of(e->n[j], e->n[j + 1], r);
	double F = lb(e, r, e->R[j]);
	double s = hy_below(e, &h, e->cut - A - F);
	if (s > -INFINITY)
		add(e, A + F - e->L0 + s);
}

/* x_j's candidate: enter it, or add its whole tail and stop (returns 1). */
static int visit(struct ex *e, size_t j, double r, double A, const struct hy *h,
		 double x, double hx, int dir)
{
	if (A + hx <= e->cut - MARGIN) {
		add(e, A + lb(e, r, e->R[j]) - e->L0 + hy_tail(e, h, x, dir));
		return 1;
	}
	node(e, j + 1, r - x, A + lb(e, x, e->n[j]));
	return e->over;
}

static void node(struct ex *e, size_t j, double r, double A)
{
	if (e->over)
		return;
	if (j + 2 == e->k) {
		leaf(e, j, r, A);
		return;
	}
	/* x_j given r: hypergeometric, good n_j, bad R[j+1].  Depth j has two
	 * rows of the workspace: the best completion at the mode of h, and
	 * the one a walk moves. */
	struct hy h = hy_of(e->n[j], e->R[j + 1], r);
	size_t kk = e->k - j - 1;
	double *ym = e->y + 2 * j * e->k, *yw = ym + e->k;
	/* The mode of the concave h(x) = lb(x; n_j) + M(j+1, r - x): start
	 * at the hypergeometric mode and climb (x up leaves the rest one
	 * unit fewer). */
	double x = h.mode;
	double M = best_fill(e, j + 1, r - x, ym);
	double hx = lb(e, x, e->n[j]) + M;
	for (int dir = -1; dir <= 1; dir += 2)
		for (double nx = x + dir; nx >= h.lo && nx <= h.hi; nx = x + dir) {
			memcpy(yw, ym, kk * sizeof *ym);
			double dm = best_move(e, j + 1, yw, -dir);
			double hn = lb(e, nx, e->n[j]) + M + dm;
			if (!(hn > hx))
				break;
			memcpy(ym, yw, kk * sizeof *ym);
			x = nx, M += dm, hx = hn;
		}
	if (e->over)
		return;
	if (A + hx <= e->cut - MARGIN) {
		/* Every completion counts: this node's whole probability. */
		add(e, A + lb(e, r, e->R[j]) - e->L0);
		return;
	}
	/* Walk out from the mode, left (the mode itself first), then right,
	 * entering each x until its whole tail counts. */
	for (int dir = -1; dir <= 1; dir += 2) {
		memcpy(yw, ym, kk * sizeof *ym);
		double xx = x, Mw = M;
		if (dir > 0) {
			if (++xx > h.hi)
				break;
			Mw += best_move(e, j + 1, yw, -1);
		}
		for (;;) {
			if (visit(e, j, r, A, &h, xx, lb(e, xx, e->n[j]) + Mw, dir))
				break;
			xx += dir;
			if (xx < h.lo || xx > h.hi)
				break;
			Mw += best_move(e, j + 1, yw, -dir);
		}
		if (e->over)
			return;
	}
}

static int by_total(const void *a, const void *b)
{
	const double *u = a, *v = b;
	return (u[0] > v[0]) - (u[0] < v[0]);
}

/* The exact p-value into e->sum (unless e->over) and the observed table's
 * log probability into e->lobs. */
static int exact_run(const struct kt *t, struct ex *e, double max_steps)
{
	size_t k = t->k;
	*e = (struct ex){.k = k, .max_steps = max_steps};
	if (k > EXACT_KMAX) {
		e->over = 1;   /* not tried: see EXACT_KMAX */
		return DSP_OK;
	}
	double *pairs = malloc(2 * k * sizeof *pairs);
	double *buf = malloc((3 * k + 1 + 2 * k * k) * sizeof *buf);
	if (!pairs || !buf) {
		free(pairs);
		free(buf);
		return DSP_ENOMEM;
	}
	for (size_t i = 0; i < k; i++)
		pairs[2 * i] = t->n[i], pairs[2 * i + 1] = t->x[i];
	qsort(pairs, k, 2 * sizeof *pairs, by_total);
	e->n = buf;
	e->x = e->n + k;
	e->R = e->x + k;             /* k + 1 entries */
	e->y = e->R + k + 1;         /* 2k rows of k */
	for (size_t i = 0; i < k; i++)
		e->n[i] = pairs[2 * i], e->x[i] = pairs[2 * i + 1];
	free(pairs);
	e->R[k] = 0;
	for (size_t i = k; i-- > 0;)
		e->R[i] = e->R[i + 1] + e->n[i];
	double N = (double)t->N, m = (double)t->m;
	e->p = m / N;
	e->q = (double)(t->N - t->m) / N;
	e->L0 = lb(e, m, N);
	double D = 0;
	for (size_t i = 0; i < k; i++)
		D += lb(e, e->x[i], e->n[i]);
	e->cut = D + log1p(TIE);
	e->lobs = D - e->L0;
	node(e, 0, m, 0);
	e->sum += e->comp;
	free(buf);
	return DSP_OK;
}

/* Monte Carlo: tables drawn group by group, each x_i hypergeometric
 * given the events left. */
static int mc_run(const struct kt *t, unsigned long draws, unsigned long seed,
		  dsp_ktest *r)
{
	size_t k = t->k;
	double *R = malloc((k + 1) * sizeof *R);
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	if (!R || !rng) {
		free(R);
		if (rng)
			gsl_rng_free(rng);
		return DSP_ENOMEM;
	}
	gsl_rng_set(rng, seed);
	R[k] = 0;
	for (size_t i = k; i-- > 0;)
		R[i] = R[i + 1] + t->n[i];
	double N = (double)t->N, m = (double)t->m;
	double p = m / N, q = (double)(t->N - t->m) / N, D = 0;
	for (size_t i = 0; i < k; i++)
		D += dsp_ldbinom(t->x[i], t->n[i], p, q);
	double cut = D + log1p(TIE), hits = 0;
	for (unsigned long b = 0; b < draws; b++) {
		double left = m, Db = 0;
		for (size_t i = 0; i + 1 < k; i++) {
			double xi = dsp_rhyper(rng, t->n[i], R[i + 1], left);
			left -= xi;
			Db += dsp_ldbinom(xi, t->n[i], p, q);
		}
		Db += dsp_ldbinom(left, t->n[k - 1], p, q);
		hits += Db <= cut;
	}
	gsl_rng_free(rng);
	free(R);
	double B = (double)draws;
	r->p = (1 + hits) / (1 + B);
	r->se = sqrt(r->p * (1 - r->p) / B);
	r->stat = exp(D - dsp_ldbinom(m, N, p, q));
	r->draws = draws;
	r->seed = seed;
	r->df = NAN;
	r->how = DSP_KT_MONTE_CARLO;
	return DSP_OK;
}

/* The exact test's outcome at a zero margin: one table, p = 1. */
static int exact_trivial(struct kt *t, dsp_ktest *r)
{
	if (kt_trivial(t, r)) {
		if (r->how == DSP_KT_UNDEFINED)
			r->stat = 1, r->p = 1, r->df = NAN, r->how = DSP_KT_EXACT;
		return 1;
	}
	return 0;
}

int dsp_kt_exact(const dsp_ktable *in, dsp_ktest *r)
{
	struct kt t;
	int rc = kt_make(in, &t, r);
	if (rc != DSP_OK || exact_trivial(&t, r))
		return done(&t, rc);
	struct ex e;
	rc = exact_run(&t, &e, in->max_steps);
	if (rc != DSP_OK)
		return done(&t, rc);
	r->steps = e.steps;
	r->df = NAN;   /* an exact test has no degrees of freedom */
	if (!e.over) {
		r->stat = exp(e.lobs);
		r->p = fmin(e.sum, 1);
		r->how = DSP_KT_EXACT;
		return done(&t, DSP_OK);
	}
	if (in->draws == 0)
		return done(&t, DSP_ERANGE);
	return done(&t, mc_run(&t, in->draws, in->seed, r));
}

int dsp_kt_exact_mc(const dsp_ktable *in, dsp_ktest *r)
{
	struct kt t;
	int rc = kt_make(in, &t, r);
	if (rc != DSP_OK || exact_trivial(&t, r))
		return done(&t, rc);
	if (in->draws == 0)
		return done(&t, DSP_EDOM);
	return done(&t, mc_run(&t, in->draws, in->seed, r));
}

/* ---------------------------------------------------------------------
 * The hypergeometric sampler (Stadlober 1990): the ratio of uniforms
 * under a table-mountain hat centred at a = mean + 1/2, of half-width
 * h/2 with h = 2 sqrt(2/e) sqrt(var + 1/2) + 3 - 2 sqrt(3/e).  The
 * density ratio f(K)/f(mode) comes from the saddle-point log densities,
 * so it keeps its digits at any counts.
 */
double dsp_rhyper(gsl_rng *rng, double g, double b, double t)
{
	if (!is_count(g) || !is_count(b) || !is_count(t) || t > g + b)
		return NAN;
	double N = g + b, lo = fmax(0, t - b), hi = fmin(g, t);
	if (lo == hi)
		return lo;
	double p = t / N, q = (N - t) / N;
	double mean = t * (g / N), var = mean * (b / N) * ((N - t) / (N - 1));
	double mode = (double)floorl((t + 1.0L) * (g + 1.0L) / (N + 2.0L));
	mode = fmin(fmax(mode, lo), hi);
	double a = mean + 0.5;
	double h = 2 * sqrt(2 / M_E) * sqrt(var + 0.5) + 3 - 2 * sqrt(3 / M_E);
	double fm = dsp_ldbinom(mode, g, p, q) + dsp_ldbinom(t - mode, b, p, q);
	for (;;) {
		double u = gsl_rng_uniform_pos(rng), v = gsl_rng_uniform(rng);
		double X = a + h * (v - 0.5) / u;
		if (!(X >= lo && X < hi + 1))
			continue;
		double K = floor(X);
		double T = dsp_ldbinom(K, g, p, q) + dsp_ldbinom(t - K, b, p, q) - fm;
		/* Squeezes: 2 log u <= u (4 - u) - 3 and >= u - 1/u. */
		if (u * (4 - u) - 3 <= T)
			return K;
		if (u * (u - T) >= 1)
			continue;
		if (2 * log(u) <= T)
			return K;
	}
}
