/*
 * odds.c - intervals for the odds ratio of the 2x2 table
 * [[x1, n1-x1], [x2, n2-x2]].
 *
 * woolf: Woolf B (1955) On estimating the relation between blood group and
 *   disease. Ann Hum Genet 19:251-253.
 * gart: Gart JJ (1966) Alternative analyses of contingency tables. J R Stat
 *   Soc B 28:164-179 (1/2 added to each cell).
 * asinh: Fagerland, Lydersen & Laake (2015) Stat Methods Med Res 24:224:
 *   the adjusted inverse hyperbolic sine interval (0.45 and 0.25 added).
 * exact: Cornfield J (1956) A statistical problem arising from retrospective
 *   studies. Proc 3rd Berkeley Symp 4:135-148: the tail equations of the
 *   noncentral hypergeometric distribution (nchyper.h), as R's fisher.test.
 * midp: the same with mid-p tails; Rothman KJ, Greenland S (1998) Modern
 *   Epidemiology, 2nd ed., ch. 14; as epitools' oddsratio.midp.
 * baptista-pike: Baptista J, Pike MC (1977) Exact two-sided confidence
 *   limits for the odds ratio in a 2x2 table. Appl Stat 26:214-220: the
 *   odds ratios at which the two-sided minimum-likelihood test accepts.
 * mn: Miettinen O, Nurminen M (1985) Comparative analysis of two rates.
 *   Stat Med 4:213-226: the score interval with the N/(N-1) factor.
 * score: the same without that factor (statsmodels' correction=False;
 *   Fagerland, Lydersen & Laake 2015's uncorrected asymptotic score).
 */
#include "odds.h"
#include "dsp.h"
#include "nchyper.h"
#include "propci.h"
#include "root.h"
#include "score.h"

#include <float.h>
#include <math.h>

static int bad_args(double x1, double n1, double x2, double n2, double level)
{
	return !(n1 >= 1 && n2 >= 1 && n1 <= DSP_COUNT_MAX && n2 <= DSP_COUNT_MAX &&
		 x1 >= 0 && x1 <= n1 && x2 >= 0 && x2 <= n2 &&
		 x1 == floor(x1) && x2 == floor(x2) && n1 == floor(n1) &&
		 n2 == floor(n2) && level > 0 && level < 1);
}

double dsp_or(double x1, double n1, double x2, double n2)
{
	double num = x1 * (n2 - x2), den = x2 * (n1 - x1);
	if (den == 0)
		return num == 0 ? NAN : INFINITY;
	return num / den;
}

/* exp(log OR -/+ z sqrt(1/a + 1/b + 1/c + 1/d)) for cells a, b, c, d > 0. */
static void logit(double a, double b, double c, double d, double level,
		  double *lo, double *hi)
{
	double u = log((a / b) / (c / d)), z = dsp_z(level);
	double se = sqrt(1 / a + 1 / b + 1 / c + 1 / d);
	*lo = exp(u - z * se);
	*hi = exp(u + z * se);
}

int dsp_or_woolf(double x1, double n1, double x2, double n2, double level,
		 double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	*lo = 0;
	*hi = INFINITY;
	if (x1 > 0 && x1 < n1 && x2 > 0 && x2 < n2)
		logit(x1, n1 - x1, x2, n2 - x2, level, lo, hi);
	return DSP_OK;
}

int dsp_or_gart(double x1, double n1, double x2, double n2, double level,
		double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	logit(x1 + 0.5, n1 - x1 + 0.5, x2 + 0.5, n2 - x2 + 0.5, level, lo, hi);
	return DSP_OK;
}

