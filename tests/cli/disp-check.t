# disp-check: claims against counts.  Each expected verdict is worked by
# hand from the counts shown: 1/8 = 12.5% exactly (a tie at units: 13 half
# up, 12 half even and truncated); 1/16 = 6.25% (a tie at one decimal: 6.3
# half up, 6.2 half even); 13/1809 = 0.71863%; 69/76 = 90.79%.

=== a tie decided exactly: 1/8 = 12.5% is 13% half up and 12% half even
cmd: for v in 13% 12% 12.5% 12.50% 11%; do disp-check pct $v 1/8 | cut -d, -f3,7; done
--- stdout
published,verdict
13%,consistent
published,verdict
12%,consistent
published,verdict
12.5%,consistent
published,verdict
12.50%,consistent
published,verdict
11%,inconsistent

=== a tie at one decimal: 1/16 = 6.25%
cmd: for v in 6.3% 6.2% 6.25% 6.1%; do disp-check -t pct $v 1/16 | sed -n 2p | cut -f3,7,9; done
--- stdout escaped
6.3%\tconsistent\t1 of 16 is 6.250%, which rounds to 6.3%
6.2%\tconsistent\t1 of 16 is 6.250%, which rounds to 6.2% by rounding half to even (half up gives 6.3%)
6.25%\tconsistent\t1 of 16 is 6.2500%, which rounds to 6.25%
6.1%\tinconsistent\t1 of 16 is 6.250%, which rounds to 6.3%, not 6.1%

=== consistent only by truncation, and the exit status of each verdict
cmd: disp-check pct 0.71% 13/1809 >/dev/null; echo $?; disp-check pct 0.72% 13/1809 >/dev/null; echo $?; disp-check pct 0.73% 13/1809 >/dev/null; echo $?
--- stdout
0
0
1

=== 0% and 100%
cmd: disp-check pct 0% 0/50 | cut -d, -f4,7; disp-check pct 100% 50/50 | sed -n 2p | cut -d, -f4,7
--- stdout
computed,verdict
0,consistent
100,consistent

=== a zero reference rate: the ratio is infinite
cmd: disp-check rr twice 5/10 0/10 | sed -n 2p | cut -d, -f4,7-
--- stdout
inf,inconsistent,events none,"5 of 10 against 0 of 10: the reference group has no events, so the ratio is infinite",,

=== qualifiers: 69/76 = 90.79% is over 90%, so not "nearly 90%"
cmd: for v in 'nearly 90%' 'over 90%' 'about 90%' 'just over 90%' 'fewer than 91%' 'at least 90.78%' '<= 90.78%'; do disp-check pct "$v" 69/76 | sed -n 2p | cut -d, -f3,7; done
--- stdout
nearly 90%,inconsistent
over 90%,consistent
about 90%,consistent
just over 90%,consistent
fewer than 91%,consistent
at least 90.78%,consistent
<= 90.78%,inconsistent

=== words: twice within 5%; "a third" as a percentage
cmd: disp-check -t rr twice 41/100 20/100 | sed -n 2p | cut -f7,9; disp-check rr twice 43/100 20/100 | sed -n 2p | cut -d, -f7; disp-check -t pct 'a third' 33/100 | sed -n 2p | cut -f4,7,9
--- stdout escaped
consistent\t41 of 100 against 20 of 100 is 2.05, within 5% of twice (2)
inconsistent
33\tconsistent\t33 of 100 is 33.00%, within 5% of a third (33.33%)

=== "1 in 5" is one in every five: n/x rounds to 5; "3 in 10" is 10 x/n rounding to 3
cmd: disp-check pct '1 in 5' 1809/8917 | sed -n 2p | cut -d, -f7-; disp-check rate '1 in 5' 892/8917 | sed -n 2p | cut -d, -f7; disp-check rate '3 in 10' 26/100 | sed -n 2p | cut -d, -f7
--- stdout
consistent,"events 1,622-1,981 (rounding); 1,487-1,783 (truncation)","1,809 of 8,917 is 1 in 4.93, which rounds to 1 in 5",,
inconsistent
consistent

=== a range "in 10" compares 10 x/n (20/100: 2), never the reciprocal of a leading 1 (fuzz_published)
cmd: for v in '1 to 3 in 10' '1 to 1 in 10' '3 to 4 in 10'; do disp-check pct "$v" 20/100 | sed -n 2p | cut -d, -f7; done
--- stdout
consistent
inconsistent
inconsistent

=== a figure shown beyond 10^-1000 or 10^1000 is no published figure (fuzz_claim: a p of 0 against 1e-8038 was undefined behaviour)
cmd: disp-check p 1e-1000 1467693/3746026 5400/29470 | sed -n 2p | cut -d, -f2,3; for v in 1e-1001 1e1001 1e-8038; do disp-check p $v 1467693/3746026 5400/29470; echo "exit $?"; done 2>&1
--- stdout
p,1e-1000
disp-check: command line:2: column 'value': cannot read the figure (expected a number): '1e-1001'
exit 65
disp-check: command line:2: column 'value': cannot read the figure (expected a number): '1e1001'
exit 65
disp-check: command line:2: column 'value': cannot read the figure (expected a number): '1e-8038'
exit 65

