/*
 * test_huge_beta.c - issue 9's reproducers for the incomplete beta and
 * gamma and the methods on them, at counts from 10^12 to 2^54.  Expected
 * values are closed forms (stated beside each check) or the definition at
 * 50 digits by mpmath quadrature (tests/refs/huge_beta.py's beta_logtail),
 * never our own output.
 */
#include "tap.h"
#include "betainc.h"
#include "dsp.h"
#include "gammainc.h"
#include "methods.h"
#include "propci.h"
#include "ptrate.h"

#include <math.h>
#include <time.h>

#include <gsl/gsl_math.h>

#define N53 9007199254740992.0

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

/* log I_x(a,b) against mpmath at 50 digits, in each regime of betainc.c. */
static void tails(void)
{
	static const struct {
		double a, b, x;
		int upper;
		double want;
		const char *regime;
	} c[] = {
		/* The case: the old sum gave -5.4e-13 and 0.816. */
		{1001, 999999999000, 1e-8, 1, -6701.6824988393786771, "finite sum, b huge"},
		{1001, 999999999000, 1e-4, 1, -99992491.680778371248, "finite sum, far tail"},
		{3e14, 7e14, 0.30000002, 0, -0.08749128149487382869, "uniform expansion"},
		{3e14, 7e14, 0.29999, 0, -238105.71735496126643, "uniform, far tail"},
		{99999, 1e15, 1.0000001e-10, 1, -0.69654236861382997232, "sum, just below 10^5"},
		{1e5, 1e15, 1.0000001e-10, 1, -0.69401385677012717201, "uniform, at 10^5"},
		{0.5, 2852.5, 0.004104100759722201, 1, -13.572275150206491172, "gamma-type remainder"},
		{1.5, 4551502516, 8.511264872959297e-10, 1, -2.9657528296805248368, "sum + remainder"},
		{6610670770063064, 38274.5, 0.9999999999938699, 0, -66.995416152889241429,
		 "a + b rounds"},
	};
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		double d = dsp_beta_dev(c[i].a, c[i].b, c[i].x);
		double got = dsp_beta_logtail(c[i].a, c[i].b, c[i].x, 1 - c[i].x, d, c[i].upper);
		/* log tails: an absolute error e in the log is a relative one
		 * in the tail; far tails are held to 1e-15 of their log. */
		tap_ok(fabs(got - c[i].want) <= 1e-13 * fmax(1, fabs(c[i].want)),
		       "log I(%g, %g, %.17g, %s) = %.17g, mpmath %.17g (%s)", c[i].a,
		       c[i].b, c[i].x, c[i].upper ? "upper" : "lower", got, c[i].want,
		       c[i].regime);
	}
	double t = dsp_beta_tail(1e-8, 1001, 999999999000, 1);
	tap_ok(t == 0, "the tail that was -5.4e-13 underflows to 0 (it is e^-6701.7): %g", t);
	/* Closed forms: I_(1/2)(a,a) = 1/2; I_x(a,1) = x^a. */
	tap_rel(dsp_beta_tail(0.5, 4503599627370496, 4503599627370496, 0), 0.5, 1e-15,
		"I_1/2(2^52, 2^52) = 1/2");
	tap_rel(dsp_beta_tail(0.5, 1e5, 1e5, 1), 0.5, 1e-15, "I_1/2(10^5, 10^5) = 1/2");
	double x = 1 - 1e-16;  /* 1 - 2^-53, so that 1 - x is exact */
	tap_rel(dsp_beta_tail(x, N53, 1, 0), exp(N53 * log1p(-(1 - x))), 1e-15,
		"I_x(2^53, 1) = x^(2^53)");
	tap_rel(dsp_beta_quantile(0.025, N53, 1, 0), exp(log(0.025) / N53), 1e-15,
		"Beta(2^53, 1) quantile = t^(1/2^53)");
}

/* Reproducer 1: --ci exact|jeffreys|midp at 10^12 and 10^13 (mpmath,
 * tests/refs/huge_beta.py, also in fixtures/refs/huge-beta-propci.csv). */
