/*
 * strata.c - stratified comparisons of a group with the reference group
 * (see strata.h).
 *
 * mh (relative rate), gr (difference), and the person-time rate ratio:
 *   Greenland S, Robins JM (1985). Estimation of a common effect parameter
 *   from sparse follow-up data. Biometrics 41:55-68.
 * rbg: Robins J, Breslow N, Greenland S (1986). Estimators of the
 *   Mantel-Haenszel variance consistent in both sparse data and large-strata
 *   limiting models. Biometrics 42:311-323.
 * sato: Sato T (1989). On the variance estimator for the Mantel-Haenszel
 *   risk difference. Biometrics 45:1323-1324.
 * mn: Miettinen O, Nurminen M (1985). Comparative analysis of two rates.
 *   Stat Med 4:213-226 (the stratified score and its weights, sec. 5).
 * scas: Laud PJ (2017). Equal-tailed confidence intervals for comparison of
 *   rates. Pharm Stat 16:334-348 (the stratified skewness-corrected score,
 *   eq. S2 of its supplement), with the Mantel-Haenszel weights that R's
 *   ratesci uses by default.
 * cmh: Mantel N, Haenszel W (1959). Statistical aspects of the analysis of
 *   data from retrospective studies of disease. J Natl Cancer Inst
 *   22:719-748; Cochran WG (1954). Some methods for strengthening the common
 *   chi-square tests. Biometrics 10:417-451.
 * exact: the conditional distribution of the sum of the x1 given every
 *   stratum's margins (Mehta CR, Patel NR, Gray R (1985). J Am Stat Assoc
 *   80:969-973; as R's mantelhaen.test(exact = TRUE)).
 * bd, bd-tarone: Breslow NE, Day NE (1980). Statistical Methods in Cancer
 *   Research I, IARC, sec. 4.4; Tarone RE (1985). On heterogeneity tests
 *   based on efficient scores. Biometrika 72:91-95.
 */
#include "strata.h"
#include "dsp.h"
#include "nchyper.h"
#include "propci.h"
#include "root.h"
#include "saddle.h"
#include "test2x2.h"

#include <gsl/gsl_cdf.h>

#include <float.h>
#include <math.h>
#include <stdlib.h>

/* ---- arguments --------------------------------------------------------- */

static int is_count(double x)
{
	return x >= 0 && x <= DSP_COUNT_MAX && x == floor(x);
}

static int bad_strata(const dsp_strata *s)
{
	if (!s || s->k == 0)
		return 1;
	for (size_t j = 0; j < s->k; j++)
		if (!(is_count(s->x1[j]) && is_count(s->n1[j]) && is_count(s->x2[j]) &&
		      is_count(s->n2[j]) && s->n1[j] >= 1 && s->n2[j] >= 1 &&
		      s->x1[j] <= s->n1[j] && s->x2[j] <= s->n2[j]))
			return 1;
	return 0;
}

static int bad_pt(const dsp_strata *s)
{
	if (!s || s->k == 0)
		return 1;
	for (size_t j = 0; j < s->k; j++)
		if (!(is_count(s->x1[j]) && is_count(s->x2[j]) && s->n1[j] > 0 &&
		      s->n2[j] > 0 && isfinite(s->n1[j]) && isfinite(s->n2[j])))
			return 1;
	return 0;
}

static int bad_level(double level)
{
	return !(level > 0 && level < 1);
}

/* a / b as a ratio estimate: inf when only b is 0, NaN when both are. */
static double ratio_of(double a, double b)
{
	if (b == 0)
		return a == 0 ? NAN : INFINITY;
	return a / b;
}

static double clip1(double v)
{
	return v < -1 ? -1 : v > 1 ? 1 : v == 0 ? 0 : v;  /* and no -0 */
}

/* A log-normal interval exp(log e -/+ z sqrt(v)); (0, inf) when e is not
 * a positive finite number or v is not finite. */
static int log_interval(double e, double v, double level, double *lo, double *hi)
{
	*lo = 0;
	*hi = INFINITY;
	if (!(e > 0 && isfinite(e) && v >= 0 && isfinite(v)))
		return DSP_OK;
	double w = dsp_z(level) * sqrt(v), u = log(e);
	*lo = exp(u - w);
	*hi = exp(u + w);
	return DSP_OK;
}

/* ---- Mantel-Haenszel estimates and their variances ---------------------- */

double dsp_mh_rr(const dsp_strata *s)
{
	if (bad_strata(s))
		return NAN;
	double r = 0, q = 0;
	for (size_t j = 0; j < s->k; j++) {
		double N = s->n1[j] + s->n2[j];
		r += s->x1[j] * (s->n2[j] / N);
		q += s->x2[j] * (s->n1[j] / N);
	}
	return ratio_of(r, q);
}

double dsp_mh_or(const dsp_strata *s)
{
	if (bad_strata(s))
		return NAN;
	double r = 0, q = 0;
	for (size_t j = 0; j < s->k; j++) {
		double N = s->n1[j] + s->n2[j];
		r += s->x1[j] * ((s->n2[j] - s->x2[j]) / N);
		q += s->x2[j] * ((s->n1[j] - s->x1[j]) / N);
	}
	return ratio_of(r, q);
}

double dsp_mh_rd(const dsp_strata *s)
{
	if (bad_strata(s))
		return NAN;
	double d = 0, w = 0;
	for (size_t j = 0; j < s->k; j++) {
		double N = s->n1[j] + s->n2[j];
		d += dsp_cross_diff(s->x1[j], s->n1[j], s->x2[j], s->n2[j]) / N;
		w += s->n1[j] * (s->n2[j] / N);
	}
	return clip1(d / w);
}

double dsp_mh_ptrr(const dsp_strata *s)
{
	if (bad_pt(s))
		return NAN;
	double r = 0, q = 0;
	for (size_t j = 0; j < s->k; j++) {
		double T = s->n1[j] + s->n2[j];
		r += s->x1[j] * (s->n2[j] / T);
		q += s->x2[j] * (s->n1[j] / T);
	}
	return ratio_of(r, q);
}

int dsp_srr_mh(const dsp_strata *s, double level, double *lo, double *hi)
{
	if (bad_strata(s) || bad_level(level))
		return DSP_EDOM;
	/* Greenland and Robins (1985) eq. 13: var log rr = sum (m n1 n2 / N^2
	 * - x1 x2 / N) / (R S); the numerator's term is written as the sum of
	 * two non-negative products, [x1 n1 (n2 - x2) + x2 n2 (n1 - x1)] /
	 * N^2, so that nothing cancels. */
	double R = 0, S = 0, V = 0;
	for (size_t j = 0; j < s->k; j++) {
		double x1 = s->x1[j], n1 = s->n1[j], x2 = s->x2[j], n2 = s->n2[j];
		double N = n1 + n2;
		R += x1 * (n2 / N);
		S += x2 * (n1 / N);
		V += (x1 * n1 * (n2 - x2) + x2 * n2 * (n1 - x1)) / N / N;
	}
	return log_interval(ratio_of(R, S), V / R / S, level, lo, hi);
}

int dsp_sor_rbg(const dsp_strata *s, double level, double *lo, double *hi)
{
	if (bad_strata(s) || bad_level(level))
		return DSP_EDOM;
	/* Robins, Breslow and Greenland (1986) eq. 5: with R_j = a d / N,
	 * S_j = b c / N, P_j = (a + d) / N, Q_j = (b + c) / N,
	 * var log or = sum P R / (2 R+^2) + sum (P S + Q R) / (2 R+ S+)
	 *            + sum Q S / (2 S+^2). */
	double R = 0, S = 0, PR = 0, PSQR = 0, QS = 0;
	for (size_t j = 0; j < s->k; j++) {
		double a = s->x1[j], b = s->n1[j] - a, c = s->x2[j], d = s->n2[j] - c;
		double N = s->n1[j] + s->n2[j];
		double r = a * (d / N), q = b * (c / N), P = (a + d) / N, Q = (b + c) / N;
		R += r;
		S += q;
		PR += P * r;
		PSQR += P * q + Q * r;
		QS += Q * q;
	}
	double v = PR / (2 * R * R) + PSQR / (2 * R * S) + QS / (2 * S * S);
	return log_interval(ratio_of(R, S), v, level, lo, hi);
}

