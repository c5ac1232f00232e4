/*
 * methods.c - the tables of methods and of their kinds (see methods.h).
 * A citation is written here once, as the man page prints it; the man-page
 * check (tests/docs.sh) holds the page to it.
 */
#include "methods.h"
#include "alternative.h"
#include "adjust.h"
#include "invert.h"
#include "mover.h"
#include "dsp.h"
#include "diff.h"
#include "odds.h"
#include "ptrate.h"
#include "propci.h"
#include "ratio.h"
#include "table.h"
#include "standardise.h"
#include "strata.h"
#include "test2x2.h"
#include "uncond.h"

#include <math.h>
#include <string.h>

#define MN_1985 "Miettinen O, Nurminen M (1985). Comparative analysis of two " \
	"rates. Stat Med 4:213-226."
#define KOOPMAN_1984 "Koopman PAR (1984). Confidence intervals for the ratio " \
	"of two binomial proportions. Biometrics 40:513-517."
#define BERRY_1995 "Berry G, Armitage P (1995). Mid-P confidence intervals: a " \
	"brief review. The Statistician 44:417-423."
#define BROWN_2001 "Brown LD, Cai TT, DasGupta A (2001). Interval estimation " \
	"for a binomial proportion. Stat Sci 16:101-133."
#define NEWCOMBE_1998D "Newcombe RG (1998). Interval estimation for the " \
	"difference between independent proportions: comparison of eleven " \
	"methods. Stat Med 17:873-890"
#define ROTHMAN_1998 "Rothman KJ, Greenland S (1998). Modern Epidemiology, " \
	"2nd ed., ch. 14."
#define LANCASTER_1961 "Lancaster HO (1961). Significance tests in discrete " \
	"distributions. J Am Stat Assoc 56:223-234."
#define ARMITAGE_2002 "Armitage P, Berry G, Matthews JNS (2002). Statistical " \
	"Methods in Medical Research, 4th ed., sec. 5.3."
#define FLL_2015 "Fagerland MW, Lydersen S, Laake P (2015). Recommended " \
	"confidence intervals for two independent binomial proportions. Stat " \
	"Methods Med Res 24:224-254."
#define NEWCOMBE_1998 "Newcombe RG (1998). Interval estimation for the " \
	"difference between independent proportions: comparison of eleven " \
	"methods. Stat Med 17:873-890."
#define LAUD_2017_MOVER "Laud PJ (2017). Equal-tailed confidence intervals " \
	"for comparison of rates. Pharm Stat 16:334-348 (MOVER-J, as R's ratesci " \
	"moverci)."
#define DONNER_ZOU_2012 "Donner A, Zou GY (2012). Closed-form confidence " \
	"intervals for functions of the normal mean and standard deviation. Stat " \
	"Methods Med Res 21:347-359."
#define FAGERLAND_NEWCOMBE_2013 "Fagerland MW, Newcombe RG (2013). Confidence " \
	"intervals for odds ratio and relative risk based on the inverse " \
	"hyperbolic sine transformation. Stat Med 32:2823-2836"
#define BLAKER_2000 "Blaker H (2000). Confidence curves and improved exact " \
	"confidence intervals for discrete distributions. Can J Stat 28:783-798."
#define FAY_2010 "Fay MP (2010). Two-sided exact tests and matching " \
	"confidence intervals for discrete data. R Journal 2:53-58."
#define BRESLOW_1987 "Breslow NE, Day NE (1987). Statistical Methods in " \
	"Cancer Research II, IARC."

const dsp_method dsp_ci_methods[] = {
	{.name = "wilson", .help = "Wilson score interval", .fn.ci = dsp_ci_wilson,
	 .cite = "Wilson EB (1927). Probable inference, the law of succession, "
		 "and statistical inference. J Am Stat Assoc 22:209-212."},
	{.name = "jeffreys", .help = "Jeffreys interval (equal-tailed Beta(x+1/2, n-x+1/2))",
	 .fn.ci = dsp_ci_jeffreys, .cite = BROWN_2001},
	{.name = "exact", .help = "Clopper-Pearson exact interval", .fn.ci = dsp_ci_exact,
	 .cite = "Clopper CJ, Pearson ES (1934). The use of confidence or fiducial "
		 "limits illustrated in the case of the binomial. Biometrika 26:404-413."},
	{.name = "wilson-cc", .help = "Wilson score interval with continuity correction",
	 .fn.ci = dsp_ci_wilson_cc,
	 .cite = "Newcombe RG (1998). Two-sided confidence intervals for the single "
		 "proportion: comparison of seven methods. Stat Med 17:857-872."},
	{.name = "midp", .help = "mid-p exact interval", .fn.ci = dsp_ci_midp,
	 .cite = BERRY_1995},
	{.name = "agresti-coull", .help = "Agresti-Coull interval (z^2/2 added to each outcome)",
	 .fn.ci = dsp_ci_agresti_coull, .flags = DSP_PSEUDO,
	 .cite = "Agresti A, Coull BA (1998). Approximate is better than \"exact\" "
		 "for interval estimation of binomial proportions. Am Stat 52:119-126."},
	{.name = "wald", .help = "Wald interval (not recommended; for comparison)",
	 .fn.ci = dsp_ci_wald, .cite = BROWN_2001},
	{.name = "blaker", .help = "Blaker's exact interval (inverts his acceptability test)",
	 .fn.ci = dsp_ci_blaker, .limit = "n <= 10^7", .one_sided = "exact", .cite = BLAKER_2000},
	{.name = "logit", .help = "logit (Wald on the log odds) interval",
	 .fn.ci = dsp_ci_logit, .cite = BROWN_2001},
	{.name = "arcsine", .help = "arcsine interval on Anscombe's (x+3/8)/(n+3/4)",
	 .fn.ci = dsp_ci_arcsine, .flags = DSP_PSEUDO,
	 .cite = "Anscombe FJ (1948). The transformation of Poisson, binomial and "
		 "negative-binomial data. Biometrika 35:246-254; " BROWN_2001},
	{0}
};

