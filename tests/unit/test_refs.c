/*
 * test_refs.c - every method against the reference values in fixtures/refs/
 * (computed by tests/refs/generate with R, scipy/statsmodels and mpmath;
 * see fixtures/refs/README.md).  One TAP line per method: the number of
 * tables compared and the largest relative error, which must stay within
 * TOL.  The same lines, with TOL ignored, are the accuracy table that
 * `make accuracy` prints.
 *
 * Values below DBL_MIN (subnormal p-values) are compared on the scale of
 * DBL_MIN, since a subnormal double holds fewer than 16 digits.
 *
 * Which kind of method a file holds comes from its name and dsp_kinds (or
 * dsp_table_kinds, disp-test's, whose files have a layout of their own):
 * FIXTURE.csv or NAME-FIXTURE.csv for the kind whose fixture is FIXTURE
 * (propci.csv, huge-propci.csv, uncond-test2x2.csv).  NAME-FIXTURE-score.csv
 * holds p-values, laid out as a test's file, of the score tests that belong
 * to a two-group kind's intervals (each method row's .score; huge-ratio-
 * score.csv).  A CSV file that matches no kind fails, so none is skipped
 * without a word.
 *
 * alt-NAME.csv (alt-test2x2.csv, alt-ratio-score.csv, alt-propci.csv) holds
 * one-sided values (issue 17): the layout of NAME.csv with a column
 * alternative (greater, less) after method, run through alternative.h.
 *
 * Usage: test_refs [DIR]   (default: fixtures/refs)
 */
#include "tap.h"
#include "dsp.h"
#include "alternative.h"
#include "methods.h"
#include "table.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#define TOL 1e-10  /* issue 3 asks 1e-10; the worst method stands at 9.3e-12 */
#define MAXF 16
#define LINE 65536   /* a stratified table's strata are one field */

struct acc {
	const char *file, *method, *ref;
	long n;
	double worst;
	char worst_row[256];
	int shown;
};

static struct acc accs[256];
static size_t nacc;

static struct acc *acc_for(const char *file, const char *method, const char *ref)
{
	for (size_t i = 0; i < nacc; i++) {
		struct acc *a = &accs[i];
		if (strcmp(a->method, method) || strcmp(a->file, file))
			continue;
		if (!strstr(a->ref, ref)) {  /* list every reference used */
			char *both = malloc(strlen(a->ref) + strlen(ref) + 3);
			sprintf(both, "%s, %s", a->ref, ref);
			free((char *)a->ref);
			a->ref = both;
		}
		return a;
	}
	if (nacc == sizeof accs / sizeof *accs)
		abort();
	struct acc *a = &accs[nacc++];
	a->file = file;
	a->method = strdup(method);
	a->ref = strdup(ref);
	return a;
}

/* Splits a plain (unquoted) CSV line in place. */
static int split(char *line, char **f)
{
	int n = 0;
	line[strcspn(line, "\r\n")] = '\0';
	for (char *p = line; n < MAXF; p++) {
		f[n++] = p;
		p += strcspn(p, ",");
		if (*p == '\0')
			break;
		*p = '\0';
	}
	return n;
}

static void record(struct acc *a, double got, double want, const char *row)
{
	/* Below DBL_MIN doubles lose precision (subnormals): there the error
	 * is measured on the scale of DBL_MIN instead. */
	double e = fabs(want) < DBL_MIN && fabs(got) < DBL_MIN ?
		fabs(got - want) / DBL_MIN : tap_relerr(got, want);
	a->n++;
	if (e > TOL && a->shown < 5) {
		a->shown++;
		printf("#   %s %s: got %.17g want %.17g (relerr %.3g)\n",
		       a->method, row, got, want, e);
	}
	if (e > a->worst || a->n == 1) {
		a->worst = e > a->worst ? e : a->worst;
		snprintf(a->worst_row, sizeof a->worst_row, "%s", row);
	}
}

/* A family of p-values of an adjustment file, kept until it ends. */
#define FAMMAX 512
static struct family {
	char method[32], id[32], ref[64], rows[FAMMAX][160];
	double p[FAMMAX], want[FAMMAX];
	size_t n;
} fam;

/* Adjusts the family as one and compares every value. */
static void flush_family(const char *file, const dsp_method *table)
{
	if (!fam.n)
		return;
	const dsp_method *m = dsp_method_find(table, fam.method);
	double got[FAMMAX];
	struct acc *a = acc_for(file, fam.method, fam.ref);
	for (size_t i = 0; i < fam.n; i++)
		got[i] = NAN;
	if (m)
		m->fn.adjust(fam.n, fam.p, got);
	for (size_t i = 0; i < fam.n; i++)
		record(a, got[i], fam.want[i], fam.rows[i]);
	fam.n = 0;
}