static void proportions(void)
{
	static const struct {
		int (*ci)(double, double, double, double *, double *);
		const char *name;
		double x, n, lo, hi;
	} c[] = {
		{dsp_ci_exact, "exact", 1000, 1e12, 9.38973018435877e-10, 1.063952135982281e-09},
		{dsp_ci_jeffreys, "jeffreys", 1000, 1e12, 9.394575241723725e-10, 1.0634366455225321e-09},
		{dsp_ci_midp, "midp", 1000, 1e12, 9.394498990346536e-10, 1.063444507431442e-09},
		{dsp_ci_exact, "exact", 5, 1e13, 1.6234863901186137e-13, 1.1668332079318777e-12},
		{dsp_ci_jeffreys, "jeffreys", 5, 1e13, 1.907874126118297e-13, 1.0960024630507062e-12},
		{dsp_ci_midp, "midp", 5, 1e13, 1.8319948085286404e-13, 1.1082415664988472e-12},
		{dsp_ci_exact, "exact", 4503599627370496, N53, 0.4999999896742118, 0.5000000103257882},
	};
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		double lo, hi, t0 = now();
		int rc = c[i].ci(c[i].x, c[i].n, 0.95, &lo, &hi);
		double dt = now() - t0;
		tap_ok(rc == DSP_OK && tap_relerr(lo, c[i].lo) < 1e-13 &&
		       tap_relerr(hi, c[i].hi) < 1e-13 && dt < 0.5,
		       "%s %g/%g: [%.17g, %.17g], mpmath [%.17g, %.17g], %.3f s",
		       c[i].name, c[i].x, c[i].n, lo, hi, c[i].lo, c[i].hi, dt);
	}
	/* Closed forms at 2^53: Clopper-Pearson 0/n upper 1 - (a/2)^(1/n),
	 * n/n lower (a/2)^(1/n); mid-p 0/n upper 1 - a^(1/n). */
	double lo, hi;
	dsp_ci_exact(0, N53, 0.95, &lo, &hi);
	tap_rel(hi, -expm1(log(0.025) / N53), 1e-14, "exact 0/2^53 upper = 1-(a/2)^(1/n)");
	dsp_ci_exact(N53, N53, 0.95, &lo, &hi);
	tap_rel(lo, exp(log(0.025) / N53), 1e-15, "exact 2^53/2^53 lower = (a/2)^(1/n)");
	dsp_ci_midp(0, N53, 0.95, &lo, &hi);
	tap_rel(hi, -expm1(log(0.05) / N53), 1e-14, "midp 0/2^53 upper = 1-a^(1/n)");
	/* n - 1 of 2^53: the upper bound is above (n-1)/n = 1 - 2^-53, the
	 * last double below 1 (it fell a double short before the search
	 * stepped to adjacent doubles), and every interval nests as the level
	 * grows. */
	for (const dsp_method *m = dsp_ci_methods; m->name; m++) {
		double plo = 2, phi = -1;
		int ok = 1;
		if (m->limit)  /* stops short of 2^53 (blaker: n <= 10^7) */
			continue;
		for (double lev = 0.5; lev < 1; lev = 1 - (1 - lev) / 10) {
			ok &= m->fn.ci(N53 - 1, N53, lev, &lo, &hi) == DSP_OK &&
			      lo <= (N53 - 1) / N53 && hi >= (N53 - 1) / N53 && hi <= 1 &&
			      (phi < 0 || (lo <= plo && hi >= phi));
			plo = lo, phi = hi;
		}
		tap_ok(ok, "%s (2^53-1)/2^53: bounds around the rate and nested, levels "
		       "0.5 .. 1-1e-10", m->name);
	}
}