const dsp_method dsp_ratio_methods[] = {
	{.name = "koopman", .help = "Koopman score interval", .fn.ratio = dsp_rr_koopman,
	 .score = dsp_test_score, .score_greater = dsp_test_score_greater, .cite = KOOPMAN_1984},
	{.name = "katz", .help = "Katz log interval", .fn.ratio = dsp_rr_katz,
	 .cite = "Katz D, Baptista J, Azen SP, Pike MC (1978). Obtaining confidence "
		 "intervals for the risk ratio in cohort studies. Biometrics 34:469-474."},
	{.name = "mn", .help = "Miettinen-Nurminen score interval (Koopman's with N/(N-1))",
	 .fn.ratio = dsp_rr_mn, .score = dsp_test_score_mn,
	 .score_greater = dsp_test_score_mn_greater, .cite = MN_1985},
	{.name = "scas",
	 .help = "skewness-corrected asymptotic score interval (MN with Gart-Nam correction)",
	 .fn.ratio = dsp_rr_scas, .score = dsp_test_score_scas,
	 .score_greater = dsp_test_score_scas_greater,
	 .cite = "Laud PJ (2017). Equal-tailed confidence intervals for comparison "
		 "of rates. Pharm Stat 16:334-348; Gart JJ, Nam J (1988). Approximate "
		 "interval estimation of the ratio of binomial parameters: a review and "
		 "corrections for skewness. Biometrics 44:323-338."},
	{.name = "adj-log", .help = "Katz log interval with 1/2 added to events and totals",
	 .fn.ratio = dsp_rr_adj_log, .flags = DSP_PSEUDO,
	 .cite = FLL_2015},
	{.name = "bailey", .help = "Bailey cube-root interval", .fn.ratio = dsp_rr_bailey,
	 .cite = "Bailey BJR (1987). Confidence limits to the risk ratio. "
		 "Biometrics 43:201-205."},
	{.name = "asinh", .help = "adjusted inverse hyperbolic sine interval",
	 .fn.ratio = dsp_rr_asinh, .cite = FLL_2015},
	{.name = "mover-wilson", .help = "MOVER on Wilson limits (Donner-Zou)",
	 .fn.ratio = dsp_rr_mover_wilson, .cite = DONNER_ZOU_2012 " " NEWCOMBE_1998},
	{.name = "mover-jeffreys",
	 .help = "MOVER on Jeffreys limits around the posterior medians (MOVER-J)",
	 .fn.ratio = dsp_rr_mover_jeffreys, .flags = DSP_PSEUDO,
	 .cite = DONNER_ZOU_2012 " " LAUD_2017_MOVER},
	{0}
};

