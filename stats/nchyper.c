/*
 * nchyper.c - Fisher's noncentral hypergeometric distribution (see
 * nchyper.h).
 *
 * P(k) is proportional to psi^k / (c0! c1! c2! c3!) over the cells c of
 * table k.  Its log relative to a table t of the support (an "anchor") is
 *
 *   l(t + s) - l(t) = s (lpsi - log(t0 t3 / (t1 t2)))
 *                     - sum_i [lnG(t_i +/- s + 1) - lnG(t_i + 1) -/+ s log t_i],
 *
 * each bracket small near t (Loader's bd0 and stirlerr, saddle.h), and the
 * coefficient formed from the cross difference t0 t3 - t1 t2, so that no
 * lgamma difference of numbers near 2^53 and no sum of logs of such
 * numbers enters.  Sums run from a point outward by neighbour ratios; where
 * they have not converged after CHUNK terms, the terms fall so slowly that
 * the rest is the Euler-Maclaurin formula (Abramowitz & Stegun 23.1.30):
 *
 *   sum_{s >= 0} f(s) = int_0^inf f + f(0)/2 - sum_j B_2j/(2j)! f^(2j-1)(0),
 *
 * with the integral by GSL's adaptive Gauss-Kronrod (qag) of the same
 * density extended to real s through the gamma function.  The corrections
 * are powers of the log slope per step (<= EM_SLOPE) and of the curvature
 * (<= 4/CHUNK), so four of them leave less than 1e-16.
 */
#include "nchyper.h"
#include "saddle.h"

#include <float.h>
#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_gamma.h>

#define CHUNK 2000      /* terms summed one by one before EM is tried */
#define EM_SLOPE 0.05   /* EM where the terms fall by at most this (in log) per step */
#define EM_ROOM 10000   /* and more than this many tables remain */

void dsp_nch_support(double x1, double n1, double x2, double n2,
		     double *lo, double *hi)
{
	/* max(0, m - n2) = x1 - (n2 - x2) when positive; min(n1, m) = n1
	 * when x2 > n1 - x1, else m: each exact, unlike m itself. */
	*lo = n2 - x2 < x1 ? x1 - (n2 - x2) : 0;
	*hi = x2 > n1 - x1 ? n1 : x1 + x2;
}

/* The cells of table k: k - x1 is exact, and so is each cell (an integer
 * no larger than n1 or n2). */
static void cells(const dsp_nch *d, double k, double c[4])
{
	double j = k - d->x1;
	c[0] = k;
	c[1] = d->n1 - k;
	c[2] = d->x2 - j;
	c[3] = (d->n2 - d->x2) + j;
}

/* p q - r s, by Kahan's fma method: within a few ulps of the difference
 * even when the products pass 2^53 and nearly cancel. */
static double det2(double p, double q, double r, double s)
{
	double w = r * s;
	return fma(p, q, -w) + fma(-r, s, w);
}

/* log(p q / (r s)) for p, q, r, s > 0, to full relative accuracy near 0. */
static double lcross(double p, double q, double r, double s)
{
	double den = r * s, dd = det2(p, q, r, s);
	if (fabs(dd) < den / 2)
		return log1p(dd / den);
	return log(p / r) + log(q / s);
}

static dsp_nch_at anchor(const dsp_nch *d, double k)
{
	dsp_nch_at t;
	cells(d, k, t.c);
	double lc;
	if (t.c[0] > 0 && t.c[1] > 0 && t.c[2] > 0 && t.c[3] > 0) {
		lc = lcross(t.c[0], t.c[3], t.c[1], t.c[2]);
	} else {
		lc = 0;
		for (int i = 0; i < 4; i++)
			if (t.c[i] > 0)
				lc += (i == 0 || i == 3 ? 1 : -1) * log(t.c[i]);
	}
	t.coef = d->lpsi - lc;
	return t;
}