/* rd -/+ z sqrt(v), clipped; (-1, 1) when v is not finite. */
static int rd_interval(double d, double v, double level, double *lo, double *hi)
{
	if (!(v >= 0 && isfinite(v)) || isnan(d)) {
		*lo = -1;
		*hi = 1;
		return DSP_OK;
	}
	double w = dsp_z(level) * sqrt(v);
	*lo = clip1(d - w);
	*hi = clip1(d + w);
	return DSP_OK;
}

int dsp_srd_sato(const dsp_strata *s, double level, double *lo, double *hi)
{
	if (bad_strata(s) || bad_level(level))
		return DSP_EDOM;
	/* Sato (1989): var rd = (rd sum P + sum Q) / W^2, W = sum n1 n2 / N,
	 * P = (n1^2 x2 - n2^2 x1 + n1 n2 (n2 - n1) / 2) / N^2,
	 * Q = (x1 (n2 - x2) + x2 (n1 - x1)) / (2 N). */
	double d = dsp_mh_rd(s), P = 0, Q = 0, W = 0;
	for (size_t j = 0; j < s->k; j++) {
		double x1 = s->x1[j], n1 = s->n1[j], x2 = s->x2[j], n2 = s->n2[j];
		double N = n1 + n2;
		W += n1 * (n2 / N);
		P += (n1 * n1 * x2 - n2 * n2 * x1 + n1 * n2 * (n2 - n1) / 2) / N / N;
		Q += (x1 * (n2 - x2) + x2 * (n1 - x1)) / (2 * N);
	}
	return rd_interval(d, fmax(d * P + Q, 0) / W / W, level, lo, hi);
}

int dsp_srd_gr(const dsp_strata *s, double level, double *lo, double *hi)
{
	if (bad_strata(s) || bad_level(level))
		return DSP_EDOM;
	/* Greenland and Robins (1985): var rd = sum w^2 (p1 q1 / n1 + p2 q2 /
	 * n2) / W^2, w = n1 n2 / N; w^2 p1 q1 / n1 = n2^2 x1 (n1 - x1) / (n1 N^2). */
	double V = 0, W = 0;
	for (size_t j = 0; j < s->k; j++) {
		double x1 = s->x1[j], n1 = s->n1[j], x2 = s->x2[j], n2 = s->n2[j];
		double N = n1 + n2;
		W += n1 * (n2 / N);
		V += ((n2 / N) * (n2 / N) * x1 * ((n1 - x1) / n1) +
		      (n1 / N) * (n1 / N) * x2 * ((n2 - x2) / n2));
	}
	return rd_interval(dsp_mh_rd(s), V / W / W, level, lo, hi);
}

int dsp_sptrr_mh(const dsp_strata *s, double level, double *lo, double *hi)
{
	if (bad_pt(s) || bad_level(level))
		return DSP_EDOM;
	/* Greenland and Robins (1985) eq. 12: var log rr = sum (m n1 n2 / T^2)
	 * / (R S), R = sum x1 n2 / T, S = sum x2 n1 / T. */
	double R = 0, S = 0, V = 0;
	for (size_t j = 0; j < s->k; j++) {
		double x1 = s->x1[j], n1 = s->n1[j], x2 = s->x2[j], n2 = s->n2[j];
		double T = n1 + n2;
		R += x1 * (n2 / T);
		S += x2 * (n1 / T);
		V += (x1 + x2) * (n1 / T) * (n2 / T);
	}
	return log_interval(ratio_of(R, S), V / R / S, level, lo, hi);
}

/* ---- tests of no association -------------------------------------------- */

/* sum (x1 - E) and sum V of the CMH statistic. */
static void cmh_parts(const dsp_strata *s, double *d, double *v)
{
	*d = *v = 0;
	for (size_t j = 0; j < s->k; j++) {
		double x1 = s->x1[j], n1 = s->n1[j], x2 = s->x2[j], n2 = s->n2[j];
		double N = n1 + n2, m = x1 + x2;
		/* x1 - n1 m / N = (x1 n2 - x2 n1) / N, from the exact cross
		 * difference. */
		*d += dsp_cross_diff(x1, n1, x2, n2) / N;
		*v += (n1 / N) * (n2 / N) * m * ((N - m) / (N - 1));
	}
}

static int cmh(const dsp_strata *s, int cc, double *p)
{
	if (bad_strata(s))
		return dsp_ret(p, NAN, DSP_EDOM);
	double d, v;
	cmh_parts(s, &d, &v);
	if (v == 0)
		return dsp_ret(p, 1, DSP_OK);
	double a = fabs(d);
	if (cc)
		a = a >= 0.5 ? a - 0.5 : a;  /* as R's mantelhaen.test: no correction below 1/2 */
	return dsp_ret(p, gsl_cdf_chisq_Q(a / sqrt(v) * (a / sqrt(v)), 1), DSP_OK);
}

int dsp_stest_cmh(const dsp_strata *s, double *p)
{
	return cmh(s, 0, p);
}

int dsp_stest_cmh_cc(const dsp_strata *s, double *p)
{
	return cmh(s, 1, p);
}

int dsp_sptest_mh(const dsp_strata *s, double *p)
{
	if (bad_pt(s))
		return dsp_ret(p, NAN, DSP_EDOM);
	double d = 0, v = 0;
	for (size_t j = 0; j < s->k; j++) {
		double x1 = s->x1[j], n1 = s->n1[j], x2 = s->x2[j], n2 = s->n2[j];
		double T = n1 + n2;
		d += dsp_cross_diff(x1, n1, x2, n2) / T;
		v += (x1 + x2) * (n1 / T) * (n2 / T);
	}
	if (v == 0)
		return dsp_ret(p, 1, DSP_OK);
	return dsp_ret(p, gsl_cdf_chisq_Q(d / sqrt(v) * (d / sqrt(v)), 1), DSP_OK);
}

/* ---- homogeneity ---------------------------------------------------------- */

/*
 * The mean of x1 given the margins of a stratum whose odds ratio is psi,
 * as its distance from x1, delta = x1 - A: with the fitted cells a - delta,
 * b + delta, c + delta, d - delta (a, b, c, d the observed), (a - delta)(d
 * - delta) = psi (b + delta)(c + delta) is (1 - psi) delta^2 - B delta + C
 * = 0 with B = a + d + psi (b + c) > 0 and C = a d - psi b c, whose root
 * among non-negative cells is 2C / (B + sqrt(B^2 - 4 (1 - psi) C)).  So
 * formed, delta keeps its digits when it is small against the cells (a
 * large stratum near the common odds ratio), where x1 - A would cancel.
 */
static double bd_delta(double a, double b, double c, double d, double psi)
{
	double B = a + d + psi * (b + c), C = fma(a, d, -(psi * b) * c);
	double disc = B * B - 4 * (1 - psi) * C;
	return 2 * C / (B + sqrt(disc > 0 ? disc : 0));
}

static int bd(const dsp_strata *s, int tarone, double *p)
{
	if (bad_strata(s))
		return dsp_ret(p, NAN, DSP_EDOM);
	double psi = dsp_mh_or(s);
	if (!(psi > 0 && isfinite(psi)))
		return dsp_ret(p, NAN, DSP_OK);
	double x2sum = 0, dsum = 0, vsum = 0;
	size_t used = 0;
	for (size_t j = 0; j < s->k; j++) {
		double a = s->x1[j], b = s->n1[j] - a, c = s->x2[j], d = s->n2[j] - c;
		if (a + c == 0 || b + d == 0)
			continue;   /* x1 is fixed by the margins: no information */
		double e = bd_delta(a, b, c, d, psi);
		double f[4] = {a - e, b + e, c + e, d - e};
		/* The smallest fitted cell cancels when delta all but empties
		 * it (0 of 2 against 999999999 of 10^9 at an odds ratio of
		 * 10^8: 2 - 2), and a stratum that weighs most against the
		 * common odds ratio looked empty; it is the product of the
		 * other three by f0 f3 = psi f1 f2. */
		int m = 0;
		for (int i = 1; i < 4; i++)
			m = f[i] < f[m] ? i : m;
		f[m] = m == 0 ? psi * f[1] * (f[2] / f[3]) :
		       m == 3 ? psi * f[1] * (f[2] / f[0]) :
		       m == 1 ? f[0] * (f[3] / f[2]) / psi : f[0] * (f[3] / f[1]) / psi;
		double v = 1 / (1 / f[0] + 1 / f[1] + 1 / f[2] + 1 / f[3]);
		if (!(v > 0))
			continue;
		x2sum += e * e / v;
		dsum += e;
		vsum += v;
		used++;
	}
	if (used < 2)
		return dsp_ret(p, NAN, DSP_OK);
	if (tarone)
		x2sum = fmax(x2sum - dsum * dsum / vsum, 0);
	return dsp_ret(p, gsl_cdf_chisq_Q(x2sum, (double)(used - 1)), DSP_OK);
}

