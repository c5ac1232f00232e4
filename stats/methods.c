/*
 * methods.c - the tables of methods (see methods.h).
 */
#include "methods.h"
#include "dsp.h"
#include "diff.h"
#include "odds.h"
#include "ptrate.h"
#include "propci.h"
#include "ratio.h"
#include "test2x2.h"
#include "uncond.h"

#include <math.h>
#include <string.h>

const dsp_method dsp_ci_methods[] = {
	{"wilson", "Wilson score interval",
	 "Wilson EB (1927). J Am Stat Assoc 22:209-212.", {.ci = dsp_ci_wilson}, NULL, NULL},
	{"jeffreys", "Jeffreys interval (equal-tailed Beta(x+1/2, n-x+1/2))",
	 "Brown LD, Cai TT, DasGupta A (2001). Stat Sci 16:101-133.",
	 {.ci = dsp_ci_jeffreys}, NULL, NULL},
	{"exact", "Clopper-Pearson exact interval",
	 "Clopper CJ, Pearson ES (1934). Biometrika 26:404-413.",
	 {.ci = dsp_ci_exact}, NULL, NULL},
	{"wilson-cc", "Wilson score interval with continuity correction",
	 "Newcombe RG (1998). Stat Med 17:857-872 (method 4).",
	 {.ci = dsp_ci_wilson_cc}, NULL, NULL},
	{"midp", "mid-p exact interval",
	 "Berry G, Armitage P (1995). The Statistician 44:417-423.",
	 {.ci = dsp_ci_midp}, NULL, NULL},
	{"agresti-coull", "Agresti-Coull interval (z^2/2 added to each outcome)",
	 "Agresti A, Coull BA (1998). Am Stat 52:119-126.",
	 {.ci = dsp_ci_agresti_coull}, NULL, NULL},
	{"wald", "Wald interval (not recommended; for comparison)",
	 "Laplace PS (1812); see Brown, Cai & DasGupta (2001).",
	 {.ci = dsp_ci_wald}, NULL, NULL},
	{NULL, NULL, NULL, {NULL}, NULL, NULL}
};

const dsp_method dsp_ratio_methods[] = {
	{"koopman", "Koopman score interval",
	 "Koopman PAR (1984). Biometrics 40:513-517.",
	 {.ratio = dsp_rr_koopman}, dsp_test_score, NULL},
	{"katz", "Katz log interval",
	 "Katz D, Baptista J, Azen SP, Pike MC (1978). Biometrics 34:469-474.",
	 {.ratio = dsp_rr_katz}, NULL, NULL},
	{"mn", "Miettinen-Nurminen score interval (Koopman's with N/(N-1))",
	 "Miettinen O, Nurminen M (1985). Stat Med 4:213-226.",
	 {.ratio = dsp_rr_mn}, dsp_test_score_mn, NULL},
	{"scas", "skewness-corrected asymptotic score interval (MN with Gart-Nam correction)",
	 "Laud PJ (2017). Pharm Stat 16:334-348; Gart JJ, Nam J (1988). Biometrics 44:323-338.",
	 {.ratio = dsp_rr_scas}, dsp_test_score_scas, NULL},
	{"adj-log", "Katz log interval with 1/2 added to events and totals",
	 "Fagerland MW, Lydersen S, Laake P (2015). Stat Methods Med Res 24:224-254.",
	 {.ratio = dsp_rr_adj_log}, NULL, NULL},
	{"bailey", "Bailey cube-root interval",
	 "Bailey BJR (1987). Biometrics 43:201-205.", {.ratio = dsp_rr_bailey}, NULL, NULL},
	{NULL, NULL, NULL, {NULL}, NULL, NULL}
};

