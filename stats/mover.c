/*
 * mover.c - MOVER intervals on Wilson and on Jeffreys limits (mover.h).
 *
 * Newcombe RG (1998) Stat Med 17:873-890 (the difference, method 10);
 * Donner A, Zou GY (2012) Stat Methods Med Res 21:347-359 (the ratio);
 * Fagerland MW, Newcombe RG (2013) Stat Med 32:2823-2836 (the odds ratio,
 * their method 4); Laud PJ (2017) Pharm Stat 16:334-348 (on Jeffreys
 * limits, MOVER-J, with the posterior medians as the estimates, as
 * ratesci's moverci with its defaults, adj = FALSE).
 *
 * For the ratio theta = p1/p2 with limits (l1, u1), (l2, u2), MOVER's lower
 * bound L solves (p1 - L p2)^2 = (p1 - l1)^2 + L^2 (u2 - p2)^2 and the
 * upper bound U the same with the other two distances.  With the distances
 * d = p - l and e = u - p (each group's own, formed without cancelling)
 * the roots are written so that nothing cancels:
 *   L = l1 (p1 + d1) / (p1 p2 + sqrt(e2^2 l1 (p1 + d1) + d1^2 p2^2)),
 *   U = (p1 p2 + sqrt(p1^2 d2^2 + e1^2 l2 (p2 + d2))) / (l2 (p2 + d2)),
 * the same roots as Donner and Zou's (p1 p2 -/+ sqrt(...)) / (u2 (2 p2 -
 * u2)) and (...) / (l2 (2 p2 - l2)), whose first denominator can be 0 or
 * negative.  The odds ratio is the same formula on the odds q = p/(1 - p),
 * whose distances are d/((1 - p)(1 - l)) and e/((1 - p)(1 - u)).
 */
#include "mover.h"
#include "betainc.h"
#include "diff.h"
#include "dsp.h"
#include "propci.h"

#include <math.h>

static int bad_args(double x1, double n1, double x2, double n2, double level)
{
	return !(n1 >= 1 && n2 >= 1 && n1 <= DSP_COUNT_MAX && n2 <= DSP_COUNT_MAX &&
		 x1 >= 0 && x1 <= n1 && x2 >= 0 && x2 <= n2 &&
		 x1 == floor(x1) && x2 == floor(x2) && n1 == floor(n1) &&
		 n2 == floor(n2) && level > 0 && level < 1);
}

/* One group: estimate p, its complement q = 1 - p, limits l, u and their
 * complements lc = 1 - l, uc = 1 - u, distances d = p - l, e = u - p. */
struct lim {
	double p, q, l, u, lc, uc, d, e;
};

static struct lim wilson(double x, double n, double level)
{
	struct lim g = {x / n, (n - x) / n, 0, 0, 0, 0, 0, 0};
	double z = dsp_z(level);
	/* Wilson's interval is symmetric: 1 - l(x) = u(n - x). */
	dsp_ci_wilson(x, n, level, &g.l, &g.u);
	dsp_ci_wilson(n - x, n, level, &g.uc, &g.lc);
	dsp_wilson_dist(x, n, z, &g.d, &g.e);
	return g;
}

/* Equal-tailed Jeffreys limits, quantiles of Beta(x + 1/2, n - x + 1/2),
 * around its median; the complements are the mirrored beta's.  Each
 * distance is formed on the side of 1/2 where its terms are smaller. */
static int jeffreys(double x, double n, double level, struct lim *g)
{
	double a = x + 0.5, b = n - x + 0.5, t = (1 - level) / 2;
	g->p = dsp_beta_quantile(0.5, a, b, 0);
	g->q = dsp_beta_quantile(0.5, b, a, 0);
	g->l = dsp_beta_quantile(t, a, b, 0);
	g->u = dsp_beta_quantile(t, a, b, 1);
	g->lc = dsp_beta_quantile(t, b, a, 1);
	g->uc = dsp_beta_quantile(t, b, a, 0);
	g->d = g->p <= 0.5 ? g->p - g->l : g->lc - g->q;
	g->e = g->p <= 0.5 ? g->u - g->p : g->q - g->uc;
	return isnan(g->p + g->q + g->l + g->u + g->lc + g->uc) ? DSP_ENOCONV : DSP_OK;
}

