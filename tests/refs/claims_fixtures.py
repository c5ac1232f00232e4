"""Writes the hand-made claims fixtures (fixtures/claims/*.csv except
generated.csv): the real published claims with their sources, edges.csv and
unclear.csv.  Every `expect` here is derived by hand from
SPEC-disp-check.md (or, where `why` says "(reference)", is a p-value or
interval computed by claims_ref.py); `claims_ref.py check` recomputes them
all.  Usage, from the repository root:

    /usr/bin/python3 tests/refs/claims_fixtures.py fixtures/claims
"""
import csv, sys
H = ["id","kind","group","ref","value","qualifier","events","total","ref_events","ref_total",
     "all_events","all_total","per","method","level","source","expect","why"]
def w(path, rows):
    with open(path, "w", newline="") as f:
        wr = csv.DictWriter(f, H, lineterminator="\n")
        wr.writeheader()
        for r in rows:
            d = {k: "" for k in H}
            d.update(r)
            wr.writerow(d)
def R(id, kind, value, expect, why, source, **kw):
    d = dict(id=id, kind=kind, value=value, expect=expect, why=why, source=source)
    for k, v in kw.items():
        d[k] = str(v)
    return d
OUT = sys.argv[1]

# ---------------------------------------------------------------- Casey
GU = "The Guardian, 17 Oct 2022, 'Huge failings kept hundreds of corrupt officers in the force, admits Met chief' (seeds/002)"
BBC = "BBC News, 16-17 Oct 2022, 'Met Police report: Officers getting away with breaking law', https://www.bbc.co.uk/news/uk-england-london-63277161 (text as syndicated by RNZ, 17 Oct 2022)"
LBC = "LBC, 17 Oct 2022, 'Hundreds of serving police officers should be booted out for criminal behaviour, Met boss says' (seeds/001)"
CASEY = "Baroness Casey Review, interim report on misconduct and letter to the Commissioner, 17 Oct 2022 (Met Centurion data Apr 2013-Mar 2022), as reported by BBC News 16 Oct 2022 and i news 16 Oct 2022 (shared/DATA.md)"
COUR = "The Courier Online, 'Baroness Casey's report on the Met', https://www.thecourieronline.co.uk/baroness-caseys-report-on-the-met/"
casey = [
 R("casey-dismissed-0.71pct","pct","0.71%","consistent_truncated",
   "13/1809 = 0.71863%: half-up and half-even give 0.72, only truncation gives 0.71; needed: events 13 by truncation only, none by rounding (12.75 <= x < 12.93 holds no integer)",
   GU+": 'Since 2013, 1,809 officers and staff had more than one allegation against them and only 13 (0.71%) had been dismissed'", events=13, total=1809),
 R("casey-dismissed-fewer-than-1pct","pct","fewer than 1%","consistent",
   "13/1809 = 0.719% < 1 (qualifier, exact comparison, no rounding); needed: events 0-18",
   BBC+": 'fewer than 1% of officers facing multiple allegations had been dismissed'", events=13, total=1809),
 R("casey-repeat-20pct","pct","20%","consistent",
   "1809/8917 = 20.287%: rounds and truncates to 20; needed: events 1739-1827 (rounding), 1784-1872 (truncation)",
   BBC+": 'some 1,809 officers - or 20% of all those facing allegations - had more than one complaint raised against them'", events=1809, total=8917),
 R("casey-repeat-1-in-5","pct","1 in 5","consistent",
   "one in every five: 8917/1809 = 4.93 rounds to 5 (spec: '1 in M' is the reciprocal at whole-number precision); holds for 18.2% to 22.2% by rounding (events 1622-1981), 1487-1783 by truncation",
   "The Casey Review figure as the seed articles give it ('1 in 5' of the 8,917 officers and staff in the misconduct data had more than one case), shared/DATA.md", events=1809, total=8917),
 R("casey-repeat-one-in-five","pct","one in five","consistent",
   "in words, the same rule as '1 in 5': 8917/1809 = 4.93 rounds to 5; needed: events 1622-1981 (rounding), 1487-1783 (truncation)",
   LBC+": 'One in five officers in the internal misconduct system have been involved in two or more cases'", events=1809, total=8917),
 R("casey-black-81pct-more","pct_more","81%","unverifiable",
   "published as a ratio with no counts (allegation rates of Black and White officers and staff in 2021/22 are not given)",
   CASEY+"; "+GU+": 'Black officers were 81% more likely to face disciplinary action'", group="Black", ref="White"),
 R("casey-asian-55pct-more","pct_more","55% more likely","unverifiable",
   "no counts published; 'more likely' is filler",
   CASEY+"; "+COUR+": 'Asian officers and staff, being 55% more likely to have allegations brought against them'", group="Asian", ref="White"),
 R("casey-mixed-41pct-more","pct_more","41%","unverifiable",
   "no counts published", CASEY, group="Mixed", ref="White"),
 R("casey-black-2013-twice","rr","twice as likely","unverifiable",
   "2013/14 ratio in words, no counts published", CASEY, group="Black", ref="White"),
 R("casey-no-case-to-answer","pct","55-60%","unverifiable",
   "a range with no counts (allegations with a no-case-to-answer decision of all allegations are not given); the Guardian writes 'About 55% to 60%', a qualifier on a range, which the spec does not define, so the range is entered as the Casey letter and the Courier write it",
   COUR+": 'a 55-60% of all cases receiving a no case to answer decision'; "+GU),
 R("casey-cta-equality","pct","20%","unverifiable","no counts published",
   CASEY+": case to answer for 20% of equality and diversity allegations"),
 R("casey-cta-sexual","pct","29%","unverifiable","no counts published",
   CASEY+": case to answer for 29% of sexual misconduct allegations"),
 R("casey-cta-all","pct","33%","unverifiable","no counts published",
   CASEY+": case to answer for 33% of all finalised allegations"),
 R("casey-discrimination-upheld","pct","less than 3 in 10","unverifiable",
   "no counts; the article writes 'three in 10', mixing a number word with a digit, which the spec's grammar does not list, so it is entered as '3 in 10'",
   GU+": 'For discrimination allegations less than three in 10 are upheld'"),
 R("guardian-recruits-dismissed","pct_more","over 120%","unverifiable",
   "no counts published (dismissal of new ethnic-minority recruits under regulation 13 against White recruits)",
   GU+": 'new ethnic recruits were over 120% more likely to be fired than white counterparts'", group="BAME recruits", ref="White recruits"),
 R("courier-dismissed-126pct","pct_more","up to 126% more likely","unverifiable",
   "no counts published",
   COUR+": 'Black and Asian officers being up to 126% more likely than white officers to be dismissed'", group="Black and Asian", ref="White"),
]
w(OUT+"/casey-2022.csv", casey)

