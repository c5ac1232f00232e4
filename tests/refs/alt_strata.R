# One-sided stratified references from R 4.2 (issue 17), on the strata of
# fixtures/refs/stratatest.csv (the tables stratified tests are checked on):
#   cmh, cmh-cc  mantelhaen.test(alternative, correct = FALSE / TRUE)$p.value
#   exact        mantelhaen.test(exact = TRUE, alternative)$p.value
#   mh (odds)    mantelhaen.test(alternative, conf.level)$conf.int: the
#                Mantel-Haenszel odds ratio's one-sided bound, Robins-
#                Breslow-Greenland variance, qnorm(conf.level)
# Usage: Rscript alt_strata.R -> fixtures/refs/alt-stratatest.csv, alt-strataodds.csv
g <- function(v) ifelse(is.infinite(v), "inf", sprintf("%.17g", v))
ref <- read.csv("fixtures/refs/stratatest.csv", colClasses = "character")
tabs <- unique(ref$tables)
tests <- character(); odds <- character()
for (i in seq_along(tabs)) {
  st <- tabs[i]
  v <- matrix(as.numeric(unlist(strsplit(unlist(strsplit(st, " ")), ":"))), ncol = 4, byrow = TRUE)
  k <- nrow(v)
  arr <- array(0, c(2, 2, k))
  for (j in 1:k) arr[, , j] <- matrix(c(v[j, 1], v[j, 2] - v[j, 1], v[j, 3], v[j, 4] - v[j, 3]),
                                       2, byrow = TRUE)
  if (k < 2) next   # mantelhaen.test needs two strata
  L <- if (i %% 2) 0.95 else 0.9
  for (a in c("greater", "less")) {
    r0 <- tryCatch(suppressWarnings(mantelhaen.test(arr, alternative = a, correct = FALSE,
                                                    conf.level = L)),
                   error = function(e) NULL)
    if (is.null(r0) || !is.finite(r0$p.value)) next
    r1 <- suppressWarnings(mantelhaen.test(arr, alternative = a, correct = TRUE))
    tests <- c(tests, sprintf("cmh,%s,%s,%s,R mantelhaen.test", a, st, g(r0$p.value)),
               sprintf("cmh-cc,%s,%s,%s,R mantelhaen.test", a, st, g(r1$p.value)))
    ci <- r0$conf.int
    if (all(is.finite(ci) | ci == Inf) && all(!is.nan(ci)) && r0$estimate > 0 && is.finite(r0$estimate))
      odds <- c(odds, sprintf("mh,%s,%s,%s,%s,%s,R mantelhaen.test", a, st, L, g(ci[1]), g(ci[2])))
    if (sum(v[, 2] + v[, 4]) <= 4000) {
      r2 <- mantelhaen.test(arr, alternative = a, exact = TRUE)
      tests <- c(tests, sprintf("exact,%s,%s,%s,R mantelhaen.test", a, st, g(r2$p.value)))
    }
  }
}
writeLines(c("method,alternative,tables,p,ref", tests), "fixtures/refs/alt-stratatest.csv")
writeLines(c("method,alternative,tables,level,lo,hi,ref", odds), "fixtures/refs/alt-strataodds.csv")