int dsp_shomog_bd(const dsp_strata *s, double *p)
{
	return bd(s, 0, p);
}

int dsp_shomog_bd_tarone(const dsp_strata *s, double *p)
{
	return bd(s, 1, p);
}

int dsp_sphomog_bd(const dsp_strata *s, double *p)
{
	if (bad_pt(s))
		return dsp_ret(p, NAN, DSP_EDOM);
	double rr = dsp_mh_ptrr(s), x2sum = 0;
	if (!(rr > 0 && isfinite(rr)))
		return dsp_ret(p, NAN, DSP_OK);
	size_t used = 0;
	for (size_t j = 0; j < s->k; j++) {
		double m = s->x1[j] + s->x2[j];
		if (m == 0)
			continue;
		/* pi = rr n1 / (rr n1 + n2), and 1 - pi without cancellation. */
		double a = rr * s->n1[j], pi = a / (a + s->n2[j]), qi = s->n2[j] / (a + s->n2[j]);
		double e = m * pi, v = m * pi * qi;
		x2sum += (s->x1[j] - e) * (s->x1[j] - e) / v;
		used++;
	}
	if (used < 2)
		return dsp_ret(p, NAN, DSP_OK);
	return dsp_ret(p, gsl_cdf_chisq_Q(x2sum, (double)(used - 1)), DSP_OK);
}

/* ---- the strata's fitted tables ------------------------------------------- */

/* A stratum's table fitted under the null of the score: p1, q1, p2, q2. */
struct fit { double p1, q1, p2, q2; };

/* The larger root of a t^2 - b t + c = 0 (a > 0, real roots), each formed
 * without subtracting nearly equal numbers. */
static double big_root(double a, double b, double c)
{
	double disc = b * b - 4 * a * c, r = sqrt(disc > 0 ? disc : 0);
	if (b >= 0)
		return (b + r) / (2 * a);
	return b - r == 0 ? 0 : 2 * c / (b - r);
}

/*
 * Miettinen and Nurminen's table under p1 = phi p2: p2 the smaller root of
 * N phi p^2 - B p + C = 0, B = n1 phi + x1 + n2 + x2 phi, C = x1 + x2.
 * Where a p is near 1 its complement comes from the equation in q = 1 - p
 * (N phi q^2 - (n1 phi + 2 n2 phi - x1 - n2 - x2 phi) q + (n2 - x2)(phi -
 * 1) = 0 for q2; N q^2 - (n1 (2 - phi) + n2 - x1 - x2 phi) q + (n1 -
 * x1)(1 - phi) = 0 for q1; the larger root each), whose constant term is an
 * exact product.
 */
static struct fit fit_rr(double x1, double n1, double x2, double n2, double phi)
{
	double N = n1 + n2, C = x1 + x2, B = n1 * phi + x1 + n2 + x2 * phi;
	double p2 = C == 0 ? 0 : 2 * C / (B + sqrt(fmax(B * B - 4 * N * phi * C, 0)));
	double p1 = fmin(phi * p2, 1);
	p2 = fmin(p2, 1);
	double q1 = p1 < 0.5 ? 1 - p1 :
		big_root(N, n1 * (2 - phi) + n2 - x1 - x2 * phi, (n1 - x1) * (1 - phi));
	double q2 = p2 < 0.5 ? 1 - p2 :
		big_root(N * phi, n1 * phi + 2 * n2 * phi - x1 - n2 - x2 * phi,
			 (n2 - x2) * (phi - 1));
	return (struct fit){p1, fmin(fmax(q1, 0), 1), p2, fmin(fmax(q2, 0), 1)};
}

/*
 * The table under p1 - p2 = d maximises the likelihood over p2 in [max(0,
 * -d), min(1, 1 - d)], an interval of width w = 1 - |d|.  Writing p2 = lo
 * + w t, each of p1, q1, p2, q2 is a constant (|d| or 0) plus w t or w (1 -
 * t); the root is solved in whichever of t and 1 - t is the smaller, so
 * that the cells near 0 keep their digits.
 */
struct rdfit {
	double x1, b1, x2, b2, w, d;
	int far;   /* the variable is 1 - t */
};

static void rd_cells(const struct rdfit *f, double v, double c[4])
{
	double wt = f->w * (f->far ? 1 - v : v), ws = f->w * (f->far ? v : 1 - v);
	double pos = f->d > 0 ? f->d : 0, neg = f->d < 0 ? -f->d : 0;
	c[0] = pos + wt;   /* p1 */
	c[1] = neg + ws;   /* q1 */
	c[2] = neg + wt;   /* p2 */
	c[3] = pos + ws;   /* q2 */
}

/* The score in p2 (it falls with p2), signed to fall with the variable. */
static double rd_grad(double v, void *vp)
{
	const struct rdfit *f = vp;
	double c[4], g = 0;
	rd_cells(f, v, c);
	if (f->x1 > 0) g += f->x1 / c[0];
	if (f->b1 > 0) g -= f->b1 / c[1];
	if (f->x2 > 0) g += f->x2 / c[2];
	if (f->b2 > 0) g -= f->b2 / c[3];
	return f->far ? -g : g;
}

static struct fit fit_rd(double x1, double n1, double x2, double n2, double d)
{
	struct rdfit f = {x1, n1 - x1, x2, n2 - x2, 1 - fabs(d), d, 0};
	double c[4], v = 0;
	if (f.w > 0) {
		double mid = rd_grad(0.5, &f);
		if (mid == 0) {
			v = 0.5;
		} else {
			f.far = mid > 0;   /* the root is past the middle */
			/* In the variable v in [0, 1/2], the signed score falls;
			 * it is negative at 1/2.  Find a point where it is
			 * positive and finite, or the root is at v = 0. */
			double in = 0.5, out = 0.25;
			while (out > 0 && !(rd_grad(out, &f) > 0))
				in = out, out /= 2;
			if (out > 0 && isfinite(rd_grad(out, &f)))
				v = dsp_root(rd_grad, &f, out, in, 1e-300, 4 * DBL_EPSILON);
			else
				v = out;
			if (isnan(v))
				v = 0;
		}
	}
	rd_cells(&f, v, c);
	for (int i = 0; i < 4; i++)
		c[i] = fmin(fmax(c[i], 0), 1);
	return (struct fit){c[0], c[1], c[2], c[3]};
}

/* ---- stratified scores ---------------------------------------------------- */

/* Each stratum's score, its variance (times N/(N-1)) and third moment at the
 * fitted table, and its fitted cells. */
struct sscore {
	double S, V, mu3;
	struct fit f;
};

enum contrast { RR, RD };

static void stratum_score(const dsp_strata *s, size_t j, enum contrast c,
			  double theta, struct sscore *o)
{
	double x1 = s->x1[j], n1 = s->n1[j], x2 = s->x2[j], n2 = s->n2[j];
	double N = n1 + n2, lambda = N / (N - 1);
	if (c == RR) {
		struct fit f = fit_rr(x1, n1, x2, n2, theta);
		double t3 = theta * theta * theta;
		o->f = f;
		o->S = x1 / n1 - theta * (x2 / n2);
		o->V = (f.p1 * f.q1 / n1 + theta * theta * f.p2 * f.q2 / n2) * lambda;
		o->mu3 = f.p1 * f.q1 * (f.q1 - f.p1) / (n1 * n1) -
			 t3 * f.p2 * f.q2 * (f.q2 - f.p2) / (n2 * n2);
	} else {
		struct fit f = fit_rd(x1, n1, x2, n2, theta);
		o->f = f;
		o->S = dsp_cross_diff(x1, n1, x2, n2) / n1 / n2 - theta;
		o->V = (f.p1 * f.q1 / n1 + f.p2 * f.q2 / n2) * lambda;
		o->mu3 = f.p1 * f.q1 * (f.q1 - f.p1) / (n1 * n1) -
			 f.p2 * f.q2 * (f.q2 - f.p2) / (n2 * n2);
	}
}

