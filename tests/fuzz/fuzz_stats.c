/*
 * fuzz_stats.c - every method of stats/ on counts decoded from the input,
 * checked against invariants that any right answer satisfies (issue 16).
 * The methods come from the tables of stats/methods.c (dsp_kinds,
 * dsp_table_kinds, dsp_strata_kinds, dsp_funnel_kinds), so a method or a
 * kind added to them is fuzzed without editing this file; a new shape
 * aborts here until it is taught.  tests/unit/test_grid.c holds the
 * disp-rate methods to the same invariants on a fixed grid of extreme
 * counts; this harness looks between its points, and covers disp-test,
 * disp-strata, disp-funnel and --adjust too.  It is two harnesses: this
 * one the methods that take microseconds, fuzz_stats_exact the costly ones
 * (costly[] below), so that each reaches its executions.
 *
 * Decoding.  Two bytes pick the method (modulo their number), or the
 * input starts "#NAME\n" (as "#disp-rate -x --ratio exact"), which
 * keeps a saved input's meaning when methods are added.  Then each number
 * is a selector byte and, for some selections, more bytes; exhausted
 * input reads as zeros.  Counts are biased to the edges: totals 1, 2, a
 * small one, the other group's (equal groups), 10^9, 10^9 - 1, a power of
 * ten, uniform or log-uniform in [1, 10^9]; events 0, 1, n - 1, n, n/2,
 * the other group's rate, small, uniform or log-uniform in [0, n].
 * Exposures (person-time): 1, 0.75, the other group's, 10^-3, tiny ones
 * to 10^-100, huge ones to 10^100, 10^12, 4.5e15, log-uniform in
 * [10^-15, 10^15].  FUZZ_STATS_SHOW=1 prints each input's method and
 * arguments (what a timeout does not); FUZZ_STATS_ONLY=text fuzzes only
 * the methods whose name contains text.
 *
 * Levels: every interval runs at the ladder 0.8, 0.9, 0.95, 0.99 and at
 * one decoded level (0.95, 0.5, 0.999, 1 - 1e-6, 1 - 1e-10, 1e-6, or
 * uniform in (0, 1)).  Invariants, each a message on stderr and abort():
 *   status: DSP_OK, or DSP_ERANGE from a row with a `limit`; never
 *           DSP_EDOM, every input being valid for its family (below), nor
 *           DSP_ENOCONV.
 *   nan:    no NaN bound, estimate or p, except where a header documents
 *           one for valid input (chi2, chi2-yates and g at a zero margin;
 *           the k x 2 tests with fewer than two groups or a 0/0
 *           statistic; homogeneity with fewer than two informative strata;
 *           indirect standardisation with nothing expected).
 *   range:  bounds within the parameter's range (dsp_quantity), lo <= hi,
 *           p in [0, 1]; adjusted p no smaller than p and in its order;
 *           phi >= 1 and tau2 >= 0, finite.
 *   estimate: lo <= estimate <= hi, to 1e-14 relative, at levels >= 0.5
 *           (as the level falls to 0 exact intervals shrink to a median,
 *           not to x/n), where the estimate is not NaN.  Exempt, as
 *           documented: pseudo-count methods (DSP_PSEUDO), scas below
 *           0.6827 (test_grid.c says why); in several strata the score and
 *           exact intervals, centred on their own estimators while the
 *           estimate printed is Mantel-Haenszel's (disp-strata.1).  A
 *           funnel's limits hold the target, but exact-cdf's upper limit,
 *           one count below exact's (funnel.h).
 *   score:  an interval with a test of its own (a row's score or sscore)
 *           excludes the null exactly when p < 1 - level, to 1e-9 in p;
 *           a funnel's rate is outside its limits exactly when p < 1 -
 *           level.  Exempt: a stratified score interval holding a null its
 *           test rejects (see do_strata: the hull of an accepted set with
 *           a hole, as Fay 2010 calls unavoidable in inverted tests).
 *   nested: each bound at a higher level of the ladder no further in, to
 *           1e-10 relative.  Every interval here is closed-form in z,
 *           equal-tailed (monotone tails), or the hull of the parameters
 *           a test accepts at 1 - level (the score intervals, minlike,
 *           Blaker, Baptista-Pike: invert.h, odds.h, strata.h); the set
 *           {theta : p(theta) > alpha} only grows as alpha falls, so its
 *           hull does, whatever holes it has: none is exempt.  Intervals
 *           taken level by level as the shortest acceptance region
 *           (Sterne-Crow, Blyth-Still-Casella) need not be nested, which
 *           is why Blaker (2000) proposed his; none is in the tables.
 *   time:   each call under a second of CPU (see limit_secs), more where
 *           a man page documents it (allowance()).
 *
 * Valid inputs, per family:
 *   binomial (--ci, --ratio, --diff, --odds, --test, strata): integers
 *           0 <= x <= n, 1 <= n <= 10^9, level in (0, 1);
 *   person-time: integer 0 <= x <= 10^9, exposure t in [10^-100, 10^100],
 *           so that rates and their squares are doubles;
 *   k x 2 tables: 1 to 8 groups, 0 <= x <= n <= 10^9 (total 0 allowed:
 *           the group is left out), scores finite (ties allowed);
 *   standardise: x integer <= 10^9, n a total or an exposure as above,
 *           standard s >= 0 finite, some s > 0;
 *   funnel: target in [0, 1] (Poisson: [0, 256]), phi >= 1, tau2 >= 0,
 *           over-dispersion only where the variance is positive, n an
 *           integer in [1, 10^9] (Poisson: an exposure up to 10^15), x <= n
 *           an integer (or NaN: limits only);
 *   over-dispersion: 1 to 16 finite z-scores, weights w > 0 finite,
 *           winsor in [0, 0.5);
 *   adjust: 1 to 32 p-values in [0, 1], ties and 5e-324 included.
 */
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dsp.h"
#include "methods.h"
#include "standardise.h"
#include "strata.h"
#include "table.h"
#include "uncond.h"