# ---------------------------------------------------------------- openDemocracy
OD = "openDemocracy, Finlay Johnston, 24 Mar 2022, 'Revealed: 90% of Met officers disciplined for racism still work for force', https://www.opendemocracy.net/en/metropolitan-police-officers-disciplined-racism-colleagues/ (FOI; Met, 2017-2021)"
SM = "Sunday Mirror, Amy Sharpe and Patrick Hill, 3 Apr 2022, '2 in 3 racist cops stay on', https://www.pressreader.com/uk/sunday-mirror/20220403/281526524572861"
JG = "The Justice Gap, 'Met failed to sack two-thirds of officers found to have been racist', https://www.thejusticegap.com/met-failed-to-sack-two-thirds-of-officers-found-to-have-been-racist/ (after the Sunday Mirror)"
od = [
 R("od-sacked-just-5pct","pct","just 5%","consistent",
   "reading: 'those disciplined' = the 76 upheld complaints, 'sacked' = the 4 dismissed: 4/76 = 5.26% rounds and truncates to 5 ('just' alone is filler); 4/14 hearings = 28.6% and 4/300 complaints = 1.3% do not fit",
   OD+": 'Just 5% of Metropolitan Police officers disciplined for racism towards fellow officers in recent years were sacked'", events=4, total=76),
 R("od-hearing-18pct","pct","18%","consistent",
   "14/76 = 18.42%: rounds and truncates to 18",
   OD+": 'Of the 76 complaints that were upheld, just 14 (18%) resulted in a full merits hearing'", events=14, total=76),
 R("od-still-serve-nearly-90pct","pct","nearly 90%","inconsistent",
   "reading: still serving = 76 upheld - 4 dismissed - 3 resigned or retired = 69: 69/76 = 90.79%, and the spec's 'nearly' needs 81 <= c < 90 (90.79 is over 90); 72/76 = 94.7% (only the dismissed gone) fails too; holds for 62-68 of 76",
   OD+": 'nearly 90% of officers who have been disciplined for racism against fellow officers still work for the Met'", events=69, total=76),
 R("od-still-serve-90pct-headline","pct","90%","consistent_truncated",
   "the headline's '90%' for the same 69/76 = 90.79%: rounding gives 91, only truncation gives 90",
   OD+" (headline)", events=69, total=76),
 R("od-still-serve-nearly-99pct","pct","nearly 99%","consistent",
   "reading: 300 complaints - 7 gone = 293: 293/300 = 97.67% lies in [0.9 x 99, 99) = [89.1, 99); 296/300 = 98.67% (only the 4 dismissed gone) holds too; note 97.67% rounds to 98, not 99: the spec's 10% window for 'nearly' is what lets it pass; the article also counts complaints as officers",
   OD+": 'as do nearly 99% of the 300 officers who had a complaint made against them'", events=293, total=300),
 R("od-complaints-per-week","per","more than 1 per 7","consistent",
   "300 complaints over 1 Jan 2017-31 Dec 2021 = 1,826 days: 7 x 300/1826 = 1.15 per week > 1 ('one a week' entered as 1 per 7 days, total = days)",
   OD+": 'London police officers made 300 complaints about racist colleagues between 2017 and 2021, an average of more than one a week'", events=300, total=1826),
 R("sm-two-thirds-not-sacked","rate","two-thirds","inconsistent",
   "not sacked = 76 - 4 = 72: 72/76 = 0.947 is not within 5% of 2/3 (0.633-0.700; events 49-53 of 76 would hold); the figure fits the 'more than 50' let off with lesser sanctions (51/76 = 0.671), not 'failed to sack'",
   SM+": 'failed to sack two-thirds of officers and staff found to have been racist towards colleagues. Figures show sackings for just four of 76'; "+JG, events=72, total=76),
 R("sm-2-in-3-headline","pct","2 in 3","consistent_truncated",
   "the headline '2 in 3' for the same 72/76: 3 x 72/76 = 2.84 rounds to 3, truncates to 2, so the digits pass by truncation where the words 'two-thirds' fail (spec: N in M at whole-number precision)",
   SM+" (headline '2 in 3 racist cops stay on')", events=72, total=76),
]
w(OUT+"/opendemocracy-2022.csv", od)

# ---------------------------------------------------------------- stop and search (-c counts)
SS = "The Chronicle (Mirror group), Alice Cachia, 12 Jan 2018, 'Race and the police: an arresting problem', http://www.pressreader.com/uk/the-chronicle-9c96/20180112/282467119293057 (Home Office figures 2016/17; also Daily Mirror via The Free Library)"
ss = [
 R("ss-black-22pct","rate","22%","consistent","11982/54532 = 21.97%: rounds to 22 (truncation gives 21); needed 11725-12542 in all",
   SS+": '54,532 black people were stopped and searched, which led to 11,982 arrests - or 22% of those searched'", group="Black"),
 R("ss-white-16pct","rate","16%","consistent","26765/167229 = 16.005%: rounds and truncates to 16",
   SS+": 'White people ... saw 16% (26,765) of the 167,229 stopped and searched arrested'", group="White"),
 R("ss-asian-16pct","rate","16%","consistent","4657/28768 = 16.19%",
   SS+": 'just 16% - or 4,657 - people arrested after 28,768 stop and searches'", group="Asian"),
 R("ss-mixed-20pct","rate","20%","consistent","2117/10365 = 20.42%",
   SS+": 'Some 20% of mixed raced individuals ... 2,117 out of 10,365'", group="Mixed"),
 R("ss-other-16pct","rate","16%","inconsistent",
   "814/5259 = 15.48%: rounds and truncates to 15; 816-894 arrests would give 16",
   SS+": 'just 16% of people of other ethnicities (814 out of 5,259) that were stopped and searched were arrested'", group="Other"),
 R("ss-black-white-search-nine-times","rr","nine times","unverifiable",
   "search rates per 1,000 population with no population counts; from the published rounded rates 36/4 = 9",
   SS+": 'BLACK people are nine times more likely to be stopped and searched ... four white people in 1,000 ... 36 black people in 1,000'", group="Black population", ref="White population"),
]
w(OUT+"/stop-search-2016-17.csv", ss)
with open(OUT+"/stop-search-2016-17-counts.csv","w") as f:
    f.write("ethnicity,events,total\nBlack,11982,54532\nWhite,26765,167229\nAsian,4657,28768\nMixed,2117,10365\nOther,814,5259\n")