/*
 * Miettinen and Nurminen's weights at theta, a fixed point: for the ratio
 * w_j = 1 / (r / n1 + theta / n2) with r = q1~ / q2~, for the difference
 * w_j = 1 / (r / n1 + 1 / n2) with r = p1~ q1~ / (p2~ q2~), where x~ is the
 * w-weighted mean of the strata's fitted x.  The weights are a function of
 * the one number r, so the fixed point is that of r = F(r), found by the
 * secant method from r = 1 (MN's starting weights), falling back on plain
 * iteration where a secant step leaves (0, inf).  Where F is 0 or inf (a
 * fitted mean of 0) the weights are their limits, n2 or n1; where both
 * means vanish, n1 n2 / N.
 */
static void weights_at(const dsp_strata *s, enum contrast c, double theta, double r,
		       double *w)
{
	for (size_t j = 0; j < s->k; j++)
		w[j] = 1 / (r / s->n1[j] + (c == RR ? theta : 1) / s->n2[j]);
}

/* F(r): num / den of the weighted fitted means at the weights of r. */
static void mn_F(const dsp_strata *s, const struct sscore *sc, enum contrast c,
		 double theta, double r, double *w, double *num, double *den)
{
	double W = 0, P1 = 0, Q1 = 0, P2 = 0, Q2 = 0;
	weights_at(s, c, theta, r, w);
	for (size_t j = 0; j < s->k; j++) {
		W += w[j];
		P1 += w[j] * sc[j].f.p1;
		Q1 += w[j] * sc[j].f.q1;
		P2 += w[j] * sc[j].f.p2;
		Q2 += w[j] * sc[j].f.q2;
	}
	if (c == RR) {
		*num = Q1 / W, *den = Q2 / W;
	} else {
		*num = (P1 / W) * (Q1 / W), *den = (P2 / W) * (Q2 / W);
	}
}

static void mn_weights(const dsp_strata *s, const struct sscore *sc, enum contrast c,
		       double theta, double *w)
{
	double num, den, r0 = 1, r1, g0, g1;
	mn_F(s, sc, c, theta, r0, w, &num, &den);
	if (num == 0 || den == 0 || !isfinite(num / den)) {
		for (size_t j = 0; j < s->k; j++)
			w[j] = num == 0 && den == 0 ? s->n1[j] * (s->n2[j] / (s->n1[j] + s->n2[j])) :
			       den == 0 ? s->n1[j] : s->n2[j];
		return;
	}
	r1 = num / den;
	g0 = r1 - r0;
	for (int it = 0; it < 200; it++) {
		mn_F(s, sc, c, theta, r1, w, &num, &den);
		double f = num / den;
		if (!(f > 0 && isfinite(f)))
			break;   /* the weights of r1 stand */
		g1 = f - r1;
		if (g1 == 0 || fabs(g1) <= 2 * DBL_EPSILON * r1)
			break;
		double r2 = g1 != g0 ? r1 - g1 * (r1 - r0) / (g1 - g0) : f;
		if (!(r2 > 0 && isfinite(r2)))
			r2 = f;
		r0 = r1, g0 = g1, r1 = r2;
	}
	weights_at(s, c, theta, r1, w);
}

/*
 * The stratified score at theta: s = sum w S / sqrt(sum w^2 V), with MN's
 * weights (mn), or with n1 n2 / N and Laud's skewness correction (scas):
 * with A = sum w^3 mu3 / (6 (sum w^2 V)^(3/2)) the corrected score is the
 * root near s of A c^2 + c - (s + A) = 0, c = 2 (s + A) / (1 + sqrt(1 + 4
 * A (s + A))) (ratesci's; at its bounds c = -/+z, Laud's s - (z^2 - 1) A =
 * -/+z).  Where that root is not real no level accepts theta (see
 * scas_test): then +-inf, signed as s + A.  Weights enter relative to
 * their sum.  0 where the sum of the scores and its variance are both 0.
 */
static double sstat(const dsp_strata *s, enum contrast c, int skew, double theta)
{
	struct sscore stack[16] = {0}, *sc = s->k <= 16 ? stack : malloc(s->k * sizeof *sc);
	double wstack[16], *w = s->k <= 16 ? wstack : malloc(s->k * sizeof *w);
	if (!sc || !w) {
		if (sc != stack) free(sc);
		if (w != wstack) free(w);
		return NAN;
	}
	for (size_t j = 0; j < s->k; j++)
		stratum_score(s, j, c, theta, &sc[j]);
	if (skew)
		for (size_t j = 0; j < s->k; j++)
			w[j] = s->n1[j] * (s->n2[j] / (s->n1[j] + s->n2[j]));
	else
		mn_weights(s, sc, c, theta, w);
	double W = 0, num = 0, var = 0, m3 = 0;
	for (size_t j = 0; j < s->k; j++)
		W += w[j];
	for (size_t j = 0; j < s->k; j++) {
		double u = w[j] / W;
		num += u * sc[j].S;
		var += u * u * sc[j].V;
		m3 += u * u * u * sc[j].mu3;
	}
	if (sc != stack) free(sc);
	if (w != wstack) free(w);
	if (var == 0)
		return num == 0 ? 0 : num > 0 ? INFINITY : -INFINITY;
	double t = num / sqrt(var);
	if (!skew || m3 == 0)
		return t;
	double A = m3 / (6 * var * sqrt(var)), d = 1 + 4 * A * (t + A);
	if (d < 0)
		return t + A > 0 ? INFINITY : -INFINITY;
	return 2 * (t + A) / (1 + sqrt(d));
}

double dsp_srr_mn_stat(const dsp_strata *s, double phi)
{
	return bad_strata(s) || !(phi > 0) ? NAN : sstat(s, RR, 0, phi);
}

double dsp_srr_scas_stat(const dsp_strata *s, double phi)
{
	return bad_strata(s) || !(phi > 0) ? NAN : sstat(s, RR, 1, phi);
}

double dsp_srd_mn_stat(const dsp_strata *s, double d)
{
	return bad_strata(s) || !(d > -1 && d < 1) ? NAN : sstat(s, RD, 0, d);
}

double dsp_srd_scas_stat(const dsp_strata *s, double d)
{
	return bad_strata(s) || !(d > -1 && d < 1) ? NAN : sstat(s, RD, 1, d);
}

/* ---- score intervals -------------------------------------------------------- */

struct hull {
	const dsp_strata *s;
	enum contrast c;
	int skew;
	double z, umax;   /* the level's normal quantile; the grid's reach */
};

static double theta_of(const struct hull *h, double u)
{
	return h->c == RR ? exp(u) : tanh(u);
}

static double hstat(const struct hull *h, double u)
{
	return sstat(h->s, h->c, h->skew, theta_of(h, u));
}

static int accepts(const struct hull *h, double u)
{
	return fabs(hstat(h, u)) <= h->z;
}

static double crossing(const struct hull *h, double a, double b, double va);

/*
 * An accepted point to start the hull from: u0 if it is accepted, else
 * the first accepted point walking from u0 the way the score points (a
 * positive score means theta is too small), by doubling steps; where a
 * step passes the score's sign change without landing on an accepted
 * point (a narrow interval), crossing() finds one.  NaN when there is
 * none within the reach.
 */
static double hull_start(const struct hull *h, double u0)
{
	double v0 = hstat(h, u0);
	if (fabs(v0) <= h->z)
		return u0;
	if (isnan(v0))
		return NAN;
	int dir = v0 > 0 ? 1 : -1;
	double in = u0, vin = v0, step = 1.0 / 64;
	for (;;) {
		double u = in + dir * step;
		if (fabs(u - u0) > h->umax || (h->c == RD && fabs(u) > 18.5))
			return NAN;
		double v = hstat(h, u);
		if (fabs(v) <= h->z)
			return u;
		if (isnan(v))
			return NAN;
		if ((v > 0) != (v0 > 0))   /* between in and u */
			return dir > 0 ? crossing(h, in, u, vin) : crossing(h, u, in, v);
		in = u, vin = v;
		step *= 2;
	}
}