/* ---- decoding ---- */

struct src {
	const uint8_t *p;
	size_t n;
};

static unsigned u8(struct src *s)
{
	if (s->n == 0)
		return 0;
	s->n--;
	return *s->p++;
}

static uint32_t u32(struct src *s)
{
	uint32_t v = 0;
	for (int i = 0; i < 4; i++)
		v = v << 8 | u8(s);
	return v;
}

/* Two bytes, big-endian (each read in its own statement: the order of
 * two calls in one expression is unspecified). */
static unsigned u16(struct src *s)
{
	unsigned hi = u8(s);
	return hi << 8 | u8(s);
}

/* Uniform in [0, 1). */
static double unit(struct src *s) { return u32(s) / 4294967296.0; }

#define CMAX 1e9

/* A total n >= 1; other is the other group's (0: none). */
static double total(struct src *s, double other)
{
	switch (u8(s) % 10) {
	case 0: return 1;
	case 1: return 2;
	case 2: return 1 + u8(s);
	case 3: return other > 0 ? other : 1;
	case 4: return CMAX;
	case 5: return CMAX - 1;
	case 6: return pow(10, u8(s) % 10);
	case 7: return 1 + floor(unit(s) * CMAX);
	case 8: return fmin(CMAX, floor(exp(unit(s) * log(CMAX + 1))));
	default: return 1 + u16(s);
	}
}

/* Events x of total n (<= max; max == n for a binomial count, else the
 * count's maximum); (ox, on) the other group's events and total or
 * exposure, t this group's (for the same rate), 0 when none. */
static double events(struct src *s, double max, double t, double ox, double on)
{
	double x;
	switch (u8(s) % 10) {
	case 0: return 0;
	case 1: return fmin(1, max);
	case 2: return max;
	case 3: return fmax(max - 1, 0);
	case 4: return floor(max / 2);
	case 5: x = on > 0 ? floor(ox / on * t + 0.5) : 0; break;
	case 6: x = u8(s); break;
	case 7: x = floor(unit(s) * (max + 1)); break;
	case 8: x = floor(exp(unit(s) * log(max + 1))) - 1; break;
	default: x = u16(s); break;
	}
	return fmin(fmax(x, 0), max);
}

/* A person-time exposure, finite > 0. */
static double exposure(struct src *s, double other)
{
	switch (u8(s) % 10) {
	case 0: return 1;
	case 1: return other > 0 ? other : 0.75;
	case 2: return 1e-3;
	case 3: return pow(10, -(double)(u8(s) % 101));   /* tiny, to 1e-100 */
	case 4: return pow(10, (double)(u8(s) % 101));    /* huge, to 1e100 */
	case 5: return 1e12;
	case 6: return 4.5e15;
	case 7: return exp((unit(s) - 0.5) * 2 * log(1e15));
	case 8: return (1.0 + u32(s)) * 0.25;
	default: return 1 + u8(s);
	}
}

static const double ladder[] = {0.8, 0.9, 0.95, 0.99};
#define NLAD 4

static double level(struct src *s)
{
	switch (u8(s) % 8) {
	case 0: return 0.95;
	case 1: return 0.5;
	case 2: return 0.999;
	case 3: return 1 - 1e-6;
	case 4: return 1 - 1e-10;
	case 5: return 1e-6;
	default: {
		double l = unit(s);
		return l > 0 ? l : 0.5;
	}
	}
}

/* ---- violations ---- */

static const char *what;   /* "kind method", for messages */
static char args[2048];     /* the decoded arguments, for messages */

/* FUZZ_STATS_SHOW set: each input's method and arguments on stderr before
 * its calls (for a timeout, which has no message of its own). */
static void show(void)
{
	static int on = -1;
	if (on < 0)
		on = getenv("FUZZ_STATS_SHOW") != NULL;
	if (on)
		fprintf(stderr, "fuzz_stats: %s (%s)\n", what, args);
}

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void fail(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "fuzz_stats: %s (%s): ", what, args);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

static const char *status_name(int st)
{
	switch (st) {
	case DSP_OK: return "DSP_OK";
	case DSP_EDOM: return "DSP_EDOM";
	case DSP_ENOCONV: return "DSP_ENOCONV";
	case DSP_ERANGE: return "DSP_ERANGE";
	case DSP_ENOMEM: return "DSP_ENOMEM";
	}
	return "an unknown status";
}

/*
 * The time limit of one call, in CPU seconds of this thread (the machine
 * is shared: wall time would blame a method for its neighbours): 1 s in
 * a plain build, where the bound means what it says (the gcc -O2 replay
 * of make check; replay the corpus through it to check what libFuzzer
 * found); 20 s in a sanitizer or libFuzzer build, 4 to 50 times slower,
 * where it only catches hangs; FUZZ_STATS_SECONDS sets it.  started()
 * before a call, usable() after it.
 */
