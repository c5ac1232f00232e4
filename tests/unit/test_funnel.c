/*
 * test_funnel.c - stats/funnel against a published worked example and its
 * own contracts:
 *
 * - Public Health England's funnel test data (fixtures/phe-funnel-
 *   proportions.csv, from PHEindicatormethods): 303 PCTs with their
 *   outlier labels at 95% and 99.8% around the pooled proportion, which the
 *   normal limits must reproduce, label for label; and rows of PHE's own
 *   table of limits (testdata_funnel_prop_outputs.csv, printed to 8 digits).
 * - For every count of small tables, at several targets, levels and
 *   over-dispersions: a unit is outside the limits exactly when its p-value
 *   is below 1 - level (exact, normal; a p within 1e-9 of 1 - level is a
 *   tie that rounding decides), and the exact limits are
 *   conservative: P(outside) <= 1 - level.
 */
#include "tap.h"
#include "csvin.h"
#include "dsp.h"
#include "funnel.h"

#include <stdlib.h>
#include <string.h>

#define MAXU 400

static struct phe {
	char name[MAXU][96], label[MAXU][32];
	double x[MAXU], n[MAXU];
	size_t k;
	size_t ix, in, il;
} phe;

static int on_header(void *ctx, const csvin_row *h)
{
	(void)ctx;
	phe.ix = csvin_column(h, "numerator");
	phe.in = csvin_column(h, "denominator");
	phe.il = csvin_column(h, "significance");
	return 0;
}

static int on_row(void *ctx, const csvin_row *r)
{
	(void)ctx;
	if (phe.k == MAXU)
		return 0;
	snprintf(phe.name[phe.k], sizeof phe.name[0], "%s", r->f[0]);
	snprintf(phe.label[phe.k], sizeof phe.label[0], "%s", r->f[phe.il]);
	phe.x[phe.k] = strtod(r->f[phe.ix], NULL);
	phe.n[phe.k] = strtod(r->f[phe.in], NULL);
	phe.k++;
	return 0;
}

/* PHE's label from the 95% and 99.8% limits. */
static const char *label(double y, double lo95, double hi95, double lo998, double hi998)
{
	return y < lo998 ? "Low (0.001)" : y < lo95 ? "Low (0.025)" :
	       y > hi998 ? "High (0.001)" : y > hi95 ? "High (0.025)" : "Not significant";
}

static void phe_example(void)
{
	char *files[] = {"fixtures/phe-funnel-proportions.csv"};
	csvin_read(files, 1, ',', on_header, on_row, NULL);
	tap_ok(phe.k == 303, "PHE: 303 areas read (%zu)", phe.k);
	double sx = 0, sn = 0;
	for (size_t i = 0; i < phe.k; i++)
		sx += phe.x[i], sn += phe.n[i];
	dsp_funnel f = {sx / sn, 0, 1, 0};
	/* PHE's Baseline column prints the pooled percentage 80.642448. */
	tap_rel(100 * f.target, 80.642448, 1e-8, "PHE: pooled target 80.642448%%");
	size_t agree = 0;
	for (size_t i = 0; i < phe.k; i++) {
		double l1, h1, l2, h2, p;
		dsp_funnel_normal(&f, phe.x[i], phe.n[i], 0.95, &l1, &h1, &p);
		dsp_funnel_normal(&f, phe.x[i], phe.n[i], 0.998, &l2, &h2, &p);
		const char *got = label(phe.x[i] / phe.n[i], l1, h1, l2, h2);
		if (strcmp(got, phe.label[i]) == 0)
			agree++;
		else
			printf("#   %s: %s, PHE %s\n", phe.name[i], got, phe.label[i]);
	}
	tap_ok(agree == phe.k, "PHE: every area's label reproduced by the normal limits "
	       "(%zu of %zu)", agree, phe.k);
	/* PHE's table of limits (percent, clipped to [0, 100]). */
	static const double T[][5] = {
		{1, 3.204264, 100, 0, 100},
		{18, 62.390093, 98.894803, 51.864359, 100},
		{41, 68.548635, 92.73626, 61.574398, 99.710497},
		{1008, 78.203374, 83.081521, 76.796814, 84.488082},
		{110000, 80.408963, 80.875933, 80.274317, 81.010578}};
	for (size_t j = 0; j < sizeof T / sizeof *T; j++) {
		double l1, h1, l2, h2, p;
		dsp_funnel_normal(&f, NAN, T[j][0], 0.95, &l1, &h1, &p);
		dsp_funnel_normal(&f, NAN, T[j][0], 0.998, &l2, &h2, &p);
		double got[4] = {100 * l1, 100 * h1, 100 * l2, 100 * h2};
		int ok = 1;
		for (int c = 0; c < 4; c++)
			ok &= fabs(got[c] - T[j][c + 1]) <= 5e-7 * fmax(1, T[j][c + 1]);
		tap_ok(ok, "PHE: limits at population %g (%.8g %.8g %.8g %.8g)", T[j][0],
		       got[0], got[1], got[2], got[3]);
	}
}