/*
 * The outermost accepted theta on side dir, as disp-rate's scas: a grid
 * from u0 (hull_start's point, in the hull) in steps of 1/64 growing by an
 * eighth, to umax from u0 (the
 * skewness term can make the accepted set other than an interval: its
 * hull is taken); the end is bisected between the outermost accepted grid
 * point and the next one out.  Nothing accepted on side dir: the accepted
 * point nearest u0 on the other side.  Accepted to the grid's end: the
 * end of the parameter's range (0 or inf, -1 or 1).
 */
/*
 * Where the score changes sign between a and b (va the score at a): a
 * continuous score is 0 there, accepted at any level, however narrow the
 * accepted values around it.  Bisection on the sign to adjacent doubles:
 * the accepted end, else, where the score steps across 0 by less than 1
 * (a standard normal deviate) between two adjacent doubles, the end
 * nearer 0: at a level as low as 10^-6 (z = 1.25e-6) a steep or stepping
 * score can skip every accepted value, and the interval is then that
 * point, which every higher level's interval holds, rather than none; NaN
 * where the score jumps through +-inf (the corrected score, where it is
 * not real).
 */
static double crossing(const struct hull *h, double a, double b, double va)
{
	double vb = NAN;
	for (int i = 0; i < 2100; i++) {
		double m = a + (b - a) / 2;
		if (m == a || m == b)
			break;
		double vm = hstat(h, m);
		if (isnan(vm))
			return NAN;
		if ((vm > 0) == (va > 0))
			a = m, va = vm;
		else
			b = m, vb = vm;
	}
	if (fabs(va) <= h->z)
		return a;
	if (fabs(vb) <= h->z)
		return b;
	if (fabs(va) < 1 && fabs(vb) < 1)
		return fabs(va) <= fabs(vb) ? a : b;
	return NAN;
}

static double hull_end(const struct hull *h, double u0, int dir, double edge)
{
	double in = NAN, out = NAN, step = 1.0 / 64, u, pu = NAN, pv = NAN;
	for (u = u0; fabs(u - u0) < h->umax; u += dir * step, step *= 1.125) {
		if (h->c == RD && fabs(u) > 18.5)
			break;
		double v = hstat(h, u);
		/* u0 is hull_start's: accepted, or a crossing (see there). */
		if (fabs(v) <= h->z || u == u0) {
			in = u, out = NAN;
		} else {
			/* The score crossed 0 since the last point: accepted
			 * values there, which the grid can step over (beside
			 * strata with no events or all events, 10^-6 wide in
			 * d), and then the interval at one level missed what
			 * it held at a lower one. */
			double c = !isnan(pv) && (v > 0) != (pv > 0) ?
				   crossing(h, pu, u, pv) : NAN;
			if (!isnan(c))
				in = c, out = u;
			else if (isnan(out))
				out = u;
		}
		pu = u, pv = v;
	}
	if (isnan(in))
		for (u = u0 - dir / 64.0, step = 1.0 / 64; fabs(u - u0) < h->umax;
		     out = u, u -= dir * (step *= 1.125)) {
			if (h->c == RD && fabs(u) > 18.5)
				break;
			if (accepts(h, u)) {
				in = u;
				break;
			}
		}
	if (isnan(in))
		return NAN;
	if (isnan(out))
		return edge;
	for (;;) {
		double c = in + (out - in) / 2;
		if (c == in || c == out)
			break;
		if (accepts(h, c)) in = c; else out = c;
	}
	return theta_of(h, in + (out - in) / 2);
}

/*
 * The null (ratio 1, difference 0) into the hull when its statistic
 * accepts it, so that the interval holds it exactly when its test (the
 * same statistic there) does not reject.  The grid can miss it: where
 * strata with all events (or none) vanish from the score at the null
 * alone, the accepted values around it can be narrower than the doubles
 * near 1, an accepted point that no step lands on (1 of 1 against 0 of
 * 999999999 beside strata of 999999999 of 999999999 both).
 */
static void null_in_hull(const struct hull *h, double null, double *lo, double *hi)
{
	if ((*lo > null || *hi < null) && accepts(h, 0)) {
		*lo = fmin(*lo, null);
		*hi = fmax(*hi, null);
	}
}

static double sum_of(const double *v, size_t k)
{
	double t = 0;
	for (size_t j = 0; j < k; j++)
		t += v[j];
	return t;
}

static int all_full(const dsp_strata *s)
{
	for (size_t j = 0; j < s->k; j++)
		if (s->x1[j] != s->n1[j] || s->x2[j] != s->n2[j])
			return 0;
	return 1;
}

static int srr_score(const dsp_strata *s, double level, int skew, double *lo, double *hi)
{
	if (bad_strata(s) || bad_level(level))
		return DSP_EDOM;
	/* All events in every stratum: the fitted variance is 0 at phi = 1 and
	 * the skewness term has no limit there; MN's interval stands in (as
	 * disp-rate's scas). */
	if (skew && all_full(s))
		skew = 0;
	double e1 = sum_of(s->x1, s->k), e2 = sum_of(s->x2, s->k);
	*lo = 0;
	*hi = INFINITY;
	if (e1 == 0 && e2 == 0)
		return DSP_OK;
	/* Start from the MH estimate, or, at a zero, from one with 1/2 added. */
	double R = 0, S = 0;
	for (size_t j = 0; j < s->k; j++) {
		double N = s->n1[j] + s->n2[j] + 1;
		R += (s->x1[j] + 0.5) * ((s->n2[j] + 0.5) / N);
		S += (s->x2[j] + 0.5) * ((s->n1[j] + 0.5) / N);
	}
	double mh = dsp_mh_rr(s), u0 = mh > 0 && isfinite(mh) ? log(mh) : log(R / S);
	struct hull h = {s, RR, skew, dsp_z(level), 128};
	u0 = hull_start(&h, u0);
	if (isnan(u0))
		return DSP_ENOCONV;
	if (e1 > 0)
		*lo = hull_end(&h, u0, -1, 0);
	if (e2 > 0)
		*hi = hull_end(&h, u0, +1, INFINITY);
	if (isnan(*lo) || isnan(*hi))
		return DSP_ENOCONV;
	null_in_hull(&h, 1, lo, hi);
	return DSP_OK;
}

int dsp_srr_mn(const dsp_strata *s, double level, double *lo, double *hi)
{
	return srr_score(s, level, 0, lo, hi);
}

int dsp_srr_scas(const dsp_strata *s, double level, double *lo, double *hi)
{
	return srr_score(s, level, 1, lo, hi);
}

static int srd_score(const dsp_strata *s, double level, int skew, double *lo, double *hi)
{
	if (bad_strata(s) || bad_level(level))
		return DSP_EDOM;
	if (skew && all_full(s))
		skew = 0;
	int none1 = 1, full2 = 1, full1 = 1, none2 = 1;
	for (size_t j = 0; j < s->k; j++) {
		none1 &= s->x1[j] == 0;
		none2 &= s->x2[j] == 0;
		full1 &= s->x1[j] == s->n1[j];
		full2 &= s->x2[j] == s->n2[j];
	}
	double mh = dsp_mh_rd(s), D = 0, W = 0;
	for (size_t j = 0; j < s->k; j++) {
		double N = s->n1[j] + s->n2[j];
		double n1 = s->n1[j] + 1, n2 = s->n2[j] + 1;
		D += ((s->x1[j] + 0.5) / n1 - (s->x2[j] + 0.5) / n2) * (n1 * (n2 / N));
		W += n1 * (n2 / N);
	}
	double u0 = fabs(mh) < 1 ? atanh(mh) : atanh(D / W);
	struct hull h = {s, RD, skew, dsp_z(level), 40};
	u0 = hull_start(&h, u0);
	if (isnan(u0))
		return DSP_ENOCONV;
	*lo = none1 && full2 ? -1 : clip1(hull_end(&h, u0, -1, -1));
	*hi = full1 && none2 ? 1 : clip1(hull_end(&h, u0, +1, 1));
	if (isnan(*lo) || isnan(*hi))
		return DSP_ENOCONV;
	null_in_hull(&h, 0, lo, hi);
	return DSP_OK;
}