# ---------------------------------------------------------------- HAC
HAC = "House of Commons Home Affairs Committee, 'The Macpherson Report: twenty-two years on' (HC 139, 2021), chapter 5"
hac = [
 R("hac-bme-share-dismissals","share","13%","unverifiable",
   "shares only, no counts of dismissals", HAC+": BME officers 13% of all dismissals, 2007-2019", group="BME"),
 R("hac-bme-share-officers","share","5.3%","unverifiable",
   "shares only, no counts of officers (entered as a share with officers as the events)", HAC+": BME officers 5.3% of all officers, 2007-2019", group="BME"),
 R("hac-white-share-dismissals","share","87%","unverifiable","shares only", HAC, group="White"),
 R("hac-bme-dismissal-more-than-twice","rr","more than twice as likely","unverifiable",
   "no counts: the filter takes counts, not shares; from the 2007-2019 shares the dismissal-rate ratio would be (13/5.3)/(87/94.7) = 2.67 and the share ratio 13/5.3 = 2.45, both over 2, but the claim is for 2019/20",
   HAC+": in 2019/20 BME officers were 'more than twice as likely' to leave through dismissal", group="BME", ref="White"),
]
w(OUT+"/hac-macpherson-2021.csv", hac)

# ---------------------------------------------------------------- i news (GRIM)
IN = "i news, 1 Oct 2021, 'More than 750 Met Police employees have faced sexual misconduct allegations since 2010 - with just 83 sacked', https://inews.co.uk/news/uk/met-police-officers-sexual-misconduct-allegations-sacked-1225102 (FOI, 1 Jan 2010-31 May 2021)"
inews = [
 R("inews-serving-officers-88pct","pct","88 per cent","unverifiable",
   "only the denominator is known (771): GRIM; needed: events 675-682 by rounding, 679-686 by truncation",
   IN+": 'A total of 771 officers and staff - 88 per cent of whom were serving officers'", total=771),
 R("inews-male-89pct","pct","89 per cent","unverifiable",
   "reading: of the 771 who faced allegations; GRIM: events 683-690 by rounding, 687-693 by truncation",
   IN+": 'Of those officers and staff who faced an internal investigation over complaints of sexual misconduct - 89 per cent of them were male'", total=771),
]
w(OUT+"/inews-2021.csv", inews)

# ---------------------------------------------------------------- textbook
AG = "Agresti, An Introduction to Categorical Data Analysis, Physicians' Health Study (placebo 189 MI of 11,034; aspirin 104 of 11,037), shared/DATA.md"
NW1 = "Newcombe RG (1998), Two-sided confidence intervals for the single proportion, Stat Med 17:857-872, table I (81/263)"
NW2 = "Newcombe RG (1998), Interval estimation for the difference between independent proportions, Stat Med 17:873-890, table II"
PHS = dict(group="placebo", ref="aspirin", events=189, total=11034, ref_events=104, ref_total=11037)
tb = [
 R("phs-rr","rr","1.82","consistent","(189/11034)/(104/11037) = 1.81780: rounds to 1.82 (truncates to 1.81)", AG+": RR 1.82", **PHS),
 R("phs-rr-ci-koopman","ci","(1.43, 2.30)","consistent","Koopman score interval (1.43390, 2.30471) rounds to the published ends: the default method reproduces Agresti's interval", AG+": 95% CI (1.43, 2.30)", method="--ratio koopman", level="0.95", **PHS),
 R("phs-rr-ci-katz","ci","(1.43, 2.30)","consistent_truncated","Katz log interval (1.43303, 2.30588): the upper end rounds to 2.31, both ends truncate to the published ones", AG, method="--ratio katz", level="0.95", **PHS),
 R("phs-rr-ci-mn","ci","(1.43, 2.30)","consistent","Miettinen-Nurminen (1.43390, 2.30473)", AG, method="--ratio mn", level="0.95", **PHS),
 R("phs-rr-ci-adj-log","ci","(1.43, 2.30)","consistent","Katz with 1/2 added (1.43064, 2.29981): rounds to both ends (2.2998 truncates to 2.29)", AG, method="--ratio adj-log", level="0.95", **PHS),
 R("phs-rr-ci-bailey","ci","(1.43, 2.30)","inconsistent","Bailey cube-root (1.43654, 2.31306) gives (1.44, 2.31) by rounding, (1.43, 2.31) by truncation", AG, method="--ratio bailey", level="0.95", **PHS),
 R("phs-or","or","1.832054","consistent","(189/10845)/(104/10933) = 17661/9640 = 1.8320539419: rounds to 1.832054 (truncates to 1.832053)", AG+": OR 1.832054", **PHS),
 R("phs-or-ci-woolf","ci","(1.440042, 2.330780)","consistent","Woolf logit interval (1.44004239, 2.33077975) rounds to the published ends (the upper truncates to 2.330779)", AG+": asymptotic 95% CI (1.440042, 2.330780)", method="--odds woolf", level="0.95", **PHS),
 R("newcombe-wilson-81-263","ci","(0.2553, 0.3662)","consistent","Wilson (0.255289, 0.366210)", NW1+", method 3", method="--ci wilson", level="0.95", events=81, total=263),
 R("newcombe-wald-81-263","ci","(0.2522, 0.3638)","consistent","Wald (0.252190, 0.363779)", NW1+", method 1", method="--ci wald", level="0.95", events=81, total=263),
 R("newcombe-wilson-cc-81-263","ci","(0.2535, 0.3682)","consistent","Wilson with continuity correction (0.253509, 0.368176)", NW1+", method 4", method="--ci wilson-cc", level="0.95", events=81, total=263),
 R("newcombe-exact-81-263","ci","(0.2527, 0.3676)","consistent","Clopper-Pearson (0.252737, 0.367622)", NW1+", method 5", method="--ci exact", level="0.95", events=81, total=263),
 R("newcombe-midp-81-263","ci","(0.2544, 0.3658)","consistent","mid-p (0.254402, 0.365773)", NW1+", method 6", method="--ci midp", level="0.95", events=81, total=263),
 R("newcombe-hybrid-56-70-48-80","ci","(0.0524, 0.3339)","consistent","Newcombe hybrid score (0.052431, 0.333873)", NW2+", method 10", method="--diff newcombe", level="0.95", events=56, total=70, ref_events=48, ref_total=80),
 R("newcombe-hybrid-9-10-3-10","ci","(0.1705, 0.8090)","consistent","Newcombe hybrid score (0.170523, 0.809018)", NW2+", method 10", method="--diff newcombe", level="0.95", events=9, total=10, ref_events=3, ref_total=10),
 R("newcombe-wald-56-70-48-80","ci","(0.0575, 0.3425)","consistent","Wald (0.057505, 0.342495)", NW2+", method 1", method="--diff wald", level="0.95", events=56, total=70, ref_events=48, ref_total=80),
 R("fisher-tea","p","0.4857","consistent","tables [[3,1],[1,3]] by minimum likelihood: 34/70 = 0.485714 rounds to 0.4857", "Fisher RA (1935), The Design of Experiments, tea tasting; two-sided p = 0.4857 (shared/DATA.md)", method="fisher", events=3, total=4, ref_events=1, ref_total=4),
]
w(OUT+"/textbook.csv", tb)

