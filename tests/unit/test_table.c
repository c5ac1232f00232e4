/*
 * test_table.c - the tests of the whole k x 2 table (stats/table.h):
 * published worked examples, the edge cases disp-test(1) documents, huge
 * counts, ties in the exact test, agreement with the 2 x 2 tests at k = 2,
 * and the Monte Carlo path (its hypergeometric sampler against the exact
 * law, its p against the exact p).  Expected values come from the papers
 * or from derivations given beside each check, not from our output.
 */
#include "tap.h"
#include "dsp.h"
#include "methods.h"
#include "saddle.h"
#include "table.h"
#include "test2x2.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>

#define LEN(a) (sizeof (a) / sizeof *(a))

static dsp_ktest run(dsp_table_fn f, size_t k, const double *x, const double *n,
		     const double *s, int *rc)
{
	dsp_ktable t = {k, x, n, s, 1e9, 1000, 1};
	dsp_ktest r;
	*rc = f(&t, &r);
	return r;
}

/* A test's result on one table, status DSP_OK expected. */
static dsp_ktest ok(dsp_table_fn f, size_t k, const double *x, const double *n,
		    const double *s, const char *what)
{
	int rc;
	dsp_ktest r = run(f, k, x, n, s, &rc);
	if (rc != DSP_OK)
		tap_ok(0, "%s: status %d", what, rc);
	return r;
}

/* x rounded to d decimals equals want (a published figure). */
static int rounds_to(double x, int d, double want)
{
	double s = pow(10, d);
	return fabs(round(x * s) / s - want) < 0.5 / s;
}

static void published(void)
{
	/* Agresti A (2007) An Introduction to Categorical Data Analysis, 2nd
	 * ed., Table 2.7 and Sec. 2.5: infant malformation by mother's
	 * alcohol consumption; X^2 = 12.1 and G^2 = 6.2 on 4 df; with scores
	 * 0, 0.5, 1.5, 4, 7 the linear trend M^2 = (N - 1) r^2 = 6.57
	 * (vcdExtra's CMHtest prints 6.5699), which is N/(N - 1) times
	 * Cochran-Armitage's N r^2. */
	const double x[] = {48, 38, 5, 1, 1}, n[] = {17114, 14502, 793, 127, 38};
	const double s[] = {0, 0.5, 1.5, 4, 7}, N = 32574;
	dsp_ktest c = ok(dsp_kt_chi2, 5, x, n, NULL, "Agresti chi2");
	dsp_ktest g = ok(dsp_kt_g, 5, x, n, NULL, "Agresti g");
	dsp_ktest t = ok(dsp_kt_trend, 5, x, n, s, "Agresti trend");
	tap_ok(rounds_to(c.stat, 1, 12.1) && c.df == 4 && rounds_to(c.p, 2, 0.02),
	       "Agresti Table 2.7: X^2 = 12.1, P = 0.02 (%.6g, %.4g)", c.stat, c.p);
	tap_ok(rounds_to(g.stat, 1, 6.2) && g.df == 4, "Agresti Table 2.7: G^2 = 6.2 (%.6g)", g.stat);
	tap_ok(rounds_to(t.stat * (N - 1) / N, 4, 6.5699) && rounds_to(t.p, 2, 0.01) &&
	       t.direction > 0, "Agresti Table 2.7: M^2 = 6.5699, P = 0.01, rising (%.8g, %.4g)",
	       t.stat * (N - 1) / N, t.p);

	/* Fleiss JL (1981) Statistical Methods for Rates and Proportions, p.
	 * 139, R's prop.test and prop.trend.test example: smokers among lung
	 * cancer patients in four age groups; X-squared = 12.6, df = 3,
	 * p-value = 0.005585; trend X-squared = 8.2249, p-value = 0.004132. */
	const double xs[] = {83, 90, 129, 70}, ns[] = {86, 93, 136, 82};
	c = ok(dsp_kt_chi2, 4, xs, ns, NULL, "Fleiss chi2");
	t = ok(dsp_kt_trend, 4, xs, ns, NULL, "Fleiss trend");
	tap_ok(rounds_to(c.stat, 1, 12.6) && c.df == 3 && fabs(c.p - 0.005585) < 5e-7,
	       "Fleiss p. 139: X^2 = 12.6, p = 0.005585 (%.6g, %.7g)", c.stat, c.p);
	tap_ok(rounds_to(t.stat, 4, 8.2249) && fabs(t.p - 0.004132) < 5e-7 && t.direction < 0,
	       "Fleiss p. 139: trend 8.2249, p = 0.004132, falling (%.8g, %.7g)", t.stat, t.p);
}