const dsp_method dsp_test_methods[] = {
	{"fisher", "Fisher's exact test, two-sided by minimum likelihood",
	 "Fisher RA (1935). J R Stat Soc 98:39-82.", {.test = dsp_test_fisher}, NULL, NULL},
	{"chi2", "Pearson chi-square test, no continuity correction",
	 "Pearson K (1900). Philos Mag 50:157-175.", {.test = dsp_test_chi2}, NULL, NULL},
	{"chi2-yates", "Pearson chi-square test with Yates' continuity correction",
	 "Yates F (1934). J R Stat Soc Suppl 1:217-235.",
	 {.test = dsp_test_chi2_yates}, NULL, NULL},
	{"g", "likelihood-ratio (G) test",
	 "Woolf B (1957). Ann Hum Genet 21:397-409.", {.test = dsp_test_g}, NULL, NULL},
	{"fisher-midp", "Fisher's test with Lancaster's mid-p (twice the smaller one-sided)",
	 "Lancaster HO (1961). J Am Stat Assoc 56:223-234.",
	 {.test = dsp_test_fisher_midp}, NULL, NULL},
	{"score", "score test inverted by the chosen score-type --ratio (koopman: Pearson X^2)",
	 "Koopman PAR (1984). Biometrics 40:513-517; Miettinen O, Nurminen M (1985). "
	 "Stat Med 4:213-226.", {.test = dsp_test_score}, NULL, NULL},
	{"barnard", "Barnard's unconditional exact test (pooled z), as scipy barnard_exact",
	 "Barnard GA (1947). Biometrika 34:123-138.", {.test = dsp_test_barnard}, NULL, "n1, n2 <= 10^5"},
	{"boschloo", "Boschloo's unconditional exact test (Fisher's p as statistic)",
	 "Boschloo RD (1970). Statistica Neerlandica 24:1-9.", {.test = dsp_test_boschloo}, NULL, "n1, n2 <= 10^5"},
	{NULL, NULL, NULL, {NULL}, NULL, NULL}
};

/* Rate difference, x1/n1 - x2/n2. */
const dsp_method dsp_diff_methods[] = {
	{"newcombe", "Newcombe hybrid score interval (Wilson limits combined)",
	 "Newcombe RG (1998). Stat Med 17:873-890 (method 10).",
	 {.ratio = dsp_rd_newcombe}, NULL, NULL},
	{"agresti-caffo", "Wald after adding 1 event and 1 non-event to each group",
	 "Agresti A, Caffo B (2000). Am Stat 54:280-288.",
	 {.ratio = dsp_rd_agresti_caffo}, NULL, NULL},
	{"wald", "Wald interval (not recommended; for comparison)",
	 "See Newcombe RG (1998). Stat Med 17:873-890 (method 1).",
	 {.ratio = dsp_rd_wald}, NULL, NULL},
	{"mn", "Miettinen-Nurminen score interval",
	 "Miettinen O, Nurminen M (1985). Stat Med 4:213-226.",
	 {.ratio = dsp_rd_mn}, dsp_test_score_mn, NULL},
	{NULL, NULL, NULL, {NULL}, NULL, NULL}
};

/* Odds ratio, [x1/(n1-x1)] / [x2/(n2-x2)]. */
const dsp_method dsp_odds_methods[] = {
	{"woolf", "Woolf logit interval",
	 "Woolf B (1955). Ann Hum Genet 19:251-253.", {.ratio = dsp_or_woolf}, NULL, NULL},
	{"gart", "Woolf logit interval with 1/2 added to every cell",
	 "Gart JJ (1966). J R Stat Soc B 28:164-179.", {.ratio = dsp_or_gart}, NULL, NULL},
	{"exact", "Cornfield exact conditional interval (as R fisher.test)",
	 "Cornfield J (1956). Proc 3rd Berkeley Symp 4:135-148.",
	 {.ratio = dsp_or_exact}, NULL, NULL},
	{"midp", "conditional mid-p interval",
	 "Rothman KJ, Greenland S (1998). Modern Epidemiology, 2nd ed., ch. 14.",
	 {.ratio = dsp_or_midp}, NULL, NULL},
	{"mn", "Miettinen-Nurminen score interval",
	 "Miettinen O, Nurminen M (1985). Stat Med 4:213-226.",
	 {.ratio = dsp_or_mn}, dsp_test_score_mn, NULL},
	{"baptista-pike", "Baptista-Pike exact interval (inverts the minimum-likelihood test)",
	 "Baptista J, Pike MC (1977). Appl Stat 26:214-220.",
	 {.ratio = dsp_or_baptista_pike}, NULL, NULL},
	{NULL, NULL, NULL, {NULL}, NULL, NULL}
};