# ---------------------------------------------------------------- edges
E = "constructed (edge case)"
def C(id, kind, value, expect, why, **kw):
    return R(id, kind, value, expect, why, E, **kw)
ed = []
# rounding boundaries: 0, 1, 2 decimals
ed += [
 C("tie-d0-up-only","pct","13%","consistent","(hand) 1/8 = 12.5 exactly: half-up 13, half-even 12, truncation 12: holds by half-up only", events=1, total=8),
 C("tie-d0-even-trunc","pct","12%","consistent","(hand) 12.5: half-even and truncation give 12 (half-even is what makes it 'consistent' rather than 'consistent_truncated')", events=1, total=8),
 C("tie-d0-up-even","pct","38%","consistent","(hand) 3/8 = 37.5: half-up and half-even give 38 (38 even), truncation 37", events=3, total=8),
 C("tie-d0-trunc-only","pct","37%","consistent_truncated","(hand) 37.5: only truncation gives 37", events=3, total=8),
 C("tie-d0-none","pct","11%","inconsistent","(hand) 12.5 gives 12 or 13 by every rule", events=1, total=8),
 C("near-d0-above-tie-13","pct","13%","consistent","(hand) 125001/10^6 = 12.5001: rounds to 13", events=125001, total=1000000),
 C("near-d0-above-tie-12","pct","12%","consistent_truncated","(hand) 12.5001: rounds to 13, truncates to 12", events=125001, total=1000000),
 C("near-d0-below-tie-13","pct","13%","inconsistent","(hand) 124999/10^6 = 12.4999: rounds and truncates to 12", events=124999, total=1000000),
 C("near-d0-below-tie-12","pct","12%","consistent","(hand) 12.4999 rounds to 12", events=124999, total=1000000),
 C("near-d0-below-int","pct","13%","consistent","(hand) 129999/10^6 = 12.9999: rounds to 13, truncates to 12", events=129999, total=1000000),
 C("near-d0-below-int-trunc","pct","12%","consistent_truncated","(hand) 12.9999: only truncation gives 12", events=129999, total=1000000),
 C("tie-d1-up-only","pct","6.3%","consistent","(hand) 1/16 = 6.25: half-up 6.3 only (half-even and truncation 6.2)", events=1, total=16),
 C("tie-d1-even-trunc","pct","6.2%","consistent","(hand) 6.25: half-even and truncation 6.2", events=1, total=16),
 C("tie-d1-up-even","pct","18.8%","consistent","(hand) 3/16 = 18.75: half-up and half-even 18.8", events=3, total=16),
 C("tie-d1-trunc-only","pct","18.7%","consistent_truncated","(hand) 18.75: only truncation 18.7", events=3, total=16),
 C("tie-d2-up-only","pct","3.13%","consistent","(hand) 1/32 = 3.125: half-up only", events=1, total=32),
 C("tie-d2-even-trunc","pct","3.12%","consistent","(hand) 3.125: half-even and truncation 3.12", events=1, total=32),
 C("tie-d2-up-even","pct","9.38%","consistent","(hand) 3/32 = 9.375: half-up and half-even 9.38", events=3, total=32),
 C("tie-d2-trunc-only","pct","9.37%","consistent_truncated","(hand) 9.375: only truncation 9.37", events=3, total=32),
 C("tie-d2-rate-up-only","rate","0.13","consistent","(hand) 1/8 = 0.125 as a fraction: half-up only", events=1, total=8),
 C("tie-d2-rate-even-trunc","rate","0.12","consistent","(hand) 0.125: half-even and truncation", events=1, total=8),
 C("rate-as-pct-d1","rate","12.5%","consistent","(hand) 1/8 as % with one decimal: exact", events=1, total=8),
]
# 0% and 100%
ed += [
 C("zero-exact","pct","0%","consistent","(hand) 0/50 = 0", events=0, total=50),
 C("zero-0.4","pct","0%","consistent","(hand) 1/250 = 0.4: rounds and truncates to 0", events=1, total=250),
 C("zero-0.5-tie","pct","0%","consistent","(hand) 1/200 = 0.5: half-even 0 (half-up 1)", events=1, total=200),
 C("zero-0.67","pct","0%","consistent_truncated","(hand) 1/150 = 0.667: rounds to 1, truncates to 0", events=1, total=150),
 C("zero-1","pct","0%","inconsistent","(hand) 1/100 = 1", events=1, total=100),
 C("hundred-exact","pct","100%","consistent","(hand) 50/50", events=50, total=50),
 C("hundred-99.5-tie","pct","100%","consistent","(hand) 199/200 = 99.5: half-up 100 and half-even 100 (100 even); truncation 99", events=199, total=200),
 C("hundred-99.75","pct","100%","consistent","(hand) 399/400 = 99.75 rounds to 100", events=399, total=400),
 C("ninety-nine-99.75","pct","99%","consistent_truncated","(hand) 99.75 truncates to 99", events=399, total=400),
 C("hundred-99","pct","100%","inconsistent","(hand) 99/100", events=99, total=100),
 C("rate-one","rate","1","consistent","(hand) 7/7 = 1", events=7, total=7),
]
# words
ed += [
 C("word-twice","rr","twice","consistent","(hand) 0.2/0.1 = 2", events=20, total=100, ref_events=10, ref_total=100),
 C("word-twice-as-likely","rr","twice as likely","consistent","(hand) 2; 'as likely' is filler", events=20, total=100, ref_events=10, ref_total=100),
 C("word-twice-1.9","rr","twice","consistent","(hand) 1.9 = 2 - 5%: the edge holds", events=19, total=100, ref_events=10, ref_total=100),
 C("word-twice-2.1","rr","twice","consistent","(hand) 2.1 = 2 + 5%: the edge holds", events=21, total=100, ref_events=10, ref_total=100),
 C("word-twice-1.89","rr","twice","inconsistent","(hand) 1.89 < 1.9", events=189, total=1000, ref_events=100, ref_total=1000),
 C("word-twice-2.11","rr","twice","inconsistent","(hand) 2.11 > 2.1", events=211, total=1000, ref_events=100, ref_total=1000),
 C("word-three-times","rr","three times","consistent","(hand) 3", events=30, total=100, ref_events=10, ref_total=100),
 C("word-ten-times","rr","ten times","consistent","(hand) 10", events=100, total=1000, ref_events=10, ref_total=1000),
 C("word-half-rr","rr","half as likely","consistent","(hand) 0.05/0.1 = 0.5", events=5, total=100, ref_events=10, ref_total=100),
 C("word-more-than-twice","rr","more than twice","consistent","(hand) 2.1 > 2 (qualifier: no 5% window)", events=21, total=100, ref_events=10, ref_total=100),
 C("word-more-than-twice-at-2","rr","more than twice","inconsistent","(hand) 2 is not > 2", events=20, total=100, ref_events=10, ref_total=100),
 C("word-half-rate","rate","half","consistent","(hand) 1/2", events=1, total=2),
 C("word-a-third","rate","a third","consistent","(hand) 1/3", events=1, total=3),
 C("word-one-third","rate","one third","consistent","(hand) 0.34 within 5% of 1/3 (0.3167-0.35)", events=34, total=100),
 C("word-two-thirds","rate","two-thirds","consistent","(hand) 2/3", events=2, total=3),
 C("word-two-thirds-space","rate","two thirds","inconsistent","(hand) 0.6 < 0.6333", events=6, total=10),
 C("word-a-quarter","rate","a quarter","consistent","(hand) 0.26: |0.26 - 0.25| <= 0.0125", events=26, total=100),
 C("word-one-quarter-edge","rate","one quarter","consistent","(hand) 21/80 = 0.2625 = 0.25 x 1.05 exactly", events=21, total=80),
 C("word-three-quarters","rate","three quarters","inconsistent","(hand) 0.7 < 0.7125", events=7, total=10),
 C("word-one-in-five","pct","one in five","consistent","(hand) 100/21 = 4.76 rounds to 5", events=21, total=100),
 C("word-one-in-five-out","pct","one in five","inconsistent","(hand) 100/23 = 4.35 rounds and truncates to 4", events=23, total=100),
 C("word-three-in-ten","rate","three in ten","consistent","(hand) 10 x 0.3 = 3", events=3, total=10),
 C("word-nearly-one-in-five","pct","nearly one in five","consistent","(hand) qualifier on a word: 0.9 <= 5 x 0.19 = 0.95 < 1", events=19, total=100),
]
# N in M and V per K, thousands separators
ed += [
 C("in-1-in-8","pct","1 in 8","consistent","(hand) 8 x 1/8 = 1", events=1, total=8),
 C("in-1-in-5-at-2/9","pct","1 in 5","consistent","(hand) one in every 4.5: half-up 5 (half-even 4, truncation 4)", events=2, total=9),
 C("in-1-in-5-at-2/11","pct","1 in 5","consistent_truncated","(hand) one in every 5.5: half-up and half-even 6, truncation 5", events=2, total=11),
 C("in-1-in-5-at-10/59","pct","1 in 5","consistent_truncated","(hand) 59/10 = 5.9 truncates to 5, rounds to 6", events=10, total=59),
 C("in-1-in-5-at-1/6","pct","1 in 5","inconsistent","(hand) one in every 6", events=1, total=6),
 C("in-1-in-5-at-0.29","pct","1 in 5","inconsistent","(hand) 100/29 = 3.45 rounds and truncates to 3", events=29, total=100),
 C("in-out-of","rate","1 out of 5","consistent","(hand) 1/5", events=1, total=5),
 C("in-sep","rate","1 in 1,000","consistent","(hand) 1000 x 1/1000 = 1", events=1, total=1000),
 C("per-3.5","per","3.5 per 1,000","consistent","(hand) 1000 x 35/10000 = 3.5", events=35, total=10000),
 C("per-col","per","3.5","consistent","(hand) K from the per column", events=35, total=10000, per=1000),
 C("per-4-tie","per","4 per 1,000","consistent","(hand) 3.5: half-up and half-even 4", events=35, total=10000),
 C("per-3-tie","per","3 per 1,000","consistent_truncated","(hand) 3.5 truncates to 3", events=35, total=10000),
 C("per-sep-exact","per","1,234.5 per 100,000","consistent","(hand) 100000 x 12345/10^6 = 1234.5", events=12345, total=1000000),
 C("per-sep-up","per","1,235 per 100,000","consistent","(hand) 1234.5: half-up only", events=12345, total=1000000),
 C("per-sep-even","per","1,234 per 100,000","consistent","(hand) 1234.5: half-even and truncation", events=12345, total=1000000),
 C("per-just-over-500","per","just over 500","consistent","(hand) 520 per million: 500 < 520 <= 525", events=520, total=1000000, per=1000000),
 C("pct-sep","pct","1,250%","inconsistent","(hand) a thousands separator in a percent: 100 x 1/8 = 12.5, not 1250", events=1, total=8),
]
# exponents, signs, units
ed += [
 C("exp-exact","rate","1.25e-3","consistent","(hand) 1/800 = 0.00125 at precision 10^-5", events=1, total=800),
 C("exp-up","rate","1.3e-3","consistent","(hand) 0.00125 at precision 10^-4: half-up", events=1, total=800),
 C("exp-even","rate","1.2e-3","consistent","(hand) half-even (and truncation)", events=1, total=800),
 C("exp-large","per","3e3 per 10,000","consistent","(hand) 10000 x 1/3 = 3333.3 at precision 10^3 (mantissa 0 decimals, exponent 3): rounds and truncates to 3e3", events=1, total=3),
]
ed += [
 C("exp-large-4","per","4e3 per 10,000","inconsistent","(hand) 3333.3 at precision 10^3 is 3e3 by every rule", events=1, total=3),
 C("unit-per-cent","pct","20 per cent","consistent","(hand) 1/5", events=1, total=5),
 C("unit-percent","pct","20 percent","consistent","(hand) 1/5", events=1, total=5),
 C("unit-bare-pct","pct","20","consistent","(hand) a bare number on pct is percent", events=1, total=5),
 C("unit-bare-rate","rate","0.2","consistent","(hand) a bare number on rate is a fraction", events=1, total=5),
 C("unit-rate-as-pct","rate","20%","consistent","(hand) % overrides the fraction: 100 x 1/5", events=1, total=5),
 C("unit-rate-bare-20","rate","20","inconsistent","(hand) a bare 20 on rate is the fraction 20, not 20%", events=1, total=5),
 C("unit-times","rr","1.82 times","consistent","(hand) PHS 1.8178", events=189, total=11034, ref_events=104, ref_total=11037),
 C("unit-x","rr","1.82x","consistent","(hand) PHS 1.8178", events=189, total=11034, ref_events=104, ref_total=11037),
 C("unit-x-zero","rr","0x","consistent","(hand) rr 0 (0/10 vs 1/10) with the x suffix: '0x' must not be read as a hex prefix (strtod)", events=0, total=10, ref_events=1, ref_total=10),
 C("filler-only","pct","only 0.71%","consistent_truncated","(hand) 'only' is filler: the Casey 13/1809", events=13, total=1809),
 C("filler-some","pct","some 20%","consistent","(hand) 'some' is filler", events=1809, total=8917),
 C("filler-more-likely","pct_more","81% more likely","consistent","(hand) 100 (0.181/0.1 - 1) = 81", events=181, total=1000, ref_events=100, ref_total=1000),
 C("filler-less-likely","pct_less","40% less likely","consistent","(hand) 100 (1 - 0.06/0.1) = 40", events=6, total=100, ref_events=10, ref_total=100),
 C("or-3","or","3","consistent","(hand) (6/4)/(1/2) = 3", events=6, total=10, ref_events=1, ref_total=3),
 C("share-row","share","13%","consistent","(hand) 13/100 of all events (row's all_events)", events=13, total=53, all_events=100, all_total=1000),
 C("ros-row","ratio_of_shares","2.45","consistent","(hand) (13/100)/(53/1000) = 2.4528", events=13, total=53, all_events=100, all_total=1000),
]
# negative values
ed += [
 C("neg-pct-less","pct_less","-5%","consistent","(hand) 21/200 vs 1/10: rr 1.05, 100 (1 - 1.05) = -5", events=21, total=200, ref_events=10, ref_total=100),
 C("neg-pct-less-sign","pct_less","5%","inconsistent","(hand) -5 published as 5: signs must agree", events=21, total=200, ref_events=10, ref_total=100),
 C("neg-pct-more","pct_more","-20%","consistent","(hand) rr 0.8", events=8, total=100, ref_events=10, ref_total=100),
 C("neg-diff","diff","-3.2 points","consistent","(hand) 100 (0.068 - 0.1) = -3.2", events=68, total=1000, ref_events=100, ref_total=1000),
 C("neg-diff-tie-up","diff","-3.3 points","consistent","(hand) -3.25 exactly (6750/10^5 vs 1/10): magnitude 3.25, half-up (away from zero) 3.3 only", events=6750, total=100000, ref_events=10, ref_total=100),
 C("neg-diff-tie-even","diff","-3.2pp","consistent","(hand) -3.25: half-even 3.2 and truncation (toward zero) 3.2", events=6750, total=100000, ref_events=10, ref_total=100),
 C("neg-diff-tie-trunc","diff","-3.3 percentage points","consistent_truncated","(hand) -3.35 (6650/10^5 vs 1/10): half-up and half-even 3.4, truncation 3.3", events=6650, total=100000, ref_events=10, ref_total=100),
 C("neg-diff-sign","diff","3.2 points","inconsistent","(hand) -3.2 published as 3.2", events=68, total=1000, ref_events=100, ref_total=1000),
 C("pos-diff-plus","diff","+6 points","consistent","(hand) 16/100 - 10/100 = 6; a leading +", events=16, total=100, ref_events=10, ref_total=100),
 C("pos-diff-pp","diff","6pp","consistent","(hand) 6", events=16, total=100, ref_events=10, ref_total=100),
 C("pos-diff-bare","diff","6","consistent","(hand) bare: points", events=16, total=100, ref_events=10, ref_total=100),
]
# ranges
ed += [
 C("range-54.5","pct","55-60%","consistent","(hand) 54.5: half-up 55 is in the range (half-even 54 is not)", events=545, total=1000),
 C("range-60.5","pct","55-60%","consistent","(hand) 60.5: half-even 60 (and truncation 60); half-up 61 is out", events=605, total=1000),
 C("range-60.7","pct","55-60%","consistent_truncated","(hand) 60.7: rounds to 61, truncates to 60", events=607, total=1000),
 C("range-54.4","pct","55-60%","inconsistent","(hand) 54.4: 54 by every rule", events=544, total=1000),
 C("range-58","pct","55-60%","consistent","(hand) 58", events=58, total=100),
 C("range-to","pct","55% to 60%","consistent","(hand) 57.5", events=23, total=40),
 C("range-between","pct","between 55 and 60%","consistent","(hand) 57.5", events=23, total=40),
 C("range-rr-paren","rr","(1.43, 2.30)","consistent","(hand) rr 2.305 (461/1000 vs 1/5): half-even 2.30 in range, half-up 2.31 out", events=461, total=1000, ref_events=200, ref_total=1000),
 C("range-rr-to","rr","1.43 to 2.30","consistent","(hand) PHS 1.8178", events=189, total=11034, ref_events=104, ref_total=11037),
 C("range-rr-hyphen","rr","1.43-2.30","inconsistent","(hand) rr 2.4", events=24, total=100, ref_events=10, ref_total=100),
]
# qualifiers: X = 20%, n = 1000
def Q(id, value, x, expect, why, qualifier=""):
    return C(id, "pct", value, expect, "(hand) "+why, events=x, total=1000, qualifier=qualifier)
