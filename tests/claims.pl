#!/usr/bin/perl
# disp-check against the claims fixtures (TAP): every fixtures/claims/*.csv
# (with -c NAME-counts.csv where that exists) must give, claim by claim,
# the verdict in its `expect` column, and where the file has
# expect_needed_lo/hi (generated.csv), a `needed` range from exactly those
# events.  The expectations come from tests/refs/claims_ref.py, an exact
# rational implementation of disp-check(1) independent of the C code, and,
# for the real claims, from the working in each row's `why`.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Csv;

my $bin = ($ENV{B} // '') . 'bin';
my ($n, $failed) = (0, 0);
for my $file (sort glob('fixtures/claims/*.csv')) {
	next if $file =~ /-counts\.csv$/;
	(my $counts = $file) =~ s/\.csv$/-counts.csv/;
	my @c = -f $counts ? ('-c', $counts) : ();
	open(my $fh, '-|', "$bin/disp-check", @c, $file) or die "$file: $!";
	my $h = <$fh> // '';
	chomp $h;
	my @head = Csv::fields($h);
	my ($rows, @bad) = (0);
	while (my $line = <$fh>) {
		chomp $line;
		my %r;
		@r{@head} = Csv::fields($line);
		$rows++;
		my @why;
		push @why, "verdict $r{verdict}, want $r{expect}" if $r{verdict} ne $r{expect};
		if (exists $r{expect_needed_lo}) {
			my @ev = map { (my $v = $_) =~ s/,//g; $v } $r{needed} =~ /(\d[\d,]*)/g;
			my ($lo, $hi) = @ev ? ((sort { $a <=> $b } @ev)[0, -1]) : ('', '');
			push @why, "needed '$r{needed}', want $r{expect_needed_lo}-$r{expect_needed_hi}"
				if $lo ne $r{expect_needed_lo} || $hi ne $r{expect_needed_hi};
		}
		push @bad, "$r{id}: " . join('; ', @why) . " ($r{reason})" if @why;
	}
	close $fh;
	my $status = $? >> 8;
	$n++;
	my $ok = !@bad && $rows > 0 && ($status == 0 || $status == 1);
	print $ok ? 'ok' : 'not ok', " $n - $file: $rows claims as expected (exit $status)\n";
	next if $ok;
	$failed++;
	print "#   $_\n" for @bad[0 .. ($#bad < 9 ? $#bad : 9)];
}
print "1..$n\n";
exit($failed ? 1 : 0);