/* A family of units of a dispersion file (method,family,z,w,winsor,phi,
 * tau2,ref), kept until it ends: the method's phi and tau2 for the whole
 * family against the stored ones. */
static struct dfamily {
	char method[32], id[32], ref[64], row[160];
	double z[FAMMAX], w[FAMMAX], winsor, phi, tau2;
	size_t n;
} dfam;

static void flush_dfamily(const char *file, const dsp_method *table)
{
	if (!dfam.n)
		return;
	const dsp_method *m = dsp_method_find(table, dfam.method);
	double phi = NAN, tau2 = NAN;
	if (m)
		m->fn.disp(dfam.n, dfam.z, dfam.w, dfam.winsor, &phi, &tau2);
	struct acc *a = acc_for(file, dfam.method, dfam.ref);
	record(a, phi, dfam.phi, dfam.row);
	record(a, tau2, dfam.tau2, dfam.row);
	dfam.n = 0;
}

/* Whether k is one of disp-test's kinds (dsp_table_kinds). */
static int table_kind(const dsp_kind *k)
{
	for (const dsp_kind *t = dsp_table_kinds; t->option; t++)
		if (t == k)
			return 1;
	return 0;
}

/* A space-separated list of numbers; their count. */
static size_t list(const char *s, double *v, size_t max)
{
	size_t n = 0;
	for (char *end; *s && n < max; s = end) {
		v[n++] = strtod(s, &end);
		if (end == s)
			return 0;
	}
	return n;
}

/* A table kind's line: method,events,totals,scores,statistic,df,p,ref,
 * the lists space-separated, df empty where the test has none.  Each row
 * gives two values, the statistic and p; the exact test runs without a
 * work limit or Monte Carlo, so it is exact or fails. */
static void run_table_line(const char *name, const dsp_method *table, char **f,
			   int nf, const char *copy)
{
	enum { MAXK = 64 };
	double x[MAXK], n[MAXK], s[MAXK];
	size_t k = nf == 8 ? list(f[1], x, MAXK) : 0;
	if (k == 0 || list(f[2], n, MAXK) != k || (*f[3] && list(f[3], s, MAXK) != k)) {
		tap_ok(0, "%s: malformed line: %s", name, copy);
		return;
	}
	struct acc *a = acc_for(name, f[0], f[7]);
	const dsp_method *m = dsp_method_find(table, f[0]);
	dsp_ktable t = {k, x, n, *f[3] ? s : NULL, 1e12, 0, 1};
	dsp_ktest r = {.stat = NAN, .df = NAN, .p = NAN};
	int rc = m ? m->fn.table(&t, &r) : DSP_EDOM;
	double df = *f[5] ? strtod(f[5], NULL) : NAN;
	if (rc != DSP_OK || !(r.df == df || (isnan(r.df) && isnan(df))))
		tap_ok(0, "%s %s: status %d, df %g (want %g)", f[0], copy, rc, r.df, df);
	record(a, r.stat, strtod(f[4], NULL), copy);
	record(a, r.p, strtod(f[6], NULL), copy);
}

/*
 * A stratified table, "x1:n1:x2:n2 x1:n1:x2:n2 ..." (or "x:n:s ..." for a
 * standardised rate: width 3), into columns of v: v[c][j] is the c-th number
 * of stratum j.  Returns the number of strata.
 */
#define MAXS 512
static size_t strata_of(const char *field, int width, double v[4][MAXS])
{
	size_t k = 0;
	for (const char *p = field; *p && k < MAXS; k++) {
		for (int c = 0; c < width; c++) {
			char *end;
			v[c][k] = strtod(p, &end);
			p = end + (*end == ':' || *end == ' ');
		}
	}
	return k;
}