for w_ in ("less than", "fewer than", "under", "below"):
    t = w_.replace(" ", "-")
    ed.append(Q("q-%s-in" % t, "%s 20%%" % w_, 199, "consistent", "19.9 < 20"))
    ed.append(Q("q-%s-at" % t, "%s 20%%" % w_, 200, "inconsistent", "20 is not < 20"))
ed.append(Q("q-lt-op", "<20%", 199, "consistent", "19.9 < 20"))
ed.append(Q("q-lt-col", "20%", 200, "inconsistent", "qualifier column '<': 20 is not < 20", qualifier="<"))
for w_ in ("up to", "at most", "no more than"):
    t = w_.replace(" ", "-")
    ed.append(Q("q-%s-at" % t, "%s 20%%" % w_, 200, "consistent", "20 <= 20"))
    ed.append(Q("q-%s-over" % t, "%s 20%%" % w_, 201, "inconsistent", "20.1 > 20 (no rounding with a qualifier)"))
ed.append(Q("q-le-col", "20%", 200, "consistent", "qualifier column '<=': 20 <= 20", qualifier="<="))
for w_ in ("over", "more than", "above"):
    t = w_.replace(" ", "-")
    ed.append(Q("q-%s-in" % t, "%s 20%%" % w_, 201, "consistent", "20.1 > 20"))
    ed.append(Q("q-%s-at" % t, "%s 20%%" % w_, 200, "inconsistent", "20 is not > 20"))
