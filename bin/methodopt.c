/*
 * methodopt.c - methods on the command line (see methodopt.h).
 */
#include "methodopt.h"
#include "dsp.h"
#include "err.h"
#include "writer.h"

#include <string.h>

/* "--ci", or "--ci with -x" for a person-time kind. */
static const char *kind_name(const dsp_kind *k)
{
	static char buf[64];
	if (!k->person_time)
		return k->option;
	snprintf(buf, sizeof buf, "%s with -x", k->option);
	return buf;
}

const dsp_method *mo_pick(const dsp_kind *k, const char *name)
{
	if (!name)
		return k->methods;
	const dsp_method *m = dsp_method_find(k->methods, name);
	if (m)
		return m;
	char list[512] = "";
	for (m = k->methods; m->name; m++) {
		size_t n = strlen(list);
		snprintf(list + n, sizeof list - n, "%s%s", n ? ", " : "", m->name);
	}
	err_usage("unknown method for %s: '%s' (methods: %s)", kind_name(k),
		  err_show(name), list);
}

void mo_help(FILE *fp)
{
	mo_help_kinds(fp, dsp_kinds);
}

void mo_help_kinds(FILE *fp, const dsp_kind *kinds)
{
	for (const dsp_kind *k = kinds; k->option; k++) {
		fprintf(fp, "\nMethods for %s%s:\n", kind_name(k),
			k->optional ? "" : " (the first is the default)");
		for (const dsp_method *m = k->methods; m->name; m++)
			fprintf(fp, "  %-13s  %s\n", m->name, m->help);
	}
}

void mo_list(FILE *fp)
{
	mo_list_kinds(fp, dsp_kinds);
}

void mo_list_kinds(FILE *fp, const dsp_kind *kinds)
{
	static const wr_col cols[] = {
		{"kind", WR_TEXT}, {"option", WR_TEXT}, {"person_time", WR_NUM},
		{"method", WR_TEXT},
		{"default", WR_NUM}, {"limit", WR_TEXT}, {"help", WR_TEXT},
		{"citation", WR_TEXT}};
	wr_opts o = {',', 0, 6};
	wr_table *w = wr_begin(fp, &o, cols, sizeof cols / sizeof *cols);
	for (const dsp_kind *k = kinds; k->option; k++)
		for (const dsp_method *m = k->methods; m->name; m++) {
			wr_str(w, k->title);
			wr_str(w, k->option);
			wr_int(w, k->person_time);
			wr_str(w, m->name);
			wr_int(w, m == k->methods && !k->optional);
			wr_str(w, m->limit ? m->limit : "");
			wr_str(w, m->help);
			wr_str(w, m->cite);
			wr_end_row(w);
		}
	wr_finish(w);
}

void mo_check(int rc, const dsp_kind *k, const dsp_method *m, const char *noun,
	      const char *name)
{
	if (rc == DSP_ENOCONV)
		err_warn("%s %s did not converge for %s '%s'", kind_name(k),
			 m->name, noun, err_show(name));
	if (rc == DSP_ERANGE)
		err_die(EX_DATA, "%s %s: %s '%s' is beyond the method's limit (%s)",
			kind_name(k), m->name, noun, err_show(name),
			m->limit ? m->limit : "see the man page");
	if (rc == DSP_ENOMEM)
		err_nomem();
}

int mo_alternative(const char *name, double level, dsp_alternative *alt)
{
	*alt = DSP_TWO_SIDED;
	if (!name)
		return 0;
	if (dsp_alt_parse(name, alt))
		err_usage("--alternative takes two-sided, greater or less: '%s'", err_show(name));
	if (*alt != DSP_TWO_SIDED && level != 0 && !(level > 0.5))
		err_usage("--alternative %s needs a level above 0.5 (a one-sided bound at "
			  "level L is a two-sided one at 2L - 1)", name);
	return 1;
}