/* The group on the odds scale: odds p/q with its limits and distances. */
static struct lim odds(const struct lim *g)
{
	struct lim o = *g;
	o.p = g->p / g->q;
	o.l = g->l / g->lc;
	o.u = g->u / g->uc;
	o.d = g->d / (g->q * g->lc);
	o.e = g->e / (g->q * g->uc);
	return o;
}

/* The MOVER bounds of the ratio of group 1's parameter to group 2's (see
 * the top); the lower 0 where l1 is, the upper inf where l2 is. */
static void ratio(const struct lim *a, const struct lim *b, double *lo, double *hi)
{
	double c = a->l * (a->p + a->d), den = b->l * (b->p + b->d);
	*lo = c == 0 ? 0 : c / (a->p * b->p + sqrt(b->e * b->e * c + a->d * a->d * b->p * b->p));
	*hi = den == 0 ? INFINITY :
	      (a->p * b->p + sqrt(a->p * a->p * b->d * b->d + a->e * a->e * den)) / den;
}

int dsp_rr_mover_wilson(double x1, double n1, double x2, double n2, double level,
			double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	struct lim a = wilson(x1, n1, level), b = wilson(x2, n2, level);
	ratio(&a, &b, lo, hi);
	return DSP_OK;
}

int dsp_rr_mover_jeffreys(double x1, double n1, double x2, double n2, double level,
			  double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	struct lim a, b;
	if (jeffreys(x1, n1, level, &a) || jeffreys(x2, n2, level, &b))
		return DSP_ENOCONV;
	ratio(&a, &b, lo, hi);
	return DSP_OK;
}

int dsp_rd_mover_jeffreys(double x1, double n1, double x2, double n2, double level,
			  double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	struct lim a, b;
	if (jeffreys(x1, n1, level, &a) || jeffreys(x2, n2, level, &b))
		return DSP_ENOCONV;
	/* Newcombe's d - sqrt(d1^2 + e2^2), d + sqrt(e1^2 + d2^2) around the
	 * difference of the medians (of their complements when both are
	 * near 1); within (-1, 1), as every limit is inside (0, 1). */
	double d = a.p > 0.5 && b.p > 0.5 ? b.q - a.q : a.p - b.p;
	*lo = d - hypot(a.d, b.e);
	*hi = d + hypot(a.e, b.d);
	*lo = *lo == 0 ? 0 : fmax(*lo, -1);  /* no -0 */
	*hi = *hi == 0 ? 0 : fmin(*hi, 1);
	return DSP_OK;
}

int dsp_or_mover_wilson(double x1, double n1, double x2, double n2, double level,
			double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	*lo = 0;
	*hi = INFINITY;
	/* No events or no non-events at all, or a zero cell on each
	 * diagonal end (0 and all, all and 0): no finite bound to recover
	 * (ratesci's earlier releases likewise). */
	if ((x1 == 0 || x1 == n1) && (x2 == 0 || x2 == n2))
		return DSP_OK;
	/* A group with all events has infinite odds: read the table by
	 * columns instead, non-events of group 2 against those of group 1,
	 * whose odds ratio is the same (Fagerland and Newcombe's Table III). */
	if (x1 == n1 || x2 == n2) {
		double t1 = n2 - x2, t2 = n1 - x1, m1 = n2;
		n2 = n1, n1 = m1, x1 = t1, x2 = t2;
	}
	struct lim a = wilson(x1, n1, level), b = wilson(x2, n2, level);
	struct lim qa = odds(&a), qb = odds(&b);
	ratio(&qa, &qb, lo, hi);
	return DSP_OK;
}

int dsp_or_mover_jeffreys(double x1, double n1, double x2, double n2, double level,
			  double *lo, double *hi)
{
	if (bad_args(x1, n1, x2, n2, level))
		return DSP_EDOM;
	struct lim a, b;
	if (jeffreys(x1, n1, level, &a) || jeffreys(x2, n2, level, &b))
		return DSP_ENOCONV;
	struct lim qa = odds(&a), qb = odds(&b);
	ratio(&qa, &qb, lo, hi);
	return DSP_OK;
}