static void edges(void)
{
	int rc;
	dsp_table_fn all[] = {dsp_kt_chi2, dsp_kt_g, dsp_kt_exact, dsp_kt_exact_mc, dsp_kt_trend};
	const char *name[] = {"chi2", "g", "exact", "exact-mc", "trend"};
	for (size_t i = 0; i < LEN(all); i++) {
		dsp_ktable t1 = {1, (double[]){3}, (double[]){10}, NULL, 1e6, 10, 1};
		dsp_ktest r;
		/* One group: nothing to compare. */
		rc = all[i](&t1, &r);
		tap_ok(rc == DSP_OK && r.how == DSP_KT_NONE && isnan(r.stat) && isnan(r.p) &&
		       r.groups == 1, "%s: a single group is no test", name[i]);
		/* Two groups of which one has total 0: a single group too. */
		dsp_ktable t0 = {2, (double[]){3, 0}, (double[]){10, 0}, NULL, 1e6, 10, 1};
		rc = all[i](&t0, &r);
		tap_ok(rc == DSP_OK && r.how == DSP_KT_NONE && r.groups == 1,
		       "%s: a group with total 0 is left out", name[i]);
		dsp_ktable te = {0, NULL, NULL, NULL, 1e6, 10, 1};
		rc = all[i](&te, &r);
		tap_ok(rc == DSP_OK && r.how == DSP_KT_NONE && r.groups == 0, "%s: no groups", name[i]);
		/* No events, or only events: 0/0, but one table for the exact test. */
		const double z[] = {0, 0, 0}, f[] = {4, 7, 9};
		for (int full = 0; full < 2; full++) {
			dsp_ktable tz = {3, full ? f : z, f, NULL, 1e6, 10, 1};
			rc = all[i](&tz, &r);
			int exact = all[i] == dsp_kt_exact || all[i] == dsp_kt_exact_mc;
			tap_ok(rc == DSP_OK && (exact ? r.how == DSP_KT_EXACT && r.p == 1 && r.stat == 1 :
						r.how == DSP_KT_UNDEFINED && isnan(r.stat) && isnan(r.p)),
			       "%s: %s: %s", name[i], full ? "only events" : "no events",
			       exact ? "p = 1" : "undefined");
		}
		/* Invalid tables. */
		const double bad[][2] = {{5, 4}, {1.5, 4}, {-1, 4}, {1, 1e16}, {NAN, 4}};
		for (size_t b = 0; b < LEN(bad); b++) {
			dsp_ktable tb = {2, (double[]){bad[b][0], 1}, (double[]){bad[b][1], 5}, NULL,
					 1e6, 10, 1};
			tap_ok(all[i](&tb, &r) == DSP_EDOM, "%s: %g of %g is invalid", name[i],
			       bad[b][0], bad[b][1]);
		}
		dsp_ktable ts = {2, (double[]){1, 2}, (double[]){5, 5}, (double[]){1, INFINITY},
				 1e6, 10, 1};
		tap_ok(all[i](&ts, &r) == DSP_EDOM, "%s: a score of inf is invalid", name[i]);
	}

	/* A group with total 0 changes nothing: [3/10, 0/0, 5/12] is
	 * [3/10, 5/12]. */
	const double x3[] = {3, 0, 5}, n3[] = {10, 0, 12}, x2[] = {3, 5}, n2[] = {10, 12};
	for (size_t i = 0; i < LEN(all) - 1; i++) {
		dsp_ktest a = ok(all[i], 3, x3, n3, NULL, "with total 0");
		dsp_ktest b = ok(all[i], 2, x2, n2, NULL, "without");
		tap_ok(a.p == b.p && a.groups == 2 && (isnan(a.df) ? isnan(b.df) : a.df == 1),
		       "%s: [3/10, 0/0, 5/12] = [3/10, 5/12]", name[i]);
	}
	/* The trend with every group at one score is 0/0. */
	dsp_ktest t = ok(dsp_kt_trend, 2, x2, n2, (double[]){4, 4}, "one score");
	tap_ok(t.how == DSP_KT_UNDEFINED && isnan(t.stat), "trend: one score for all is undefined");
	/* Its scores keep their places when a group is left out: scores 1..3
	 * with the middle group empty are 1 and 3, the same test as 1 and 2. */
	dsp_ktest t13 = ok(dsp_kt_trend, 3, x3, n3, NULL, "1..3");
	dsp_ktest t12 = ok(dsp_kt_trend, 2, x2, n2, NULL, "1..2");
	tap_rel(t13.stat, t12.stat, 1e-15, "trend: scores are a linear scale (1, 3 = 1, 2)");

	/* Totals passing 2^63 in all: beyond the limit. */
	enum { K = 1100 };
	static double bx[K], bn[K];
	for (size_t i = 0; i < K; i++)
		bn[i] = DSP_COUNT_MAX, bx[i] = i % 2 ? 1 : 0;
	run(dsp_kt_chi2, K, bx, bn, NULL, &rc);
	tap_ok(rc == DSP_ERANGE, "chi2: a grand total of 2^63 or more is beyond the limit");
}

