#!/usr/bin/perl
# The documentation held to the code, for every filter in bin/ (TAP):
#
# - every option that `FILTER --help` lists is in the man page's SYNOPSIS and
#   has its own item in OPTIONS;
# - with `FILTER --methods` (the method tables as CSV), every method is
#   documented in the METHODS subsection of its kind (".SS" with the kind's
#   title) by a ".TP"/".B NAME" item that holds its citation as the table
#   writes it, and its limit when it has one; the OPTIONS item of its option
#   names it; and README.md's methods table names it in its option's row.
#
# Roff is read plainly: "\-" is "-", "\(+-" is "+-", font escapes go, and a
# paragraph's lines are joined with spaces.  B is the build prefix.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Csv;

my $bindir = ($ENV{B} // '') . 'bin';
my ($n, $failed) = (0, 0);

sub ok {
	my ($cond, $what, @why) = @_;
	$n++;
	print $cond ? 'ok' : 'not ok', " $n - $what\n";
	return if $cond;
	$failed++;
	print "#   $_\n" for @why;
}

sub plain {
	my ($s) = @_;
	$s =~ s/\\f[BIRP]//g;
	$s =~ s/\\\(\+-/+-/g;
	$s =~ s/\\-/-/g;
	$s =~ s/\\e/\\/g;
	$s =~ s/\\&//g;
	return $s;
}

# The man page as sections: name => [lines]; subsections of METHODS too.
sub sections {
	my ($page) = @_;
	open(my $fh, '<', $page) or die "$page: $!\n";
	my (%sec, %sub, $cur, $subcur);
	while (my $l = <$fh>) {
		chomp $l;
		if ($l =~ /^\.SH\s+"?([^"]*)"?/) {
			$cur = $1;
			undef $subcur;
			next;
		}
		if ($l =~ /^\.SS\s+"?([^"]*)"?/) {
			$subcur = plain($1);
			next;
		}
		push @{$sec{$cur}}, $l if defined $cur;
		push @{$sub{$subcur}}, $l if defined $subcur && $cur eq 'METHODS';
	}
	return (\%sec, \%sub);
}

# The items of a list of lines: each ".TP" starts one, whose first line is
# its tag; an item runs to the next .TP, .PP, .SS or .SH.
sub items {
	my (@lines) = @_;
	my (@items, $it, $tq);
	for my $l (@lines) {
		if ($l =~ /^\.TP/) {
			push @items, $it = { tag => undef, text => '' };
			next;
		}
		if ($l =~ /^\.TQ/) {    # another tag for the same item
			$tq = 1;
			next;
		}
		if ($tq && $it) {
			$it->{tag} .= "\n$l";
			$tq = 0;
			next;
		}
		if ($l =~ /^\.(PP|SS|SH)/) {
			undef $it;
			next;
		}
		next unless $it;
		if (!defined $it->{tag}) {
			$it->{tag} = $l;
			next;
		}
		# A font macro's arguments alternate fonts: drop its quotes.
		$l =~ s/"//g if $l =~ s/^\.(?:B|I|BR|RB|BI|IB|IR|RI)\s+//;
		$it->{text} .= ' ' . $l;
	}
	for (@items) {
		$_->{text} = plain($_->{text});
		$_->{text} =~ s/\s+/ /g;
		$_->{text} =~ s/^ //;
	}
	return @items;
}

my $readme = do { local $/; open(my $fh, '<', 'README.md') or die; <$fh> };
my ($methods_table) = $readme =~ /^## Methods and citations\n(.*?)^## /ms;
$methods_table //= '';

for my $page (sort glob('bin/disp-*.1')) {
	my ($tool) = $page =~ m{bin/(disp-[a-z]+)\.1$};
	my ($sec, $sub) = sections($page);
	my $synopsis = plain(join(' ', @{$sec->{SYNOPSIS} // []}));
	my @opt_items = items(@{$sec->{OPTIONS} // []});
	my $help = `$bindir/$tool --help`;
	ok($? == 0, "$tool --help exits 0");
	my %seen;
	for my $l (split /\n/, $help) {
		next unless $l =~ /^  (?:-(\w), )?\s*--([a-z][a-z-]*)/;
		my ($short, $long) = ($1, $2);
		next if $seen{$long}++;
		my $in_syn = $synopsis =~ /--\Q$long\E\b/ ||
			     (defined $short && $synopsis =~ /(^|[\s\[|])-\Q$short\E\b/);
		ok($in_syn, "$tool: --$long is in the SYNOPSIS of $page")
			unless $long eq 'help' || $long eq 'version';
		# One item, or one per form (-e COL and -e COL=VALUE).
		my @it = grep { plain($_->{tag} // '') =~ /--\Q$long\E\b/ } @opt_items;
		ok(@it >= 1, "$tool: --$long has an item in OPTIONS of $page");
	}

	my $list = `$bindir/$tool --methods 2>/dev/null`;
	next unless $? == 0 && $list ne '';
	my @rows = split /\n/, $list;
	my @head = Csv::fields(shift @rows);
	ok(join(',', @head) eq 'kind,option,person_time,method,default,limit,help,citation',
	   "$tool --methods header");
	for my $row (@rows) {
		my %m;
		@m{@head} = Csv::fields($row);
		my $what = "$tool $m{option}" . ($m{person_time} ? ' with -x' : '') . " $m{method}";
		my @sub = @{$sub->{$m{kind}} // []};
		ok(@sub > 0, "$what: METHODS has a subsection '$m{kind}'");
		my @it = grep { plain($_->{tag} // '') eq ".B $m{method}" } items(@sub);
		ok(@it == 1, "$what: one item in '$m{kind}'", scalar(@it) . " items");
		next unless @it == 1;
		my $text = $it[0]{text};
		ok(index($text, $m{citation}) >= 0, "$what: the item cites the method table's citation",
		   "table: $m{citation}", "page:  $text");
		ok($m{limit} eq '' || index($text, $m{limit}) >= 0, "$what: the item states the limit '$m{limit}'")
			if $m{limit} ne '';
		my ($oi) = grep { plain($_->{tag} // '') =~ /(^|\s)--\Q@{[substr $m{option}, 2]}\E\b/ } @opt_items;
		ok(($oi && $oi->{text} =~ /(?:^|[\s,(])\Q$m{method}\E(?:[\s,.;)]|$)/) ? 1 : 0,
		   "$what: named in the OPTIONS item of $m{option}");
		# The README's row is the option the kind's title names (a
		# filter may choose the method by another option).
		my ($titled) = $m{kind} =~ /\((?:-x, )?(--[a-z-]+)\)/;
		my $row_opt = $m{person_time} ? '-x COL' : $titled // $m{option};
		my ($readme_row) = $methods_table =~ /^\| `\Q$row_opt\E` \|(.*)$/m;
		ok((defined $readme_row && $readme_row =~ /`\Q$m{method}\E`/) ? 1 : 0,
		   "$what: README's methods table names it in the row of $row_opt");
	}
}
print "1..$n\n";
exit($failed ? 1 : 0);