ed.append(Q("q-gt-op", ">20%", 201, "consistent", "20.1 > 20"))
for w_ in ("at least", "no fewer than", "no less than"):
    t = w_.replace(" ", "-")
    ed.append(Q("q-%s-at" % t, "%s 20%%" % w_, 200, "consistent", "20 >= 20"))
    ed.append(Q("q-%s-under" % t, "%s 20%%" % w_, 199, "inconsistent", "19.9 < 20"))
ed.append(Q("q-ge-op", ">=20%", 200, "consistent", "20 >= 20"))
for w_ in ("nearly", "almost"):
    ed.append(Q("q-%s-low-edge" % w_, "%s 20%%" % w_, 180, "consistent", "18 = 0.9 x 20 holds"))
    ed.append(Q("q-%s-at" % w_, "%s 20%%" % w_, 200, "inconsistent", "20 is not < 20"))
    ed.append(Q("q-%s-below" % w_, "%s 20%%" % w_, 179, "inconsistent", "17.9 < 18"))
for w_ in ("about", "around", "approximately", "roughly"):
    ed.append(Q("q-%s-high-edge" % w_, "%s 20%%" % w_, 220, "consistent", "|22 - 20| = 2 = 0.1 x 20"))
    ed.append(Q("q-%s-low-edge" % w_, "%s 20%%" % w_, 180, "consistent", "|18 - 20| = 2"))
    ed.append(Q("q-%s-out" % w_, "%s 20%%" % w_, 221, "inconsistent", "|22.1 - 20| > 2"))