#if defined(__SANITIZE_ADDRESS__)
#define INSTRUMENTED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer) || \
	__has_feature(coverage_sanitizer)
#define INSTRUMENTED 1
#endif
#endif
#ifndef INSTRUMENTED
#define INSTRUMENTED 0
#endif

static double limit_secs = -1, t0;

static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void started(void)
{
	if (limit_secs < 0) {
		const char *e = getenv("FUZZ_STATS_SECONDS");
		limit_secs = e && atof(e) > 0 ? atof(e) : INSTRUMENTED ? 20 : 1;
	}
	t0 = cpu_now();
}

/* Methods whose man pages give them more than a second at their limits:
 * that much, doubled. */
static double allowance(const dsp_method *m)
{
	/* disp-rate.1: "about 2 s of CPU at 10^4 per arm". */
	if (m->fn.test == dsp_test_boschloo_minlike)
		return 4;
	/* disp-strata.1: "8 strata of 10^5 0.7 s", and at the limit of
	 * 10^9 products beside a stratum of 10^9 about 2 s a call. */
	if (m->fn.strata == dsp_sor_exact || m->fn.stest == dsp_stest_exact ||
	    m->fn.stest == dsp_sptest_exact)
		return 10;
	return 1;
}

/* 1 when the result is to be checked, 0 when DSP_ERANGE is allowed. */
static int usable(const dsp_method *m, int st)
{
	double secs = cpu_now() - t0, lim = limit_secs * allowance(m);
	if (secs > lim)
		fail("one call took %.3g s of CPU (limit %g s)", secs, lim);
	if (st == DSP_ERANGE && m->limit)
		return 0;
	if (st != DSP_OK)
		fail("%s%s", status_name(st),
		     st == DSP_ERANGE ? " from a row with no limit" : "");
	return 1;
}

/* lo <= v <= hi, to rel relative. */
static int within(double v, double lo, double hi, double rel)
{
	double slo = isinf(lo) ? 0 : rel * fabs(lo);
	double shi = isinf(hi) ? 0 : rel * fabs(hi);
	return v >= lo - slo && v <= hi + shi;
}

/* b, a bound at a higher level than a, is no further in (dir -1 lower,
 * +1 upper), to 1e-10 relative. */
static int outward(double a, double b, int dir)
{
	if (dir * (b - a) >= 0 || a == b)
		return 1;
	return isfinite(a) && isfinite(b) && fabs(b - a) <= 1e-10 * fmax(fabs(a), fabs(b));
}

static void range_of(dsp_quantity q, double *min, double *max)
{
	*min = q == DSP_DIFFERENCE ? -1 : 0;
	*max = q == DSP_PROPORTION || q == DSP_DIFFERENCE || q == DSP_PVALUE ? 1 : INFINITY;
}

static void check_p(double p, int nan_ok)
{
	if (isnan(p)) {
		if (!nan_ok)
			fail("p is nan");
		return;
	}
	if (!(p >= 0 && p <= 1))
		fail("p %.17g outside [0, 1]", p);
}

static int is(const dsp_method *m, const char *name) { return !strcmp(m->name, name); }

/*
 * Intervals documented to leave out the estimate printed beside them (as
 * test_grid's estimate_exempt, where each is explained): pseudo-count
 * methods, the mover-jeffreys intervals around posterior medians, scas
 * below 0.6827.
 */
static int estimate_exempt(const dsp_kind *k, const dsp_method *m, double lev)
{
	if (m->flags & DSP_PSEUDO)
		return 1;
	return (k->shape == DSP_PAIR && k->quantity == DSP_RATIO && !k->person_time &&
		is(m, "scas") && lev < 0.6827);
}

/* ---- one interval at the ladder and a decoded level ---- */

struct pair {
	const dsp_method *m;
	double x1, n1, x2, n2;
};


/* Calls the interval at level l; the kind's caller binds the arguments. */
typedef int (*interval_call)(const void *ctx, double l, double *lo, double *hi);

/* What intervals() does not check, for a call. */
enum {
	NO_EST = 1,   /* the estimate */
	HOLE = 2      /* an interval holding a null its test rejects */
};

/* sp: the p of the test the interval inverts (a row's score or sscore),
 * NaN when it has none; null, the value that test is of. */
static void intervals(const dsp_kind *k, const dsp_method *m, interval_call f,
		      const void *ctx, double est, double extra, unsigned exempt,
		      double sp, double null)
{
	double min, max, plo = NAN, phi = NAN, plev = 0;
	int have = 0;
	range_of(k->quantity, &min, &max);
	for (int i = 0; i <= NLAD; i++) {
		double l = i < NLAD ? ladder[i] : extra, lo = NAN, hi = NAN;
		started();
		int st = f(ctx, l, &lo, &hi);
		if (!usable(m, st))
			return;   /* beyond the limit at one level: at all */
		if (isnan(lo) || isnan(hi))
			fail("level %.17g: [%.17g, %.17g] has a nan", l, lo, hi);
		if (!(lo >= min && hi <= max))
			fail("level %.17g: [%.17g, %.17g] outside [%g, %g]", l, lo, hi, min, max);
		if (!(lo <= hi))
			fail("level %.17g: lo %.17g > hi %.17g", l, lo, hi);
		if (l >= 0.5 && !isnan(est) && !(exempt & NO_EST) && !estimate_exempt(k, m, l) &&
		    !within(est, lo, hi, 1e-14))
			fail("level %.17g: [%.17g, %.17g] excludes the estimate %.17g",
			     l, lo, hi, est);
		if (i < NLAD && have && !(outward(plo, lo, -1) && outward(phi, hi, 1)))
			fail("not nested: [%.17g, %.17g] at level %g inside [%.17g, %.17g] at %g",
			     lo, hi, l, plo, phi, plev);
		/* methods.h: p < 1 - level exactly when the interval excludes
		 * the null; as test_grid, to 1e-9 relative in p, or where the
		 * bound nearest the null is within 2 ulps of it. */
		if (!isnan(sp)) {
			double alpha = 1 - l, gap = fmin(fabs(lo - null), fabs(hi - null));
			int excl = lo > null || hi < null, rej = sp < alpha;
			if (excl != rej && !(!excl && (exempt & HOLE)) &&
			    !(fabs(sp - alpha) <= 1e-9 * alpha) &&
			    !(gap <= 2 * DBL_EPSILON * fabs(null)))
				fail("level %.17g: [%.17g, %.17g] %s %g but its test's p is %.17g",
				     l, lo, hi, excl ? "excludes" : "holds", null, sp);
		}
		plo = lo, phi = hi, plev = l, have = 1;
	}
}