/* The layout of a file follows its kind's shape (see below). */
static void run_file(const char *dir, const char *name, const dsp_kind *k,
		     int score, int alt)
{
	static char line[LINE], copy[LINE];
	char path[512], *f[MAXF];
	const dsp_method *table = k->methods;
	dsp_shape kind = k->shape;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *fp = fopen(path, "r");
	tap_ok(fp != NULL, "open %s", path);
	if (!fp)
		return;
	if (!fgets(line, sizeof line, fp)) {
		fclose(fp);
		return;
	}
	while (fgets(line, sizeof line, fp)) {
		snprintf(copy, sizeof copy, "%s", line);
		copy[strcspn(copy, "\r\n")] = '\0';
		int nf = split(line, f);
		/* alt-: the alternative's column taken out, the rest as usual */
		dsp_alternative alt_a = DSP_TWO_SIDED;
		if (alt) {
			if (nf < 2 || dsp_alt_parse(f[1], &alt_a)) {
				tap_ok(0, "%s: no alternative: %s", name, copy);
				continue;
			}
			for (int i = 1; i + 1 < nf; i++)
				f[i] = f[i + 1];
			nf--;
		}
		if (table_kind(k)) {
			run_table_line(name, table, f, nf, copy);
			continue;
		}
		double v[MAXF];
		for (int i = 1; i < nf; i++)
			v[i] = strtod(f[i], NULL);
		const dsp_method *m = dsp_method_find(table, f[0]);
		double lo = NAN, hi = NAN;
		if (kind == DSP_ONE && nf == 7) {          /* method,x,n,level,lo,hi,ref */
			struct acc *a = acc_for(name, f[0], f[6]);
			if (m)
				dsp_alt_interval(k, m, alt_a, v[1], v[2], 0, 0, v[3], &lo, &hi);
			record(a, lo, v[4], copy);
			record(a, hi, v[5], copy);
		} else if (kind == DSP_PAIR && !score && nf == 9) {  /* method,x1,n1,x2,n2,level,lo,hi,ref */
			struct acc *a = acc_for(name, f[0], f[8]);
			if (m)
				dsp_alt_interval(k, m, alt_a, v[1], v[2], v[3], v[4], v[5], &lo, &hi);
			record(a, lo, v[6], copy);
			record(a, hi, v[7], copy);
		} else if (kind == DSP_ADJUST && nf == 5) {  /* method,family,p,p_adj,ref */
			if (fam.n && (strcmp(fam.method, f[0]) || strcmp(fam.id, f[1]) ||
				      fam.n == FAMMAX))
				flush_family(name, table);
			snprintf(fam.method, sizeof fam.method, "%s", f[0]);
			snprintf(fam.id, sizeof fam.id, "%s", f[1]);
			snprintf(fam.ref, sizeof fam.ref, "%s", f[4]);
			snprintf(fam.rows[fam.n], sizeof fam.rows[0], "%.150s", copy);
			fam.p[fam.n] = v[2];
			fam.want[fam.n++] = v[3];
		} else if (kind == DSP_FUNNEL && nf == 12) {
			/* method,x,n,target,poisson,phi,tau2,level,lo,hi,p,ref */
			struct acc *a = acc_for(name, f[0], f[11]);
			dsp_funnel fm = {v[3], (int)v[4], v[5], v[6]};
			double p = NAN;
			if (m)
				m->fn.funnel(&fm, v[1], v[2], v[7], &lo, &hi, &p);
			record(a, lo, v[8], copy);
			record(a, hi, v[9], copy);
			record(a, p, v[10], copy);
		} else if (kind == DSP_DISPERSION && nf == 8) {
			/* method,family,z,w,winsor,phi,tau2,ref */
			if (dfam.n && (strcmp(dfam.method, f[0]) || strcmp(dfam.id, f[1]) ||
				       dfam.n == FAMMAX))
				flush_dfamily(name, table);
			if (!dfam.n) {
				snprintf(dfam.method, sizeof dfam.method, "%s", f[0]);
				snprintf(dfam.id, sizeof dfam.id, "%s", f[1]);
				snprintf(dfam.ref, sizeof dfam.ref, "%s", f[7]);
				snprintf(dfam.row, sizeof dfam.row, "%.150s", copy);
				dfam.winsor = v[4], dfam.phi = v[5], dfam.tau2 = v[6];
			}
			dfam.z[dfam.n] = v[2];
			dfam.w[dfam.n++] = v[3];
				} else if ((kind == DSP_TEST || score) && nf == 7) {  /* method,x1,n1,x2,n2,p,ref */
			struct acc *a = acc_for(name, f[0], f[6]);
			double p = NAN;
			dsp_test_fn t = !m ? NULL : score ? m->score : m->fn.test;
			dsp_test_fn tg = !m ? NULL : score ? m->score_greater : m->greater;
			if (t)
				dsp_alt_test(t, tg, alt_a, v[1], v[2], v[3], v[4], &p);
			record(a, p, v[5], copy);
		} else if ((kind == DSP_STRATA && nf == 6) ||  /* method,tables,level,lo,hi,ref */
			   (kind == DSP_STRATA_TEST && nf == 4)) {  /* method,tables,p,ref */
			static double t[4][MAXS];
			size_t ns = strata_of(f[1], 4, t);
			dsp_strata st = {ns, t[0], t[1], t[2], t[3]};
			struct acc *a = acc_for(name, f[0], f[nf - 1]);
			char row[160];
			snprintf(row, sizeof row, "%.150s", copy);
			if (kind == DSP_STRATA) {
				if (m)
					dsp_alt_strata(k, m, alt_a, &st, v[2], &lo, &hi);
				record(a, lo, v[3], row);
				record(a, hi, v[4], row);
			} else {
				double p = NAN;
				if (m)
					dsp_alt_stest(m->fn.stest, m->sgreater, alt_a, &st, &p);
				record(a, p, v[2], row);
			}
		} else if (kind == DSP_STANDARD && nf == 7) {  /* method,tables,level,est,lo,hi,ref */
			static double t[4][MAXS];
			size_t ns = strata_of(f[1], 3, t);
			struct acc *a = acc_for(name, f[0], f[6]);
			char row[160];
			double e = NAN;
			snprintf(row, sizeof row, "%.150s", copy);
			if (m)
				m->fn.standard(ns, t[0], t[1], t[2], v[2], &e, &lo, &hi);
			record(a, e, v[3], row);
			record(a, lo, v[4], row);
			record(a, hi, v[5], row);
		} else {
			tap_ok(0, "%s: malformed line: %s", name, copy);
		}
	}
	flush_family(name, table);
	flush_dfamily(name, table);
	fclose(fp);
}