/* Outside exactly when p < 1 - level, and P(outside) <= 1 - level for exact. */
static void consistency(void)
{
	static const double targets[] = {0, 0.001, 0.1, 0.5, 0.93, 1};
	static const double levels[] = {0.95, 0.998, 0.5};
	static const double sizes[] = {1, 2, 7, 40, 333};
	dsp_funnel_fn fns[] = {dsp_funnel_exact, dsp_funnel_normal};
	const char *names[] = {"exact", "normal"};
	for (int m = 0; m < 2; m++)
		for (int pois = 0; pois < 2; pois++) {
			long bad = 0, cases = 0, over = 0;
			for (size_t a = 0; a < sizeof targets / sizeof *targets; a++)
				for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
					for (size_t l = 0; l < sizeof levels / sizeof *levels; l++)
						for (double phi = 1; phi <= 3; phi += 2) {
					double th = targets[a], n = sizes[s];
					if (pois && th == 1)
						th = 2.5;
					if (phi > 1 && (th == 0 || (!pois && th == 1)))
						continue;
					dsp_funnel f = {th, pois, phi, 0};
					double out_prob = 0, lo, hi, p;
					double top = pois ? 4 * n * th + 20 : n;
					for (double x = 0; x <= top; x++) {
						if (fns[m](&f, x, n, levels[l], &lo, &hi, &p) != DSP_OK) {
							bad++;
							continue;
						}
						int outside = x / n < lo || x / n > hi;
						cases++;
						/* (p within 1e-9 of 1 - level is a tie,
						 * decided by rounding either way) */
						double a = 1 - levels[l];
						if (outside != (p < a) && fabs(p - a) > 1e-9 * a) {
							if (bad < 5)
								printf("#   %s pois %d th %g n %g x %g level %g phi %g: "
								       "lo %.17g hi %.17g p %.17g\n", names[m], pois,
								       th, n, x, levels[l], phi, lo, hi, p);
							bad++;
						}
						if (outside && !pois && phi == 1) {
							double lp = 0;   /* P(X = x), binomial */
							lp = lgamma(n + 1) - lgamma(x + 1) - lgamma(n - x + 1);
							out_prob += th == 0 ? (x == 0) : th == 1 ? (x == n) :
								    exp(lp + x * log(th) + (n - x) * log1p(-th));
						}
					}
					if (m == 0 && out_prob > 1 - levels[l] + 1e-12)
						over++;
				}
			tap_ok(bad == 0, "%s%s: outside exactly when p < 1 - level (%ld units, "
			       "%ld not)", names[m], pois ? " (Poisson)" : "", cases, bad);
			if (m == 0 && !pois)
				tap_ok(over == 0, "exact: P(outside) <= 1 - level on every table "
				       "(%ld above)", over);
		}
}