int dsp_or_asinh(double x1, double n1, double x2, double n2, double level,
		 double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	/* Fagerland, Lydersen & Laake (2015): log of the odds ratio with 0.45
	 * added to every cell, -/+ 2 asinh(z/2 sqrt(sum 1/(cell + 0.25))). */
	double a = x1, b = n1 - x1, c = x2, d = n2 - x2, z = dsp_z(level);
	double u = log(((a + 0.45) / (b + 0.45)) / ((c + 0.45) / (d + 0.45)));
	double v = 1 / (a + 0.25) + 1 / (b + 0.25) + 1 / (c + 0.25) + 1 / (d + 0.25);
	double w = 2 * asinh(z / 2 * sqrt(v));
	*lo = exp(u - w);
	*hi = exp(u + w);
	return DSP_OK;
}

/* A tail equation of the conditional distribution, in u = log psi. */
struct tail_eq {
	double x1, n1, x2, n2;
	double target;  /* log((1 - level)/2) */
	int dir;        /* +1: P(X >= x1) (lower bound); -1: P(X <= x1) */
	int mid;        /* take off half of P(X = x1) */
};

static double tail_minus(double u, void *vp)
{
	const struct tail_eq *e = vp;
	dsp_nch d = dsp_nch_make(e->x1, e->n1, e->x2, e->n2, u);
	double l = dsp_nch_ltail(&d, e->x1, e->dir);
	if (e->mid)  /* tail - P(x1)/2 = tail (1 - P(x1) / (2 tail)) */
		l += log1p(-exp(dsp_nch_ld(&d, e->x1) - l) / 2);
	/* A tail below the doubles is -inf: keep it finite for Brent (whose
	 * GSL default would abort), with its sign. */
	return fmax(l - e->target, -DBL_MAX);
}

/*
 * The root of a tail equation: from Gart's estimate, walk in steps that
 * start near its standard error and double, until the sign changes; then
 * Brent.  The lower-bound tail rises with u, the upper-bound one falls.
 */
static double solve(struct tail_eq *e)
{
	double a = e->x1 + 0.5, b = e->n1 - e->x1 + 0.5;
	double c = e->x2 + 0.5, d = e->n2 - e->x2 + 0.5;
	double in = log((a / b) / (c / d));
	double step = fmin(1, sqrt(1 / a + 1 / b + 1 / c + 1 / d));
	double f = tail_minus(in, e), out = in;
	int sgn = (f > 0) == (e->dir > 0) ? -1 : +1;
	for (int i = 0;; i++, step *= 2) {
		if (i == 64)
			return NAN;
		out = in + sgn * step;
		double g = tail_minus(out, e);
		if ((g > 0) != (f > 0))
			break;
		in = out, f = g;
	}
	return exp(dsp_root(tail_minus, e, fmin(in, out), fmax(in, out),
			    1e-15, 4 * DBL_EPSILON));
}

static int conditional(double x1, double n1, double x2, double n2,
		       double level, int mid, double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	double slo, shi;
	dsp_nch_support(x1, n1, x2, n2, &slo, &shi);
	*lo = 0;
	*hi = INFINITY;
	/* At the ends of the support a tail is 1 at every psi. */
	struct tail_eq l = {x1, n1, x2, n2, log((1 - level) / 2), +1, mid};
	struct tail_eq u = l;
	u.dir = -1;
	if (x1 > slo)
		*lo = solve(&l);
	if (x1 < shi)
		*hi = solve(&u);
	return isnan(*lo) || isnan(*hi) ? DSP_ENOCONV : DSP_OK;
}

int dsp_or_exact(double x1, double n1, double x2, double n2, double level,
		 double *lo, double *hi)
{
	return conditional(x1, n1, x2, n2, level, 0, lo, hi);
}

int dsp_or_midp(double x1, double n1, double x2, double n2, double level,
		double *lo, double *hi)
{
	return conditional(x1, n1, x2, n2, level, 1, lo, hi);
}

/*
 * The (1,1) cell of the table with first row total r1, first column total
 * c1, r2 - c1 = e (the second row total less c1, passed as the difference
 * of two observed cells, which stays exact where the totals do not) and
 * odds ratio psi: the root in [max(0, -e), min(r1, c1)] of
 * c (e + c) = psi (r1 - c)(c1 - c), a quadratic; divided by psi when
 * psi > 1 so that nothing overflows.
 */