double dsp_bd0_delta(double x, double dl)
{
	double s = 2 * x + dl;  /* (x + dl) + x */
	if (fabs(dl) < 0.1 * s) {
		/* Loader's series in v = dl / s (as dsp_bd0) */
		double v = dl / s, v2 = v * v, sum = dl * v, ej = 2 * (x + dl) * v;
		for (int j = 1; j < 1000; j++) {
			ej *= v2;
			double s1 = sum + ej / (2 * j + 1);
			if (s1 == sum)
				break;
			sum = s1;
		}
		return sum;
	}
	return (x + dl) * log1p(dl / x) - dl;
}

/* x log x - lnG(x + 1), x > 0. */
static double xlogx_lgam(double x)
{
	if (x >= 16)
		return x - 0.5 * log(2 * M_PI * x) - dsp_stirlerr(x);
	return x * log(x) - gsl_sf_lngamma(x + 1);
}

/* lnG(x + dl + 1) - lnG(x + 1) - dl log x (log 0 taken as 0), x >= 0,
 * x + dl >= 0: the bracket of the header comment, dl real. */
static double lgdiff(double x, double dl)
{
	if (dl == 0)
		return 0;
	double y = x + dl;
	if (x == 0)
		return gsl_sf_lngamma(y + 1);
	if (x >= 16 && y >= 16)
		return dsp_bd0_delta(x, dl) + 0.5 * log1p(dl / x) +
		       dsp_stirlerr(y) - dsp_stirlerr(x);
	/* [lnG(y + 1) - y log x] + [x log x - lnG(x + 1)]: at most one
	 * of them is large, and then the density is far below the mode. */
	double first = y >= 16 ?
		y * log(y / x) - y + 0.5 * log(2 * M_PI * y) + dsp_stirlerr(y) :
		gsl_sf_lngamma(y + 1) - y * log(x);
	return first + xlogx_lgam(x);
}

/* log P(t + s)/P(t), s real: the decomposition of the header comment. */
static double lrel(const dsp_nch_at *t, double s)
{
	return s * t->coef - (lgdiff(t->c[0], s) + lgdiff(t->c[1], -s) +
			      lgdiff(t->c[2], -s) + lgdiff(t->c[3], s));
}

/* The neighbour ratio P(j + dir)/P(j) from the cells of j, psi left
 * out: (c1 c2)/((c0+1)(c3+1)) upward, (c0 c3)/((c1+1)(c2+1)) downward. */
static double step_ratio(const double c[4], int dir)
{
	return dir > 0 ? c[1] * c[2] / ((c[0] + 1) * (c[3] + 1)) :
			 c[0] * c[3] / ((c[1] + 1) * (c[2] + 1));
}

/* psi(y + 1) - log y, and the polygammas psi_n(y + 1), for y >= 1000
 * (the asymptotic series, DLMF 5.11.2, to well below 1e-16 there). */
static double digam_log(double y)
{
	double r = 1 / y, r2 = r * r;
	return r / 2 - r2 * (1.0 / 12 - r2 * (1.0 / 120 - r2 / 252));
}

static double trigam(double y)
{
	double r = 1 / y;
	return r * (1 - r * (0.5 - r * (1.0 / 6 - r * r / 30)));
}

static double tetragam(double y)
{
	double r = 1 / y, r2 = r * r;
	return -r2 * (1 - r * (1 - r / 2));
}

struct em_arg {
	const dsp_nch_at *t;
	int dir;
};

static double em_integrand(double s, void *vp)
{
	const struct em_arg *a = vp;
	return exp(lrel(a->t, a->dir * s));
}

/*
 * sum_{s >= 0} P(t + dir s)/P(t) by the Euler-Maclaurin formula, for an
 * anchor t whose cells are all >= CHUNK and at least `room` tables from
 * the end of the support; NaN where it does not apply (the slope at t is
 * too steep, or the density does not die out before the end), and the
 * caller sums on term by term.
 */