/* The p of the test a row's interval inverts, NaN without one. */
static double companion_p(const dsp_method *m, dsp_test_fn t, const struct pair *a,
			  dsp_strata_test_fn st, const dsp_strata *s)
{
	double p = NAN;
	if (!t && !st)
		return NAN;
	started();
	int rc = t ? t(a->x1, a->n1, a->x2, a->n2, &p) : st(s, &p);
	if (!usable(m, rc))
		return NAN;
	check_p(p, 0);
	return p;
}

/* ---- the shapes ---- */

static int call_one(const void *c, double l, double *lo, double *hi)
{
	const struct pair *a = c;
	return a->m->fn.ci(a->x1, a->n1, l, lo, hi);
}

static int call_pair(const void *c, double l, double *lo, double *hi)
{
	const struct pair *a = c;
	return a->m->fn.ratio(a->x1, a->n1, a->x2, a->n2, l, lo, hi);
}

/* Reads one group: (x, n) binomial, or (x, t) person-time. */
static void group(struct src *s, int pt, double *x, double *n, double ox, double on)
{
	if (pt) {
		*n = exposure(s, on);
		*x = events(s, CMAX, *n, ox, on);
	} else {
		*n = total(s, on);
		*x = events(s, *n, *n, ox, on);
	}
}

static void do_one(const dsp_kind *k, const dsp_method *m, struct src *s)
{
	struct pair a = {m, 0, 0, 0, 0};
	group(s, k->person_time, &a.x1, &a.n1, 0, 0);
	double l = level(s);
	snprintf(args, sizeof args, "x %.17g, n %.17g, level %.17g", a.x1, a.n1, l);
	show();
	intervals(k, m, call_one, &a, a.x1 / a.n1, l, 0, NAN, 0);
}

static void do_pair(const dsp_kind *k, const dsp_method *m, struct src *s)
{
	struct pair a = {m, 0, 0, 0, 0};
	group(s, k->person_time, &a.x1, &a.n1, 0, 0);
	group(s, k->person_time, &a.x2, &a.n2, a.x1, a.n1);
	double l = level(s);
	snprintf(args, sizeof args, "x1 %.17g, n1 %.17g, x2 %.17g, n2 %.17g, level %.17g",
		 a.x1, a.n1, a.x2, a.n2, l);
	show();
	double est = k->estimate ? k->estimate(a.x1, a.n1, a.x2, a.n2) : NAN;
	double sp = companion_p(m, m->score, &a, NULL, NULL);
	intervals(k, m, call_pair, &a, est, l, 0, sp, k->quantity == DSP_DIFFERENCE ? 0 : 1);
}

static void do_test(const dsp_kind *k, const dsp_method *m, struct src *s)
{
	double x1, n1, x2, n2, p = NAN;
	group(s, k->person_time, &x1, &n1, 0, 0);
	group(s, k->person_time, &x2, &n2, x1, n1);
	snprintf(args, sizeof args, "x1 %.17g, n1 %.17g, x2 %.17g, n2 %.17g", x1, n1, x2, n2);
	show();
	started();
	if (!usable(m, m->fn.test(x1, n1, x2, n2, &p)))
		return;
	/* test2x2.h: chi-square and G are NaN at a zero margin. */
	int margin = (x1 == 0 && x2 == 0) || (x1 == n1 && x2 == n2);
	int nan_ok = !k->person_time && margin &&
		     (is(m, "chi2") || is(m, "chi2-yates") || is(m, "g"));
	check_p(p, nan_ok);
}

static void do_adjust(const dsp_method *m, struct src *s)
{
	double p[32], out[32];
	size_t n = 1 + u8(s) % 32;
	for (size_t i = 0; i < n; i++) {
		switch (u8(s) % 8) {
		case 0: p[i] = 0; break;
		case 1: p[i] = 1; break;
		case 2: p[i] = i ? p[i - 1] : 0.05; break;   /* ties */
		case 3: p[i] = pow(10, -(double)(u8(s) % 320)); break;
		case 4: p[i] = 5e-324; break;
		case 5: p[i] = 0.05; break;
		default: p[i] = unit(s); break;
		}
	}
	int len = snprintf(args, sizeof args, "p");
	for (size_t j = 0; j < n && len > 0 && (size_t)len < sizeof args; j++)
		len += snprintf(args + len, sizeof args - len, " %.17g", p[j]);
	show();
	started();
	if (!usable(m, m->fn.adjust(n, p, out)))
		return;
	for (size_t i = 0; i < n; i++) {
		check_p(out[i], 0);
		/* Every p.adjust method gives p_adj >= p, and keeps the order. */
		if (out[i] < p[i])
			fail("p %.17g adjusted down to %.17g", p[i], out[i]);
		for (size_t j = 0; j < n; j++)
			if (p[i] < p[j] && out[i] > out[j])
				fail("order lost: %.17g -> %.17g but %.17g -> %.17g",
				     p[i], out[i], p[j], out[j]);
	}
}