const dsp_method dsp_test_methods[] = {
	{.name = "fisher", .help = "Fisher's exact test, two-sided by minimum likelihood",
	 .fn.test = dsp_test_fisher, .greater = dsp_test_fisher_greater,
	 .cite = "Fisher RA (1935). The logic of inductive inference. J R Stat Soc "
		 "98:39-82."},
	{.name = "chi2", .help = "Pearson chi-square test, no continuity correction",
	 .fn.test = dsp_test_chi2, .greater = dsp_test_chi2_greater, .cite = "Pearson K (1900). Philos Mag 50:157-175."},
	{.name = "chi2-yates", .help = "Pearson chi-square test with Yates' continuity correction",
	 .fn.test = dsp_test_chi2_yates, .greater = dsp_test_chi2_yates_greater,
	 .cite = "Yates F (1934). Contingency tables involving small numbers and the "
		 "chi-square test. J R Stat Soc Suppl 1:217-235."},
	{.name = "g", .help = "likelihood-ratio (G) test", .fn.test = dsp_test_g, .greater = dsp_test_g_greater,
	 .cite = "Woolf B (1957). The log likelihood ratio test (the G-test). Ann "
		 "Hum Genet 21:397-409."},
	{.name = "fisher-midp",
	 .help = "Fisher's test with Lancaster's mid-p (twice the smaller one-sided)",
	 .fn.test = dsp_test_fisher_midp, .greater = dsp_test_fisher_midp_greater, .cite = LANCASTER_1961},
	{.name = "score",
	 .help = "score test inverted by the chosen score-type --ratio (koopman: Pearson X^2)",
	 .fn.test = dsp_test_score, .greater = dsp_test_score_greater,
	 .flags = DSP_COMPANION,
	 .cite = KOOPMAN_1984 " " MN_1985},
	{.name = "barnard", .help = "Barnard's unconditional exact test (pooled z), as scipy barnard_exact",
	 .fn.test = dsp_test_barnard, .greater = dsp_test_barnard_greater, .limit = "n1, n2 <= 10^5",
	 .cite = "Barnard GA (1947). Significance tests for 2x2 tables. Biometrika "
		 "34:123-138."},
	{.name = "barnard-unpooled",
	 .help = "Barnard's test with the unpooled (Wald) z, as scipy pooled=False",
	 .fn.test = dsp_test_barnard_unpooled,
	 .greater = dsp_test_barnard_unpooled_greater, .limit = "n1, n2 <= 10^5",
	 .cite = "Barnard GA (1947). Significance tests for 2x2 tables. Biometrika "
		 "34:123-138; Suissa S, Shuster JJ (1985). Exact unconditional sample "
		 "sizes for the 2x2 binomial trial. J R Stat Soc A 148:317-327."},
	{.name = "boschloo", .help = "Boschloo's unconditional exact test (Fisher's p as statistic)",
	 .fn.test = dsp_test_boschloo, .greater = dsp_test_boschloo_greater, .limit = "n1, n2 <= 10^5",
	 .cite = "Boschloo RD (1970). Raised conditional level of significance for "
		 "the 2x2 table when testing the equality of two probabilities. Stat "
		 "Neerl 24:1-9."},
	{.name = "boschloo-minlike",
	 .help = "Boschloo's test ordered by Fisher's two-sided (minimum-likelihood) p",
	 .fn.test = dsp_test_boschloo_minlike, .limit = "n1, n2 <= 10^4",
	 .cite = "Boschloo RD (1970). Raised conditional level of significance for "
		 "the 2x2 table when testing the equality of two probabilities. Stat "
		 "Neerl 24:1-9; Mehta CR, Senchaudhuri P (2003). Conditional versus "
		 "unconditional exact tests for comparing two binomials. Cytel Software "
		 "Corporation."},
	{0}
};

/* Rate difference, x1/n1 - x2/n2. */
const dsp_method dsp_diff_methods[] = {
	{.name = "newcombe", .help = "Newcombe hybrid score interval (Wilson limits combined)",
	 .fn.ratio = dsp_rd_newcombe, .cite = NEWCOMBE_1998D " (method 10)."},
	{.name = "agresti-caffo", .help = "Wald after adding 1 event and 1 non-event to each group",
	 .fn.ratio = dsp_rd_agresti_caffo, .flags = DSP_PSEUDO,
	 .cite = "Agresti A, Caffo B (2000). Simple and effective confidence "
		 "intervals for proportions and differences of proportions result from "
		 "adding two successes and two failures. Am Stat 54:280-288."},
	{.name = "wald", .help = "Wald interval (not recommended; for comparison)",
	 .fn.ratio = dsp_rd_wald, .cite = NEWCOMBE_1998D " (method 1)."},
	{.name = "mn", .help = "Miettinen-Nurminen score interval", .fn.ratio = dsp_rd_mn,
	 .score = dsp_test_score_mn, .score_greater = dsp_test_score_mn_greater, .cite = MN_1985},
	{.name = "mee", .help = "Mee score interval (MN's without N/(N-1))",
	 .fn.ratio = dsp_rd_mee, .score = dsp_test_score,
	 .score_greater = dsp_test_score_greater,
	 .cite = "Mee RW (1984). Confidence bounds for the difference between two "
		 "probabilities (letter). Biometrics 40:1175-1176."},
	{.name = "mover-wilson", .help = "MOVER on Wilson limits: newcombe's interval",
	 .fn.ratio = dsp_rd_newcombe, .cite = NEWCOMBE_1998D " (method 10)."},
	{.name = "mover-jeffreys",
	 .help = "MOVER on Jeffreys limits around the posterior medians (MOVER-J)",
	 .fn.ratio = dsp_rd_mover_jeffreys, .flags = DSP_PSEUDO,
	 .cite = NEWCOMBE_1998D " (method 10). " LAUD_2017_MOVER},
	{0}
};