static double em_sum(const dsp_nch_at *t, int dir, double room)
{
	const double *c = t->c;
	/* Derivatives in s of L(s) = log P(t + dir s)/P(t) at s = 0. */
	double l1 = dir * (t->coef - digam_log(c[0]) + digam_log(c[1]) +
			   digam_log(c[2]) - digam_log(c[3]));
	if (!(fabs(l1) <= EM_SLOPE))
		return NAN;
	double l2 = -(trigam(c[0]) + trigam(c[1]) + trigam(c[2]) + trigam(c[3]));
	double l3 = dir * (-tetragam(c[0]) + tetragam(c[1]) + tetragam(c[2]) -
			   tetragam(c[3]));
	double l4 = 0;
	for (int i = 0; i < 4; i++)
		l4 -= 2 / (c[i] * c[i] * c[i]);
	/* f^(n)/f at 0, by Faa di Bruno (terms in l4 and beyond dropped
	 * where they fall below 1e-20). */
	double a = l1, a2 = a * a, b = l2, e = l3;
	double F1 = a;
	double F3 = a * a2 + 3 * a * b + e;
	double F5 = a2 * a2 * a + 10 * a2 * a * b + 15 * a * b * b +
		    10 * a2 * e + 10 * b * e + 5 * a * l4;
	double F7 = a2 * a2 * a2 * a + 21 * a2 * a2 * a * b + 105 * a2 * a * b * b +
		    105 * a * b * b * b + 35 * a2 * a2 * e + 210 * a2 * b * e +
		    105 * b * b * e + 70 * a * e * e;
	/* Where the density has died out: doubling from its scale. */
	double top = 4 / fmax(fabs(l1), sqrt(-l2));
	for (;; top *= 2) {
		if (top >= room)
			return NAN;
		if (lrel(t, dir * top) < -60)
			break;
	}
	struct em_arg arg = {t, dir};
	gsl_integration_workspace *ws = gsl_integration_workspace_alloc(64);
	if (!ws)
		return NAN;
	gsl_function F = {em_integrand, &arg};
	double in, err;
	gsl_error_handler_t *old = gsl_set_error_handler_off();
	/* 100 DBL_EPSILON: qag refuses below 50. */
	int st = gsl_integration_qag(&F, 0, top, 0, 100 * DBL_EPSILON, 64,
				     GSL_INTEG_GAUSS41, ws, &in, &err);
	gsl_set_error_handler(old);
	gsl_integration_workspace_free(ws);
	if (!(in > 0) || (st != GSL_SUCCESS && !(err <= 1e-13 * in)))
		return NAN;
	return in + 0.5 - F1 / 12 + F3 / 720 - F5 / 30240 + F7 / 1209600;
}

/*
 * sum_{j >= 0} P(k + dir j)/P(k) over the support, for k at or beyond the
 * mode on side dir, so that the terms only fall.  Summed term by term;
 * once the remainder is bounded by a geometric series it is left out.
 */
static double sum_out(const dsp_nch *d, double k, int dir)
{
	double psi = exp(d->lpsi), sum = 1, term = 1, c[4];
	int logs = !(psi > 0 && isfinite(psi));  /* psi beyond a double */
	double end = dir > 0 ? d->hi : d->lo;
	cells(d, k, c);
	for (long i = 1; c[0] != end; i++) {
		double q = step_ratio(c, dir);
		double r = logs ? exp(log(q) + dir * d->lpsi) : dir > 0 ? q * psi : q / psi;
		for (int j = 0; j < 4; j++)
			c[j] += (j == 0 || j == 3 ? dir : -dir);
		term *= r;
		sum += term;
		if (term == 0 || (r < 1 && term < DBL_EPSILON / 8 * sum * (1 - r)))
			break;
		double room = fabs(end - c[0]);
		if (i % CHUNK == 0 && room > EM_ROOM) {
			/* The rest, from the table after c, by Euler-Maclaurin. */
			dsp_nch_at t = anchor(d, c[0] + dir);
			double em = em_sum(&t, dir, room - 1);
			if (!isnan(em)) {
				double q1 = step_ratio(c, dir);
				double r1 = logs ? exp(log(q1) + dir * d->lpsi) :
					    dir > 0 ? q1 * psi : q1 / psi;
				return sum + term * r1 * em;
			}
		}
	}
	return sum;
}

