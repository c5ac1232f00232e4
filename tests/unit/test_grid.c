/*
 * test_grid.c - every method of every table in methods.h on a grid of
 * extreme counts, each call guarded against hangs and crashes, checked
 * against invariants that any right answer satisfies (issue 9).  A method
 * added to a table is covered without editing this file.
 *
 * Grid.  Totals n in {1, 10, 10^6, 10^9, 10^12, 2^53} and x in {0, 1,
 * floor(n/2), n-1, n}, deduplicated: 27 (x, n) for rate intervals, and
 * every pair of them (729 tables) for ratios, differences, odds ratios and
 * tests.  Person-time: the 17 distinct event counts of that grid in
 * exposures {1e-3, 0.75, 1, 1e6, 1e12, 4.5e15} (102 (x, t)); ratio and
 * test methods pair each of them with the second group in exposure 1 or
 * 4.5e15 (3468 tables; t1/t2 still spans 2e-19 to 4.5e15, and these methods
 * see the exposures only through it).  Before the grid, the issue's
 * reproducers it does not hold (extra[]), e.g. 2^53-2 of 2^53 vs 2 of 2.
 *
 * Levels.  Tables whose totals (person-time: event counts) are all <= 10^6
 * run at the ladder {1e-6, 0.5, 0.9, 0.95, 0.99, 1-1e-6, 1-1e-10}; tables
 * with a count of 10^9 or more at {0.5, 0.95, 1-1e-10}, because methods
 * are allowed up to a second per call there, and the full ladder would
 * multiply that by seven.  Tests run once per table.  About 113,000 calls.
 *
 * Invariants: one TAP line per (method, invariant), the first few
 * offending calls as comments (GRID_SHOW=n shows up to 200).
 *   guard:    each call returns within 5 s of CPU time (10 s under ASan;
 *             CPU, not wall time, because the machine is shared), without
 *             a signal or a sanitizer abort.  Each method runs in a forked
 *             child that arms a timer before every call and writes each
 *             result down a pipe; when the child dies, the parent names the
 *             call, skips the rest of that table (it would hang or crash
 *             again) and forks a new child for the next.  So that a hanging
 *             method cannot hold the run for hours, its guard drops to 1 s
 *             (2 s) after its third timeout and it is stopped after its
 *             tenth guard failure (the calls not run are counted and
 *             printed); GRID_GUARD=s (fractions allowed) and GRID_MAX_FAIL=n
 *             change these.  Outside ASan the children get a 4 GB
 *             address-space limit, so a runaway allocation fails instead of
 *             swamping the machine.  The slowest call per method, in CPU
 *             time, is printed: information, not asserted.
 *   status:   DSP_OK, or DSP_ERANGE from a method whose row has a `limit`
 *             (counted as out of range, not checked further).  Anything
 *             else fails: DSP_EDOM (every count here is valid), ENOCONV,
 *             ENOMEM, ERANGE from a row with no limit.
 *   nan:      no NaN bound or p except where bin/disp-rate.1 (ZERO CELLS)
 *             documents one for valid counts: nan_documented(), chi2,
 *             chi2-yates and g at a zero margin.  (Total 0, where the rest
 *             is NaN, is not on the grid.)
 *   range:    bounds inside the parameter's range: proportions [0, 1],
 *             differences [-1, 1], ratios, odds ratios and person-time
 *             rates [0, inf]; p in [0, 1].
 *   order:    lo <= hi.
 *   finite:   where the man page has the bounds finite.  Read as: a ratio
 *             or odds ratio with no zero cell (x1 > 0 and x2 > 0; for odds
 *             ratios all four cells) has 0 < lo and hi < inf, except where
 *             the man page says otherwise (may_be_open(): bailey, and scas
 *             at extreme levels); a person-time rate's upper bound is
 *             finite.  Proportions and differences are covered by range.
 *   estimate: the point estimate (x/n, x/t, dsp_rr, dsp_rd, dsp_or, and
 *             (x1/t1)/(x2/t2)) lies in [lo, hi] where it is not NaN, to
 *             1e-14 relative (the rounding of a degenerate interval such as
 *             katz's 1 to 1), at levels >= 0.5: as the level goes to 0,
 *             exact, mid-p and Jeffreys intervals shrink to a median-type
 *             estimate, not to x/n, so level 1e-6 is checked for all but
 *             this.  Methods documented as able to leave the estimate out
 *             are exempt (estimate_exempt(): the pseudo-count methods, and
 *             scas below level 0.6827, arcsine and the mover-jeffreys
 *             intervals, centred on Anscombe's pt and on posterior medians).
 *   score:    a row with a `score` companion: the interval excludes the
 *             null (1; 0 for differences) exactly when p < 1 - level, a
 *             disagreement allowed only where p is within 1e-9 relative of
 *             1 - level, as in test_consistency.c, or where the bound
 *             nearest the null is within 2 ulps of it: 2^53-1 of 2^53 vs
 *             2^53 of 2^53 at level 0.5 has its upper bound in (1 - 2^-53,
 *             1), where no double lies, so either rounding breaks one side.
 *   nested:   from each level of a table's ladder to the next, each bound
 *             moves outward or stays, to 1e-10 relative (the accuracy the
 *             bounds are verified to; the ladder's steps move them far more).
 *
 * Runtime, measured on the shared 2-core machine: with the issue-9 branches
 * i9-beta, i9-odds and i9-scas merged, 5.6 s of CPU in the calls, 11 s
 * wall (ASan+UBSan at -O1: 13 s, 25 s), baptista-pike two thirds of it; on
 * main at 0e2fa20, where 36 lines fail, 7 min of CPU and 13 min wall (under
 * sanitizers 14 and 19 min), nearly all of it timeouts.  Issue 17's
 * methods add about 45 s of CPU, nearly all of it the exact person-time
 * intervals that invert the minlike and Blaker tests (15,210 calls of -x
 * --ratio blaker, 2 ms each, at most 0.05 s).  Under ASan (see plan())
 * the grid is thinned: every other table at the short ladder, every fourth
 * for those inversions.  The fork per
 * method, crash or timeout costs little.  GRID_ONLY=text runs only the
 * methods whose "kind name" (e.g. "--odds baptista-pike") contains text;
 * GRID_TIMES=file writes each call's CPU time, status and arguments.
 */