static void huge(void)
{
	/* Rows nearly proportional at 2^52: x = (2^51 + 1, 2^51) of
	 * (2^52, 2^52), N = 2^53, m = 2^52 + 1.  d_1 = x_1 N - n_1 m = 2^52 = -d_2, so X^2 =
	 * 2 d^2 / (n m (N - m)) = 2^105 / (2^52 (2^104 - 1)) = 2^-51 to within
	 * 2^-104; G agrees with X^2 to O(d / (N m)) ~ 2^-52 relative; and with
	 * two groups the trend statistic is X^2. */
	const double x[] = {2251799813685249.0, 2251799813685248.0};
	const double n[] = {4503599627370496.0, 4503599627370496.0};
	dsp_ktest c = ok(dsp_kt_chi2, 2, x, n, NULL, "2^52 chi2");
	dsp_ktest g = ok(dsp_kt_g, 2, x, n, NULL, "2^52 g");
	dsp_ktest t = ok(dsp_kt_trend, 2, x, n, NULL, "2^52 trend");
	tap_rel(c.stat, ldexp(1, -51), 1e-15, "chi2 at 2^52, one event apart: X^2 = 2^-51");
	tap_rel(g.stat, ldexp(1, -51), 1e-14, "g at 2^52, one event apart: G = 2^-51");
	tap_rel(t.stat, ldexp(1, -51), 1e-15, "trend at 2^52, one event apart: 2^-51");
	/* Exactly proportional rows: every statistic exactly 0, p = 1. */
	const double xp[] = {1e12, 2e12, 3e12}, np[] = {3e12, 6e12, 9e12};
	c = ok(dsp_kt_chi2, 3, xp, np, NULL, "proportional chi2");
	g = ok(dsp_kt_g, 3, xp, np, NULL, "proportional g");
	t = ok(dsp_kt_trend, 3, xp, np, NULL, "proportional trend");
	tap_ok(c.stat == 0 && g.stat == 0 && t.stat == 0 && c.p == 1 && g.p == 1 && t.p == 1 &&
	       t.direction == 0, "proportional rows at 10^12: statistics exactly 0, p = 1");
	/* All at 2^53. */
	const double xm[] = {DSP_COUNT_MAX / 2, DSP_COUNT_MAX / 4}, nm[] = {DSP_COUNT_MAX, DSP_COUNT_MAX};
	c = ok(dsp_kt_chi2, 2, xm, nm, NULL, "2^53 chi2");
	/* Rates 1/2 and 1/4 of n = 2^53 each: X^2 = (p1 - p2)^2 / (p q 2/n)
	 * with p = 3/8: (1/16) n / (2 15/64) = 2n/15 = 2^54/15. */
	tap_rel(c.stat, ldexp(1, 54) / 15, 1e-15, "chi2 at 2^53: X^2 = 2^54/15");
}