double dsp_nch_lratio(const dsp_nch *d, double k)
{
	double c[4];
	cells(d, k, c);
	if (c[1] == 0 || c[2] == 0)
		return -INFINITY;
	/* (c0 + 1) and (c3 + 1) are exact here: each is at most a row or a
	 * column total, the other cell of which is not 0. */
	return d->lpsi + lcross(c[1], c[2], c[0] + 1, c[3] + 1);
}

dsp_nch dsp_nch_make(double x1, double n1, double x2, double n2, double lpsi)
{
	dsp_nch d = {x1, n1, x2, n2, 0, 0, lpsi, 0, {{0, 0, 0, 0}, 0}, 0};
	dsp_nch_support(x1, n1, x2, n2, &d.lo, &d.hi);
	/* The mode is the first k whose ratio P(k+1)/P(k) is below 1; the
	 * ratio falls with k, so bisect. */
	double a = d.lo - 1, b = d.hi;  /* ratio(a) >= 1 > ratio(b), ratio(hi) = 0 */
	while (b - a > 1) {
		double c = floor(a + (b - a) / 2);
		if (dsp_nch_lratio(&d, c) < 0) b = c; else a = c;
	}
	d.mode = b;
	d.at_mode = anchor(&d, b);
	double up = b < d.hi ? sum_out(&d, b, +1) : 1;
	double down = b > d.lo ? sum_out(&d, b, -1) : 1;
	d.lnorm = log(up + down - 1);
	return d;
}

double dsp_nch_ld(const dsp_nch *d, double k)
{
	if (k < d->lo || k > d->hi)
		return -INFINITY;
	return lrel(&d->at_mode, k - d->mode) - d->lnorm;
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
		return dsp_nch_ld(d, k) + log(sum_out(d, k, dir));
	double other = dsp_nch_ld(d, k - dir) + log(sum_out(d, k - dir, -dir));
	return log1p(-exp(other));
}

/*
 * The density rises to the mode and falls after it, so the tables more
 * probable than the cut are one interval: bisect for its ends on each side
 * of the mode (to the end of the support where even that is above the cut).
 */
void dsp_nch_cut(const dsp_nch *d, double k, double *cl, double *cr)
{
	double cut = dsp_nch_ld(d, k) + log1p(1e-7);
	if (dsp_nch_ld(d, d->mode) <= cut) {
		*cl = d->mode + 1, *cr = d->mode;  /* empty: k is as probable as any */
		return;
	}
	*cl = d->lo;
	if (dsp_nch_ld(d, d->lo) <= cut) {
		double a = d->lo, b = d->mode;  /* ld(a) <= cut < ld(b) */
		while (b - a > 1) {
			double c = floor(a + (b - a) / 2);
			if (dsp_nch_ld(d, c) <= cut) a = c; else b = c;
		}
		*cl = b;
	}
	*cr = d->hi;
	if (dsp_nch_ld(d, d->hi) <= cut) {
		double a = d->mode, b = d->hi;  /* ld(a) > cut >= ld(b) */
		while (b - a > 1) {
			double c = floor(a + (b - a) / 2);
			if (dsp_nch_ld(d, c) <= cut) b = c; else a = c;
		}
		*cr = a;
	}
}

/* Each tail summed outward from its start (dsp_nch_ltail). */
double dsp_nch_outside(const dsp_nch *d, double cl, double cr)
{
	if (cl > cr)
		return 1;
	double p = (cl > d->lo ? exp(dsp_nch_ltail(d, cl - 1, -1)) : 0) +
		   (cr < d->hi ? exp(dsp_nch_ltail(d, cr + 1, +1)) : 0);
	return p > 1 ? 1 : p;
}

double dsp_nch_minlike(const dsp_nch *d, double k)
{
	double cl, cr;
	dsp_nch_cut(d, k, &cl, &cr);
	return dsp_nch_outside(d, cl, cr);
}