#define _XOPEN_SOURCE 700
#include "tap.h"
#include "diff.h"
#include "dsp.h"
#include "methods.h"
#include "odds.h"
#include "propci.h"
#include "ratio.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* The levels, ascending; a table runs at the ladder of its size. */
static const double levels[] = {1e-6, 0.5, 0.9, 0.95, 0.99, 1 - 1e-6, 1 - 1e-10};
#define NLEV (sizeof levels / sizeof *levels)
/* Indices into levels[]: all of them, and 0.5, 0.95, 1-1e-10. */
static const unsigned char full_ladder[] = {0, 1, 2, 3, 4, 5, 6};
static const unsigned char short_ladder[] = {1, 3, 6};
#define SCORE 0xff  /* the call of a score companion */
/* The estimate is held to its interval from this level up (see the top). */
#define EST_LEVEL 0.5

struct table {
	double x1, n1, x2, n2;  /* n: total, or exposure for person-time */
	int large;              /* a count of 10^9 or more: the short ladder */
};

static size_t ladder(const struct table *t, const unsigned char **lev)
{
	*lev = t->large ? short_ladder : full_ladder;
	return t->large ? sizeof short_ladder : sizeof full_ladder;
}

enum shape { ONE, TWO, TEST };

struct kind {
	const char *name;       /* the option, as a user would type it */
	const dsp_method *methods;
	enum shape shape;
	int pt;                 /* person-time */
	double min, max;        /* the parameter's range */
	double null;            /* of the score companion */
	double (*est)(const struct table *);
	int odds;               /* zero cells are any of the four */
};

static double est_prop(const struct table *t) { return t->x1 / t->n1; }
static double est_rr(const struct table *t) { return dsp_rr(t->x1, t->n1, t->x2, t->n2); }
static double est_rd(const struct table *t) { return dsp_rd(t->x1, t->n1, t->x2, t->n2); }
static double est_or(const struct table *t) { return dsp_or(t->x1, t->n1, t->x2, t->n2); }

static double est_pt_rr(const struct table *t)
{
	if (t->x2 == 0)
		return t->x1 == 0 ? NAN : INFINITY;
	return (t->x1 / t->n1) / (t->x2 / t->n2);
}

static const struct kind kinds[] = {
	{"--ci", dsp_ci_methods, ONE, 0, 0, 1, 0, est_prop, 0},
	{"--ratio", dsp_ratio_methods, TWO, 0, 0, INFINITY, 1, est_rr, 0},
	{"--test", dsp_test_methods, TEST, 0, 0, 1, 0, NULL, 0},
	{"--diff", dsp_diff_methods, TWO, 0, -1, 1, 0, est_rd, 0},
	{"--odds", dsp_odds_methods, TWO, 0, 0, INFINITY, 1, est_or, 1},
	{"-x --ci", dsp_pt_ci_methods, ONE, 1, 0, INFINITY, 0, est_prop, 0},
	{"-x --ratio", dsp_pt_ratio_methods, TWO, 1, 0, INFINITY, 1, est_pt_rr, 0},
	{"-x --test", dsp_pt_test_methods, TEST, 1, 0, 1, 0, NULL, 0},
};

static int is(const struct kind *k, const dsp_method *m, const char *kind,
	      const char *name)
{
	return !strcmp(k->name, kind) && !strcmp(m->name, name);
}