/* Odds ratio, [x1/(n1-x1)] / [x2/(n2-x2)]. */
const dsp_method dsp_odds_methods[] = {
	{.name = "woolf", .help = "Woolf logit interval", .fn.ratio = dsp_or_woolf,
	 .cite = "Woolf B (1955). On estimating the relation between blood group "
		 "and disease. Ann Hum Genet 19:251-253."},
	{.name = "gart", .help = "Woolf logit interval with 1/2 added to every cell",
	 .fn.ratio = dsp_or_gart, .flags = DSP_PSEUDO,
	 .cite = "Gart JJ (1966). Alternative analyses of contingency tables. J R "
		 "Stat Soc B 28:164-179."},
	{.name = "exact", .help = "Cornfield exact conditional interval (as R fisher.test)",
	 .fn.ratio = dsp_or_exact,
	 .cite = "Cornfield J (1956). A statistical problem arising from "
		 "retrospective studies. Proc 3rd Berkeley Symp Math Stat Prob 4:135-148."},
	{.name = "midp", .help = "conditional mid-p interval", .fn.ratio = dsp_or_midp,
	 .cite = ROTHMAN_1998},
	{.name = "mn", .help = "Miettinen-Nurminen score interval", .fn.ratio = dsp_or_mn,
	 .score = dsp_test_score_mn, .score_greater = dsp_test_score_mn_greater, .cite = MN_1985},
	{.name = "score", .help = "uncorrected score interval (MN's without N/(N-1))",
	 .fn.ratio = dsp_or_score, .score = dsp_test_score,
	 .score_greater = dsp_test_score_greater, .cite = MN_1985 " " FLL_2015},
	{.name = "asinh", .help = "adjusted inverse hyperbolic sine interval (0.45, 0.25 added)",
	 .fn.ratio = dsp_or_asinh, .flags = DSP_PSEUDO, .cite = FLL_2015},
	{.name = "mover-wilson", .help = "MOVER on the odds of Wilson limits (Fagerland-Newcombe)",
	 .fn.ratio = dsp_or_mover_wilson, .cite = FAGERLAND_NEWCOMBE_2013 " (method 4)."},
	{.name = "mover-jeffreys",
	 .help = "MOVER on the odds of Jeffreys limits around the posterior medians",
	 .fn.ratio = dsp_or_mover_jeffreys, .flags = DSP_PSEUDO,
	 .cite = FAGERLAND_NEWCOMBE_2013 " (method 4). " LAUD_2017_MOVER},
	{.name = "baptista-pike",
	 .help = "Baptista-Pike exact interval (inverts the minimum-likelihood test)",
	 .fn.ratio = dsp_or_baptista_pike, .one_sided = "exact",
	 .cite = "Baptista J, Pike MC (1977). Exact two-sided confidence limits for "
		 "the odds ratio in a 2x2 table. Appl Stat 26:214-220."},
	{0}
};

/* Person-time rate interval, x events in exposure t. */
const dsp_method dsp_pt_ci_methods[] = {
	{.name = "exact", .help = "Garwood exact interval (gamma quantiles)",
	 .fn.ci = dsp_pt_ci_exact,
	 .cite = "Garwood F (1936). Fiducial limits for the Poisson distribution. "
		 "Biometrika 28:437-442."},
	{.name = "midp", .help = "mid-p exact interval", .fn.ci = dsp_pt_ci_midp,
	 .cite = BERRY_1995},
	{.name = "byar", .help = "Byar's approximation to the exact interval",
	 .fn.ci = dsp_pt_ci_byar,
	 .cite = "Breslow NE, Day NE (1987). Statistical Methods in Cancer Research "
		 "II, IARC, p. 69; Rothman KJ, Boice JD (1979)."},
	{.name = "wald", .help = "Wald interval (not recommended; for comparison)",
	 .fn.ci = dsp_pt_ci_wald, .cite = BRESLOW_1987},
	{.name = "minlike", .help = "exact, inverting the minimum-likelihood test (exactci)",
	 .fn.ci = dsp_pt_ci_minlike, .limit = "x <= 10^7", .one_sided = "exact", .cite = FAY_2010},
	{.name = "blaker", .help = "exact, inverting Blaker's test (exactci)",
	 .fn.ci = dsp_pt_ci_blaker, .limit = "x <= 10^7", .one_sided = "exact", .cite = BLAKER_2000 " " FAY_2010},
	{0}
};

/* Person-time rate ratio, (x1/t1) / (x2/t2). */
const dsp_method dsp_pt_ratio_methods[] = {
	{.name = "exact", .help = "conditional exact: Clopper-Pearson on x1 of x1 + x2, transformed",
	 .fn.ratio = dsp_pt_rr_exact, .cite = ARMITAGE_2002},
	{.name = "midp", .help = "conditional mid-p: mid-p interval on x1 of x1 + x2, transformed",
	 .fn.ratio = dsp_pt_rr_midp, .cite = ROTHMAN_1998},
	{.name = "wald", .help = "Wald interval of the log rate ratio",
	 .fn.ratio = dsp_pt_rr_wald, .cite = ROTHMAN_1998},
	{.name = "minlike", .help = "conditional, inverting the minimum-likelihood test (exactci)",
	 .fn.ratio = dsp_pt_rr_minlike, .limit = "x1 + x2 <= 10^7",
	 .one_sided = "exact", .cite = FAY_2010},
	{.name = "blaker", .help = "conditional, inverting Blaker's test (exactci)",
	 .fn.ratio = dsp_pt_rr_blaker, .limit = "x1 + x2 <= 10^7",
	 .one_sided = "exact",
	 .cite = BLAKER_2000 " " FAY_2010},
	{0}
};