/* Person-time rate interval, x events in exposure t. */
const dsp_method dsp_pt_ci_methods[] = {
	{"exact", "Garwood exact interval (gamma quantiles)",
	 "Garwood F (1936). Biometrika 28:437-442.", {.ci = dsp_pt_ci_exact}, NULL, NULL},
	{"midp", "mid-p exact interval",
	 "Berry G, Armitage P (1995). The Statistician 44:417-423.",
	 {.ci = dsp_pt_ci_midp}, NULL, NULL},
	{"byar", "Byar's approximation to the exact interval",
	 "Breslow NE, Day NE (1987). Statistical Methods in Cancer Research II, p. 69.",
	 {.ci = dsp_pt_ci_byar}, NULL, NULL},
	{"wald", "Wald interval (not recommended; for comparison)",
	 "See Breslow NE, Day NE (1987).", {.ci = dsp_pt_ci_wald}, NULL, NULL},
	{NULL, NULL, NULL, {NULL}, NULL, NULL}
};

/* Person-time rate ratio, (x1/t1) / (x2/t2). */
const dsp_method dsp_pt_ratio_methods[] = {
	{"exact", "conditional exact: Clopper-Pearson on x1 of x1 + x2, transformed",
	 "Armitage P, Berry G, Matthews JNS (2002). Statistical Methods in Medical "
	 "Research, 4th ed., sec. 5.3.", {.ratio = dsp_pt_rr_exact}, NULL, NULL},
	{"midp", "conditional mid-p: mid-p interval on x1 of x1 + x2, transformed",
	 "Rothman KJ, Greenland S (1998). Modern Epidemiology, 2nd ed., ch. 14.",
	 {.ratio = dsp_pt_rr_midp}, NULL, NULL},
	{"wald", "Wald interval of the log rate ratio",
	 "Rothman KJ, Greenland S (1998). Modern Epidemiology, 2nd ed., ch. 14.",
	 {.ratio = dsp_pt_rr_wald}, NULL, NULL},
	{NULL, NULL, NULL, {NULL}, NULL, NULL}
};

/* Person-time test of x1/t1 against x2/t2. */
const dsp_method dsp_pt_test_methods[] = {
	{"exact", "conditional binomial test, two-sided as R's poisson.test",
	 "Armitage P, Berry G, Matthews JNS (2002), sec. 5.3; R poisson.test.",
	 {.test = dsp_pt_test_exact}, NULL, NULL},
	{"midp", "conditional binomial test with mid-p (twice the smaller one-sided)",
	 "Lancaster HO (1961). J Am Stat Assoc 56:223-234.",
	 {.test = dsp_pt_test_midp}, NULL, NULL},
	{"score", "score (chi-square) test on the conditional binomial",
	 "Breslow NE, Day NE (1987). Statistical Methods in Cancer Research II.",
	 {.test = dsp_pt_test_score}, NULL, NULL},
	{NULL, NULL, NULL, {NULL}, NULL, NULL}
};

double dsp_test_p(dsp_test_fn f, double x1, double n1, double x2, double n2)
{
	double p = NAN;
	return f(x1, n1, x2, n2, &p) == DSP_OK ? p : NAN;
}

const dsp_method *dsp_method_find(const dsp_method *t, const char *name)
{
	for (; t->name; t++)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}