/*
 * Where bin/disp-rate.1 documents that an interval can leave out the
 * sample estimate; the one place this is kept.  The pseudo-count methods
 * add to the cells, and the estimate they are printed beside is not
 * adjusted.  scas is centred on the zero of its corrected score and "always
 * holds the estimate at levels of 0.6827 and above" (its man page as
 * rewritten on branch i9-scas, bf49b8e).  Another method belongs here only
 * once its man page says so.
 */
static int estimate_exempt(const struct kind *k, const dsp_method *m,
			   double level)
{
	return is(k, m, "--ratio", "adj-log") ||        /* 1/2 added to x1, n1, x2, n2 */
	       is(k, m, "--odds", "gart") ||            /* 1/2 added to every cell */
	       is(k, m, "--odds", "asinh") ||           /* 0.45 added to every cell */
	       is(k, m, "--diff", "agresti-caffo") ||   /* 1 event, 1 non-event per group */
	       is(k, m, "--ci", "arcsine") ||           /* 3/8 added to x and n - x */
	       !strcmp(m->name, "mover-jeffreys") ||     /* around the posterior medians */
	       (is(k, m, "--ratio", "scas") && level < 0.6827);
}

/* Where the man page documents nan for valid counts: chi2, chi2-yates and g
 * when the table has a zero margin (no events at all, or only events). */
static int nan_documented(const struct kind *k, const dsp_method *m,
			  const struct table *t)
{
	int zero_margin = (t->x1 == 0 && t->x2 == 0) ||
			  (t->x1 == t->n1 && t->x2 == t->n2);
	return !k->pt && k->shape == TEST && zero_margin &&
	       (!strcmp(m->name, "chi2") || !strcmp(m->name, "chi2-yates") ||
		!strcmp(m->name, "g"));
}

/*
 * Where the man page documents a lower bound 0 (upper: inf) with no zero
 * cell.  Bailey: when its denominator is not positive or the base of its
 * lower bound negative.  scas (i9-scas's man page): its corrected score
 * tends to sqrt(1 + 6 x1 N/(N-1)) as the ratio falls to 0 and to
 * -sqrt(1 + 6 x2 N/(N-1)) as it grows, so a z beyond the first gives lower
 * bound 0, beyond the second upper bound inf.
 */
static int may_be_open(const struct kind *k, const dsp_method *m,
		       const struct table *t, double level, int upper)
{
	if (is(k, m, "--ratio", "bailey"))
		return 1;
	if (is(k, m, "--ratio", "scas")) {
		double N = t->n1 + t->n2, x = upper ? t->x2 : t->x1;
		return dsp_z(level) > sqrt(1 + 6 * x * (N / (N - 1))) * (1 - 1e-9);
	}
	return 0;
}

/* ---- the grid ---- */

static const double totals[] = {1, 10, 1e6, 1e9, 1e12, 9007199254740992.0};
static const double exposures[] = {1e-3, 0.75, 1, 1e6, 1e12, 4.5e15};
/* Second-group exposures of the person-time pairs (see the top). */
static const double ref_exposures[] = {1, 4.5e15};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The (x, n) of the binomial grid; returns how many. */
static size_t binom_singles(struct table *out)
{
	size_t k = 0;
	for (size_t i = 0; i < sizeof totals / sizeof *totals; i++) {
		double n = totals[i], xs[] = {0, 1, floor(n / 2), n - 1, n};
		for (size_t j = 0; j < 5; j++) {
			int dup = 0;
			for (size_t l = 0; l < j; l++)
				dup |= xs[l] == xs[j];
			if (!dup)
				out[k++] = (struct table){xs[j], n, 0, 0, 0};
		}
	}
	return k;
}

/* The distinct event counts of the binomial grid, ascending. */
static size_t event_counts(double *out)
{
	struct table s[64];
	size_t n = binom_singles(s), k = 0;
	for (size_t i = 0; i < n; i++)
		out[k++] = s[i].x1;
	qsort(out, k, sizeof *out, cmp_double);
	size_t m = 0;
	for (size_t i = 0; i < k; i++)
		if (m == 0 || out[m - 1] != out[i])
			out[m++] = out[i];
	return m;
}

/* The reproducers that the grid misses, per kind of table:
 * binomial or person-time, one group or two (x1, n1, x2, n2). */
static const struct table extra[2][2][4] = {
	{{{1000, 1e12, 0, 0, 0}, {5, 1e13, 0, 0, 0}},
	 {{9007199254740990.0, 9007199254740992.0, 2, 2, 0},
	  {999999999, 1e9, 10, 10, 0}, {5, 1e4, 1, 1, 0}}},
	{{{1e13, 1, 0, 0, 0}},
	 {{0, 0.7, 5e11, 1.3e12, 0},
	  {1358635597824000.0, 4503599208184932.0, 0, 0.75, 0}}},
};

