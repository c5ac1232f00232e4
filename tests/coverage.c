/*
 * coverage.c - the coverage of every interval method, computed exactly:
 * for each parameter value on a grid, the probability of all outcomes whose
 * interval contains it (the outcomes are enumerated, so there is no
 * simulation error).  `make coverage` runs it; it is not part of `check`.
 *
 * Prints CSV: kind (its option), method, n (per group), level, mean and
 * minimum coverage over the grid, and the share of grid points below the
 * level.  Every interval kind of dsp_kinds is covered, by its shape.
 * The known patterns (Brown, Cai & DasGupta 2001; Newcombe 1998; Fagerland,
 * Lydersen & Laake 2015) should show: Wald far below the level, Wilson and
 * Jeffreys near it on average, Clopper-Pearson and the exact conditional
 * intervals conservative (minimum at or above the level).
 *
 * With ALTERNATIVE greater or less the one-sided bounds are covered the
 * same way (their other end the parameter's limit): a one-sided bound at
 * level L must cover at L, not at the two-sided 2L - 1 it is built from.
 *
 * Usage: coverage [LEVEL [ALTERNATIVE]]   (default 0.95 two-sided)
 */
#include "alternative.h"
#include "methods.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_randist.h>

#define NGRID 200

static dsp_alternative alt = DSP_TWO_SIDED;

/* Method m's interval (kind k), under the alternative asked for. */
static void interval(const dsp_kind *k, const dsp_method *m, double x1, double n1,
		     double x2, double n2, double level, double *lo, double *hi)
{
	dsp_alt_interval(k, m, alt, x1, n1, x2, n2, level, lo, hi);
}

struct summary {
	double sum, min;
	int n, below;
};

static void add(struct summary *s, double cov, double level)
{
	s->sum += cov;
	s->min = s->n++ ? fmin(s->min, cov) : cov;
	s->below += cov < level - 1e-12;
}

static void print(const char *kind, const char *name, const char *n,
		  double level, const struct summary *s)
{
	printf("%s,%s,%s,%g,%s,%.4f,%.4f,%.3f\n", kind, name, n, level,
	       dsp_alt_name(alt), s->sum / s->n, s->min, (double)s->below / s->n);
}

/* One proportion, x ~ Binomial(n, p), p on an even grid inside (0, 1). */
static void one_rate(const dsp_kind *kd, const dsp_method *m, int n, double level)
{
	double *lo = malloc((n + 1) * sizeof *lo), *hi = malloc((n + 1) * sizeof *hi);
	for (int x = 0; x <= n; x++)
		interval(kd, m, x, n, 0, 0, level, &lo[x], &hi[x]);
	struct summary s = {0, 0, 0, 0};
	for (int k = 1; k < NGRID; k++) {
		double p = (double)k / NGRID, cov = 0;
		for (int x = 0; x <= n; x++)
			if (lo[x] <= p && p <= hi[x])
				cov += gsl_ran_binomial_pdf(x, p, n);
		add(&s, cov, level);
	}
	char nb[32];
	snprintf(nb, sizeof nb, "%d", n);
	print("--ci", m->name, nb, level, &s);
	free(lo);
	free(hi);
}

/*
 * Two groups of n each, x1 ~ Binomial(n, p1), x2 ~ Binomial(n, p2); the
 * grid is p2 in (0, 1) against p1 from the same grid, 24 x 24 points.  The
 * parameter at (p1, p2) is the kind's estimate of counts p1 of 1 and p2
 * of 1: p1/p2, p1 - p2 or the odds ratio.
 */
static void two_group(const dsp_kind *kd, const dsp_method *m, int n, double level)
{
	size_t k = (size_t)(n + 1);
	double *lo = malloc(k * k * sizeof *lo), *hi = malloc(k * k * sizeof *hi);
	for (int a = 0; a <= n; a++)
		for (int b = 0; b <= n; b++)
			interval(kd, m, a, n, b, n, level, &lo[a * k + b], &hi[a * k + b]);
	struct summary s = {0, 0, 0, 0};
	double b1[1024], b2[1024];
	for (int i = 1; i < 25; i++)
		for (int j = 1; j < 25; j++) {
			double p1 = i / 25.0, p2 = j / 25.0;
			double th = kd->estimate(p1, 1, p2, 1);
			for (int x = 0; x <= n; x++) {
				b1[x] = gsl_ran_binomial_pdf(x, p1, n);
				b2[x] = gsl_ran_binomial_pdf(x, p2, n);
			}
			double cov = 0;
			for (int a = 0; a <= n; a++)
				for (int b = 0; b <= n; b++)
					if (lo[a * k + b] <= th && th <= hi[a * k + b])
						cov += b1[a] * b2[b];
			add(&s, cov, level);
		}
	char nb[32];
	snprintf(nb, sizeof nb, "%d+%d", n, n);
	print(kd->option, m->name, nb, level, &s);
	free(lo);
	free(hi);
}

