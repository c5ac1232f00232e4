/*
 * test_consistency.c - a score interval and the score test it inverts must
 * agree: p < 1 - level exactly when the interval excludes the null (1 for
 * ratios and odds ratios, 0 for differences).  Checked for every ratio,
 * difference and odds-ratio method that names a score companion, at three levels, on
 * random tables (counts 1..10^9 on a log scale, zero cells, x = n) and on
 * tables built to sit near the boundary (x2 chosen so that the Pearson
 * statistic is close to z^2).  A disagreement is allowed only where p is
 * within 1e-9 relative of 1 - level, where the decision rests on the last
 * bits of the bound; those are counted and printed.
 */
#include "tap.h"
#include "dsp.h"
#include "methods.h"
#include "propci.h"

#include <stdlib.h>

/* xorshift64*: a fixed stream, the same on every platform. */
static unsigned long long rng_state = 0x9E3779B97F4A7C15ULL;

static double unif(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (double)((rng_state * 0x2545F4914F6CDD1DULL) >> 11) * 0x1.0p-53;
}

static double lognum(double top)  /* 1 .. top, log-uniform */
{
	return floor(exp(unif() * log(top)));
}

struct tally {
	long tables, excluded, near, bad;
};

static void check(const dsp_method *m, double null, double x1, double n1,
		  double x2, double n2, double level, struct tally *t)
{
	double lo, hi;
	if (m->fn.ratio(x1, n1, x2, n2, level, &lo, &hi) != DSP_OK) {
		tap_ok(0, "%s %g/%g vs %g/%g: no interval", m->name, x1, n1, x2, n2);
		t->bad++;
		return;
	}
	double p = NAN, alpha = 1 - level;
	m->score(x1, n1, x2, n2, &p);
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
	if (t->bad <= 5)
		printf("#   %s %.17g/%.17g vs %.17g/%.17g level %g: [%.17g, %.17g], "
		       "p %.17g\n", m->name, x1, n1, x2, n2, level, lo, hi, p);
}

int main(void)
{
	static const double levels[] = {0.9, 0.95, 0.99};
	/* Ratios and odds ratios exclude 1, differences 0. */
	const dsp_method *tables[] = {dsp_ratio_methods, dsp_diff_methods, dsp_odds_methods};
	const double nulls[] = {1, 0, 1};
	const char *kinds[] = {"ratio", "diff", "odds"};
	for (int k = 0; k < 3; k++)
	for (const dsp_method *m = tables[k]; m->name; m++) {
		if (!m->score)
			continue;
		struct tally t = {0, 0, 0, 0};
		for (int i = 0; i < 3000; i++) {
			double level = levels[i % 3];
			double n1 = lognum(1e9), n2 = lognum(1e9);
			double x1 = floor(unif() * (n1 + 1)), x2 = floor(unif() * (n2 + 1));
			if (i % 10 == 0) x1 = 0;
			if (i % 10 == 1) x2 = 0;
			if (i % 10 == 2) x1 = n1;
			check(m, nulls[k], x1, n1, x2, n2, level, &t);
		}
		/* Near the boundary: the pooled z-statistic of a table with
		 * x2 = n2 (p1 + d) is about d / se; put d/se near z. */
		for (int i = 0; i < 3000; i++) {
			double level = levels[i % 3], z = dsp_z(level);
			double n1 = 10 + lognum(1e6), n2 = 10 + lognum(1e6);
			double p1 = 0.02 + 0.96 * unif();
			double x1 = floor(p1 * n1 + 0.5);
			p1 = x1 / n1;
			double se = sqrt(p1 * (1 - p1) * (1 / n1 + 1 / n2));
			double x2 = floor((p1 + (unif() < 0.5 ? -1 : 1) * z * se *
					   (1 + 0.02 * (unif() - 0.5))) * n2 + 0.5);
			if (x2 < 0 || x2 > n2)
				continue;
			check(m, nulls[k], x1, n1, x2, n2, level, &t);
		}
		tap_ok(t.bad == 0 && t.tables > 5000 && t.excluded > 500 &&
		       t.excluded < t.tables - 500,
		       "%s %s: interval excludes %g exactly when its score test "
		       "rejects, %ld tables (%ld excluding it), %ld within 1e-9 of "
		       "the level, %ld disagreements", kinds[k], m->name, nulls[k], t.tables,
		       t.excluded, t.near, t.bad);
	}
	return tap_done();
}