/* At k = 2 each test is its 2 x 2 counterpart. */
static void two_groups(void)
{
	const double v[] = {1, 2, 3, 7, 10, 31, 100, 1000, 12345, 1e6, 1e9};
	double worst[4] = {0};
	long n = 0;
	for (size_t a = 0; a < LEN(v); a++)
		for (size_t b = 0; b < LEN(v); b++)
			for (int fx = 0; fx < 5; fx++) {
				double n1 = v[a], n2 = v[b];
				double x1 = floor(n1 * (fx / 4.0)), x2 = floor(n2 * ((fx + 1) % 5) / 5.0);
				const double x[] = {x1, x2}, nn[] = {n1, n2};
				if (x1 + x2 == 0 || x1 + x2 == n1 + n2)
					continue;
				double p[4];
				dsp_test_fisher(x1, n1, x2, n2, &p[0]);
				dsp_test_chi2(x1, n1, x2, n2, &p[1]);
				dsp_test_g(x1, n1, x2, n2, &p[2]);
				p[3] = p[1];
				dsp_table_fn f[] = {dsp_kt_exact, dsp_kt_chi2, dsp_kt_g, dsp_kt_trend};
				for (int i = 0; i < 4; i++) {
					dsp_ktest r = ok(f[i], 2, x, nn, NULL, "2 x 2");
					double e = p[i] < 1e-300 ? fabs(r.p - p[i]) / 1e-300 :
						   tap_relerr(r.p, p[i]);
					if (e > worst[i])
						worst[i] = e;
				}
				n++;
			}
	const char *name[] = {"exact = fisher", "chi2", "g", "trend = chi2"};
	for (int i = 0; i < 4; i++)
		tap_ok(worst[i] < 1e-11, "k = 2: %s on %ld tables to 1e-11 (worst %.2g)", name[i], n,
		       worst[i]);
	/* 2^53 against 10^6 (the exact test's cost follows the smaller
	 * group's spread). */
	const double x[] = {DSP_COUNT_MAX / 2, 498000}, nn[] = {DSP_COUNT_MAX, 1e6};
	double p;
	dsp_test_fisher(x[0], nn[0], x[1], nn[1], &p);
	dsp_ktest r = ok(dsp_kt_exact, 2, x, nn, NULL, "2^53 exact");
	tap_ok(r.how == DSP_KT_EXACT && tap_relerr(r.p, p) < 1e-11,
	       "exact at 2^53 against 10^6 = fisher (%.17g, %.17g)", r.p, p);
}

static void ties(void)
{
	/* 1/5 against 4/5: m = 5 of N = 10, P(x) = C(5,x) C(5,5-x)/252, and
	 * x = 1 and x = 4 are equally probable (25/252), so both count:
	 * p = (1 + 25 + 25 + 1)/252. */
	dsp_ktest r = ok(dsp_kt_exact, 2, (double[]){1, 4}, (double[]){5, 5}, NULL, "tie");
	tap_rel(r.p, 52.0 / 252, 1e-13, "exact: a tied table counts (1/5 vs 4/5: 52/252)");
	tap_rel(r.stat, 25.0 / 252, 1e-13, "exact: P(table) = 25/252");
	/* Equal totals: every permutation of the observed table is as
	 * probable, so p does not depend on the order of the groups. */
	const double n[] = {10, 10, 10};
	const double perm[][3] = {{2, 5, 8}, {8, 2, 5}, {5, 8, 2}, {8, 5, 2}};
	dsp_ktest r0 = ok(dsp_kt_exact, 3, perm[0], n, NULL, "perm");
	int same = 1;
	for (size_t i = 1; i < LEN(perm); i++)
		same &= ok(dsp_kt_exact, 3, perm[i], n, NULL, "perm").p == r0.p;
	tap_ok(same, "exact: permuted groups of equal totals give one p (%.17g)", r0.p);
	/* One event in all: the table is which group has it, P = n_i/N,
	 * and p sums the groups with n_j <= n_i: 1 of (2, 3, 5) in the
	 * group of 3 gives (2 + 3)/10. */
	r = ok(dsp_kt_exact, 3, (double[]){0, 1, 0}, (double[]){2, 3, 5}, NULL, "one event");
	tap_rel(r.p, 0.5, 1e-13, "exact: one event in the group of 3 of (2, 3, 5): p = 1/2");
	r = ok(dsp_kt_exact, 3, (double[]){0, 1, 0}, (double[]){3, 3, 4}, NULL, "one event tie");
	tap_rel(r.p, 0.6, 1e-13, "exact: one event in a group of 3 of (3, 3, 4): p = 6/10 (a tie)");
}