=== ranges, per K, percentage points and a negative figure after --
cmd: disp-check pct '55-60%' 57/100 | sed -n 2p | cut -d, -f7; disp-check pct '55-60%' 61/100 | sed -n 2p | cut -d, -f7; disp-check -t per '227 per 1,000' 1135/5000 | sed -n 2p | cut -f4,7 | tr '\t' ,; disp-check -- diff '-4 points' 6/100 10/100 | sed -n 2p | cut -d, -f4,7
--- stdout
consistent
inconsistent
227,consistent
-4,consistent

=== a p-value: Fisher's tea tasting, and p<.001
cmd: disp-check p 0.4857 3/4 1/4 | sed -n 2p | cut -d, -f4,7; disp-check p 'p<.001' 189/11034 104/11037 | sed -n 2p | cut -d, -f7; disp-check --test chi2 p 'p < 0.05' 3/4 1/4 | sed -n 2p | cut -d, -f7
--- stdout
0.485714,consistent
consistent
inconsistent

=== an interval: the Physicians' Health Study's 1.43 to 2.30, and Newcombe's Wilson 81/263
cmd: printf 'id,kind,value,method,events,total,ref_events,ref_total\nphs,ci,1.43 to 2.30,--ratio koopman,189,11034,104,11037\nphs-katz,ci,1.43 to 2.30,--ratio katz,189,11034,104,11037\nwilson,ci,"0.2553, 0.3662",--ci wilson,81,263,,\nwrong,ci,1.50 to 2.30,koopman,189,11034,104,11037\n' | tr , '|' | sed 's/"0.2553| 0.3662"/0.2553, 0.3662/' | disp-check -d '|' | cut -d'|' -f1,5-7
--- stdout
id|lo|hi|verdict
phs|1.4339|2.30471|consistent
phs-katz|1.43303|2.30588|consistent_truncated
wilson|0.255289|0.36621|consistent
wrong|1.4339|2.30471|inconsistent

=== --significance: "100% more likely" on 2 of 10 against 1 of 10 is flagged
cmd: disp-check --significance pct_more '100% more likely' 2/10 1/10 | sed -n 2p | cut -d, -f7; echo "exit $?"; disp-check pct_more '100% more likely' 2/10 1/10 | sed -n 2p | cut -d, -f7
--- stdout
not_significant
exit 0
consistent

=== claims without counts are unverifiable (exit 0), and fail with --strict
cmd: printf 'id,kind,group,ref,value\nblack,pct_more,Black,White,81%%\n' > /tmp/disp-check-u.$$; disp-check /tmp/disp-check-u.$$ | cut -d, -f7-; echo "exit $?"; disp-check --strict /tmp/disp-check-u.$$ > /dev/null; echo "strict exit $?"; rm -f /tmp/disp-check-u.$$
--- stdout
verdict,needed,reason,group,ref
unverifiable,,"not enough counts: needs events and total of Black, events and total of White",Black,White
exit 0
strict exit 1

=== GRIM: with only the total, the events that would give the figure
cmd: printf 'id,kind,value,total\na,pct,0.71%%,1809\nb,pct,0.70%%,1809\n' | disp-check | cut -d, -f1,7,8
--- stdout
id,verdict,needed
a,unverifiable,events 13 by truncation only; none by rounding
b,inconsistent,events none

=== claims by group against a counts table; unknown columns pass through
cmd: printf 'id\tkind\tgroup\tref\tvalue\tsource\nblack\tpct\tBlack\t\t22%%\tMirror\nrr\trr\tBlack\tWhite\t1.37\tcalc\nshare\tshare\tBlack\t\t25.9%%\tcalc\n' > /tmp/disp-check-c.$$; tr , '\t' < fixtures/stop-search-2016-17.csv > /tmp/disp-check-c.$$.tsv; disp-check -t -c /tmp/disp-check-c.$$.tsv -e arrests -n searches /tmp/disp-check-c.$$ | cut -f1,4,7,12- | tr '\t' ,; rm -f /tmp/disp-check-c.$$ /tmp/disp-check-c.$$.tsv
--- stdout
id,computed,verdict,source
black,21.9724,consistent,Mirror
rr,1.37285,consistent,calc
share,25.8595,consistent,calc

=== TAP and JUnit: a failure, a skip, a pass
cmd: printf 'id,kind,value,events,total\ngood,pct,50%%,1,2\nbad,pct,40%%,1,2\nnone,pct,1%%,,\n' > /tmp/disp-check-j.$$; disp-check --tap --junit /tmp/disp-check-j.$$.xml /tmp/disp-check-j.$$; echo "exit $?"; cat /tmp/disp-check-j.$$.xml; rm -f /tmp/disp-check-j.$$ /tmp/disp-check-j.$$.xml
--- stdout
ok 1 - good: consistent: 1 of 2 is 50.00%, which rounds to 50%
not ok 2 - bad: inconsistent: 1 of 2 is 50.00%, which rounds to 50%, not 40%
ok 3 - none: # SKIP unverifiable: not enough counts: needs events and total of the group
1..3
exit 1
<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
<testsuite name="disp-check" tests="3" failures="1" errors="0" skipped="1">
  <testcase classname="pct" name="good">
    <system-out>consistent: 1 of 2 is 50.00%, which rounds to 50%</system-out>
  </testcase>
  <testcase classname="pct" name="bad">
    <failure message="inconsistent: 1 of 2 is 50.00%, which rounds to 50%, not 40%"/>
  </testcase>
  <testcase classname="pct" name="none">
    <skipped message="unverifiable: not enough counts: needs events and total of the group"/>
  </testcase>