/* Every table of kinds: disp-rate's, disp-test's, disp-funnel's, disp-strata's. */
static const dsp_kind *const kind_tables[] = {dsp_kinds, dsp_table_kinds, dsp_funnel_kinds,
					      dsp_strata_kinds};
#define NTABLES (sizeof kind_tables / sizeof *kind_tables)

/* The kind whose fixture name is FIXTURE in FIXTURE.csv, NAME-FIXTURE.csv
 * or NAME-FIXTURE-score.csv; the last sets *score (see the header). */
static const dsp_kind *kind_of(const char *file, int *score, int *alt)
{
	*alt = strncmp(file, "alt-", 4) == 0;
	char base[256];
	size_t n = strlen(file);
	if (n < 5 || n >= sizeof base || strcmp(file + n - 4, ".csv"))
		return NULL;
	memcpy(base, file, n - 4);
	base[n - 4] = '\0';
	size_t b = n - 4;
	*score = b > 6 && strcmp(base + b - 6, "-score") == 0;
	if (*score)
		base[b - 6] = '\0';
	const char *dash = strrchr(base, '-'), *stem = dash ? dash + 1 : base;
	for (size_t i = 0; i < NTABLES; i++)
		for (const dsp_kind *k = kind_tables[i]; k->option; k++)
			if (strcmp(stem, k->fixture) == 0)
				return *score && k->shape != DSP_PAIR ? NULL : k;
	return NULL;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "fixtures/refs";
	/* Every kind's own fixture must be there. */
	for (size_t i = 0; i < NTABLES; i++)
		for (const dsp_kind *k = kind_tables[i]; k->option; k++) {
			char path[512];
			snprintf(path, sizeof path, "%s/%s.csv", dir, k->fixture);
			FILE *fp = fopen(path, "r");
			tap_ok(fp != NULL, "%s has its reference file %s", k->option, path);
			if (fp)
				fclose(fp);
		}
	DIR *d = opendir(dir);
	tap_ok(d != NULL, "open %s", dir);
	static char *names[256];   /* static: the report keeps pointers into it */
	size_t nn = 0;
	for (struct dirent *e; d && (e = readdir(d)) && nn < 256;)
		if (strlen(e->d_name) > 4 && strcmp(e->d_name + strlen(e->d_name) - 4, ".csv") == 0)
			names[nn++] = strdup(e->d_name);
	if (d)
		closedir(d);
	qsort(names, nn, sizeof *names, by_name);  /* a stable report */
	for (size_t i = 0; i < nn; i++) {
		int score, alt;
		const dsp_kind *k = kind_of(names[i], &score, &alt);
		tap_ok(k != NULL, "%s names a kind of method (NAME-FIXTURE.csv)", names[i]);
		if (k)
			run_file(dir, names[i], k, score, alt);
	}
	printf("# %-14s %-24s %7s  %-10s  %s\n", "method", "file", "tables",
	       "max relerr", "reference");
	for (size_t i = 0; i < nacc; i++)
		printf("# %-14s %-24s %7ld  %-10.2g  %s\n", accs[i].method,
		       accs[i].file, accs[i].n, accs[i].worst, accs[i].ref);
	for (size_t i = 0; i < nacc; i++)
		tap_ok(accs[i].worst <= TOL, "%s (%s): %ld values, max relative "
		       "error %.2g <= %g; worst: %s", accs[i].method, accs[i].file,
		       accs[i].n, accs[i].worst, TOL, accs[i].worst_row);
	return tap_done();
}
