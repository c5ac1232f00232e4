/*
 * report.c - TAP and JUnit XML (see report.h).
 */
#include "report.h"
#include "err.h"
#include "text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct report {
	FILE *fp;          /* TAP: the stream */
	char *path, *suite;
	int n, failed, skipped;
	char *xml;         /* JUnit: the testcases so far */
	size_t len, cap;
};

report *report_tap(FILE *fp)
{
	report *r = xmalloc(sizeof *r);
	*r = (report){fp, NULL, NULL, 0, 0, 0, NULL, 0, 0};
	return r;
}

report *report_junit(const char *path, const char *suite)
{
	report *r = report_tap(NULL);
	r->path = xstrdup(path);
	r->suite = xstrdup(suite);
	return r;
}

static void append(report *r, const char *s, size_t n)
{
	if (r->len + n + 1 > r->cap) {
		while (r->len + n + 1 > r->cap)
			r->cap = r->cap ? 2 * r->cap : 4096;
		r->xml = xrealloc(r->xml, r->cap);
	}
	memcpy(r->xml + r->len, s, n);
	r->len += n;
	r->xml[r->len] = '\0';
}

/* s as XML character data or an attribute value: markup characters as
 * entities, and what XML 1.0 cannot hold at all (control characters,
 * bytes that are not UTF-8) through text_escape's \xHH. */
static void xml_text(report *r, const char *s)
{
	size_t n = strlen(s);
	char *e = xmalloc(4 * n + 1);
	text_escape(e, s, n);
	for (const char *p = e; *p; p++) {
		const char *ent = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" : *p == '>' ?
				  "&gt;" : *p == '"' ? "&quot;" : *p == '\'' ? "&apos;" : NULL;
		if (ent)
			append(r, ent, strlen(ent));
		else
			append(r, p, 1);
	}
	free(e);
}

/* A TAP description: one line, and no '#' that would start a directive. */
static void tap_text(FILE *fp, const char *s)
{
	size_t n = strlen(s);
	char *e = xmalloc(4 * n + 1);
	text_escape(e, s, n);
	for (char *p = e; *p; p++)
		if (*p == '#')
			*p = '_';
	fputs(e, fp);
	free(e);
}

void report_case(report *r, const char *cls, const char *name, int outcome,
		 const char *msg)
{
	r->n++;
	r->failed += outcome == REPORT_FAIL;
	r->skipped += outcome == REPORT_SKIP;
	if (r->fp) {
		fprintf(r->fp, "%s %d - ", outcome == REPORT_FAIL ? "not ok" : "ok", r->n);
		tap_text(r->fp, name);
		fputs(": ", r->fp);
		if (outcome == REPORT_SKIP)
			fputs("# SKIP ", r->fp);
		tap_text(r->fp, msg);
		putc('\n', r->fp);
		return;
	}
	static const char *const TAG[] = {NULL, "failure", "skipped"};
	append(r, "  <testcase classname=\"", 23);
	xml_text(r, cls);
	append(r, "\" name=\"", 8);
	xml_text(r, name);
	append(r, "\">\n", 3);
	if (outcome == REPORT_PASS) {
		append(r, "    <system-out>", 16);
		xml_text(r, msg);
		append(r, "</system-out>\n", 14);
	} else {
		append(r, "    <", 5);
		append(r, TAG[outcome], strlen(TAG[outcome]));
		append(r, " message=\"", 10);
		xml_text(r, msg);
		append(r, "\"/>\n", 4);
	}
	append(r, "  </testcase>\n", 14);
}

void report_close(report *r)
{
	if (r->fp) {
		fprintf(r->fp, "1..%d\n", r->n);
	} else {
		FILE *fp = fopen(r->path, "w");
		if (!fp)
			err_die(EX_IOERR_, "%s: %s", err_show(r->path), strerror(errno));
		fprintf(fp, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			"<testsuites>\n<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" "
			"errors=\"0\" skipped=\"%d\">\n", r->suite, r->n, r->failed, r->skipped);
		if (r->xml)
			fputs(r->xml, fp);
		fputs("</testsuite>\n</testsuites>\n", fp);
		if (ferror(fp) | (fclose(fp) != 0))
			err_die(EX_IOERR_, "%s: write error", err_show(r->path));
	}
	free(r->path);
	free(r->suite);
	free(r->xml);
	free(r);
}