static double fitted_cell(double r1, double c1, double e, double psi)
{
	double lo = fmax(0, -e), hi = fmin(r1, c1);
	double A, B, C;
	if (psi <= 1)
		A = 1 - psi, B = e + psi * (r1 + c1), C = -psi * r1 * c1;
	else
		A = 1 / psi - 1, B = e / psi + r1 + c1, C = -r1 * c1;
	double c;
	if (A == 0) {
		c = -C / B;
	} else {
		double D = B * B - 4 * A * C, q = -(B + copysign(sqrt(fmax(D, 0)), B)) / 2;
		double c1r = q / A, c2r = q == 0 ? 0 : C / q;
		/* the root inside the support (the other is outside it) */
		double e1 = fmax(lo - c1r, c1r - hi), e2 = fmax(lo - c2r, c2r - hi);
		c = e1 <= e2 ? c1r : c2r;
	}
	return fmin(fmax(c, lo), hi);
}

/*
 * Miettinen and Nurminen's score statistic at odds ratio psi, without the
 * N/(N-1) factor: (x - t)^2 (1/t11 + 1/t12 + 1/t21 + 1/t22) over the fitted
 * table t with the observed margins.  The smallest fitted cell is solved
 * for directly and the others follow from the margins by sums that cannot
 * cancel (each is at least as large), so every cell keeps its digits.
 */
double dsp_or_score_stat(double x1, double n1, double x2, double n2, double psi)
{
	double obs[4] = {x1, n1 - x1, x2, n2 - x2};
	double m = x1 + x2, k = obs[1] + obs[3];  /* column totals */
	double t = fitted_cell(n1, m, obs[3] - obs[0], psi);
	double c[4] = {t, n1 - t, m - t, obs[3] - obs[0] + t};
	int s = 0;
	for (int i = 1; i < 4; i++)
		if (c[i] < c[s])
			s = i;
	/* Cell s solved in its own orientation: swapping the columns or
	 * the rows of the table inverts the odds ratio. */
	double rs = s < 2 ? n1 : n2, cs = s % 2 ? k : m, e = obs[s ^ 3] - obs[s];
	double v = fitted_cell(rs, cs, e, s == 1 || s == 2 ? 1 / psi : psi);
	c[s] = v;
	c[s ^ 1] = rs - v;          /* same row */
	c[s ^ 2] = cs - v;          /* same column */
	c[s ^ 3] = e + v;           /* opposite */
	double d = obs[s] - v;
	return d * d * (1 / c[0] + 1 / c[1] + 1 / c[2] + 1 / c[3]);
}

/* The score interval {psi : T(psi) <= crit}: Miettinen-Nurminen's with
 * crit = z^2 N/(N-1), the uncorrected one with z^2. */
static int or_score_interval(double x1, double n1, double x2, double n2,
			     double crit, double *lo, double *hi)
{
	dsp_score a = {dsp_or_score_stat, x1, n1, x2, n2, crit, DSP_SCALE_LOG};
	*lo = 0;
	*hi = INFINITY;
	if ((x1 == 0 && x2 == 0) || (x1 == n1 && x2 == n2))
		return DSP_OK;  /* no events, or no non-events, at all */
	/* A zero cell puts the estimate (and that bound) at 0 or inf; the
	 * other bound is searched from Gart's estimate. */
	int zero_lo = x1 == 0 || x2 == n2, zero_hi = x1 == n1 || x2 == 0;
	double u0 = zero_lo || zero_hi ?
		log(((x1 + 0.5) / (n1 - x1 + 0.5)) / ((x2 + 0.5) / (n2 - x2 + 0.5))) :
		log(dsp_or(x1, n1, x2, n2));
	if (!zero_lo)
		*lo = dsp_score_bound(&a, u0, -1);
	if (!zero_hi)
		*hi = dsp_score_bound(&a, u0, +1);
	return isnan(*lo) || isnan(*hi) ? DSP_ENOCONV : DSP_OK;
}