int dsp_srd_mn(const dsp_strata *s, double level, double *lo, double *hi)
{
	return srd_score(s, level, 0, lo, hi);
}

int dsp_srd_scas(const dsp_strata *s, double level, double *lo, double *hi)
{
	return srd_score(s, level, 1, lo, hi);
}

/*
 * The tests SCAS inverts.  At the null every stratum's fitted table is its
 * pooled rate, so with s = the uncorrected score and A = sum w^3 mu3 / (6
 * V^(3/2)), 1 (or 0) is in the interval at level z exactly when s - A (z^2
 * - 1) lies in [-z, z]; its ends in z are the roots of A c^2 + c - (s + A)
 * = 0, the corrected score is the root near s, c = 2 (s + A) / (1 + sqrt(1
 * + 4 A (s + A))), and p = 2 Phi(-|c|).  With no real root every interval
 * excludes the null: p = 0.
 */
/* Two-sided (greater 0), or the one-sided p of "greater" (1). */
static int scas_test(const dsp_strata *s, enum contrast c, int greater, double *p)
{
	if (bad_strata(s))
		return dsp_ret(p, NAN, DSP_EDOM);
	if (all_full(s))   /* the interval is MN's */
		return greater ? dsp_stest_cmh_greater(s, p) : dsp_stest_cmh(s, p);
	double theta = c == RR ? 1 : 0, W = 0, num = 0, var = 0, m3 = 0;
	struct sscore sc;
	for (size_t j = 0; j < s->k; j++)
		W += s->n1[j] * (s->n2[j] / (s->n1[j] + s->n2[j]));
	for (size_t j = 0; j < s->k; j++) {
		double u = s->n1[j] * (s->n2[j] / (s->n1[j] + s->n2[j])) / W;
		stratum_score(s, j, c, theta, &sc);
		num += u * sc.S;
		var += u * u * sc.V;
		m3 += u * u * u * sc.mu3;
	}
	if (var == 0)
		return dsp_ret(p, num == 0 ? 1 : greater ? num < 0 : 0, DSP_OK);
	double t = num / sqrt(var), A = m3 / (6 * var * sqrt(var));
	double d = 1 + 4 * A * (t + A);
	if (d < 0)
		return dsp_ret(p, greater ? t < 0 : 0, DSP_OK);
	double cc = 2 * (t + A) / (1 + sqrt(d));
	return dsp_ret(p, greater ? gsl_cdf_ugaussian_Q(cc) : 2 * gsl_cdf_ugaussian_Q(fabs(cc)),
		       DSP_OK);
}

int dsp_stest_scas_rr(const dsp_strata *s, double *p)
{
	return scas_test(s, RR, 0, p);
}

int dsp_stest_scas_rd(const dsp_strata *s, double *p)
{
	return scas_test(s, RD, 0, p);
}

/* ---- exact conditional distributions ---------------------------------------- */

/*
 * The law of the sum of the strata's x1 given their margins: a convolution
 * of each stratum's conditional law (noncentral hypergeometric at odds
 * ratio e^lpsi, or binomial for person-time), each cut where it falls
 * below e^-740 of its largest term, where a double's terms would underflow
 * anyway.  Terms are kept in doubles scaled to a largest of 1; the result
 * is in logs, ld[i] the log density of lo + i up to a common constant.
 */
struct cdist {
	double lo, full_lo, full_hi;  /* the kept support starts at lo; the
				       * whole support */
	size_t n;
	double *ld;
};

#define CUT 740.0

/* One stratum's law: its log density at k, support and mode. */
struct claw {
	dsp_nch nch;          /* odds ratio */
	double m, p, q;       /* person-time: Binomial(m, p) */
	int pt;
	double lo, hi, mode;
};

static double claw_ld(const struct claw *c, double k)
{
	if (c->pt)
		return dsp_ldbinom(k, c->m, c->p, c->q);
	return dsp_nch_ld(&c->nch, k);
}

static struct claw claw_make(const dsp_strata *s, size_t j, int pt, double lpsi)
{
	struct claw c = {0};
	c.pt = pt;
	if (pt) {
		double T = s->n1[j] + s->n2[j];
		c.m = s->x1[j] + s->x2[j];
		c.p = s->n1[j] / T;
		c.q = s->n2[j] / T;
		c.lo = 0;
		c.hi = c.m;
		c.mode = fmin(floor((c.m + 1) * c.p), c.m);
	} else {
		c.nch = dsp_nch_make(s->x1[j], s->n1[j], s->x2[j], s->n2[j], lpsi);
		c.lo = c.nch.lo;
		c.hi = c.nch.hi;
		c.mode = c.nch.mode;
	}
	return c;
}

/* The kept range [a, b] of a stratum's law: from the mode out to where its
 * log density is CUT below the mode's.  The density is unimodal. */
static void claw_range(const struct claw *c, double *a, double *b)
{
	double top = claw_ld(c, c->mode), k;
	/* Gallop out, then bisect, so that a range of 10^6 costs 40 terms. */
	for (int dir = -1; dir <= 1; dir += 2) {
		double end = dir < 0 ? c->lo : c->hi, in = c->mode, step = 1;
		for (;;) {
			k = in + dir * step;
			if (dir < 0 ? k <= end : k >= end) {
				k = end;
				if (claw_ld(c, k) >= top - CUT)
					in = k;
				break;
			}
			if (claw_ld(c, k) < top - CUT)
				break;
			in = k;
			step *= 2;
		}
		double out = k;
		while (fabs(out - in) > 1) {
			double mid = in + floor((out - in) / 2);
			if (claw_ld(c, mid) >= top - CUT) in = mid; else out = mid;
		}
		if (dir < 0) *a = in; else *b = in;
	}
}

static void cdist_free(struct cdist *d)
{
	free(d->ld);
	d->ld = NULL;
}

/*
 * Whether the exact law of the strata is within the limit: the work of the
 * convolution, the sum over strata of (the length so far) x (the
 * stratum's), with each stratum's law taken as 80 of its standard
 * deviations at odds ratio 1 (or its support, if shorter), where it is
 * kept (CUT); and the length of the result.  Decided on the margins alone,
 * so that the test and both bounds of the interval agree on it.
 */
static int cdist_feasible(const dsp_strata *s, int pt)
{
	double len = 1, work = 0;
	for (size_t j = 0; j < s->k; j++) {
		double n1 = s->n1[j], n2 = s->n2[j], m = s->x1[j] + s->x2[j], N = n1 + n2;
		double supp, var;
		if (pt) {
			supp = m + 1;
			var = m * (n1 / N) * (n2 / N);
		} else {
			supp = fmin(n1, m) - fmax(0, m - n2) + 1;
			var = N > 1 ? n1 * (n2 / N) * (m / N) * ((N - m) / (N - 1)) : 0;
		}
		double l = fmin(supp, ceil(80 * sqrt(var)) + 3);
		if (supp <= 1)
			continue;
		work += len * l;
		len += l - 1;
		if (work > DSP_STRATA_EXACT_MAX || len > DSP_STRATA_EXACT_LEN)
			return 0;
	}
	return 1;
}

/*
 * The part of p (unimodal, largest term 1 at index top) at or above 2^-q,
 * for q = 0 .. 1022: [from[q], to[q]].  A row of the convolution scaled by
 * c >= 2^-e needs only the terms of p at or above 2^(e - 1022): below them
 * every product is subnormal (< DBL_MIN, where the sum's largest term is
 * at least 1), costly to compute and too small to matter.
 */
#define NQ 1023
static void above(const double *p, size_t l, size_t top, size_t *from, size_t *to)
{
	size_t lo = top, hi = top;
	for (int q = 0; q < NQ; q++) {
		double th = ldexp(1, -q);
		while (lo > 0 && p[lo - 1] >= th)
			lo--;
		while (hi + 1 < l && p[hi + 1] >= th)
			hi++;
		from[q] = lo, to[q] = hi;
	}
}

