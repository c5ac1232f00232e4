/*
 * test_strata_consistency.c - test_consistency.c for disp-strata: each
 * stratified score interval and the test it inverts (its method row's
 * sscore) must agree, p < 1 - level exactly when the interval excludes the
 * null (1 for ratios, 0 for differences).  mn's test is the CMH test
 * without continuity correction (MN's weights are n1 n2 / N at the null);
 * scas's is its own.  Checked at three levels on random stratified tables
 * (1 to 8 strata, counts 1 .. 10^6 on a log scale, zero cells, all events)
 * and on tables built to sit near the boundary (the pooled z-statistic
 * near z).  A disagreement is allowed only where p is within 1e-9 relative
 * of 1 - level; those are counted.
 */
#include "tap.h"
#include "dsp.h"
#include "methods.h"
#include "propci.h"
#include "strata.h"

#include <stdlib.h>

static unsigned long long rng_state = 0x2545F4914F6CDD1DULL;

static double unif(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (double)((rng_state * 0x2545F4914F6CDD1DULL) >> 11) * 0x1.0p-53;
}

static double lognum(double top)
{
	return floor(exp(unif() * log(top)));
}

struct tally {
	long tables, excluded, near, bad;
};

static void check(const dsp_method *m, double null, const dsp_strata *s, double level,
		  struct tally *t)
{
	double lo, hi, p = NAN, alpha = 1 - level;
	int rc = m->fn.strata(s, level, &lo, &hi);
	m->sscore(s, &p);
	if (rc != DSP_OK || isnan(p)) {
		t->bad++;
		if (t->bad <= 5)
			printf("#   %s: rc %d p %g (k %zu, %g/%g vs %g/%g)\n", m->name, rc, p,
			       s->k, s->x1[0], s->n1[0], s->x2[0], s->n2[0]);
		return;
	}
	int excludes = lo > null || hi < null, rejects = p < alpha;
	t->tables++;
	t->excluded += excludes;
	if (excludes == rejects)
		return;
	if (fabs(p - alpha) <= 1e-9 * alpha) {
		t->near++;
		return;
	}
	t->bad++;
	if (t->bad <= 5) {
		printf("#   %s level %g: [%.17g, %.17g], p %.17g:", m->name, level, lo, hi, p);
		for (size_t j = 0; j < s->k; j++)
			printf(" %g:%g:%g:%g", s->x1[j], s->n1[j], s->x2[j], s->n2[j]);
		putchar('\n');
	}
}

int main(void)
{
	static const double levels[] = {0.9, 0.95, 0.99};
	const dsp_method *tables[] = {dsp_strata_ratio_methods, dsp_strata_diff_methods};
	const double nulls[] = {1, 0};
	const char *kinds[] = {"ratio", "diff"};
	double x1[8], n1[8], x2[8], n2[8];
	for (int k = 0; k < 2; k++)
	for (const dsp_method *m = tables[k]; m->name; m++) {
		if (!m->sscore)
			continue;
		struct tally t = {0, 0, 0, 0};
		rng_state = 0x2545F4914F6CDD1DULL;
		for (int i = 0; i < 500; i++) {
			size_t K = 1 + (size_t)(unif() * 8);
			for (size_t j = 0; j < K; j++) {
				n1[j] = lognum(1e6), n2[j] = lognum(1e6);
				x1[j] = floor(unif() * (n1[j] + 1));
				x2[j] = floor(unif() * (n2[j] + 1));
				if ((size_t)(i % 10) == j) x1[j] = 0;
				if ((size_t)(i % 10) == j + 1) x2[j] = 0;
				if ((size_t)(i % 13) == j) x1[j] = n1[j], x2[j] = n2[j];
			}
			dsp_strata s = {K, x1, n1, x2, n2};
			check(m, nulls[k], &s, levels[i % 3], &t);
		}
		/* Near the boundary: a common rate p, group 1's raised by d in
		 * every stratum, d about z sqrt(p q / W), W = sum n1 n2 / N. */
		for (int i = 0; i < 500; i++) {
			double level = levels[i % 3], z = dsp_z(level);
			size_t K = 1 + (size_t)(unif() * 8);
			double p = 0.05 + 0.9 * unif(), W = 0;
			for (size_t j = 0; j < K; j++) {
				n1[j] = 20 + lognum(1e5), n2[j] = 20 + lognum(1e5);
				W += n1[j] * n2[j] / (n1[j] + n2[j]);
			}
			double d = (unif() < 0.5 ? -1 : 1) * z * sqrt(p * (1 - p) / W) *
				   (1 + 0.04 * (unif() - 0.5));
			int ok = 1;
			for (size_t j = 0; j < K; j++) {
				x1[j] = floor((p + d * n2[j] / (n1[j] + n2[j])) * n1[j] + 0.5);
				x2[j] = floor((p - d * n1[j] / (n1[j] + n2[j])) * n2[j] + 0.5);
				ok &= x1[j] >= 0 && x1[j] <= n1[j] && x2[j] >= 0 && x2[j] <= n2[j];
			}
			if (!ok)
				continue;
			dsp_strata s = {K, x1, n1, x2, n2};
			check(m, nulls[k], &s, level, &t);
		}
		tap_ok(t.bad == 0 && t.tables > 800 && t.excluded > 200 &&
		       t.excluded < t.tables - 200,
		       "stratified %s %s: interval excludes %g exactly when its score test "
		       "rejects, %ld tables (%ld excluding it), %ld within 1e-9 of the level, "
		       "%ld disagreements", kinds[k], m->name, nulls[k], t.tables, t.excluded,
		       t.near, t.bad);
	}
	return tap_done();
}