int dsp_or_mn(double x1, double n1, double x2, double n2, double level,
	      double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	double N = n1 + n2, z = dsp_z(level);
	return or_score_interval(x1, n1, x2, n2, z * z * (N / (N - 1)), lo, hi);
}

int dsp_or_score(double x1, double n1, double x2, double n2, double level,
		 double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	double z = dsp_z(level);
	return or_score_interval(x1, n1, x2, n2, z * z, lo, hi);
}

/*
 * Baptista-Pike.  At u = log psi the p-value is the probability of the
 * tables outside the interval C(u) of tables more probable than x1 (within
 * 1e-7).  As u grows, tables k < x1 leave C(u) (at u_k =
 * (lc(k) - lc(x1) - log(1 + 1e-7)) / (x1 - k)) and tables k > x1 join it,
 * so for u in [ua, ub] C(u) contains C* = (C(ub) left of x1) u (C(ua)
 * right of x1); C(u) never holds x1, so one of the two is empty.  The
 * probability of a fixed interval is unimodal in u (the family is totally
 * positive in (k, u): Karlin 1968, variation diminishing), so
 * p(u) <= 1 - P_u(C*) <= the larger of its values at ua and ub: a bound on
 * p over the whole stretch from two evaluations.  Where C is the same at
 * both ends the bound is p itself, quasi-convex there.
 */
struct bp {
	double x1, n1, x2, n2, alpha;
};

struct bp_pt {
	double u, cl, cr, p;  /* C(u) = [cl, cr], p(u) */
};

static double bp_outside(const struct bp *b, double u, double cl, double cr)
{
	dsp_nch d = dsp_nch_make(b->x1, b->n1, b->x2, b->n2, u);
	return dsp_nch_outside(&d, cl, cr);
}

static struct bp_pt bp_at(const struct bp *b, double u)
{
	dsp_nch d = dsp_nch_make(b->x1, b->n1, b->x2, b->n2, u);
	struct bp_pt t = {u, 0, 0, 0};
	dsp_nch_cut(&d, b->x1, &t.cl, &t.cr);
	t.p = dsp_nch_outside(&d, t.cl, t.cr);
	return t;
}

/* Where the segment's fixed-C p-value crosses alpha between a rejected
 * u (`out`) and an accepted one (`in`): quasi-convex there, so once. */
static double bp_cross(const struct bp *b, double out, double in,
		       double cl, double cr)
{
	for (;;) {
		double c = out + (in - out) / 2;
		if (c == out || c == in || fabs(in - out) <= DBL_EPSILON)
			return in;
		if (bp_outside(b, c, cl, cr) > b->alpha) in = c; else out = c;
	}
}

/*
 * The accepted u nearest to A (rejected, as is everything beyond it) on
 * the way to B, to a resolution of DBL_EPSILON in u (relative in psi):
 * branch and bound, the stretch nearer A first; a stretch whose bound is
 * at most alpha holds no accepted u.  NaN if none.
 */
static double bp_first(const struct bp *b, struct bp_pt A, struct bp_pt B)
{
	const struct bp_pt *L = A.u < B.u ? &A : &B, *H = A.u < B.u ? &B : &A;
	double cl = 1, cr = 0, bound = 1;  /* C* = [cl, cr], empty at first */
	if (H->cl <= H->cr && H->cr < b->x1)
		cl = H->cl, cr = H->cr;
	else if (L->cl <= L->cr && L->cl > b->x1)
		cl = L->cl, cr = L->cr;
	if (cl <= cr) {
		double pa = cl == A.cl && cr == A.cr ? A.p : bp_outside(b, A.u, cl, cr);
		double pb = cl == B.cl && cr == B.cr ? B.p : bp_outside(b, B.u, cl, cr);
		bound = fmax(pa, pb);
	}
	if (!(bound > b->alpha))
		return NAN;
	if (A.cl == B.cl && A.cr == B.cr)  /* one stretch of the same C */
		return B.p > b->alpha ? bp_cross(b, A.u, B.u, A.cl, A.cr) : NAN;
	double m = A.u + (B.u - A.u) / 2;
	if (m == A.u || m == B.u || fabs(B.u - A.u) <= DBL_EPSILON)
		return B.p > b->alpha ? B.u : NAN;
	struct bp_pt M = bp_at(b, m);
	double r = bp_first(b, A, M);
	if (!isnan(r))
		return r;
	return M.p > b->alpha ? M.u : bp_first(b, M, B);
}