static void contracts(void)
{
	dsp_funnel f = {0.3, 0, 1, 0};
	double lo, hi, p;
	tap_ok(dsp_funnel_exact(&f, 1, 1e12 + 1, 0.95, &lo, &hi, &p) == DSP_ERANGE,
	       "exact: n above 10^12 is DSP_ERANGE");
	tap_ok(dsp_funnel_normal(&f, 1, DSP_COUNT_MAX, 0.95, &lo, &hi, &p) == DSP_OK,
	       "normal: n = 2^53");
	tap_ok(dsp_funnel_exact(&f, 11, 10, 0.95, &lo, &hi, &p) == DSP_EDOM,
	       "exact: x above n is DSP_EDOM");
	tap_ok(dsp_funnel_exact(&f, 1.5, 10, 0.95, &lo, &hi, &p) == DSP_EDOM,
	       "exact: a fractional count is DSP_EDOM");
	tap_ok(dsp_funnel_exact(&f, 1, 0, 0.95, &lo, &hi, &p) == DSP_EDOM,
	       "exact: n = 0 is DSP_EDOM");
	dsp_funnel g = {0, 0, 2, 0};
	tap_ok(dsp_funnel_exact(&g, 0, 10, 0.95, &lo, &hi, &p) == DSP_EDOM,
	       "over-dispersion at a target without variance is DSP_EDOM");
	/* exact's upper limit lies one count above exact-cdf's. */
	double lo2, hi2;
	dsp_funnel_exact(&f, NAN, 50, 0.95, &lo, &hi, &p);
	dsp_funnel_exact_cdf(&f, NAN, 50, 0.95, &lo2, &hi2, &p);
	tap_rel(hi - hi2, 1.0 / 50, 1e-12, "exact's upper limit is exact-cdf's + 1/n");
	tap_ok(lo == lo2, "the lower limits agree");
	double z[] = {-3, -1, 0, 0.5, 1, 1.5, 2, 2.5, 3, 9}, phi, tau2;
	dsp_funnel_phi(10, z, 0.1, &phi);
	/* floor(10 x 0.1) = 1 at each end: -3 -> -1, 9 -> 3. */
	tap_rel(phi, (1 + 1 + 0 + 0.25 + 1 + 2.25 + 4 + 6.25 + 9 + 9) / 10.0, 1e-15,
		"phi: 10%% winsorised mean square");
	double w[] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
	dsp_funnel_tau2(10, w, phi, &tau2);
	tap_rel(tau2, (10 * phi - 9) / (10 - 1), 1e-15, "tau2: DerSimonian-Laird");
	dsp_funnel_tau2(10, w, 0.5, &tau2);
	tap_ok(tau2 == 0, "tau2: 0 when k phi <= k - 1");
	dsp_disp_multiplicative(10, z, w, 0.5 - 1e-9, &phi, &tau2);
	tap_ok(phi >= 1, "multiplicative: phi never below 1");
	double s[8];
	size_t m = dsp_funnel_grid(3, 9, 8, 1, s);
	tap_ok(m == 7 && s[0] == 3 && s[6] == 9, "grid: every integer from 3 to 9");
	m = dsp_funnel_grid(1, 1e6, 4, 1, s);
	tap_ok(m == 4 && s[1] == 100 && s[2] == 10000 && s[3] == 1e6, "grid: log spaced");
	/* fuzz_disp_funnel: a unit of 2^53 made s++ stand still (a heap
	 * overflow); 2^53 - 2 .. 2^53 is three integers, each once. */
	double p53 = 9007199254740992.0;
	m = dsp_funnel_grid(p53, p53, 8, 1, s);
	tap_ok(m == 1 && s[0] == p53, "grid: one size of 2^53 is one point");
	m = dsp_funnel_grid(p53 - 2, p53, 8, 1, s);
	tap_ok(m == 3 && s[0] == p53 - 2 && s[1] == p53 - 1 && s[2] == p53,
	       "grid: 2^53 - 2 to 2^53, every integer once");
	m = dsp_funnel_grid(4 * p53, 4 * p53 + 8, 8, 1, s);
	tap_ok(m >= 1 && m <= 8 && s[0] == 4 * p53, "grid: above 2^53, within its %d points", 8);
}

int main(void)
{
	phe_example();
	consistency();
	contracts();
	return tap_done();
}