</testsuite>
</testsuites>

=== XML and TAP escape what they must (quotes, ampersands, '#', control characters)
cmd: printf 'id,kind,value,events,total\n"a&b <\033> #1",pct,50%%,1,2\n' > /tmp/disp-check-x.$$; disp-check --tap --junit /tmp/disp-check-x.$$.xml /tmp/disp-check-x.$$; grep testcase /tmp/disp-check-x.$$.xml | head -1; rm -f /tmp/disp-check-x.$$ /tmp/disp-check-x.$$.xml
--- stdout
ok 1 - a&b <\x1B> _1: consistent: 1 of 2 is 50.00%, which rounds to 50%
1..1
  <testcase classname="pct" name="a&amp;b &lt;\x1B&gt; #1">

=== bad claims: an unknown kind, an unreadable figure, a figure that does not fit its kind
cmd: for v in 'x,pctt,5%' 'x,pct,5%%' 'x,rr,81%' 'x,pct,twice' 'x,p,twice'; do printf 'id,kind,value\n%s\n' "$v" | disp-check; echo "exit $?"; done 2>&1
--- stdout
disp-check: stdin:2: column 'kind': unknown kind (pct, rate, per, rr, or, pct_more, pct_less, diff, share, ratio_of_shares, p, ci): 'pctt'
exit 65
disp-check: stdin:2: column 'value': cannot read the figure (expected the end of the figure): '5%%'
exit 65
disp-check: stdin:2: column 'value': does not fit a rr claim (expected no percent sign for a ratio (81% more likely is pct_more)): '81%'
exit 65
disp-check: stdin:2: column 'value': does not fit a pct claim (expected a fraction (half, a third) for a proportion, not a ratio): 'twice'
exit 65
disp-check: stdin:2: column 'value': does not fit a p claim (expected a number for a p-value or an interval): 'twice'
exit 65

=== bad claims: a qualifier that is not one, or that contradicts the value; bad counts; a group not in the table is unverifiable
cmd: for v in 'x,pct,5%,much,1,2' 'x,pct,over 5%,under,1,2' 'x,pct,5%,,"1,809",2000' 'x,pct,5%,,3,2'; do printf 'id,kind,value,qualifier,events,total\n%s\n' "$v" | disp-check; echo "exit $?"; done 2>&1; printf 'id,kind,group,value\nx,pct,Blak,5%%\n' | disp-check -c fixtures/stop-search-2016-17.csv -e arrests -n searches 2>&1; echo "exit $?"
--- stdout
disp-check: stdin:2: column 'qualifier': not a qualifier (=, <, <=, >, >=, over, fewer than, nearly, about, ...): 'much'
exit 65
disp-check: stdin:2: column 'qualifier': differs from the one in the value: 'under'
exit 65
disp-check: stdin:2: column 'events': not a non-negative integer (no thousands separators: write 1809, not 1,809): '1,809'
exit 65
disp-check: stdin:2: column 'events': events exceed total: '3'
exit 65
id,kind,published,computed,lo,hi,verdict,needed,reason,group,ref
x,pct,5%,,,,unverifiable,,not enough counts: needs events and total of Blak ('Blak' is not in the counts table),Blak,
exit 0

=== a claims file needs id, kind and value; the immediate form needs EVENTS/TOTAL
cmd: printf 'id,kind\nx,pct\n' | disp-check; echo "exit $?"; disp-check pct 5% 13; echo "exit $?"; disp-check pct 5% 3/2; echo "exit $?"; disp-check --ratio nonesuch pct 5% 1/2; echo "exit $?"
--- stdout
exit 65
exit 64
exit 64
exit 64
--- stderr
disp-check: stdin:1: unknown column 'value' (columns: id, kind)
disp-check: counts are EVENTS/TOTAL, such as 13/1809: '13'
Try 'disp-check --help' for more information.
disp-check: counts are EVENTS/TOTAL with events at most the total: '3/2'
Try 'disp-check --help' for more information.
disp-check: unknown method for --ratio: 'nonesuch' (methods: koopman, katz, mn, scas, adj-log, bailey, asinh, mover-wilson, mover-jeffreys)
Try 'disp-check --help' for more information.

=== every number disp-check writes reads back, and TSV claims work
cmd: printf 'id\tkind\tvalue\tevents\ttotal\na\tpct\t0.71%%\t13\t1809\n' | disp-check -t --digits 17 | roundtrip -t 17 id kind published verdict needed reason group ref
--- stdout
3 cells read back