ed.append(Q("q-just-over-edge", "just over 20%", 210, "consistent", "21 = 1.05 x 20 holds"))
ed.append(Q("q-just-over-at", "just over 20%", 200, "inconsistent", "20 is not > 20"))
ed.append(Q("q-just-over-out", "just over 20%", 211, "inconsistent", "21.1 > 21"))
ed.append(Q("q-just-under-edge", "just under 20%", 190, "consistent", "19 = 0.95 x 20 holds"))
ed.append(Q("q-just-under-at", "just under 20%", 200, "inconsistent", "20 is not < 20"))
ed.append(Q("q-just-under-out", "just under 20%", 189, "inconsistent", "18.9 < 19"))
ed.append(Q("q-col-nearly", "20%", 190, "consistent", "qualifier column 'nearly': 18 <= 19 < 20", qualifier="nearly"))
ed.append(Q("q-col-eq", "19%", 190, "consistent", "qualifier column '=': the rounding rules", qualifier="="))
ed.append(Q("q-col-about", "20%", 215, "consistent", "qualifier column 'about'", qualifier="about"))
ed.append(Q("q-col-just-under", "20%", 195, "consistent", "qualifier column 'just under'", qualifier="just under"))
ed.append(Q("q-fewer-than-1", "fewer than 1%", 9, "consistent", "0.9 < 1"))
# p-values
TEA = dict(events=3, total=4, ref_events=1, ref_total=4)
ed += [
 C("p-lt-.001","p","p<.001","consistent","(reference) Fisher [[10,0],[0,10]]: p = 2/184756 = 1.08e-5 < 0.001", events=10, total=10, ref_events=0, ref_total=10),
 C("p-lt-.001-tea","p","p<.001","inconsistent","(reference) tea p = 0.4857", **TEA),
 C("p-lt-0.05","p","<0.05","consistent","(reference) Fisher 8/11 vs 2/11: p = 0.029973", events=8, total=11, ref_events=2, ref_total=11),
 C("p-eq-0.03","p","p = 0.03","consistent","(reference) p = 0.029973 rounds to 0.03 (truncates to 0.02)", events=8, total=11, ref_events=2, ref_total=11),
 C("p-eq-0.02-trunc","p","p = 0.02","consistent_truncated","(reference) p = 0.029973 truncates to 0.02", events=8, total=11, ref_events=2, ref_total=11),
 C("p-tea-0.486","p","0.486","consistent","(reference) 0.485714 rounds to 0.486", **TEA),
 C("p-tea-0.485","p","0.485","consistent_truncated","(reference) 0.485714 truncates to 0.485", **TEA),
 C("p-tea-eq","p","p = 0.4857","consistent","(reference) tea", **TEA),
 C("p-chi2","p","p = 0.01","consistent","(reference) Pearson X^2 for 8/11 vs 2/11: p = 0.010198", events=8, total=11, ref_events=2, ref_total=11, method="chi2"),
 C("p-phs-fisher","p","p<.001","consistent","(reference) PHS Fisher p = 5.03e-7", events=189, total=11034, ref_events=104, ref_total=11037),
]
# ci forms
W81 = dict(events=81, total=263, method="--ci wilson", level="0.95")
ed += [
 C("ci-percent","ci","(25.53%, 36.62%)","consistent","(reference) Wilson 81/263 in percent", **W81),
 C("ci-hyphen","ci","0.2553-0.3662","consistent","(reference) Wilson 81/263, hyphen form", **W81),
 C("ci-to","ci","0.2553 to 0.3662","consistent","(reference) Wilson 81/263, 'to' form", **W81),
 C("ci-trunc","ci","(0.2552, 0.3662)","consistent_truncated","(reference) 0.255289 truncates to 0.2552 (and 0.366210 to 0.3662)", **W81),
 C("ci-wrong","ci","(0.2553, 0.3663)","inconsistent","(reference) 0.366210 gives 0.3662 by every rule", **W81),
 C("ci-level-90","ci","(0.2633, 0.3566)","consistent","(reference) Wilson 81/263 at 90%: (0.263314, 0.356566)", events=81, total=263, method="--ci wilson", level="0.9"),
]
# unverifiable
ed += [
 C("unv-no-counts","pct","20%","unverifiable","(hand) no counts"),
 C("unv-grim","pct","20%","unverifiable","(hand) only the total: GRIM, needed events 195-204 by rounding, 200-209 by truncation", total=1000),
 C("unv-no-ref","rr","2","unverifiable","(hand) the reference's counts are missing", events=20, total=100),
 C("unv-ref-total","diff","6 points","unverifiable","(hand) ref_total missing", events=16, total=100, ref_events=10),
]
w(OUT+"/edges.csv", ed)