/* Person-time test of x1/t1 against x2/t2. */
const dsp_method dsp_pt_test_methods[] = {
	{.name = "exact", .help = "conditional binomial test, two-sided as R's poisson.test",
	 .fn.test = dsp_pt_test_exact, .greater = dsp_pt_test_exact_greater, .cite = ARMITAGE_2002},
	{.name = "midp", .help = "conditional binomial test with mid-p (twice the smaller one-sided)",
	 .fn.test = dsp_pt_test_midp, .greater = dsp_pt_test_midp_greater, .cite = LANCASTER_1961},
	{.name = "score", .help = "score (chi-square) test on the conditional binomial",
	 .fn.test = dsp_pt_test_score, .greater = dsp_pt_test_score_greater, .cite = BRESLOW_1987},
	{0}
};

/* Multiple-comparison adjustments, as R's p.adjust. */
const dsp_method dsp_adjust_methods[] = {
	{.name = "holm", .help = "Holm step-down (controls the familywise error rate)",
	 .fn.adjust = dsp_adjust_holm,
	 .cite = "Holm S (1979). A simple sequentially rejective multiple test "
		 "procedure. Scand J Stat 6:65-70."},
	{.name = "bonferroni", .help = "Bonferroni: each p times the number of tests",
	 .fn.adjust = dsp_adjust_bonferroni,
	 .cite = "Dunn OJ (1961). Multiple comparisons among means. J Am Stat Assoc "
		 "56:52-64."},
	{.name = "hochberg", .help = "Hochberg step-up (familywise, independent or PRDS tests)",
	 .fn.adjust = dsp_adjust_hochberg,
	 .cite = "Hochberg Y (1988). A sharper Bonferroni procedure for multiple tests "
		 "of significance. Biometrika 75:800-802."},
	{.name = "hommel", .help = "Hommel (familywise; Simes-based, more powerful than Hochberg)",
	 .fn.adjust = dsp_adjust_hommel,
	 .cite = "Hommel G (1988). A stagewise rejective multiple test procedure "
		 "based on a modified Bonferroni test. Biometrika 75:383-386; Wright SP "
		 "(1992). Adjusted p-values for simultaneous inference. Biometrics "
		 "48:1005-1013."},
	{.name = "bh", .help = "Benjamini-Hochberg (false discovery rate)",
	 .fn.adjust = dsp_adjust_bh,
	 .cite = "Benjamini Y, Hochberg Y (1995). Controlling the false discovery "
		 "rate: a practical and powerful approach to multiple testing. J R Stat "
		 "Soc B 57:289-300."},
	{.name = "by", .help = "Benjamini-Yekutieli (false discovery rate, any dependence)",
	 .fn.adjust = dsp_adjust_by,
	 .cite = "Benjamini Y, Yekutieli D (2001). The control of the false discovery "
		 "rate in multiple testing under dependency. Ann Stat 29:1165-1188."},
	{0}
};

/* Tests of the whole k x 2 table (disp-test). */
#define FREEMAN_HALTON_1951 "Freeman GH, Halton JH (1951). Note on an exact " \
	"treatment of contingency, goodness of fit and other problems of " \
	"significance. Biometrika 38:141-149."
const dsp_method dsp_table_methods[] = {
	{.name = "chi2", .help = "Pearson chi-square test of the k x 2 table, k - 1 df",
	 .fn.table = dsp_kt_chi2, .limit = "a grand total below 2^63",
	 .cite = "Pearson K (1900). Philos Mag 50:157-175."},
	{.name = "g", .help = "likelihood-ratio (G) test of the k x 2 table, k - 1 df",
	 .fn.table = dsp_kt_g, .limit = "a grand total below 2^63",
	 .cite = "Woolf B (1957). The log likelihood ratio test (the G-test). Ann "
		 "Hum Genet 21:397-409."},
	{.name = "exact",
	 .help = "exact test of the whole table (Fisher's, Freeman-Halton); Monte Carlo past its work limit",
	 .fn.table = dsp_kt_exact, .limit = "--exact-limit steps of the network search",
	 .cite = FREEMAN_HALTON_1951 " Mehta CR, Patel NR (1983). A network algorithm "
		 "for performing Fisher's exact test in r x c contingency tables. J Am "
		 "Stat Assoc 78:427-434."},
	{.name = "exact-mc", .help = "the exact test's p-value by Monte Carlo (--draws, --seed)",
	 .fn.table = dsp_kt_exact_mc,
	 .cite = FREEMAN_HALTON_1951 " Stadlober E (1990). The ratio of uniforms "
		 "approach for generating discrete random variates. J Comput Appl Math "
		 "31:181-189."},
	{.name = "trend", .help = "Cochran-Armitage test for trend (needs --order or --score)",
	 .fn.table = dsp_kt_trend, .limit = "a grand total below 2^63",
	 .cite = "Armitage P (1955). Tests for linear trends in proportions and "
		 "frequencies. Biometrics 11:375-386; Cochran WG (1954). Some methods "
		 "for strengthening the common chi-squared tests. Biometrics 10:417-451."},
	{0}
};