static void do_table(const dsp_method *m, struct src *s)
{
	double x[8], n[8], sc[8];
	size_t k = 1 + u8(s) % 8, pos = 0;
	int scores = u8(s) % 4 == 0;
	double X = 0, N = 0;
	for (size_t i = 0; i < k; i++) {
		n[i] = u8(s) % 8 == 0 ? 0 : total(s, i ? n[i - 1] : 0);
		x[i] = n[i] > 0 ? events(s, n[i], n[i], i ? x[i - 1] : 0, i ? n[i - 1] : 0) : 0;
		sc[i] = scores ? (double)(u8(s) % 4) : (double)(i + 1);
		pos += n[i] > 0, X += x[i], N += n[i];
	}
	dsp_ktable t = {k, x, n, scores ? sc : NULL, 1e5, 200, 1};
	dsp_ktest r;
	int len = snprintf(args, sizeof args, "groups x/n (score)");
	for (size_t j = 0; j < k && len > 0 && (size_t)len < sizeof args; j++)
		len += snprintf(args + len, sizeof args - len, " %.17g/%.17g (%g)",
				x[j], n[j], sc[j]);
	show();
	started();
	if (!usable(m, m->fn.table(&t, &r)))
		return;
	if (r.groups != pos)
		fail("%zu groups tested, %zu with a total", r.groups, pos);
	/* table.h: no test below two groups; 0/0 statistics at a zero margin
	 * (exact: p = 1 there) or, for trend, every group at one score. */
	double s0 = NAN;
	int one_score = 1;
	for (size_t i = 0; i < k; i++)
		if (n[i] > 0) {
			if (isnan(s0))
				s0 = sc[i];
			one_score &= sc[i] == s0;
		}
	int margin = X == 0 || X == N;
	int undefined = pos >= 2 && (m->fn.table == dsp_kt_trend ? margin || one_score :
				     m->fn.table == dsp_kt_exact || m->fn.table == dsp_kt_exact_mc ?
				     0 : margin);
	dsp_kt_how want = pos < 2 ? DSP_KT_NONE : DSP_KT_UNDEFINED;
	if ((pos < 2 || undefined) != (r.how == want))
		fail("how %d for %zu groups with a total%s", (int)r.how, pos,
		     undefined ? ", statistic 0/0" : "");
	check_p(r.p, pos < 2 || undefined);
	if (!isnan(r.p) && !(r.stat >= 0))
		fail("statistic %.17g", r.stat);
}

/* ---- strata ---- */

struct strata_args {
	const dsp_method *m;
	const dsp_strata *s;
};

static int call_strata(const void *c, double l, double *lo, double *hi)
{
	const struct strata_args *a = c;
	return a->m->fn.strata(a->s, l, lo, hi);
}

static void do_strata(const dsp_kind *k, const dsp_method *m, struct src *s)
{
	double x1[6], n1[6], x2[6], n2[6];
	size_t K = 1 + u8(s) % 6;
	for (size_t j = 0; j < K; j++) {
		double ox = j ? x1[j - 1] : 0, on = j ? n1[j - 1] : 0;
		group(s, k->person_time, &x1[j], &n1[j], ox, on);
		group(s, k->person_time, &x2[j], &n2[j], x1[j], n1[j]);
	}
	dsp_strata st = {K, x1, n1, x2, n2};
	double l = k->shape == DSP_STRATA ? level(s) : 0;
	int len = snprintf(args, sizeof args, "level %.17g, strata", l);
	for (size_t j = 0; j < K && len > 0 && (size_t)len < sizeof args; j++)
		len += snprintf(args + len, sizeof args - len, " %.17g/%.17g vs %.17g/%.17g",
				x1[j], n1[j], x2[j], n2[j]);
	show();
	if (k->shape == DSP_STRATA) {
		dsp_strata_estimate_fn e = dsp_strata_estimate(k);
		struct strata_args a = {m, &st};
		/* The estimate is Mantel-Haenszel's whatever the method
		 * (disp-strata.1); the score intervals (a row with sscore) and
		 * the exact one are centred on their own estimators (the
		 * score's zero, the conditional MLE), which across strata may
		 * lie far enough from it to leave it out: those are held to it
		 * only in one stratum, where they are disp-rate's. */
		int mh = !m->sscore && m->fn.strata != dsp_sor_exact;
		double sp = companion_p(m, NULL, NULL, m->sscore, &st);
		/* A stratified score interval is the hull of the values its
		 * statistic accepts (strata.h), and across strata that set
		 * can have a hole at the null: its test (CMH) rejects the
		 * null while values on both sides are accepted.  0 of 10^9
		 * against 0 of 10^9 beside 10^9 - 2 of 10^9 - 1 against 0 of
		 * 1: the difference's T is 18257 at 0, 2.5 at -10^-9 and 0
		 * at 10^-9, the first stratum pinning d near 0 and the last
		 * putting it near 1 (the common difference is far from the
		 * data).  disp-strata.1's "exactly when" holds in one
		 * stratum, except for scas, where "the accepted ratios need
		 * not form an interval" (disp-strata.1) even then: 29171 of
		 * 999999999 against 0 of 1 at level 0.5 holds 0, where its
		 * corrected score is 0.98. */
		int hole = K > 1 || m->sscore == dsp_stest_scas_rr || m->sscore == dsp_stest_scas_rd;
		unsigned ex = (!mh && K > 1 ? NO_EST : 0) | (hole ? HOLE : 0);
		intervals(k, m, call_strata, &a, e ? e(&st) : NAN, l, ex, sp,
			  k->quantity == DSP_DIFFERENCE ? 0 : 1);
		return;
	}
	double p = NAN;
	started();
	if (!usable(m, m->fn.stest(&st, &p)))
		return;
	/* strata.h: homogeneity is NaN when fewer than two strata carry
	 * information or the common estimate is 0, inf or NaN. */
	int nan_ok = 0;
	if (k->methods == dsp_strata_homog_methods || k->methods == dsp_strata_pt_homog_methods) {
		size_t used = 0;
		for (size_t j = 0; j < K; j++) {
			double ev = x1[j] + x2[j];
			used += k->person_time ? ev > 0 : ev > 0 && ev < n1[j] + n2[j];
		}
		double c = k->person_time ? dsp_mh_ptrr(&st) : dsp_mh_or(&st);
		nan_ok = used < 2 || !(c > 0 && isfinite(c));
	}
	check_p(p, nan_ok);
}

