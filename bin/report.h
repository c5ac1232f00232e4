/*
 * report.h - results of a checking filter as CI systems read them: TAP
 * (a line per case, the plan at the end) on a stream, or JUnit XML in a
 * file (one testcase per case, failures and skips marked), so that each
 * checked claim shows as a test.
 */
#ifndef DISP_REPORT_H
#define DISP_REPORT_H

#include <stdio.h>

enum { REPORT_PASS, REPORT_FAIL, REPORT_SKIP };

typedef struct report report;

/* TAP on fp. */
report *report_tap(FILE *fp);

/* JUnit XML into path (written by report_close; cannot open: exit 74). */
report *report_junit(const char *path, const char *suite);

/* One case: its class (a group of cases), name, outcome and message. */
void report_case(report *r, const char *cls, const char *name, int outcome,
		 const char *msg);

/* Writes what is kept and frees r; a write error exits 74. */
void report_close(report *r);

#endif