const dsp_kind dsp_table_kinds[] = {
	{"--tests", 0, 1, DSP_TEST, DSP_PVALUE, dsp_table_methods, "p", "table",
	 "Tests of the whole table (--tests)", NULL},
	{0}
};

/* ---- disp-strata: a group against the reference across strata ---------- */

#define GR_1985 "Greenland S, Robins JM (1985). Estimation of a common effect " \
	"parameter from sparse follow-up data. Biometrics 41:55-68."
#define LAUD_2017 "Laud PJ (2017). Equal-tailed confidence intervals for " \
	"comparison of rates. Pharm Stat 16:334-348 (stratified, with " \
	"Mantel-Haenszel weights, as R's ratesci)."
#define MH_1959 "Mantel N, Haenszel W (1959). Statistical aspects of the " \
	"analysis of data from retrospective studies of disease. J Natl Cancer " \
	"Inst 22:719-748."
#define MPG_1985 "Mehta CR, Patel NR, Gray R (1985). Computing an exact " \
	"confidence interval for the common odds ratio in several 2x2 " \
	"contingency tables. J Am Stat Assoc 80:969-973."
#define BD_1980 "Breslow NE, Day NE (1980). Statistical Methods in Cancer " \
	"Research I, IARC."
#define EXACT_LIMIT "10^9 products in the convolution of the strata's " \
	"conditional laws, 2x10^6 values of their sum"

const dsp_method dsp_strata_ratio_methods[] = {
	{.name = "mh", .help = "Mantel-Haenszel, Greenland-Robins variance (log interval)",
	 .fn.strata = dsp_srr_mh, .cite = GR_1985},
	{.name = "mn", .help = "stratified Miettinen-Nurminen score interval (MN weights)",
	 .fn.strata = dsp_srr_mn, .sscore = dsp_stest_cmh,
	 .sscore_greater = dsp_stest_cmh_greater, .cite = MN_1985},
	{.name = "scas", .help = "stratified skewness-corrected score interval (MH weights)",
	 .fn.strata = dsp_srr_scas, .sscore = dsp_stest_scas_rr,
	 .sscore_greater = dsp_stest_scas_rr_greater, .cite = LAUD_2017},
	{0}
};

const dsp_method dsp_strata_diff_methods[] = {
	{.name = "sato", .help = "Mantel-Haenszel, Sato's variance (sparse or large strata)",
	 .fn.strata = dsp_srd_sato,
	 .cite = "Sato T (1989). On the variance estimator for the Mantel-Haenszel "
		 "risk difference. Biometrics 45:1323-1324."},
	{.name = "gr", .help = "Mantel-Haenszel, Greenland-Robins variance (large strata)",
	 .fn.strata = dsp_srd_gr, .cite = GR_1985},
	{.name = "mn", .help = "stratified Miettinen-Nurminen score interval (MN weights)",
	 .fn.strata = dsp_srd_mn, .sscore = dsp_stest_cmh,
	 .sscore_greater = dsp_stest_cmh_greater, .cite = MN_1985},
	{.name = "scas", .help = "stratified skewness-corrected score interval (MH weights)",
	 .fn.strata = dsp_srd_scas, .sscore = dsp_stest_scas_rd,
	 .sscore_greater = dsp_stest_scas_rd_greater, .cite = LAUD_2017},
	{0}
};

const dsp_method dsp_strata_odds_methods[] = {
	{.name = "mh", .help = "Mantel-Haenszel, Robins-Breslow-Greenland variance",
	 .fn.strata = dsp_sor_rbg,
	 .cite = "Robins J, Breslow N, Greenland S (1986). Estimators of the "
		 "Mantel-Haenszel variance consistent in both sparse data and "
		 "large-strata limiting models. Biometrics 42:311-323."},
	{.name = "exact", .help = "exact conditional interval (as R's mantelhaen.test exact)",
	 .fn.strata = dsp_sor_exact, .limit = EXACT_LIMIT, .cite = MPG_1985},
	{0}
};

const dsp_method dsp_strata_test_methods[] = {
	{.name = "cmh", .help = "Cochran-Mantel-Haenszel, no continuity correction",
	 .fn.stest = dsp_stest_cmh, .sgreater = dsp_stest_cmh_greater, .cite = MH_1959},
	{.name = "cmh-cc", .help = "Cochran-Mantel-Haenszel with continuity correction (as R)",
	 .fn.stest = dsp_stest_cmh_cc, .sgreater = dsp_stest_cmh_cc_greater, .cite = MH_1959},
	{.name = "exact", .help = "exact conditional test of a common odds ratio of 1",
	 .fn.stest = dsp_stest_exact, .sgreater = dsp_stest_exact_greater,
	 .limit = EXACT_LIMIT, .cite = MPG_1985},
	{.name = "score", .help = "score test inverted by the chosen --ratio (mn, mh: cmh)",
	 .fn.stest = dsp_stest_cmh, .sgreater = dsp_stest_cmh_greater, .flags = DSP_COMPANION,
	 .cite = MN_1985 " " LAUD_2017},
	{0}
};

