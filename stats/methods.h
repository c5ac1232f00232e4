/*
 * methods.h - the methods as data.  Each kind of computation (rate
 * interval, relative-rate interval, test, ...) has one table of
 * {name, one-line help, citation, function, ...}, and one table of kinds
 * says, for each, the option that picks it, the shape of its functions, the
 * output columns and the reference fixtures.  Option parsing, --help,
 * --methods, the output columns, the accuracy test, the coverage program
 * and the man-page check all loop over these, so they cannot drift apart.
 * To add a method, write its function in the module of its kind and add a
 * row to its table; to add a kind, add a table and a row of dsp_kinds.
 */
#ifndef DSP_METHODS_H
#define DSP_METHODS_H

#include "funnel.h"
#include "strata.h"

#include <stddef.h>

typedef int (*dsp_ci_fn)(double x, double n, double level, double *lo, double *hi);
typedef int (*dsp_ratio_fn)(double x1, double n1, double x2, double n2,
			    double level, double *lo, double *hi);
typedef int (*dsp_test_fn)(double x1, double n1, double x2, double n2, double *p);
typedef int (*dsp_adjust_fn)(size_t n, const double *p, double *out);
/* A test of the whole k x 2 table (stats/table.h). */
struct dsp_ktable;
struct dsp_ktest;
typedef int (*dsp_table_fn)(const struct dsp_ktable *t, struct dsp_ktest *r);
/* Stratified (strata.h): an interval, a p-value, a point estimate; and a
 * standardised rate of one group over k strata (standardise.h). */
typedef int (*dsp_strata_fn)(const dsp_strata *s, double level, double *lo, double *hi);
typedef int (*dsp_strata_test_fn)(const dsp_strata *s, double *p);
typedef double (*dsp_strata_estimate_fn)(const dsp_strata *s);
typedef int (*dsp_standard_fn)(size_t k, const double *x, const double *n,
			       const double *s, double level, double *est,
			       double *lo, double *hi);

/* Method flags. */
enum {
	/* Adds pseudo-counts (1/2, or one event and one non-event): its
	 * interval is about adjusted counts and may exclude the raw estimate. */
	DSP_PSEUDO = 1,
	/* A test that stands for "the test the chosen interval inverts": the
	 * --ratio method's score companion when it has one. */
	DSP_COMPANION = 2
};

