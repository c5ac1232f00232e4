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
 * Usage: test_refs [DIR]   (default: fixtures/refs)
 */
#include "tap.h"
#include "methods.h"

#include <stdlib.h>
#include <string.h>

#define TOL 1e-10  /* issue 3 asks 1e-10; the worst method stands at 9.3e-12 */
#define MAXF 16

struct acc {
	const char *file, *method, *ref;
	long n;
	double worst;
	char worst_row[256];
	int shown;
};

static struct acc accs[64];
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

enum kind { ONE, PAIR, TEST };  /* the layouts of the files */

static void run_file(const char *dir, const char *name, enum kind kind,
		     const dsp_method *table, int required)
{
	char path[512], line[1024], copy[1024], *f[MAXF];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *fp = fopen(path, "r");
	if (!fp && !required)
		return;
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
		double v[MAXF];
		for (int i = 1; i < nf; i++)
			v[i] = strtod(f[i], NULL);
		const dsp_method *m = dsp_method_find(table, f[0]);
		double lo = NAN, hi = NAN;
		if (kind == ONE && nf == 7) {          /* method,x,n,level,lo,hi,ref */
			struct acc *a = acc_for(name, f[0], f[6]);
			if (m)
				m->fn.ci(v[1], v[2], v[3], &lo, &hi);
			record(a, lo, v[4], copy);
			record(a, hi, v[5], copy);
		} else if (kind == PAIR && nf == 9) {  /* method,x1,n1,x2,n2,level,lo,hi,ref */
			struct acc *a = acc_for(name, f[0], f[8]);
			if (m)
				m->fn.ratio(v[1], v[2], v[3], v[4], v[5], &lo, &hi);
			record(a, lo, v[6], copy);
			record(a, hi, v[7], copy);
		} else if (kind == TEST && nf == 7) {  /* method,x1,n1,x2,n2,p,ref */
			struct acc *a = acc_for(name, f[0], f[6]);
			double p = NAN;
			if (m)
				m->fn.test(v[1], v[2], v[3], v[4], &p);
			record(a, p, v[5], copy);
		} else {
			tap_ok(0, "%s: malformed line: %s", name, copy);
		}
	}
	fclose(fp);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "fixtures/refs";
	run_file(dir, "propci.csv", ONE, dsp_ci_methods, 1);
	run_file(dir, "ratio.csv", PAIR, dsp_ratio_methods, 1);
	run_file(dir, "test2x2.csv", TEST, dsp_test_methods, 1);
	run_file(dir, "diff.csv", PAIR, dsp_diff_methods, 0);
	run_file(dir, "odds.csv", PAIR, dsp_odds_methods, 0);
	run_file(dir, "uncond.csv", TEST, dsp_test_methods, 0);
	run_file(dir, "ptrate.csv", ONE, dsp_pt_ci_methods, 0);
	run_file(dir, "ptratio.csv", PAIR, dsp_pt_ratio_methods, 0);
	run_file(dir, "pttest.csv", TEST, dsp_pt_test_methods, 0);
	run_file(dir, "huge-odds.csv", PAIR, dsp_odds_methods, 0);
	run_file(dir, "huge-odds-test2x2.csv", TEST, dsp_test_methods, 0);
	printf("# %-14s %-12s %7s  %-10s  %s\n", "method", "file", "tables",
	       "max relerr", "reference");
	for (size_t i = 0; i < nacc; i++)
		printf("# %-14s %-12s %7ld  %-10.2g  %s\n", accs[i].method,
		       accs[i].file, accs[i].n, accs[i].worst, accs[i].ref);
	for (size_t i = 0; i < nacc; i++)
		tap_ok(accs[i].worst <= TOL, "%s (%s): %ld values, max relative "
		       "error %.2g <= %g; worst: %s", accs[i].method, accs[i].file,
		       accs[i].n, accs[i].worst, TOL, accs[i].worst_row);
	return tap_done();
}