/* The tables a kind runs on; returns how many (the caller frees *out). */
static size_t grid(const struct kind *k, struct table **out)
{
	struct table s[1024];
	size_t ns = 0, nt = 0;
	if (k->pt) {
		double xs[64];
		size_t nx = event_counts(xs);
		for (size_t i = 0; i < nx; i++)
			for (size_t j = 0; j < sizeof exposures / sizeof *exposures; j++)
				s[ns++] = (struct table){xs[i], exposures[j], 0, 0, 0};
	} else {
		ns = binom_singles(s);
	}
	struct table *t = malloc((ns * ns + 4) * sizeof *t);
	if (!t)
		abort();
	const struct table *e = extra[k->pt][k->shape != ONE];
	for (size_t i = 0; i < 4 && e[i].n1 > 0; i++)
		t[nt++] = e[i];
	for (size_t i = 0; i < ns; i++) {
		if (k->shape == ONE) {
			t[nt++] = s[i];
			continue;
		}
		for (size_t j = 0; j < ns; j++) {
			int keep = !k->pt;
			for (size_t r = 0; r < sizeof ref_exposures / sizeof *ref_exposures; r++)
				keep |= s[j].n1 == ref_exposures[r];
			if (keep)
				t[nt++] = (struct table){s[i].x1, s[i].n1, s[j].x1, s[j].n1, 0};
		}
	}
	for (size_t i = 0; i < nt; i++)
		t[i].large = k->pt ? fmax(t[i].x1, t[i].x2) >= 1e9
				   : fmax(t[i].n1, t[i].n2) >= 1e9;
	*out = t;
	return nt;
}

/* ---- running the calls under a guard ---- */

enum { HANG = 100, CRASH, SKIPPED };  /* statuses beyond dsp.h's */

/* Guard failures after which a method is stopped (GRID_MAX_FAIL). */
static unsigned max_fail = 10;

struct call {
	unsigned table;
	unsigned char lev;  /* index into levels[], or SCORE */
};

struct rec {
	int status;
	double a, b;  /* lo, hi; or p */
	double secs;
};

/* Each table's calls, in a row: its levels ascending, then the score
 * companion if any; a test's one call.  Returns how many. */
static size_t plan(const struct kind *k, const dsp_method *m,
		   const struct table *tab, size_t ntab, struct call **out)
{
	struct call *c = malloc(ntab * (NLEV + 1) * sizeof *c);
	size_t n = 0;
	if (!c)
		abort();
	/* Under ASan, where the grid ran twice as long as the plain build's
	 * whole suite, each method runs every other table (the even ones or
	 * the odd ones, by turns, so that each table meets half the methods)
	 * at the short ladder, and the exact person-time inversions (blaker,
	 * minlike), five times slower there, every fourth.  The plain build
	 * runs them all. */
	static size_t turn;
	int thin = UNDER_ASAN;
	size_t step = !thin ? 1 : k->pt && (strstr(m->name, "blaker") || strstr(m->name, "minlike")) ? 4 : 2;
	for (size_t i = thin ? turn++ % step : 0; i < ntab; i += step) {
		const unsigned char *lev = short_ladder;
		size_t nl = k->shape == TEST ? 1 : thin ? sizeof short_ladder : ladder(&tab[i], &lev);
		for (size_t j = 0; j < nl; j++)
			c[n++] = (struct call){i, k->shape == TEST ? 0 : lev[j]};
		if (k->shape != TEST && m->score)
			c[n++] = (struct call){i, SCORE};
	}
	*out = c;
	return n;
}

static void run(const struct kind *k, const dsp_method *m,
		const struct table *t, unsigned char lev, struct rec *r)
{
	r->a = r->b = NAN;
	if (k->shape == TEST)
		r->status = m->fn.test(t->x1, t->n1, t->x2, t->n2, &r->a);
	else if (lev == SCORE)
		r->status = m->score(t->x1, t->n1, t->x2, t->n2, &r->a);
	else if (k->shape == ONE)
		r->status = m->fn.ci(t->x1, t->n1, levels[lev], &r->a, &r->b);
	else
		r->status = m->fn.ratio(t->x1, t->n1, t->x2, t->n2, levels[lev],
					&r->a, &r->b);
}