/* Reproducers 2 and 4: -x --ratio and --ci at 10^11 .. 2^54. */
static void person_time(void)
{
	double lo, hi, t0;
	/* Clopper-Pearson with x1 = 0 of m: the upper odds is expm1(-log(a/2)/m),
	 * so rr_hi = expm1(-log(0.025)/m) t2/t1 (13.7016; the old search gave
	 * 7.4e8 after 11 s). */
	t0 = now();
	int rc = dsp_pt_rr_exact(0, 0.7, 5e11, 1.3e12, 0.95, &lo, &hi);
	double dt = now() - t0;
	tap_ok(rc == DSP_OK && lo == 0 && dt < 0.5 &&
	       tap_relerr(hi, expm1(-log(0.025) / 5e11) * 1.3e12 / 0.7) < 1e-13,
	       "rr exact 0/0.7 vs 5e11/1.3e12: hi %.17g, %.3f s", hi, dt);
	rc = dsp_pt_rr_midp(0, 0.7, 5e11, 1.3e12, 0.95, &lo, &hi);
	tap_ok(rc == DSP_OK && tap_relerr(hi, expm1(-log(0.05) / 5e11) * 1.3e12 / 0.7) < 1e-13,
	       "rr midp 0/0.7 vs 5e11/1.3e12: hi %.17g (mid-p: expm1(-log a / m))", hi);
	/* x2 = 0: the lower odds is 1/expm1(-log(a/2)/m) (was 4.2e-13). */
	double x1 = 1358635597824000, t1 = 4503599208184932;
	rc = dsp_pt_rr_exact(x1, t1, 0, 0.75, 0.95, &lo, &hi);
	tap_ok(rc == DSP_OK && hi == INFINITY &&
	       tap_relerr(lo, 0.75 / t1 / expm1(-log(0.025) / x1)) < 1e-13,
	       "rr exact %.0f/%.0f vs 0/0.75: lo %.17g", x1, t1, lo);
	/* x1 + x2 = 2^54 (each 2^53): the intervals and tests are computed
	 * (they were EDOM and nan); equal rates give the symmetric binomial,
	 * where P(X <= m/2) - P(m/2)/2 = 1/2, so every test gives 1. */
	rc = dsp_pt_rr_exact(N53, 2, N53, 2, 0.95, &lo, &hi);
	tap_ok(rc == DSP_OK && lo < 1 && hi > 1 && tap_relerr(lo * hi, 1) < 1e-15,
	       "rr exact 2^53 vs 2^53: [%.17g, %.17g], lo hi = 1 by symmetry", lo, hi);
	for (const dsp_method *m = dsp_pt_test_methods; m->name; m++) {
		double p = NAN;
		rc = m->fn.test(N53, 2, N53, 2, &p);
		tap_ok(rc == DSP_OK && tap_relerr(p, 1) < 1e-15,
		       "test %s 2^53 vs 2^53, equal rates: p = %.17g", m->name, p);
	}
	/* Garwood: 2 s per row at 10^13 and no end at 2^53 before.  Closed
	 * forms: x = 0 upper -log(a/2)/t; x = 1 lower -log1p(-a/2)/t. */
	for (double x = 1e13; x <= N53; x = x == 1e13 ? N53 : 2 * N53) {
		t0 = now();
		int ok = dsp_pt_ci_exact(x, 1, 0.95, &lo, &hi) == DSP_OK &&
			 dsp_pt_ci_midp(x, 1, 0.95, &lo, &hi) == DSP_OK;
		dt = now() - t0;
		tap_ok(ok && lo < x && x < hi && dt < 0.5, "Garwood exact and midp at x = %g: "
		       "%.3f s", x, dt);
	}
	dsp_pt_ci_exact(1, 1e-300, 0.95, &lo, &hi);
	tap_rel(lo, -log1p(-0.025) / 1e-300, 1e-15, "Garwood 1/1e-300 lower = -log1p(-a/2)/t");
	/* The Poisson tail at the mean of 2^53 by the uniform expansion
	 * against the one at 10^5 - 1 by the sum: both are ~ 1/2 + 1/(3
	 * sqrt(2 pi k)) (DLMF 8.12.3 with c_0(0) = -1/3), to O(1/k). */
	double k = 99999, pk = exp(dsp_pois_logtail(k, k, 1));
	tap_ok(fabs(pk - 0.5 - 1 / (3 * sqrt(2 * M_PI * k))) < 1e-6,
	       "P(X >= k; k) at k = 10^5 - 1 = %.12g", pk);
	pk = exp(dsp_pois_logtail(N53, N53, 1));
	tap_ok(fabs(pk - 0.5 - 1 / (3 * sqrt(2 * M_PI * N53))) < 1e-15,
	       "P(X >= k; k) at k = 2^53 = %.17g", pk);
}

int main(void)
{
	tails();
	proportions();
	person_time();
	return tap_done();
}