# ---------------------------------------------------------------- unclear
U = "constructed: the spec does not fix this verdict; expect is the reference's reading"
def UC(id, kind, value, expect, why, **kw):
    return R(id, kind, value, expect, why, U, **kw)
un = [
 UC("zero-ref-rr","rr","1.8","inconsistent","UNCLEAR: x2 = 0 makes rr infinite (5/100 vs 0/100); reading: no finite published ratio holds; alternative: unverifiable", events=5, total=100, ref_events=0, ref_total=100),
 UC("zero-ref-more-than-twice","rr","more than twice","consistent","UNCLEAR: rr infinite; reading: inf > 2 holds; alternative: unverifiable", events=5, total=100, ref_events=0, ref_total=100),
 UC("zero-zero-rr","rr","1","inconsistent","DECIDED by the lead: 0/100 vs 0/100 is 0/0, no ratio at all, so no published ratio follows from the counts (unverifiable is kept for counts that are missing)", events=0, total=100, ref_events=0, ref_total=100),
 UC("zero-pct-more","pct_more","81%","inconsistent","UNCLEAR: x2 = 0, pct_more infinite; reading as zero-ref-rr", events=5, total=100, ref_events=0, ref_total=100),
 UC("signed-zero","diff","0 points","consistent","UNCLEAR: 100 (0.097 - 0.1) = -0.3 rounds to -0 and 'signs must agree'; reading: a published 0 carries no sign; alternative: inconsistent", events=97, total=1000, ref_events=100, ref_total=1000),
 UC("word-on-pct","pct","two-thirds","consistent","UNCLEAR: a word on a kind whose bare number is percent; reading: the fraction x/n against 2/3 (not 100 x/n against 0.667)", events=2, total=3),
 UC("ci-mixed-ends","ci","(0.2553, 0.36620)","inconsistent","UNCLEAR: Wilson 81/263 = (0.255289, 0.366210): the lower end holds by rounding only, the upper (5 decimals) by truncation only; reading: a rule must give both ends; alternative (ends judged apart, the worse verdict kept): consistent_truncated", events=81, total=263, method="--ci wilson", level="0.95"),
 UC("ci-default-single","ci","(0.2553, 0.3662)","consistent","DECIDED by the lead: a ci claim with no method and no reference counts takes --ci wilson (disp-rate's --ci default); with reference counts, --ratio koopman", events=81, total=263),
]
w(OUT+"/unclear.csv", un)