struct std_args {
	const dsp_method *m;
	size_t k;
	const double *x, *n, *s;
};

static int call_std(const void *c, double l, double *lo, double *hi)
{
	const struct std_args *a = c;
	double e;
	return a->m->fn.standard(a->k, a->x, a->n, a->s, l, &e, lo, hi);
}

static void do_standard(const dsp_kind *k, const dsp_method *m, struct src *s)
{
	double x[6], n[6], w[6];
	size_t K = 1 + u8(s) % 6;
	int pt = u8(s) & 1, any = 0;
	for (size_t j = 0; j < K; j++) {
		group(s, pt, &x[j], &n[j], j ? x[j - 1] : 0, j ? n[j - 1] : 0);
		switch (u8(s) % 6) {
		case 0: w[j] = 0; break;
		case 1: w[j] = 1; break;
		case 2: w[j] = total(s, 0); break;
		case 3: w[j] = unit(s); break;
		case 4: w[j] = pow(10, -(double)(u8(s) % 20)); break;
		default: w[j] = j ? w[j - 1] : 1; break;
		}
		any |= w[j] > 0;
	}
	if (!any)
		w[0] = 1;
	double l = level(s), est = NAN, lo, hi;
	int len = snprintf(args, sizeof args, "level %.17g, x/n standard", l);
	for (size_t j = 0; j < K && len > 0 && (size_t)len < sizeof args; j++)
		len += snprintf(args + len, sizeof args - len, " %.17g/%.17g %.17g",
				x[j], n[j], w[j]);
	show();
	struct std_args a = {m, K, x, n, w};
	started();
	int st = m->fn.standard(K, x, n, w, 0.95, &est, &lo, &hi);
	if (!usable(m, st))
		return;
	/* standardise.h: indirect with no expected events is NaN (no events)
	 * or inf; nothing to check beyond that. */
	double E = 0;
	for (size_t j = 0; j < K; j++)
		E += n[j] * w[j];
	if (m->fn.standard == dsp_std_indirect && E == 0) {
		if (!(isnan(est) || isinf(est)))
			fail("no expected events but estimate %.17g", est);
		return;
	}
	if (isnan(est))
		fail("estimate nan");
	intervals(k, m, call_std, &a, est, l, 0, NAN, 0);
}

/* ---- funnel ---- */

struct funnel_args {
	const dsp_method *m;
	const dsp_funnel *f;
	double x, n;
};

