# R data.table's side of the counting benchmark (tests/bench/count.sh):
# rows and the sum of `flag` by ethnicity, on 2 threads.  Prints
# ethnicity,N,V2; appends the seconds that fread and the grouping took
# (without R's start-up) to TIMES.
# Usage: Rscript datatable.R FILE TIMES
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(data.table))
setDTthreads(2)
t0 <- proc.time()[["elapsed"]]
DT <- fread(args[1])
r <- DT[, .(.N, sum(flag)), by = ethnicity]
t1 <- proc.time()[["elapsed"]]
fwrite(r)
cat(sprintf("%.3f\n", t1 - t0), file = args[2], append = TRUE)
