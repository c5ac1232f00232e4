# Expected output of disp-stages for the golden tests in tests/cli/disp-stages.t,
# computed in R from the definitions, independently of our C code:
#   rate, rate_lo, rate_hi   x/n and R's prop.test(correct = FALSE) interval
#                            (Wilson), the rate of a stage out of its base
#   rr, rr_lo, rr_hi         (x/n)/(xr/nr) and the Katz log interval,
#                            exp(log rr -/+ z sqrt(1/x - 1/n + 1/xr - 1/nr))
#                            (0 to inf when x or xr is 0, as disp-rate(1) says)
#   p                        fisher.test on the 2x2 table
#   cum_*                    the same with the first stage as denominator
#   small                    the stage count of the group or the reference
#                            below min
# A base of 0 gives nan everywhere it enters (disp-rate's "total = 0").
# Numbers are written as %.6g, nan and inf spelled so, empty cells for the
# reference's comparisons.
#
# Usage: Rscript tests/refs/stages.R FILE GROUPCOL STAGE,STAGE... REF [first] [MIN]
args <- commandArgs(TRUE)
d <- read.csv(args[1], check.names = FALSE, stringsAsFactors = FALSE)
gcol <- args[2]
stages <- strsplit(args[3], ",")[[1]]
ref <- args[4]
first <- length(args) >= 5 && args[5] == "first"
min.count <- if (length(args) >= 6) as.numeric(args[6]) else 20
lev <- 0.95
z <- qnorm((1 + lev) / 2)

g6 <- function(v) {
  if (is.na(v) && !is.nan(v)) return("")
  if (is.nan(v)) return("nan")
  if (is.infinite(v)) return(if (v > 0) "inf" else "-inf")
  if (v == 0) return("0")
  sprintf("%.6g", v)
}
wilson <- function(x, n) {
  if (n == 0) return(c(NaN, NaN))
  as.numeric(suppressWarnings(prop.test(x, n, correct = FALSE, conf.level = lev))$conf.int)
}
katz <- function(x, n, xr, nr) {
  if (n == 0 || nr == 0) return(c(NaN, NaN, NaN))
  rr <- (x / n) / (xr / nr)
  if (x == 0 || xr == 0) return(c(rr, 0, Inf))
  se <- sqrt(1 / x - 1 / n + 1 / xr - 1 / nr)
  c(rr, rr * exp(-z * se), rr * exp(z * se))
}
fisher <- function(x, n, xr, nr) {
  if (n == 0 || nr == 0) return(NaN)
  fisher.test(matrix(c(x, n - x, xr, nr - xr), 2))$p.value
}
cmp <- function(x, n, xr, nr, self) {
  if (self) return(c("1", "", "", ""))
  k <- katz(x, n, xr, nr)
  c(sapply(k, g6), g6(fisher(x, n, xr, nr)))
}

cat(gcol, ",stage,base,events,total,rate,rate_lo,rate_hi,ref,rr,rr_lo,rr_hi,p,",
    "cum_rate,cum_rr,cum_rr_lo,cum_rr_hi,cum_p,small\n", sep = "")
r <- which(d[[gcol]] == ref)
for (s in 2:length(stages)) {
  b <- if (first) 1 else s - 1
  for (i in seq_len(nrow(d))) {
    x <- d[i, stages[s]]; n <- d[i, stages[b]]; n0 <- d[i, stages[1]]
    xr <- d[r, stages[s]]; nr <- d[r, stages[b]]; nr0 <- d[r, stages[1]]
    self <- i == r
    ci <- wilson(x, n)
    row <- c(d[i, gcol], stages[s], stages[b], x, n,
             g6(if (n > 0) x / n else NaN), g6(ci[1]), g6(ci[2]), ref,
             cmp(x, n, xr, nr, self), g6(if (n0 > 0) x / n0 else NaN),
             cmp(x, n0, xr, nr0, self),
             as.integer(x < min.count || (!self && xr < min.count)))
    cat(paste(row, collapse = ","), "\n", sep = "")
  }
}