/* The end of the accepted set on the side of `out` (rejected, as is all
 * beyond it), searched towards `in` (accepted); `in` itself if the search
 * finds nothing nearer. */
static double bp_end(const struct bp *b, double out, double in)
{
	double r = bp_first(b, bp_at(b, out), bp_at(b, in));
	return isnan(r) ? in : r;
}

/* The root in u of log P(X >= x1) = log alpha (dir +1) or of
 * log P(X <= x1) = log alpha (dir -1). */
static double tail_at(double x1, double n1, double x2, double n2,
		      double alpha, int dir)
{
	struct tail_eq e = {x1, n1, x2, n2, log(alpha), dir, 0};
	return log(solve(&e));
}

/* log(C(n1, k) C(n2, m - k)), up to a constant: the log density at psi = 1. */
static double lc(const dsp_nch *d0, double k)
{
	return dsp_nch_ld(d0, k);
}

int dsp_or_baptista_pike(double x1, double n1, double x2, double n2,
			 double level, double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	*lo = 0;
	*hi = INFINITY;
	double alpha = 1 - level, slo, shi;
	dsp_nch_support(x1, n1, x2, n2, &slo, &shi);
	if (slo == shi)
		return DSP_OK;  /* one table only */
	dsp_nch d0 = dsp_nch_make(x1, n1, x2, n2, 0);
	/* Where x1 is the most probable table p = 1: an accepted start.  The
	 * two ends are log ratios of neighbours, formed directly: near 2^53
	 * they differ by about 1/n, below the rounding of lc itself. */
	double mlo = x1 > slo ? -dsp_nch_lratio(&d0, x1 - 1) : -INFINITY;
	double mhi = x1 < shi ? -dsp_nch_lratio(&d0, x1) : INFINITY;
	double umode = isinf(mlo) ? mhi : isinf(mhi) ? mlo : mlo + (mhi - mlo) / 2;
	/*
	 * Where everything beyond is rejected.  Table k < x1 joins those as
	 * improbable as x1 once u >= (lc(k) - lc(x1) - log(1 + 1e-7)) / (x1 - k),
	 * lowest at k = slo as lc is concave.  Below that u and below the root
	 * of P(X >= x1) = alpha, p <= P(X >= x1) < alpha.  The upper end
	 * mirrors this.
	 */
	int rc = DSP_OK;
	struct bp b = {x1, n1, x2, n2, alpha};
	if (x1 > slo) {
		double u1 = tail_at(x1, n1, x2, n2, alpha, +1);
		double u2 = (lc(&d0, slo) - lc(&d0, x1)) / (x1 - slo) - 2e-7;
		double out = fmin(u1, u2);
		out -= 1e-9 * fmax(1, fabs(out));  /* past the root's tolerance */
		if (isnan(out))
			rc = DSP_ENOCONV;
		else
			*lo = exp(bp_end(&b, out, umode));
	}
	if (x1 < shi) {
		double u1 = tail_at(x1, n1, x2, n2, alpha, -1);
		double u2 = (lc(&d0, x1) - lc(&d0, shi)) / (shi - x1) + 2e-7;
		double out = fmax(u1, u2);
		out += 1e-9 * fmax(1, fabs(out));
		if (isnan(out))
			rc = DSP_ENOCONV;
		else
			*hi = exp(bp_end(&b, out, umode));
	}
	return rc;
}
