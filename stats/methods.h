/*
 * methods.h - the method tables.  Each kind of computation (rate interval,
 * ratio interval, test) has one table of {name, function, one-line help,
 * citation}; option parsing, --help and the man pages all come from these,
 * so they cannot drift apart.  To add a method, write its function in the
 * module for its kind and add a row here.
 */
#ifndef DSP_METHODS_H
#define DSP_METHODS_H

typedef int (*dsp_ci_fn)(double x, double n, double level, double *lo, double *hi);
typedef int (*dsp_ratio_fn)(double x1, double n1, double x2, double n2,
			    double level, double *lo, double *hi);
typedef int (*dsp_test_fn)(double x1, double n1, double x2, double n2, double *p);

typedef struct {
	const char *name;
	const char *help;   /* one line for --help */
	const char *cite;   /* the reference, for the man page */
	union {
		dsp_ci_fn ci;
		dsp_ratio_fn ratio;
		dsp_test_fn test;
	} fn;
	/* Score-type ratio intervals only: the test of ratio = 1 that the
	 * interval inverts, so that its p < 1 - level exactly when the
	 * interval excludes 1 (`--test score` uses it).  NULL otherwise. */
	dsp_test_fn score;
	/* Where the method stops short of every count the input accepts (2^53):
	 * the limit in words, for the message when it returns DSP_ERANGE and
	 * for the man page.  NULL: no limit of its own. */
	const char *limit;
} dsp_method;

/* Each table ends with a row whose name is NULL; the first row is the default. */
extern const dsp_method dsp_ci_methods[];     /* .ci: x of n */
extern const dsp_method dsp_ratio_methods[];  /* .ratio: (x1/n1) / (x2/n2) */
extern const dsp_method dsp_test_methods[];   /* .test: x1/n1 vs x2/n2 */
extern const dsp_method dsp_diff_methods[];   /* .ratio: x1/n1 - x2/n2 */
extern const dsp_method dsp_odds_methods[];   /* .ratio: odds ratio */
/* Person-time: x events in exposure t > 0 (real). */
extern const dsp_method dsp_pt_ci_methods[];     /* .ci: x per t */
extern const dsp_method dsp_pt_ratio_methods[];  /* .ratio: (x1/t1) / (x2/t2) */
extern const dsp_method dsp_pt_test_methods[];   /* .test: x1/t1 vs x2/t2 */

/* The p-value of test f, NaN whenever f does not return DSP_OK: for callers
 * that need no reason. */
double dsp_test_p(dsp_test_fn f, double x1, double n1, double x2, double n2);

/* The row called name, or NULL. */
const dsp_method *dsp_method_find(const dsp_method *table, const char *name);

#endif