typedef struct {
	const char *name;
	const char *help;   /* one line for --help */
	const char *cite;   /* the reference, as the man page prints it */
	union {
		dsp_ci_fn ci;
		dsp_ratio_fn ratio;
		dsp_test_fn test;
		dsp_adjust_fn adjust;
		dsp_table_fn table;
		dsp_funnel_fn funnel;
		dsp_disp_fn disp;
		dsp_strata_fn strata;
		dsp_strata_test_fn stest;
		dsp_standard_fn standard;
	} fn;
	/* Score-type intervals only: the test of no difference that the
	 * interval inverts, so that its p < 1 - level exactly when the
	 * interval excludes the null.  NULL otherwise. */
	dsp_test_fn score;
	/* Where the method stops short of every count the input accepts (2^53):
	 * the limit in words, for the message when it returns DSP_ERANGE and
	 * for the man page.  NULL: no limit of its own. */
	const char *limit;
	unsigned flags;     /* DSP_PSEUDO, DSP_COMPANION */
	/* A stratified score interval: the test it inverts (as score). */
	dsp_strata_test_fn sscore;
	/* One-sided (alternative.h).  A test: its p-value of "greater", the
	 * group's rate above the reference's; NULL when it has no one-sided
	 * form.  A score-type interval: the same for its .score test. */
	dsp_test_fn greater, score_greater;
	/* An interval: the method of the same table whose two-sided interval
	 * at level 2L - 1 gives this one's one-sided bound at L (NULL: its
	 * own). */
	const char *one_sided;
	/* Stratified: the same as greater and score_greater. */
	dsp_strata_test_fn sgreater, sscore_greater;
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
/* Multiple comparisons: a family of p-values (with or without -x). */
extern const dsp_method dsp_adjust_methods[];    /* .adjust */
/* Stratified (disp-strata): a group against the reference across strata. */
extern const dsp_method dsp_strata_ratio_methods[];  /* .strata: common rr */
extern const dsp_method dsp_strata_diff_methods[];   /* .strata: common rd */
extern const dsp_method dsp_strata_odds_methods[];   /* .strata: common or */
extern const dsp_method dsp_strata_test_methods[];   /* .stest: no association */
extern const dsp_method dsp_strata_homog_methods[];  /* .stest: homogeneity */
extern const dsp_method dsp_strata_pt_ratio_methods[];  /* .strata, person-time */
extern const dsp_method dsp_strata_pt_test_methods[];   /* .stest, person-time */
extern const dsp_method dsp_strata_pt_homog_methods[];  /* .stest, person-time */
extern const dsp_method dsp_standard_methods[];      /* .standard */

/* Tests of the whole k x 2 table (.table; disp-test --tests). */
extern const dsp_method dsp_table_methods[];

/* The shapes of method functions. */
typedef enum {
	DSP_ONE,    /* fn.ci: x of n (or x per t) */
	DSP_PAIR,   /* fn.ratio: x1 of n1 against x2 of n2 */
	DSP_TEST,   /* fn.test: the same, a p-value */
	DSP_ADJUST, /* fn.adjust: a family of p-values, adjusted */
	/* disp-funnel's (dsp_funnel_kinds), never in dsp_kinds: */
	DSP_FUNNEL,     /* fn.funnel: limits and p of a unit */
	DSP_DISPERSION, /* fn.disp: phi and tau2 of the units */
	/* disp-strata's (dsp_strata_kinds), never in dsp_kinds: */
	DSP_STRATA,       /* fn.strata: x1[j] of n1[j] against x2[j] of n2[j] */
	DSP_STRATA_TEST,  /* fn.stest: the same, a p-value */
	DSP_STANDARD      /* fn.standard: one group's x[j] of n[j], standard s[j] */
} dsp_shape;

/* What an interval kind estimates, for the grid's range checks. */
typedef enum {
	DSP_PROPORTION,  /* in [0, 1] */
	DSP_RATE,        /* in [0, inf): person-time */
	DSP_RATIO,       /* in [0, inf]: relative rate, odds ratio */
	DSP_DIFFERENCE,  /* in [-1, 1] */
	DSP_PVALUE       /* in [0, 1] */
} dsp_quantity;

/* A point estimate from two groups' counts: dsp_rr, dsp_rd, dsp_or. */
typedef double (*dsp_estimate_fn)(double x1, double n1, double x2, double n2);

typedef struct {
	const char *option;        /* "--ci" */
	int person_time;           /* the table that -x selects */
	int optional;              /* its columns appear only when asked for */
	dsp_shape shape;
	dsp_quantity quantity;
	const dsp_method *methods;
	const char *column;        /* output columns COLUMN, COLUMN_lo, COLUMN_hi
				    * (a test: COLUMN alone) */
	const char *fixture;       /* references: fixtures/refs/FIXTURE.csv and
				    * any fixtures/refs/NAME-FIXTURE.csv */
	const char *title;         /* the man page's METHODS subsection */
	dsp_estimate_fn estimate;  /* DSP_PAIR: the point estimate (DSP_ONE's
				    * is x/n; a test has none) */
} dsp_kind;

/* Every kind; ends with a row whose option is NULL. */
extern const dsp_kind dsp_kinds[];

/*
 * disp-test's kinds: tests of the whole table, whose methods set fn.table.
 * Their shape is DSP_TEST (each gives a p-value); being in a table of
 * their own, they never meet code that loops over dsp_kinds and calls
 * fn.test.
 */
extern const dsp_kind dsp_table_kinds[];
/* disp-funnel's kinds: control limits (--method) and over-dispersion
 * (--overdispersion); ends with a row whose option is NULL. */
extern const dsp_method dsp_funnel_methods[];  /* .funnel */
extern const dsp_method dsp_disp_methods[];    /* .disp */
extern const dsp_kind dsp_funnel_kinds[];
/* disp-strata's kinds (the same options, stratified), ending the same way. */
extern const dsp_kind dsp_strata_kinds[];

/* A DSP_STRATA kind's point estimate (Mantel-Haenszel's), or NULL. */
dsp_strata_estimate_fn dsp_strata_estimate(const dsp_kind *k);

/* The kind picked by option (with -x when person_time), or NULL. */
const dsp_kind *dsp_kind_find(const char *option, int person_time);

/* The p-value of test f, NaN whenever f does not return DSP_OK: for callers
 * that need no reason. */
double dsp_test_p(dsp_test_fn f, double x1, double n1, double x2, double n2);

/* The row called name, or NULL. */
const dsp_method *dsp_method_find(const dsp_method *table, const char *name);

/* The test a --test row runs: its own fn.test, or for a DSP_COMPANION row
 * ("score") the score test of the chosen --ratio row when it has one. */
dsp_test_fn dsp_test_of(const dsp_method *test, const dsp_method *ratio);

#endif