/* o += c p over l terms: the convolution's inner loop, unrolled by four
 * so that the compiler pairs the terms into vector operations (restrict:
 * o and p never overlap). */
static void axpy(double *restrict o, double c, const double *restrict p, size_t l)
{
	size_t t = 0;
	for (; t + 4 <= l; t += 4) {
		o[t] += c * p[t];
		o[t + 1] += c * p[t + 1];
		o[t + 2] += c * p[t + 2];
		o[t + 3] += c * p[t + 3];
	}
	for (; t < l; t++)
		o[t] += c * p[t];
}

/* The distribution of the sum at log odds ratio lpsi (ignored for
 * person-time); DSP_ERANGE past the limit, DSP_ENOMEM. */
static int cdist_build(const dsp_strata *s, int pt, double lpsi, struct cdist *out)
{
	size_t k = s->k;
	*out = (struct cdist){0, 0, 0, 0, NULL};
	if (!cdist_feasible(s, pt))
		return DSP_ERANGE;
	struct claw *law = malloc(k * sizeof *law);
	double *a = malloc(k * sizeof *a), *b = malloc(k * sizeof *b);
	int rc = DSP_OK;
	if (!law || !a || !b) {
		rc = DSP_ENOMEM;
		goto done;
	}
	double len = 1;
	for (size_t j = 0; j < k; j++) {
		law[j] = claw_make(s, j, pt, lpsi);
		out->full_lo += law[j].lo;
		out->full_hi += law[j].hi;
		if (law[j].hi == law[j].lo) {
			a[j] = b[j] = law[j].lo;
			continue;
		}
		claw_range(&law[j], &a[j], &b[j]);
		len += b[j] - a[j];
		if (len > 4 * DSP_STRATA_EXACT_LEN) {   /* a law far wider than at 1 */
			rc = DSP_ERANGE;
			goto done;
		}
	}
	size_t n = (size_t)len, from[NQ], to[NQ];
	double *cur = calloc(n, sizeof *cur), *nxt = calloc(n, sizeof *nxt);
	double *pm = NULL;
	if (!cur || !nxt) {
		free(cur), free(nxt);
		rc = DSP_ENOMEM;
		goto done;
	}
	cur[0] = 1;
	size_t used = 1;
	for (size_t j = 0; j < k; j++) {
		out->lo += a[j];
		if (b[j] == a[j])
			continue;
		size_t l = (size_t)(b[j] - a[j]) + 1;
		double top = claw_ld(&law[j], law[j].mode);
		double *np = realloc(pm, l * sizeof *pm);
		if (!np) {
			free(cur), free(nxt), free(pm);
			rc = DSP_ENOMEM;
			goto done;
		}
		pm = np;
		for (size_t i = 0; i < l; i++)
			pm[i] = exp(claw_ld(&law[j], a[j] + (double)i) - top);
		above(pm, l, (size_t)(law[j].mode - a[j]), from, to);
		size_t nu = used + l - 1;
		double mx = 0;
		for (size_t t = 0; t < nu; t++)
			nxt[t] = 0;
		for (size_t i = 0; i < used; i++) {
			if (cur[i] == 0)
				continue;
			/* cur[i] in [2^e, 2^(e+1)), e <= 0: the terms of pm >= 2^(-1022 - e),
			 * whose products with it are normal (above()). */
			int q = NQ - 1 + ilogb(cur[i]);
			if (q < 0)
				continue;
			q = q < NQ ? q : NQ - 1;
			size_t f = from[q];
			axpy(nxt + i + f, cur[i], pm + f, to[q] - f + 1);
		}
		for (size_t t = 0; t < nu; t++)
			mx = nxt[t] > mx ? nxt[t] : mx;
		for (size_t t = 0; t < nu; t++) {   /* no subnormals (above) */
			double v = nxt[t] / mx;
			cur[t] = v >= DBL_MIN ? v : 0;
		}
		used = nu;
	}
	free(nxt), free(pm);
	for (size_t t = 0; t < used; t++)
		cur[t] = log(cur[t]);   /* -inf where a term underflowed */
	out->n = used;
	out->ld = cur;
done:
	free(law), free(a), free(b);
	return rc;
}

/* The log of P(sum >= x) (dir > 0) or P(sum <= x) (dir < 0) when the law
 * of d is tilted by e^(dl k): log sum over the tail / sum over all. */
static double cdist_ltail(const struct cdist *d, double dl, double x, int dir)
{
	double mx = -INFINITY;
	for (size_t i = 0; i < d->n; i++) {
		double v = d->ld[i] + dl * (d->lo + (double)i);
		mx = v > mx ? v : mx;
	}
	double all = 0, tail = 0;
	for (size_t i = 0; i < d->n; i++) {
		double k = d->lo + (double)i, t = exp(d->ld[i] + dl * k - mx);
		all += t;
		if (dir > 0 ? k >= x : k <= x)
			tail += t;
	}
	return log(tail) - log(all);
}

/* Two-sided by minimum likelihood at the law as built. */
static double cdist_p(const struct cdist *d, double x)
{
	if (x < d->lo || x > d->lo + (double)(d->n - 1))
		return 0;   /* beyond the kept range: below 1e-300 */
	double ds = exp(d->ld[(size_t)(x - d->lo)]) * (1 + 1e-7), all = 0, p = 0;
	for (size_t i = 0; i < d->n; i++) {
		double t = exp(d->ld[i]);
		all += t;
		if (t <= ds)
			p += t;
	}
	return fmin(p / all, 1);
}

int dsp_stest_exact(const dsp_strata *s, double *p)
{
	if (bad_strata(s))
		return dsp_ret(p, NAN, DSP_EDOM);
	struct cdist d;
	int rc = cdist_build(s, 0, 0, &d);
	if (rc)
		return dsp_ret(p, NAN, rc);
	double v = cdist_p(&d, sum_of(s->x1, s->k));
	cdist_free(&d);
	return dsp_ret(p, v, DSP_OK);
}

int dsp_sptest_exact(const dsp_strata *s, double *p)
{
	if (bad_pt(s))
		return dsp_ret(p, NAN, DSP_EDOM);
	struct cdist d;
	int rc = cdist_build(s, 1, 0, &d);
	if (rc)
		return dsp_ret(p, NAN, rc);
	double v = cdist_p(&d, sum_of(s->x1, s->k));
	cdist_free(&d);
	return dsp_ret(p, v, DSP_OK);
}

struct tailroot {
	const struct cdist *d;
	double l0, x, target;
	int dir;
};

static double tail_minus(double l, void *vp)
{
	const struct tailroot *t = vp;
	/* A tail that underflows to 0 is -inf in logs: finite for Brent. */
	return fmax(cdist_ltail(t->d, l - t->l0, t->x, t->dir), -DBL_MAX) - t->target;
}

/*
 * Where the law built at l puts the observed sum x: -1 below the part
 * within e^-(CUT/2) of its mode, +1 above it (the mode is beyond x), 0
 * inside; 2 when the law cannot be built (*rc says why).
 */
static int sum_side(const dsp_strata *s, double x, double l, int *rc)
{
	struct cdist d;
	if ((*rc = cdist_build(s, 0, l, &d)))
		return 2;
	size_t mode = 0;
	for (size_t i = 1; i < d.n; i++)
		mode = d.ld[i] > d.ld[mode] ? i : mode;
	int side = 0;
	if (!(x >= d.lo && x <= d.lo + (double)(d.n - 1)) ||
	    !(d.ld[(size_t)(x - d.lo)] >= d.ld[mode] - CUT / 2))
		side = x < d.lo + (double)mode ? -1 : 1;
	cdist_free(&d);
	return side;
}

/*
 * A log odds ratio at which the law of the sum holds x well inside what
 * it keeps, from l: the tilts of exact_bound reach the bound from there.
 * Far from it (a start beside a stratum of 10^9), x can lie where the law
 * built at l keeps nothing, and no tilt of it brackets the bound.  The
 * mode rises with the odds ratio: gallop towards x, then bisect.
 */