const dsp_method dsp_strata_homog_methods[] = {
	{.name = "bd-tarone", .help = "Breslow-Day test of a common odds ratio, Tarone's correction",
	 .fn.stest = dsp_shomog_bd_tarone,
	 .cite = BD_1980 " Tarone RE (1985). On heterogeneity tests based on "
		 "efficient scores. Biometrika 72:91-95."},
	{.name = "bd", .help = "Breslow-Day test, uncorrected",
	 .fn.stest = dsp_shomog_bd, .cite = BD_1980},
	{0}
};

const dsp_method dsp_strata_pt_ratio_methods[] = {
	{.name = "mh", .help = "Mantel-Haenszel rate ratio, Greenland-Robins variance",
	 .fn.strata = dsp_sptrr_mh, .cite = GR_1985},
	{0}
};

const dsp_method dsp_strata_pt_test_methods[] = {
	{.name = "mh", .help = "Mantel-Haenszel test of equal rates, no continuity correction",
	 .fn.stest = dsp_sptest_mh, .sgreater = dsp_sptest_mh_greater, .cite = BRESLOW_1987},
	{.name = "exact", .help = "exact conditional test (binomial convolution)",
	 .fn.stest = dsp_sptest_exact, .sgreater = dsp_sptest_exact_greater,
	 .limit = EXACT_LIMIT, .cite = BRESLOW_1987},
	{0}
};

const dsp_method dsp_strata_pt_homog_methods[] = {
	{.name = "bd", .help = "chi-square test of a common rate ratio",
	 .fn.stest = dsp_sphomog_bd, .cite = BRESLOW_1987},
	{0}
};

const dsp_method dsp_standard_methods[] = {
	{.name = "direct", .help = "directly standardised rate, Fay-Feuer gamma interval",
	 .fn.standard = dsp_std_direct,
	 .cite = "Fay MP, Feuer EJ (1997). Confidence intervals for directly "
		 "standardized rates: a method based on the gamma distribution. Stat "
		 "Med 16:791-801."},
	{.name = "indirect", .help = "observed/expected events, exact Poisson interval",
	 .fn.standard = dsp_std_indirect,
	 .cite = BRESLOW_1987 " Garwood F (1936). Fiducial limits for the Poisson "
		 "distribution. Biometrika 28:437-442."},
	{0}
};

const dsp_kind dsp_strata_kinds[] = {
	{"--ratio", 0, 0, DSP_STRATA, DSP_RATIO, dsp_strata_ratio_methods, "rr",
	 "strataratio", "Stratified relative-rate intervals (--ratio)", NULL},
	{"--diff", 0, 1, DSP_STRATA, DSP_DIFFERENCE, dsp_strata_diff_methods, "rd",
	 "stratadiff", "Stratified rate-difference intervals (--diff)", NULL},
	{"--odds", 0, 1, DSP_STRATA, DSP_RATIO, dsp_strata_odds_methods, "or",
	 "strataodds", "Stratified odds-ratio intervals (--odds)", NULL},
	{"--test", 0, 0, DSP_STRATA_TEST, DSP_PVALUE, dsp_strata_test_methods, "p",
	 "stratatest", "Stratified tests (--test)", NULL},
	{"--homogeneity", 0, 0, DSP_STRATA_TEST, DSP_PVALUE, dsp_strata_homog_methods,
	 "p_homog", "stratahomog", "Homogeneity tests (--homogeneity)", NULL},
	{"--ratio", 1, 0, DSP_STRATA, DSP_RATIO, dsp_strata_pt_ratio_methods, "rr",
	 "strataptratio", "Stratified person-time rate ratios (-x, --ratio)",
	 NULL},
	{"--test", 1, 0, DSP_STRATA_TEST, DSP_PVALUE, dsp_strata_pt_test_methods, "p",
	 "stratapttest", "Stratified person-time tests (-x, --test)", NULL},
	{"--homogeneity", 1, 0, DSP_STRATA_TEST, DSP_PVALUE, dsp_strata_pt_homog_methods,
	 "p_homog", "stratapthomog", "Person-time homogeneity tests (-x, --homogeneity)",
	 NULL},
	{"--standardise", 0, 1, DSP_STANDARD, DSP_RATE, dsp_standard_methods, "rate",
	 "standard", "Standardised rates (--standardise)", NULL},
	{0}
};

dsp_strata_estimate_fn dsp_strata_estimate(const dsp_kind *k)
{
	return k->methods == dsp_strata_ratio_methods ? dsp_mh_rr :
	       k->methods == dsp_strata_diff_methods ? dsp_mh_rd :
	       k->methods == dsp_strata_odds_methods ? dsp_mh_or :
	       k->methods == dsp_strata_pt_ratio_methods ? dsp_mh_ptrr : NULL;
}