/* The sampler against the hypergeometric law: Pearson's X^2 over bins. */
static void sampler(gsl_rng *rng, double g, double b, double t)
{
	double N = g + b, mean = t * g / N;
	double sd = sqrt(mean * (b / N) * (N - t) / (N - 1));
	double lo = fmax(0, t - b), hi = fmin(g, t);
	enum { NB = 12, DRAWS = 200000 };
	/* Bins of about sd/2 around the mean; the ends open. */
	double edge[NB + 1], want[NB] = {0}, got[NB] = {0};
	double w = fmax(1, floor(sd / 2));
	for (int i = 0; i <= NB; i++)
		edge[i] = floor(mean) + (i - NB / 2) * w;
	for (double x = fmax(lo, floor(mean - 12 * sd - 10)); x <= fmin(hi, mean + 12 * sd + 10); x++) {
		int i = 0;
		while (i < NB - 1 && x >= edge[i + 1])
			i++;
		want[i] += exp(dsp_ldhyper(x, g, b, t));
	}
	double sum = 0, sum2 = 0;
	for (int d = 0; d < DRAWS; d++) {
		double x = dsp_rhyper(rng, g, b, t);
		int i = 0;
		while (i < NB - 1 && x >= edge[i + 1])
			i++;
		got[i]++;
		sum += x - mean, sum2 += (x - mean) * (x - mean);
	}
	double x2 = 0;
	int df = -1;
	for (int i = 0; i < NB; i++)
		if (want[i] * DRAWS >= 5) {
			double e = want[i] * DRAWS;
			x2 += (got[i] - e) * (got[i] - e) / e;
			df++;
		}
	double p = gsl_cdf_chisq_Q(x2, df);
	tap_ok(p > 1e-4 && fabs(sum / DRAWS) < 5 * sd / sqrt(DRAWS) &&
	       (sd < 3 || fabs(sum2 / DRAWS / (sd * sd) - 1) < 0.03),
	       "rhyper(%g, %g, %g): X^2 %.3g on %d df (p %.3g), mean and sd right", g, b, t, x2,
	       df, p);
}

static void monte_carlo(void)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(rng, 7);
	sampler(rng, 10, 15, 12);
	sampler(rng, 3, 1000, 500);
	sampler(rng, 1000, 3000, 800);
	sampler(rng, 1e9, 2e9, 5e8);
	sampler(rng, 4503599627370496.0, 1e6, 2e6);
	tap_ok(dsp_rhyper(rng, 5, 5, 0) == 0 && dsp_rhyper(rng, 5, 5, 10) == 5 &&
	       dsp_rhyper(rng, 0, 5, 3) == 0 && isnan(dsp_rhyper(rng, 5, 5, 11)),
	       "rhyper: a one-point support, and draws beyond the population");
	gsl_rng_free(rng);

	/* Monte Carlo against the exact p, within 4 standard errors; the
	 * same seed, the same draws. */
	const double x[] = {10, 20, 15, 9}, n[] = {50, 50, 60, 45};
	dsp_ktable t = {4, x, n, NULL, 1e9, 20000, 3};
	dsp_ktest e, m, m2;
	dsp_kt_exact(&t, &e);
	dsp_kt_exact_mc(&t, &m);
	dsp_kt_exact_mc(&t, &m2);
	tap_ok(e.how == DSP_KT_EXACT && m.how == DSP_KT_MONTE_CARLO && fabs(m.p - e.p) < 4 * m.se &&
	       m.draws == 20000 && m.seed == 3 && m.p == m2.p && tap_relerr(m.stat, e.stat) < 1e-13,
	       "exact-mc %.5g (se %.2g) against exact %.5g; repeatable", m.p, m.se, e.p);
	/* Past the work limit the exact test is Monte Carlo, or beyond its
	 * limit with no draws. */
	t.max_steps = 10;
	dsp_kt_exact(&t, &m2);
	tap_ok(m2.how == DSP_KT_MONTE_CARLO && m2.p == m.p && m2.steps > 10,
	       "exact past its work limit: Monte Carlo (%.5g)", m2.p);
	t.draws = 0;
	tap_ok(dsp_kt_exact(&t, &m2) == DSP_ERANGE, "exact past its limit with no draws: ERANGE");
	tap_ok(dsp_kt_exact_mc(&t, &m2) == DSP_EDOM, "exact-mc with no draws: EDOM");
	/* No table as improbable: p = 1/(draws + 1). */
	const double xf[] = {0, 40, 0}, nf[] = {40, 40, 40};
	dsp_ktable tf = {3, xf, nf, NULL, 1e9, 999, 1};
	dsp_kt_exact_mc(&tf, &m);
	tap_rel(m.p, 1e-3, 1e-15, "exact-mc with no table as extreme: p = 1/(draws + 1)");
}

int main(void)
{
	published();
	edges();
	huge();
	two_groups();
	ties();
	monte_carlo();
	return tap_done();
}