static int centre_on(const dsp_strata *s, double x, double *l)
{
	int rc, side = sum_side(s, x, *l, &rc);
	if (side == 2)
		return rc;
	if (side == 0)
		return DSP_OK;
	/* side -1: the law lies above x, so the odds ratio must fall. */
	double in = *l, out = *l, step = 1;
	for (int i = 0; i < 64; i++) {
		out = in + side * step;
		int t = sum_side(s, x, out, &rc);
		if (t == 2)
			return rc;
		if (t == 0) {
			*l = out;
			return DSP_OK;
		}
		if (t != side)
			break;
		in = out, step *= 2;
	}
	for (int i = 0; i < 200 && fabs(out - in) > 1e-9 * fmax(1, fabs(in)); i++) {
		double mid = (in + out) / 2;
		int t = sum_side(s, x, mid, &rc);
		if (t == 2)
			return rc;
		if (t == 0) {
			*l = mid;
			return DSP_OK;
		}
		if (t == side)
			in = mid;
		else
			out = mid;
	}
	return DSP_ENOCONV;
}

/*
 * The bound on side dir (-1 lower: P(sum >= x) = alpha/2; +1 upper: P(sum
 * <= x) = alpha/2), in log odds ratio, searched from l (first moved, by
 * centre_on, to where the law holds x).  The law is built
 * at the point searched from and rebuilt at the root found until the root
 * stays put, so that the terms near the observed sum, which decide the
 * bound, are never the ones cut off.
 */
static int exact_bound(const dsp_strata *s, double x, double alpha, int dir,
		       double l, double *out)
{
	int rc0 = centre_on(s, x, &l);
	if (rc0)
		return rc0;
	for (int pass = 0; pass < 8; pass++) {
		struct cdist d;
		int rc = cdist_build(s, 0, l, &d);
		if (rc)
			return rc;
		struct tailroot t = {&d, l, x, log(alpha / 2), dir < 0 ? 1 : -1};
		/* The tail grows with the odds ratio for dir < 0 and falls for
		 * dir > 0: bracket the root by doubling steps from l. */
		double a = l, b = l, fa = tail_minus(a, &t), step = 0.5;
		int up = (dir < 0) == (fa < 0);   /* which way the root lies */
		double fb = fa;
		for (int i = 0; i < 200 && (fb < 0) == (fa < 0); i++) {
			a = b, fa = fb;
			b += up ? step : -step;
			step *= 2;
			fb = tail_minus(b, &t);
			if (isnan(fb))
				break;
		}
		double r = NAN;
		if ((fb < 0) != (fa < 0) && !isnan(fb))
			r = dsp_root(tail_minus, &t, fmin(a, b), fmax(a, b), 1e-300,
				     4 * DBL_EPSILON);
		cdist_free(&d);
		if (isnan(r))
			return DSP_ENOCONV;
		int still = fabs(r - l) <= 1e-13 * fmax(1, fabs(r));
		l = r;
		if (still)
			break;
	}
	*out = l;
	return DSP_OK;
}

int dsp_sor_exact(const dsp_strata *s, double level, double *lo, double *hi)
{
	if (bad_strata(s) || bad_level(level))
		return DSP_EDOM;
	double x = sum_of(s->x1, s->k), flo = 0, fhi = 0;
	for (size_t j = 0; j < s->k; j++) {
		double m = s->x1[j] + s->x2[j];
		flo += fmax(0, m - s->n2[j]);
		fhi += fmin(s->n1[j], m);
	}
	*lo = 0;
	*hi = INFINITY;
	if (flo == fhi)
		return DSP_OK;   /* every table fixed by its margins */
	/* Start from Gart's MH estimate (1/2 added to every cell) over the
	 * strata not fixed by their margins.  A fixed one (no events, or
	 * only events) is a constant of the conditional law, but its halves
	 * would pull the start towards 1: beside a stratum of 10^9 far
	 * enough that the observed sum lies outside the law kept there, and
	 * no root is bracketed (0 of 10^9 against 10^9 - 2 of 10^9, with a
	 * stratum of 0 of 1 against 0 of 1). */
	double R = 0, S = 0;
	for (size_t j = 0; j < s->k; j++) {
		double m = s->x1[j] + s->x2[j];
		if (fmax(0, m - s->n2[j]) == fmin(s->n1[j], m))
			continue;
		double N = s->n1[j] + s->n2[j] + 2;
		R += (s->x1[j] + 0.5) * ((s->n2[j] - s->x2[j] + 0.5) / N);
		S += (s->x2[j] + 0.5) * ((s->n1[j] - s->x1[j] + 0.5) / N);
	}
	double l0 = log(R / S), alpha = 1 - level, l;
	int rc;
	if (x > flo) {
		if ((rc = exact_bound(s, x, alpha, -1, l0, &l)))
			return rc;
		*lo = exp(l);
	}
	if (x < fhi) {
		if ((rc = exact_bound(s, x, alpha, +1, l0, &l)))
			return rc;
		*hi = exp(l);
	}
	return DSP_OK;
}

/*
 * One-sided tests of "greater": group 1's rate above group 2's across the
 * strata ("less" swaps the groups).  CMH: the upper normal tail of sum(x1 -
 * E)/sqrt(sum V), with the correction as R's mantelhaen.test(alternative,
 * correct = TRUE) (|sum(x1 - E)| less 1/2 when it is at least 1/2, the sign
 * kept); p = 1 when the variance is 0, as two-sided.  The exact test: the
 * upper tail P(sum >= observed) of the conditional law.  SCAS: the upper
 * normal tail of the corrected score at the null.  Person-time alike.
 */
static int cmh_greater(const dsp_strata *s, int cc, double *p)
{
	if (bad_strata(s))
		return dsp_ret(p, NAN, DSP_EDOM);
	double d, v;
	cmh_parts(s, &d, &v);
	if (v == 0)
		return dsp_ret(p, 1, DSP_OK);
	double a = fabs(d);
	if (cc)
		a = a >= 0.5 ? a - 0.5 : a;
	return dsp_ret(p, gsl_cdf_ugaussian_Q(copysign(a, d) / sqrt(v)), DSP_OK);
}

int dsp_stest_cmh_greater(const dsp_strata *s, double *p)
{
	return cmh_greater(s, 0, p);
}

int dsp_stest_cmh_cc_greater(const dsp_strata *s, double *p)
{
	return cmh_greater(s, 1, p);
}

int dsp_stest_scas_rr_greater(const dsp_strata *s, double *p)
{
	return scas_test(s, RR, 1, p);
}

int dsp_stest_scas_rd_greater(const dsp_strata *s, double *p)
{
	return scas_test(s, RD, 1, p);
}

int dsp_sptest_mh_greater(const dsp_strata *s, double *p)
{
	if (bad_pt(s))
		return dsp_ret(p, NAN, DSP_EDOM);
	double d = 0, v = 0;
	for (size_t j = 0; j < s->k; j++) {
		double x1 = s->x1[j], n1 = s->n1[j], x2 = s->x2[j], n2 = s->n2[j];
		double T = n1 + n2;
		d += dsp_cross_diff(x1, n1, x2, n2) / T;
		v += (x1 + x2) * (n1 / T) * (n2 / T);
	}
	if (v == 0)
		return dsp_ret(p, 1, DSP_OK);
	return dsp_ret(p, gsl_cdf_ugaussian_Q(d / sqrt(v)), DSP_OK);
}

static int exact_greater(const dsp_strata *s, int pt, double *p)
{
	struct cdist d;
	int rc = cdist_build(s, pt, 0, &d);
	if (rc)
		return dsp_ret(p, NAN, rc);
	double x = sum_of(s->x1, s->k), v;
	if (x < d.lo)
		v = 1;
	else if (x > d.lo + (double)(d.n - 1))
		v = 0;   /* beyond the kept range: below 1e-300 */
	else
		v = fmin(exp(cdist_ltail(&d, 0, x, +1)), 1);
	cdist_free(&d);
	return dsp_ret(p, v, DSP_OK);
}

int dsp_stest_exact_greater(const dsp_strata *s, double *p)
{
	if (bad_strata(s))
		return dsp_ret(p, NAN, DSP_EDOM);
	return exact_greater(s, 0, p);
}

int dsp_sptest_exact_greater(const dsp_strata *s, double *p)
{
	if (bad_pt(s))
		return dsp_ret(p, NAN, DSP_EDOM);
	return exact_greater(s, 1, p);
}