const dsp_kind dsp_kinds[] = {
	{"--ci", 0, 0, DSP_ONE, DSP_PROPORTION, dsp_ci_methods, "rate", "propci",
	 "Rate intervals (--ci)", NULL},
	{"--ratio", 0, 0, DSP_PAIR, DSP_RATIO, dsp_ratio_methods, "rr", "ratio",
	 "Relative-rate intervals (--ratio)", dsp_rr},
	{"--diff", 0, 1, DSP_PAIR, DSP_DIFFERENCE, dsp_diff_methods, "rd", "diff",
	 "Rate-difference intervals (--diff)", dsp_rd},
	{"--odds", 0, 1, DSP_PAIR, DSP_RATIO, dsp_odds_methods, "or", "odds",
	 "Odds-ratio intervals (--odds)", dsp_or},
	{"--test", 0, 0, DSP_TEST, DSP_PVALUE, dsp_test_methods, "p", "test2x2",
	 "Tests (--test)", NULL},
	{"--adjust", 0, 1, DSP_ADJUST, DSP_PVALUE, dsp_adjust_methods, "p_adj", "adjust",
	 "Multiple-comparison adjustments (--adjust)", NULL},
	{"--ci", 1, 0, DSP_ONE, DSP_RATE, dsp_pt_ci_methods, "rate", "ptrate",
	 "Person-time rate intervals (-x, --ci)", NULL},
	{"--ratio", 1, 0, DSP_PAIR, DSP_RATIO, dsp_pt_ratio_methods, "rr", "ptratio",
	 "Person-time rate ratios (-x, --ratio)", dsp_rr},
	{"--test", 1, 0, DSP_TEST, DSP_PVALUE, dsp_pt_test_methods, "p", "pttest",
	 "Person-time tests (-x, --test)", NULL},
	{0}
};

const dsp_kind *dsp_kind_find(const char *option, int person_time)
{
	for (const dsp_kind *k = dsp_kinds; k->option; k++)
		if (strcmp(k->option, option) == 0 && k->person_time == !!person_time)
			return k;
	return NULL;
}

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

dsp_test_fn dsp_test_of(const dsp_method *test, const dsp_method *ratio)
{
	if ((test->flags & DSP_COMPANION) && ratio && ratio->score)
		return ratio->score;
	return test->fn.test;
}

/* disp-funnel: the control limits of a funnel plot and its over-dispersion. */
#define SPIEGELHALTER_2005 "Spiegelhalter DJ (2005). Funnel plots for comparing " \
	"institutional performance. Stat Med 24:1185-1202."
#define FUNNEL_EXACT_MAX "n <= 10^12; with -x, target x expected <= 10^12"

const dsp_method dsp_funnel_methods[] = {
	{.name = "exact",
	 .help = "exact binomial (Poisson with -x) limits, interpolated from each tail",
	 .fn.funnel = dsp_funnel_exact, .limit = FUNNEL_EXACT_MAX,
	 .cite = SPIEGELHALTER_2005 " Appendix A.1.1."},
	{.name = "exact-cdf",
	 .help = "the same with both limits interpolated on the cdf, as printed",
	 .fn.funnel = dsp_funnel_exact_cdf, .limit = FUNNEL_EXACT_MAX,
	 .cite = SPIEGELHALTER_2005 " Appendix A.1.1."},
	{.name = "normal",
	 .help = "normal approximation, target -/+ z sd at the target (as PHE Fingertips)",
	 .fn.funnel = dsp_funnel_normal,
	 .cite = SPIEGELHALTER_2005 " Public Health England, Fingertips technical "
		 "guidance: funnel plots for proportions."},
	{0}
};

const dsp_method dsp_disp_methods[] = {
	{.name = "none", .help = "limits from the null model alone",
	 .fn.disp = dsp_disp_none, .cite = SPIEGELHALTER_2005},
	{.name = "multiplicative",
	 .help = "variance times phi, the mean square of the winsorised z-scores (>= 1)",
	 .fn.disp = dsp_disp_multiplicative, .cite = SPIEGELHALTER_2005},
	{.name = "additive",
	 .help = "random effects: variance plus tau2 (DerSimonian-Laird, from that phi)",
	 .fn.disp = dsp_disp_additive,
	 .cite = SPIEGELHALTER_2005 " DerSimonian R, Laird N (1986). Meta-analysis "
		 "in clinical trials. Control Clin Trials 7:177-188."},
	{0}
};

const dsp_kind dsp_funnel_kinds[] = {
	{"--method", 0, 0, DSP_FUNNEL, DSP_RATE, dsp_funnel_methods, "lo", "funnel",
	 "Funnel-plot control limits (--method)", NULL},
	{"--overdispersion", 0, 0, DSP_DISPERSION, DSP_RATIO, dsp_disp_methods, "phi",
	 "dispersion", "Over-dispersion (--overdispersion)", NULL},
	{0}
};