static void do_funnel(const dsp_kind *k, const dsp_method *m, struct src *s)
{
	dsp_funnel f = {0, u8(s) & 1, 1, 0};
	switch (u8(s) % 7) {
	case 0: f.target = 0; break;
	case 1: f.target = f.poisson ? 1 : 1; break;
	case 2: f.target = 0.5; break;
	case 3: f.target = pow(10, -(double)(u8(s) % 16)); break;
	case 4: f.target = f.poisson ? 1 + u8(s) : 1 - pow(10, -(double)(u8(s) % 16)); break;
	default: f.target = unit(s) * (f.poisson ? 10 : 1); break;
	}
	double n = f.poisson ? exposure(s, 0) : total(s, 0);
	if (f.poisson && n > 1e15)
		n = 1e15;
	double v = dsp_funnel_var(&f, n);
	unsigned od = u8(s) % 4;
	if (v > 0 && od == 1)
		f.phi = 1 + unit(s) * 10;
	if (v > 0 && od == 2)
		f.tau2 = unit(s) * v * 10;
	double x = u8(s) % 8 == 0 ? NAN :
		   f.poisson ? events(s, fmin(CMAX, floor(n * f.target * 4 + 10)), n, 0, 0)
			     : events(s, n, n, 0, 0);
	double l = level(s);
	snprintf(args, sizeof args, "%s target %.17g phi %.17g tau2 %.17g, x %.17g, n %.17g, "
		 "level %.17g", f.poisson ? "poisson" : "binomial", f.target, f.phi, f.tau2,
		 x, n, l);
	show();
	double plo = NAN, phi = NAN, top = f.poisson ? INFINITY : 1;
	for (int i = 0; i <= NLAD; i++) {
		double lev = i < NLAD ? ladder[i] : l, lo, hi, p;
		started();
		if (!usable(m, m->fn.funnel(&f, x, n, lev, &lo, &hi, &p)))
			return;
		if (isnan(lo) || isnan(hi))
			fail("level %.17g: limits [%.17g, %.17g] have a nan", lev, lo, hi);
		if (!(lo >= 0 && hi <= top && lo <= hi))
			fail("level %.17g: limits [%.17g, %.17g]", lev, lo, hi);
		/* As for an estimate, at levels >= 0.5: exact limits shrink to
		 * the interpolated median, not the target, as the level falls.
		 * exact-cdf's upper limit is one count below exact's
		 * (funnel.h) and may lie below the target. */
		if (lev >= 0.5 && !(lo <= f.target * (1 + 1e-14) &&
		    (hi >= f.target * (1 - 1e-14) || m->fn.funnel == dsp_funnel_exact_cdf)))
			fail("level %.17g: limits [%.17g, %.17g] exclude the target", lev, lo, hi);
		check_p(p, isnan(x));
		/* funnel.h: x/n is outside exactly when p < 1 - level; to
		 * 1e-9 relative in p or 1e-12 in the rate. */
		if (!isnan(x)) {
			double r = x / n, alpha = 1 - lev;
			int out = r < lo || r > hi, rej = p < alpha;
			int near = fabs(p - alpha) <= 1e-9 * alpha ||
				   fabs(r - lo) <= 1e-12 * fmax(r, lo) ||
				   fabs(r - hi) <= 1e-12 * fmax(r, hi);
			if (out != rej && !near)
				fail("level %.17g: rate %.17g %s [%.17g, %.17g] but p %.17g", lev,
				     r, out ? "outside" : "inside", lo, hi, p);
		}
		if (i > 0 && i < NLAD && !(outward(plo, lo, -1) && outward(phi, hi, 1)))
			fail("not nested: [%.17g, %.17g] at %g inside [%.17g, %.17g]", lo, hi,
			     lev, plo, phi);
		plo = lo, phi = hi;
	}
	(void)k;
}

static void do_disp(const dsp_method *m, struct src *s)
{
	double z[16], w[16], phi, tau2;
	size_t K = 1 + u8(s) % 16;
	for (size_t i = 0; i < K; i++) {
		switch (u8(s) % 6) {
		case 0: z[i] = 0; break;
		case 1: z[i] = i ? z[i - 1] : 1; break;
		case 2: z[i] = (unit(s) - 0.5) * 1e3; break;
		case 3: z[i] = (unit(s) - 0.5) * 6; break;
		case 4: z[i] = ldexp(unit(s) - 0.5, (int)(u8(s) % 64)); break;
		default: z[i] = (int)u8(s) - 128; break;
		}
		switch (u8(s) % 5) {
		case 0: w[i] = 1; break;
		case 1: w[i] = i ? w[i - 1] : 1; break;
		case 2: w[i] = total(s, 0); break;
		case 3: w[i] = total(s, 0) * 4e12; break;   /* 1/v at a rare target */
		default: w[i] = total(s, 0) / (1 + unit(s)); break;
		}
	}
	double winsor = (u8(s) % 5) * 0.1;
	int len = snprintf(args, sizeof args, "winsor %g, z w", winsor);
	for (size_t j = 0; j < K && len > 0 && (size_t)len < sizeof args; j++)
		len += snprintf(args + len, sizeof args - len, " %.17g %.17g", z[j], w[j]);
	show();
	started();
	int st = m->fn.disp(K, z, w, winsor, &phi, &tau2);
	/* tau2 needs two units (funnel.h). */
	if (st == DSP_EDOM && K < 2 && m->fn.disp == dsp_disp_additive)
		return;
	if (!usable(m, st))
		return;
	if (!(phi >= 1 && isfinite(phi)))
		fail("phi %.17g", phi);
	if (!(tau2 >= 0 && isfinite(tau2)))
		fail("tau2 %.17g", tau2);
}

/* ---- the methods ---- */

struct entry {
	const dsp_kind *kind;
	const dsp_method *m;
	char name[96];
};

static struct entry entries[256];
static size_t nentries;

static void add_kinds(const dsp_kind *ks, const char *prefix)
{
	for (const dsp_kind *k = ks; k->option; k++)
		for (const dsp_method *m = k->methods; m->name; m++) {
			if (nentries == sizeof entries / sizeof *entries) {
				fputs("fuzz_stats: more methods than entries[] holds\n", stderr);
				abort();
			}
			struct entry *e = &entries[nentries++];
			e->kind = k, e->m = m;
			snprintf(e->name, sizeof e->name, "%s%s%s %s", prefix,
				 k->person_time ? "-x " : "", k->option, m->name);
		}
}

/*
 * The costly methods, fuzzed by fuzz_stats_exact (this file compiled with
 * FUZZ_STATS_EXACT 1); fuzz_stats takes the rest.  These average more than
 * 0.1 ms of CPU an input at -O2 (tests/fuzz/stats-times prints each
 * method's), up to 250 ms: exact, unconditional and stratified score
 * methods, root searches over sums of tails.  The rest average 0.035 ms,
 * so fuzz_stats runs 10^7 inputs in under an hour where these would take
 * days.  A name here that is no method aborts (a renamed method).
 */