static double clock_secs(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double now(void) { return clock_secs(CLOCK_MONOTONIC); }
/* The thread's clock: with a process timer armed, the process clock only
 * moves at each tick on Linux.  The child is one thread. */
static double cpu_now(void) { return clock_secs(CLOCK_THREAD_CPUTIME_ID); }

/*
 * The guard: SIGPROF after secs seconds of CPU time, so that a loaded
 * machine (several colleagues share two cores) does not turn a slow call
 * into a timeout; SIGALRM after ten times that in wall time, in case a call
 * ever blocks.  0 disarms both.
 */
static void set_timer(double secs)
{
	struct itimerval it = {{0, 0}, {(time_t)secs,
		(suseconds_t)((secs - floor(secs)) * 1e6)}};
	setitimer(ITIMER_PROF, &it, NULL);
	alarm(secs > 0 ? (unsigned)ceil(10 * secs) : 0);
}

/* The child: every call from start on, each under a timer of guard
 * seconds, its result down fd. */
static void child(const struct kind *k, const dsp_method *m,
		  const struct table *tab, const struct call *calls,
		  size_t ncalls, size_t start, double guard, int fd)
{
	for (size_t c = start; c < ncalls; c++) {
		struct rec r;
		set_timer(guard);
		double t0 = cpu_now();
		run(k, m, &tab[calls[c].table], calls[c].lev, &r);
		r.secs = cpu_now() - t0;
		if (write(fd, &r, sizeof r) != (ssize_t)sizeof r)
			_exit(3);
	}
	set_timer(0);
	_exit(0);
}

static int read_rec(int fd, struct rec *r)
{
	size_t got = 0;
	while (got < sizeof *r) {
		ssize_t n = read(fd, (char *)r + got, sizeof *r - got);
		if (n <= 0)
			return 0;
		got += n;
	}
	return 1;
}

/* The line of the child's stderr (fd) that says what went wrong: a
 * sanitizer's SUMMARY or runtime error, else its first ERROR line (GSL's
 * too).  A fresh stream each time: an old one could serve its buffer from
 * before the file was emptied. */
static void crash_line(int fd, char *buf, size_t size)
{
	char line[512];
	FILE *err = fdopen(dup(fd), "r");
	buf[0] = 0;
	if (!err)
		return;
	rewind(err);
	while (fgets(line, sizeof line, err)) {
		int final = strstr(line, "SUMMARY:") || strstr(line, "runtime error");
		if (final || (!buf[0] && strstr(line, "ERROR"))) {
			line[strcspn(line, "\n")] = 0;
			snprintf(buf, size, "%.250s", line);
			if (final)
				break;
		}
	}
	fclose(err);
}

/* Offending calls shown per invariant: 3, or GRID_SHOW up to SHOW_MAX. */
#define SHOW_MAX 200
static long show = 3;

struct note {
	size_t call;
	char text[450];
};

/* Runs the calls of m, filling out[]; notes[] (show of them) say why the
 * first guard failures died.  Returns the number of guard failures. */
static int run_method(const struct kind *k, const dsp_method *m,
		      const struct table *tab, const struct call *calls,
		      size_t ncalls, struct rec *out, double guard,
		      double short_guard, struct note *notes, int *nnotes,
		      long *stopped)
{
	size_t c = 0;
	int timeouts = 0, failures = 0;
	FILE *err = tmpfile();
	if (!err)
		abort();
	*nnotes = 0;
	while (c < ncalls && (unsigned)failures < max_fail) {
		int fd[2], st;
		double g = timeouts >= 3 ? short_guard : guard;
		/* The child's stderr: emptied, and the offset it shares with
		 * the child back at 0. */
		if (pipe(fd) != 0 || ftruncate(fileno(err), 0) != 0 ||
		    lseek(fileno(err), 0, SEEK_SET) != 0)
			abort();
		fflush(stdout);
		pid_t pid = fork();
		if (pid < 0)
			abort();
		if (pid == 0) {
			close(fd[0]);
			dup2(fileno(err), 2);
			child(k, m, tab, calls, ncalls, c, g, fd[1]);
		}
		close(fd[1]);
		while (c < ncalls && read_rec(fd[0], &out[c]))
			c++;
		close(fd[0]);
		waitpid(pid, &st, 0);
		if (c == ncalls)
			break;
		int hang = WIFSIGNALED(st) &&
			   (WTERMSIG(st) == SIGPROF || WTERMSIG(st) == SIGALRM);
		out[c] = (struct rec){hang ? HANG : CRASH, NAN, NAN, hang ? g : 0};
		timeouts += hang;
		failures++;
		if (*nnotes < show) {
			char why[100], line[300];
			if (hang)
				snprintf(why, sizeof why, WTERMSIG(st) == SIGPROF ?
					 "no answer within %g s of CPU time" :
					 "no answer within %g s of wall time",
					 WTERMSIG(st) == SIGPROF ? g : ceil(10 * g));
			else if (WIFSIGNALED(st))
				snprintf(why, sizeof why, "killed by signal %d (%s)",
					 WTERMSIG(st), strsignal(WTERMSIG(st)));
			else
				snprintf(why, sizeof why, "exited %d", WEXITSTATUS(st));
			crash_line(fileno(err), line, sizeof line);
			notes[*nnotes].call = c;
			snprintf(notes[*nnotes].text, sizeof notes[*nnotes].text,
				 "%s%s%s", why, line[0] ? ": " : "", line);
			(*nnotes)++;
		}
		/* The table's other calls would hang or crash again. */
		unsigned table = calls[c].table;
		for (c++; c < ncalls && calls[c].table == table; c++)
			out[c] = (struct rec){SKIPPED, NAN, NAN, 0};
	}
	for (*stopped = 0; c < ncalls; c++, (*stopped)++)  /* not run */
		out[c] = (struct rec){SKIPPED, NAN, NAN, 0};
	fclose(err);
	return failures;
}

/* ---- the invariants ---- */

enum { I_GUARD, I_STATUS, I_NAN, I_RANGE, I_ORDER, I_FINITE, I_EST, I_SCORE,
       I_NEST, NINV };

static const char *const inv_text[NINV] = {
	"returns within the guard, no crash",
	"status DSP_OK (or DSP_ERANGE with a limit)",
	"no nan except where documented",
	"bounds / p inside the parameter's range",
	"lo <= hi",
	"finite where documented",
	"estimate inside its interval",
	"score interval consistent with its score test",
	"intervals nested as the level grows",
};

struct inv {
	int used;
	long checked, bad;
	char first[SHOW_MAX][700];
};

static struct inv inv[NINV];

static void describe(char *buf, size_t size, const struct kind *k,
		     const dsp_method *m, const struct table *t, unsigned char lev)
{
	const char *of = k->pt ? "in" : "of";
	int n;
	if (k->shape == ONE)
		n = snprintf(buf, size, "%s %s %.16g %s %.16g", k->name, m->name,
			     t->x1, of, t->n1);
	else
		n = snprintf(buf, size, "%s %s %.16g %s %.16g vs %.16g %s %.16g",
			     k->name, m->name, t->x1, of, t->n1, t->x2, of, t->n2);
	if (n < 0 || (size_t)n >= size || k->shape == TEST)
		return;
	if (lev == SCORE)
		snprintf(buf + n, size - n, " score test");
	else
		snprintf(buf + n, size - n, " level %.10g", levels[lev]);
}

static void check(int which, int ok, const char *call, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void check(int which, int ok, const char *call, const char *fmt, ...)
{
	struct inv *v = &inv[which];
	v->used = 1;
	v->checked++;
	if (ok)
		return;
	if (v->bad < show) {
		char what[400];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(what, sizeof what, fmt, ap);
		va_end(ap);
		snprintf(v->first[v->bad], sizeof v->first[v->bad], "%s: %s", call, what);
	}
	v->bad++;
}

static const char *status_name(int s)
{
	static char buf[32];
	switch (s) {
	case DSP_OK: return "DSP_OK";
	case DSP_EDOM: return "DSP_EDOM";
	case DSP_ENOCONV: return "DSP_ENOCONV";
	case DSP_ERANGE: return "DSP_ERANGE";
	case DSP_ENOMEM: return "DSP_ENOMEM";
	}
	snprintf(buf, sizeof buf, "status %d", s);
	return buf;
}

/* Checks the status; 1 when the result is DSP_OK, to be checked further. */
static int usable(const dsp_method *m, const struct rec *r, const char *call,
		  long *out_of_range)
{
	if (r->status == HANG || r->status == CRASH || r->status == SKIPPED)
		return 0;  /* the guard's */
	if (r->status == DSP_ERANGE && m->limit) {
		check(I_STATUS, 1, call, "%s", "out of range");
		(*out_of_range)++;
		return 0;
	}
	check(I_STATUS, r->status == DSP_OK, call, "%s%s", status_name(r->status),
	      r->status == DSP_ERANGE ? " but the row has no limit" : "");
	return r->status == DSP_OK;
}

/* lo <= v <= hi, to rel relative. */
static int within(double v, double lo, double hi, double rel)
{
	double slo = isinf(lo) ? 0 : rel * fabs(lo);
	double shi = isinf(hi) ? 0 : rel * fabs(hi);
	return v >= lo - slo && v <= hi + shi;
}

static int no_zero_cell(const struct kind *k, const struct table *t)
{
	if (k->odds)
		return t->x1 > 0 && t->x1 < t->n1 && t->x2 > 0 && t->x2 < t->n2;
	return t->x1 > 0 && t->x2 > 0;
}

/* Is b, the bound at the higher level, no further in than a, to 1e-10
 * relative?  dir -1 for lower bounds, +1 for upper. */
static int outward(double a, double b, int dir)
{
	if (dir * (b - a) >= 0 || a == b)
		return 1;
	return isfinite(a) && isfinite(b) &&
	       fabs(b - a) <= 1e-10 * fmax(fabs(a), fabs(b));
}

static void check_interval(const struct kind *k, const dsp_method *m,
			   const struct table *t, double level, double lo,
			   double hi, const char *call)
{
	int nan = isnan(lo) || isnan(hi);
	check(I_NAN, !nan, call, "[%.17g, %.17g]", lo, hi);
	if (nan)
		return;
	check(I_RANGE, lo >= k->min && hi <= k->max, call,
	      "[%.17g, %.17g] outside [%g, %g]", lo, hi, k->min, k->max);
	check(I_ORDER, lo <= hi, call, "[%.17g, %.17g]", lo, hi);
	if (k->max == INFINITY) {
		int ok = k->shape == ONE ? isfinite(hi) : !no_zero_cell(k, t) ||
			((lo > 0 || may_be_open(k, m, t, level, 0)) &&
			 (isfinite(hi) || may_be_open(k, m, t, level, 1)));
		check(I_FINITE, ok, call, "[%.17g, %.17g]%s", lo, hi,
		      k->shape == ONE ? "" : " with no zero cell");
	}
	double e = k->est(t);
	if (level >= EST_LEVEL && !estimate_exempt(k, m, level) && !isnan(e))
		check(I_EST, within(e, lo, hi, 1e-14), call,
		      "[%.17g, %.17g] excludes the estimate %.17g", lo, hi, e);
}

static void check_p(const struct kind *k, const dsp_method *m,
		    const struct table *t, double p, const char *call)
{
	check(I_NAN, !isnan(p) || nan_documented(k, m, t), call, "p nan");
	if (!isnan(p))
		check(I_RANGE, p >= 0 && p <= 1, call, "p %.17g", p);
}

/* The invariants over one table's calls, calls[0 .. n-1]. */
static void check_table(const struct kind *k, const dsp_method *m,
			const struct table *t, const struct call *calls,
			const struct rec *r, size_t n, long *out_of_range)
{
	char call[300];
	int ok[NLEV + 1];
	size_t nl = n;
	double p = NAN;
	int p_ok = 0;
	if (k->shape != TEST && m->score) {  /* the score test is last */
		nl = n - 1;
		describe(call, sizeof call, k, m, t, SCORE);
		if ((p_ok = usable(m, &r[nl], call, out_of_range))) {
			p = r[nl].a;
			check_p(k, m, t, p, call);
			p_ok = !isnan(p);
		}
	}
	for (size_t j = 0; j < nl; j++) {
		describe(call, sizeof call, k, m, t, calls[j].lev);
		ok[j] = usable(m, &r[j], call, out_of_range);
		if (!ok[j])
			continue;
		if (k->shape == TEST) {
			check_p(k, m, t, r[j].a, call);
			continue;
		}
		double level = levels[calls[j].lev], lo = r[j].a, hi = r[j].b;
		check_interval(k, m, t, level, lo, hi, call);
		ok[j] = !isnan(lo) && !isnan(hi);
		if (!ok[j])
			continue;
		if (p_ok) {
			double alpha = 1 - level, null = k->null;
			int excl = lo > null || hi < null, rej = p < alpha;
			/* The decision rests on the last bits: of p, or of the
			 * bound nearest the null (it may lie between two
			 * adjacent doubles, one of them the null). */
			double gap = fmin(fabs(lo - null), fabs(hi - null));
			int near = fabs(p - alpha) <= 1e-9 * alpha ||
				   gap <= 2 * DBL_EPSILON * fabs(null);
			check(I_SCORE, excl == rej || near, call,
			      "[%.17g, %.17g] %s %g but score p %.17g", lo, hi,
			      excl ? "excludes" : "includes", null, p);
		}
		if (j > 0 && ok[j - 1])
			check(I_NEST, outward(r[j - 1].a, lo, -1) &&
			      outward(r[j - 1].b, hi, 1), call,
			      "[%.17g, %.17g] but [%.17g, %.17g] at level %.10g", lo,
			      hi, r[j - 1].a, r[j - 1].b, levels[calls[j - 1].lev]);
	}
}

static void report(const struct kind *k, const dsp_method *m, long out_of_range)
{
	for (int i = 0; i < NINV; i++) {
		struct inv *v = &inv[i];
		if (!v->used)
			continue;
		char extra[200] = "";
		if (i == I_STATUS && out_of_range)
			snprintf(extra, sizeof extra, "; %ld DSP_ERANGE beyond \"%s\"",
				 out_of_range, m->limit);
		tap_ok(v->bad == 0, "%s %s: %s (%ld checked, %ld failed%s)", k->name,
		       m->name, inv_text[i], v->checked, v->bad, extra);
		for (long j = 0; j < v->bad && j < show; j++)
			printf("#   %s\n", v->first[j]);
		if (v->bad > show)
			printf("#   ... and %ld more\n", v->bad - show);
	}
}

static unsigned env_unsigned(const char *name, unsigned dflt)
{
	const char *s = getenv(name);
	return s && atoi(s) > 0 ? (unsigned)atoi(s) : dflt;
}

/* One method over its grid: run, check, report. */
static void method(const struct kind *k, const dsp_method *m,
		   const struct table *tab, size_t ntab, double guard,
		   double short_guard, FILE *times)
{
	struct call *calls;
	size_t ncalls = plan(k, m, tab, ntab, &calls);
	struct rec *out = malloc(ncalls * sizeof *out);
	struct note notes[SHOW_MAX];
	char call[300];
	int nnotes;
	if (!out)
		abort();
	memset(inv, 0, sizeof inv);
	double t0 = now();
	long stopped;
	int guard_fail = run_method(k, m, tab, calls, ncalls, out, guard,
				    short_guard, notes, &nnotes, &stopped);
	double wall = now() - t0;

	long out_of_range = 0, skipped = 0;
	for (size_t c = 0, e; c < ncalls; c = e) {
		for (e = c; e < ncalls && calls[e].table == calls[c].table; e++)
			;
		check_table(k, m, &tab[calls[c].table], &calls[c], &out[c], e - c,
			    &out_of_range);
	}
	/* The guard's line: its failures were counted by run_method. */
	inv[I_GUARD].used = 1;
	for (size_t c = 0; c < ncalls; c++)
		if (out[c].status == SKIPPED)
			skipped++;
	inv[I_GUARD].checked = ncalls - skipped;
	inv[I_GUARD].bad = guard_fail;
	for (int i = 0; i < nnotes; i++) {
		const struct call *c = &calls[notes[i].call];
		describe(call, sizeof call, k, m, &tab[c->table], c->lev);
		snprintf(inv[I_GUARD].first[i], sizeof inv[I_GUARD].first[i], "%s: %s",
			 call, notes[i].text);
	}
	report(k, m, out_of_range);
	if (skipped > stopped)
		printf("#   not run: %ld calls, the rest of a table after a guard "
		       "failure\n", skipped - stopped);
	if (stopped)
		printf("#   not run: %ld calls, after the method was stopped at %u "
		       "guard failures\n", stopped, max_fail);

	size_t slow = 0;
	double cpu = 0;
	for (size_t c = 0; c < ncalls; c++) {
		cpu += out[c].secs;
		if (out[c].secs > out[slow].secs)
			slow = c;
		if (times) {
			describe(call, sizeof call, k, m, &tab[calls[c].table], calls[c].lev);
			fprintf(times, "%.6f\t%d\t%s\n", out[c].secs, out[c].status, call);
		}
	}
	describe(call, sizeof call, k, m, &tab[calls[slow].table], calls[slow].lev);
	printf("# %s %s: %zu calls, %.2f s of CPU (%.2f s wall); slowest %.2g s "
	       "(%s)%s\n", k->name, m->name, ncalls, cpu, wall, out[slow].secs,
	       call, out[slow].status == HANG ? ", a timeout" :
	       out[slow].status == CRASH ? ", a crash" : "");
	free(out);
	free(calls);
}

int main(void)
{
	const char *g = getenv("GRID_GUARD");
	double guard = g && atof(g) > 0 ? atof(g) : UNDER_ASAN ? 10 : 5;
	double short_guard = UNDER_ASAN ? 2 : 1;
	const char *only = getenv("GRID_ONLY");
	FILE *times = getenv("GRID_TIMES") ? fopen(getenv("GRID_TIMES"), "w") : NULL;
	max_fail = env_unsigned("GRID_MAX_FAIL", max_fail);
	show = env_unsigned("GRID_SHOW", show);
	if (show > SHOW_MAX)
		show = SHOW_MAX;
	if (short_guard > guard)
		short_guard = guard;
	if (!UNDER_ASAN) {
		/* Keep a runaway allocation (barnard at n1 = 10^8 took 9 GB)
		 * from hurting the machine: it fails as ENOMEM or a crash. */
		struct rlimit rl = {4UL << 30, 4UL << 30};
		setrlimit(RLIMIT_AS, &rl);
	}
	printf("# grid: guard %g s per call (%g s after a method's third timeout)%s\n",
	       guard, short_guard, UNDER_ASAN ? ", sanitizer build" : "");
	double t_all = now();
	for (size_t ki = 0; ki < sizeof kinds / sizeof *kinds; ki++) {
		const struct kind *k = &kinds[ki];
		struct table *tab;
		size_t ntab = grid(k, &tab);
		for (const dsp_method *m = k->methods; m->name; m++) {
			char name[100];
			snprintf(name, sizeof name, "%s %s", k->name, m->name);
			if (!only || strstr(name, only))
				method(k, m, tab, ntab, guard, short_guard, times);
		}
		free(tab);
	}
	struct rusage ru;
	getrusage(RUSAGE_CHILDREN, &ru);
	printf("# grid: %.1f s of CPU in the calls, %.1f s wall in all\n",
	       ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6, now() - t_all);
	if (times)
		fclose(times);
	return tap_done();
}
