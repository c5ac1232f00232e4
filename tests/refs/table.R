# R's tests of the k x 2 tables in DIR/table-cases.csv (tests/refs/table.sh):
# chisq.test (no correction, also for 2 groups), fisher.test (the 2 x 2
# hypergeometric rule, or FEXACT's network algorithm for 3 or more groups
# up to 10^5 in all; NA where its workspace is not enough) and prop.trend.test with the
# case's scores, each on the groups with a positive total.  Writes
# DIR/table-R.csv.
args <- commandArgs(TRUE)
dir <- args[1]
cases <- read.csv(file.path(dir, "table-cases.csv"), colClasses = "character")
num <- function(s) as.numeric(strsplit(s, " ")[[1]])
g <- function(v) if (is.na(v)) "NA" else sprintf("%.17g", v)
out <- character(nrow(cases))
for (i in seq_len(nrow(cases))) {
	x <- num(cases$events[i]); n <- num(cases$totals[i]); s <- num(cases$scores[i])
	keep <- n > 0
	x <- x[keep]; n <- n[keep]; s <- s[keep]
	tab <- cbind(x, n - x)
	ch <- suppressWarnings(chisq.test(tab, correct = FALSE))
	fp <- NA
	# FEXACT overflows (and can crash R) beyond ~10^5 in all.
	if (cases$exact[i] == "1" && (length(x) == 2 || sum(n) <= 1e5))
		fp <- tryCatch(fisher.test(tab, workspace = 2e7)$p.value,
			       error = function(e) NA)
	tr <- suppressWarnings(prop.trend.test(x, n, score = s))
	out[i] <- paste(cases$id[i], g(ch$statistic), g(ch$p.value), g(fp),
			g(tr$statistic), g(tr$p.value), sep = ",")
}
writeLines(c("id,chi2_stat,chi2_p,fisher_p,trend_stat,trend_p", out),
	   file.path(dir, "table-R.csv"))