#ifndef FUZZ_STATS_EXACT
#define FUZZ_STATS_EXACT 0
#endif
static const char *const costly[] = {
	"disp-rate --ci jeffreys", "disp-rate --ci blaker",
	"disp-rate --ratio koopman", "disp-rate --ratio mn", "disp-rate --ratio scas",
	"disp-rate --ratio mover-jeffreys", "disp-rate --diff mee", "disp-rate --diff mn",
	"disp-rate --diff mover-jeffreys", "disp-rate --odds exact",
	"disp-rate --odds midp", "disp-rate --odds mn", "disp-rate --odds baptista-pike",
	"disp-rate --odds mover-jeffreys", "disp-rate --test barnard",
	"disp-rate --test barnard-unpooled", "disp-rate --test boschloo",
	"disp-rate --test boschloo-minlike", "disp-rate -x --ci exact",
	"disp-rate -x --ci midp", "disp-rate -x --ci blaker", "disp-rate -x --ci minlike",
	"disp-rate -x --ratio exact", "disp-rate -x --ratio midp",
	"disp-rate -x --ratio blaker", "disp-rate -x --ratio minlike",
	"disp-test --tests exact", "disp-test --tests exact-mc",
	"disp-strata --ratio mn", "disp-strata --ratio scas", "disp-strata --diff mn",
	"disp-strata --diff scas", "disp-strata --odds exact", "disp-strata --test exact",
	"disp-strata -x --test exact", "disp-strata --standardise direct",
	"disp-strata --standardise indirect",
	NULL
};

static int is_costly(const char *name)
{
	for (const char *const *c = costly; *c; c++)
		if (!strcmp(*c, name))
			return 1;
	return 0;
}

/* Keeps the entries of this harness (costly or not; all with
 * FUZZ_STATS_EXACT -1), after checking that every costly name is a method. */
static void keep_this_harness(void)
{
	for (const char *const *c = costly; *c; c++) {
		size_t i = 0;
		while (i < nentries && strcmp(entries[i].name, *c))
			i++;
		if (i == nentries) {
			fprintf(stderr, "fuzz_stats: \"%s\" in costly[] is no method\n", *c);
			abort();
		}
	}
	size_t k = 0;
	for (size_t i = 0; i < nentries; i++)
		if (FUZZ_STATS_EXACT < 0 || is_costly(entries[i].name) == FUZZ_STATS_EXACT)
			entries[k++] = entries[i];
	nentries = k;
}

/* FUZZ_STATS_ONLY=text: only the methods whose name (as "disp-rate -x
 * --ratio exact") contains text, to fuzz a few at length. */
static void init(void)
{
	if (nentries)
		return;
	add_kinds(dsp_kinds, "disp-rate ");
	add_kinds(dsp_table_kinds, "disp-test ");
	add_kinds(dsp_strata_kinds, "disp-strata ");
	add_kinds(dsp_funnel_kinds, "disp-funnel ");
	keep_this_harness();
	const char *only = getenv("FUZZ_STATS_ONLY");
	if (only) {
		size_t k = 0;
		for (size_t i = 0; i < nentries; i++)
			if (strstr(entries[i].name, only))
				entries[k++] = entries[i];
		if (k == 0) {
			fprintf(stderr, "fuzz_stats: no method matches FUZZ_STATS_ONLY=%s\n", only);
			exit(64);
		}
		nentries = k;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct src s = {data, size};
	const struct entry *e = NULL;
	init();
	if (size > 0 && data[0] == '#') {
		/* "#NAME\n" then the arguments: the method by name, so that a
		 * saved input means the same after methods are added. */
		const uint8_t *nl = memchr(data, '\n', size);
		if (!nl)
			return 0;
		size_t len = (size_t)(nl - data) - 1;
		for (size_t i = 0; i < nentries && !e; i++)
			if (strlen(entries[i].name) == len && !memcmp(entries[i].name, data + 1, len))
				e = &entries[i];
		if (!e)
			return 0;   /* not a method (of this harness, of FUZZ_STATS_ONLY) */
		s.p = nl + 1, s.n = size - len - 2;
	} else {
		unsigned sel = u8(&s) << 8;
		sel |= u8(&s);
		e = &entries[sel % nentries];
	}
	const dsp_kind *k = e->kind;
	what = e->name;
	args[0] = '\0';
	if (k->methods == dsp_table_methods) {
		do_table(e->m, &s);
		return 0;
	}
	switch (k->shape) {
	case DSP_ONE: do_one(k, e->m, &s); break;
	case DSP_PAIR: do_pair(k, e->m, &s); break;
	case DSP_TEST: do_test(k, e->m, &s); break;
	case DSP_ADJUST: do_adjust(e->m, &s); break;
	case DSP_STRATA:
	case DSP_STRATA_TEST: do_strata(k, e->m, &s); break;
	case DSP_STANDARD: do_standard(k, e->m, &s); break;
	case DSP_FUNNEL: do_funnel(k, e->m, &s); break;
	case DSP_DISPERSION: do_disp(e->m, &s); break;
	default:
		fail("shape %d is not fuzzed: teach fuzz_stats.c", (int)k->shape);
	}
	return 0;
}
