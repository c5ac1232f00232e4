# Holds disp-stages to the OJJDP's published rates and ratios of rates
# (tests/cli/disp-stages.t).  Reads, in order:
#   1. the counts (fixtures/red-2020-males.csv: group, then one column per
#      stage), as published: rounded to the nearest 100;
#   2. the published figures (fixtures/red-2020-males-published.csv:
#      group, stage, rate, ratio; the rate per 1,000 for the first stage
#      after the population, per 100 for the others, one decimal);
#   3. disp-stages' output for them (--digits 17).
# -v ref=GROUP names the reference group.  Each published figure is either
# what our value rounds to (one decimal), or must lie within the range that
# counts rounded to the nearest 100 allow (every count -/+ 50; the corners
# of the box give the extremes, the rate being monotone in each count):
# those are listed with the range, and a figure outside it is an error.
BEGIN { FS = "," }
FILENAME == ARGV[1] {
	if (FNR == 1) { for (i = 2; i <= NF; i++) col[i] = $i; next }
	for (i = 2; i <= NF; i++) n[$1, col[i]] = $i
	next
}
FILENAME == ARGV[2] {
	if (FNR > 1) { prate[$1, $2] = $3; pratio[$1, $2] = $4; key[++nk] = $1 SUBSEP $2 }
	next
}
FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
{
	g = $c["group"]; s = $c["stage"]; b[s] = $c["base"]
	rate[g, s] = $c["rate"]; rr[g, s] = $c["rr"]
}
function per(s) { return b[s] == "population" ? 1000 : 100 }
function lo(g, s) { return (n[g, s] - 50) / (n[g, b[s]] + 50) }
function hi(g, s) { return (n[g, s] + 50) / (n[g, b[s]] - 50) }
function check(what, g, s, pub, got, l, h) {
	if (sprintf("%.1f", got) == pub) { same[what]++; return }
	# The published figure stands for [pub - 0.05, pub + 0.05].
	ok = pub + 0.05 >= l && pub - 0.05 <= h
	printf "%s %s %s: published %s, computed %.4f; %s the range rounded counts allow (%.4f to %.4f)\n",
		g, s, what, pub, got, ok ? "within" : "OUTSIDE", l, h
	other[what]++
}
END {
	for (k = 1; k <= nk; k++) {
		split(key[k], f, SUBSEP); g = f[1]; s = f[2]
		p = per(s)
		check("rate", g, s, prate[g, s], rate[g, s] * p, lo(g, s) * p, hi(g, s) * p)
		if (g != ref)
			check("ratio", g, s, pratio[g, s], rr[g, s], lo(g, s) / hi(ref, s),
			      hi(g, s) / lo(ref, s))
	}
	printf "rates: %d as published, %d within rounding; ratios: %d as published, %d within rounding\n",
		same["rate"], other["rate"], same["ratio"], other["ratio"]
}
