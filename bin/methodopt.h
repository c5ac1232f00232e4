/*
 * methodopt.h - methods chosen on the command line, from the tables of
 * stats/methods.h: picking one by name, listing them in --help and
 * --methods, and telling the user what a method's status means.
 */
#ifndef DISP_METHODOPT_H
#define DISP_METHODOPT_H

#include "alternative.h"
#include "methods.h"

#include <stdio.h>

/* The method of kind k called name, or its default when name is NULL; an
 * unknown name is a usage error that lists the valid ones. */
const dsp_method *mo_pick(const dsp_kind *k, const char *name);

/* "Methods for --ci:" and its methods, for every kind of dsp_kinds
 * (--help); mo_help_kinds for another table of kinds (ending with a row
 * whose option is NULL), a filter's own. */
void mo_help(FILE *fp);
void mo_help_kinds(FILE *fp, const dsp_kind *kinds);

/* Every method as CSV: kind (its title), option, person_time, method,
 * default, limit, help, citation (--methods); the docs check reads it. */
void mo_list(FILE *fp);
void mo_list_kinds(FILE *fp, const dsp_kind *kinds);

/*
 * What status rc of method m (kind k) on one row (a noun, "group" or
 * "claim", and its name) means to the user: a warning when it did not
 * converge, exit 65 naming the method and its limit when the counts are
 * beyond it, exit 71 when memory ran out.
 */
void mo_check(int rc, const dsp_kind *k, const dsp_method *m, const char *noun,
	      const char *name);

/*
 * --alternative NAME into *alt (NAME NULL: two-sided): a usage error when
 * NAME is not two-sided, greater or less, or when it is one-sided and the
 * run's level is 1/2 or less (a one-sided bound at level L is the
 * two-sided one at 2L - 1); level 0: the run has no intervals.  Returns
 * whether NAME was given (the alternative column is then written).
 */
int mo_alternative(const char *name, double level, dsp_alternative *alt);

#endif