/* A Poisson count with mean mu = lambda t, t = 1, mu on a log grid 0.5..100. */
static void pt_rate(const dsp_kind *kd, const dsp_method *m, double level)
{
	struct summary s = {0, 0, 0, 0};
	for (int k = 0; k < NGRID; k++) {
		double mu = 0.5 * pow(200.0, (double)k / (NGRID - 1)), cov = 0;
		int top = (int)(mu + 12 * sqrt(mu) + 30);
		for (int x = 0; x <= top; x++) {
			double lo, hi;
			interval(kd, m, x, 1, 0, 0, level, &lo, &hi);
			if (lo <= mu && mu <= hi)
				cov += gsl_ran_poisson_pdf(x, mu);
		}
		add(&s, cov, level);
	}
	print("-x --ci", m->name, "mu 0.5..100", level, &s);
}

/*
 * Rate ratio of two Poisson counts with t1 = t2 = 1, mu2 in {2, 5, 10, 20,
 * 50} and the ratio on a log grid 1/4..4.  Intervals are cached by (x1, x2).
 */
static void pt_ratio(const dsp_kind *kd, const dsp_method *m, double level)
{
	enum { TOP = 200 };
	static double lo[TOP][TOP], hi[TOP][TOP];
	static char have[TOP][TOP];
	static const double mu2s[] = {2, 5, 10, 20, 50};
	struct summary s = {0, 0, 0, 0};
	for (int a = 0; a < TOP; a++)
		for (int b = 0; b < TOP; b++)
			have[a][b] = 0;
	for (size_t i = 0; i < sizeof mu2s / sizeof *mu2s; i++)
		for (int k = 0; k < 21; k++) {
			double th = pow(16.0, k / 20.0) / 4, mu2 = mu2s[i], mu1 = th * mu2;
			int t1 = (int)fmin(TOP - 1, mu1 + 12 * sqrt(mu1) + 30);
			int t2 = (int)fmin(TOP - 1, mu2 + 12 * sqrt(mu2) + 30);
			double cov = 0;
			for (int a = 0; a <= t1; a++)
				for (int b = 0; b <= t2; b++) {
					if (!have[a][b]) {
						interval(kd, m, a, 1, b, 1, level, &lo[a][b], &hi[a][b]);
						have[a][b] = 1;
					}
					if (lo[a][b] <= th && th <= hi[a][b])
						cov += gsl_ran_poisson_pdf(a, mu1) *
						       gsl_ran_poisson_pdf(b, mu2);
				}
			add(&s, cov, level);
		}
	print("-x --ratio", m->name, "mu2 2..50", level, &s);
}

int main(int argc, char **argv)
{
	double level = argc > 1 ? atof(argv[1]) : 0.95;
	if (argc > 2 && dsp_alt_parse(argv[2], &alt)) {
		fprintf(stderr, "coverage: ALTERNATIVE is two-sided, greater or less: '%s'\n", argv[2]);
		return 64;
	}
	static const int ns[] = {10, 30, 100, 1000};
	static const int ns2[] = {10, 30, 60};
	printf("kind,method,n,level,alternative,mean,min,share_below\n");
	for (const dsp_kind *k = dsp_kinds; k->option; k++)
		for (const dsp_method *m = k->methods; m->name; m++) {
			if (k->shape == DSP_ONE && k->person_time)
				pt_rate(k, m, level);
			else if (k->shape == DSP_PAIR && k->person_time)
				pt_ratio(k, m, level);
			else if (k->shape == DSP_ONE)
				for (size_t i = 0; i < sizeof ns / sizeof *ns; i++)
					one_rate(k, m, ns[i], level);
			else if (k->shape == DSP_PAIR)
				for (size_t i = 0; i < sizeof ns2 / sizeof *ns2; i++)
					two_group(k, m, ns2[i], level);
		}
	return 0;
}
