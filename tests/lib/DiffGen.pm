# DiffGen.pm - random inputs for disp-count, for tests/diffcount, each with
# what disp-count must print for it.
#
# A case is drawn in two layers.  draw() picks a logical table (header
# names, rows of values), the options, how each field and line end is
# written (quoting, CRLF, LF, lone CR, blank lines, a byte-order mark) and
# at most one fault (a ragged row, a stray quote, a NUL, a bad flag, ...).
# render() writes the bytes, noting the line on which each record starts
# and where a fault lies.  expect() then works out stdout, stderr and the
# exit status from the logical table alone, following disp-count(1): it
# never runs disp-count, so strict and fast readers are both held to it.
# Where it cannot say (--pretty), it leaves stdout undefined.
package DiffGen;
use strict;
use warnings;

use constant MAX => 9223372036854775807;   # 2^63 - 1, exact in a Perl IV
use constant MAXTEXT => '9223372036854775807';
use constant BOM => "\xEF\xBB\xBF";

# Drawing from Perl's rand, which srand makes repeatable (drand48).
sub irand { int(rand($_[0])) }
sub chance { rand() < $_[0] }
sub pick { $_[irand(scalar @_)] }

# Values, chosen so that groups repeat and every quoting rule is needed.
my @KEYS = ('a', 'b', 'B', 'ab', '', 'x y', 'a,b', 'a;b', "t\tb", 'q"q',
	"l\nm", "c\r\nd", "e\rf", ' s', "\xC3\xA9", BOM . 'z', '0', 'White',
	'"', '""', ',', 'Black or Black British', 'Any other ethnic group', 'Mixed',
	'Asian or Asian British', 'Not stated');
my @FLAGS_OK = ('1', '0', 'true', 'false', 'yes', 'no', 'TRUE', 'False',
	'YES', 'No', 'tRuE', 'nO');
my @VALUES = ('dismissed', 'retained', 'Dismissed', '', 'a,b', 'x"y',
	"n\nl", 'x y');
my @FILL = ('', 'x', 'yes', '12', 'a b', 'p,q', 'r"s', "u\nv", "w\r\nx",
	"y\rz", "\xC3\xA9t\xC3\xA9", ' ', ';', "\t");
# Bad flags and bad counts, each with disp-count(1)'s message for it,
# written out by hand.
my @BAD_FLAGS = ('maybe', '2', '', ' 1', 'y', '1.0', 'TRUE ', '-1');
my %BAD_COUNT = (
	'-1' => 'not a non-negative integer (negative)',
	'1x' => 'not a non-negative integer',
	'' => 'not a non-negative integer (empty)',
	'1 2' => 'not a non-negative integer (spaces are not allowed)',
	'1,809' => 'not a non-negative integer (no thousands separators: write 1809, not 1,809)',
	'12.0' => 'not a non-negative integer (counts have no decimal point: write 12, not 12.0)',
	'+3' => 'not a non-negative integer',
	'9223372036854775808' => 'count too large (the limit is 2^63-1)',
	'99999999999999999999' => 'count too large (the limit is 2^63-1)',
);
my @HUGE = (MAXTEXT, '9223372036854775806', '4611686018427387904',
	'4611686018427387903', '1000000000000000000');

# Whether fields over 1 MiB may be drawn: libcsv grows a field 128 bytes
# at a time, which a sanitizer build makes take seconds.
our $HUGE = 1;

# The features a case can have; tests/diffcount counts comparisons by them.
our @FEATURES = qw(
	cols_1 cols_2 cols_3 cols_4 cols_5 cols_6 cols_7 cols_8
	two_keys event_flag event_value absent_ok flags_f weight merge merge_f
	merge_no_events tsv semicolon pretty
	quoted quoted_delim doubled_quote quoted_lf quoted_crlf quoted_cr
	eol_lf eol_crlf eol_cr eol_mixed no_final_eol blank_lines lead_blank
	bom partial_bom bom_second utf8 long_field huge_field many_rows
	empty_input header_only two_files
	ragged stray_quote after_quote unterminated nul partial_bom_quote
	bad_flag bad_weight huge_weight overflow never_matched unknown_col
	header_differs events_exceed bad_count
	valid error
);

# A fault is one of these; draw() picks one that the case's options make
# possible (a bad weight needs -w).
my @FAULTS = qw(ragged stray_quote after_quote unterminated nul
	partial_bom_quote bad_flag bad_weight overflow never_matched
	unknown_col header_differs events_exceed bad_count);

sub feature { $_[0]{features}{$_[1]} = 1 }

# A random case; %force sets fields of the draw (for the known-content
# tests): fault, delim, mode, nrows, ...
sub draw {
	my ($seed, %force) = @_;
	srand($seed);
	my $s = {seed => $seed, features => {}};
	# The fault first (about a third of the cases have one), with the
	# options it needs: a bad weight needs -w or --merge.
	my $fault = exists $force{fault} ? $force{fault} : chance(0.35) ? pick(@FAULTS) : undef;
	%force = (%{needs($fault)}, %force) if defined $fault;
	# A lone column now and then, which other roles would rule out.
	%force = (mode => 'count', event => 'none', weight => 0, ncols => 1, nkey => 1, %force)
		if !defined $fault && chance(0.04);
	my $r = rand;
	$s->{delim} = $force{delim} // ($r < 0.8 ? ',' : $r < 0.9 ? ';' : "\t");
	$s->{mode} = $force{mode} // (chance(0.2) ? (chance(0.5) ? 'merge' : 'merge_f') : 'count');
	my $ev = $force{event} // pick('none', 'flag', 'value', 'value', 'flags');
	$ev = 'none' if $s->{mode} ne 'count';
	$s->{event} = $ev;
	$s->{nkey} = $force{nkey} // (chance(0.3) ? 2 : 1);
	$s->{weight} = $force{weight} // ($s->{mode} eq 'count' && chance(0.4));
	$s->{pretty} = chance(0.04);
	$s->{nflags} = 1 + irand(3);
	$s->{has_events} = $force{has_events} // chance(0.7);   # merge: an events column
	$s->{has_total} = chance(0.7);                          # merge -f: a total column

	# Columns: the roles first, then fillers, shuffled.
	my @roles = map { "key$_" } 1 .. $s->{nkey};
	if ($s->{mode} eq 'count') {
		push @roles, 'flag' if $ev eq 'flag';
		push @roles, 'value' if $ev eq 'value';
		push @roles, map { "f$_" } 1 .. $s->{nflags} if $ev eq 'flags';
		push @roles, 'w' if $s->{weight};
	} elsif ($s->{mode} eq 'merge') {
		push @roles, 'events' if $s->{has_events};
		push @roles, 'total';
	} else {
		push @roles, map { "f$_" } 1 .. $s->{nflags};
		push @roles, 'total' if $s->{has_total};
	}
	my $ncols = $force{ncols} // 1 + irand(8);
	$ncols = @roles if $ncols < @roles;
	$ncols = 8 if $ncols > 8 && !$force{ncols};
	push @roles, "fill$_" for 1 .. $ncols - @roles;
	@roles = map { $_->[1] } sort { $a->[0] <=> $b->[0] } map { [rand, $_] } @roles
		unless $force{ordered};
	$s->{roles} = \@roles;
	my %at;
	@at{@roles} = 0 .. $#roles;
	$s->{at} = \%at;
	$s->{names} = [map { name_for($_) } @roles];

	# The alphabets of this case: a few values each, so groups repeat.
	my @ka = map { pick(@KEYS) } 1 .. 2 + irand(4);
	my @va = map { pick(@VALUES) } 1 .. 2 + irand(3);
	$s->{long} = chance(0.1);
	$s->{huge_field} = chance(0.025);
	$s->{huge} = chance(0.06);

	my $n = $force{nrows};
	unless (defined $n) {
		$r = rand;
		$n = $r < 0.03 ? 0 : $r < 0.2 ? 1 + irand(5) : $r < 0.83 ? 6 + irand(35) :
			$r < 0.975 ? 41 + irand(260) : 2000 + irand(18000);
	}
	$n = 1 + irand(10) if !$n && defined $fault && $fault !~ /^(unknown_col|partial_bom_quote|header_differs)$/;
	$s->{two} = $force{two} // chance(0.25);
	my @rows = map { row($s, \@ka, \@va) } 1 .. $n;
	my @rows2 = $s->{two} ? map { row($s, \@ka, \@va) } 1 .. irand(30) : ();
	if ($s->{long}) {
		# Fields longer than any small block: a run of x, or quotes and
		# line ends over and over.
		for (1 .. 1 + irand(3)) {
			last unless @rows;
			my $row = $rows[irand(scalar @rows)];
			my $j = irand(scalar @roles);
			next unless $roles[$j] =~ /^(key|fill)/;
			$row->[$j] = chance(0.5) ? 'x' x (201 + irand(5000)) :
				"ab,\"c\n" x (40 + irand(400));
		}
	}
	if ($s->{huge_field} && @rows) {
		# Longer than the fast reader's default block (1 MiB), where
		# $HUGE allows; else a 32 KiB one (the same draws either way).
		my @fill = grep { $roles[$_] =~ /^fill/ } 0 .. $#roles;
		my $len = 1048576 + irand(200000);
		$rows[irand(scalar @rows)][$fill[0]] = 'h' x ($HUGE ? $len : $len >> 5) if @fill;
	}
	$s->{vchoice} = $ev eq 'value' ? pick(@va) : undef;
	$s->{absent_ok} = $ev eq 'value' && chance(0.2);

	# The files: one, or two with the same header.
	my @files = (file_style($s, \@rows, 1));
	push @files, file_style($s, \@rows2, 0) if $s->{two};
	$s->{files} = \@files;
	$s->{header2} = [@{$s->{names}}];

	if (defined $fault) {
		$_->{empty} = 0 for $fault eq 'header_differs' ? @files : $files[0];
		die "DiffGen: fault $fault cannot be placed in case $seed\n" unless can_fault($s, $fault);
	}
	$s->{fault} = $fault;
	place_fault($s) if defined $fault;
	# After a partial mark the first name holds its bytes; mostly the
	# options name the column so, else they name it without them.
	my $f0 = $files[0];
	if ($f0->{bom} =~ /^\xEF(\xBB)?$/ && !$f0->{empty} && !$f0->{quote_first}
	    && $roles[0] !~ /^(events|total)$/ && chance(0.7)) {
		$s->{names}[0] = $f0->{bom} . $s->{names}[0];
		$f0->{strip_mark} = 1;
	}
	$s->{args} = args($s);
	render_file($s, $_) for 0 .. $#files;
	classify($s);
	return $s;
}

# The case's features, from its options, from what render_file wrote
# and from the outcome expect() gives.
sub classify {
	my ($s) = @_;
	my @f = @{$s->{files}};
	feature($s, 'cols_' . @{$s->{roles}});
	feature($s, 'two_keys') if $s->{nkey} == 2;
	feature($s, 'event_flag') if $s->{event} eq 'flag';
	feature($s, 'event_value') if $s->{event} eq 'value';
	feature($s, 'absent_ok') if $s->{absent_ok};
	feature($s, 'flags_f') if $s->{event} eq 'flags';
	feature($s, 'weight') if $s->{weight};
	feature($s, $s->{mode}) if $s->{mode} ne 'count';
	feature($s, 'merge_no_events') if $s->{mode} eq 'merge' && !$s->{has_events};
	feature($s, 'tsv') if $s->{delim} eq "\t";
	feature($s, 'semicolon') if $s->{delim} eq ';';
	feature($s, 'pretty') if $s->{pretty};
	feature($s, 'two_files') if @f > 1;
	feature($s, 'many_rows') if @{$f[0]{rows}} >= 2000;
	feature($s, 'bom') if grep { $_->{bom} eq BOM } @f;
	feature($s, 'bom_second') if @f > 1 && $f[1]{bom} eq BOM;
	feature($s, 'partial_bom') if grep { $_->{bom} =~ /^\xEF(\xBB)?$/ } @f;
	feature($s, 'lead_blank') if grep { $_->{lead_blank} && !$_->{empty} } @f;
	my @recs = map { @{$_->{recs}} } @f;
	feature($s, 'empty_input') unless @recs || grep { $_->{open_err} } @f;
	feature($s, 'header_only') if @recs == 1 && !grep { $_->{open_err} } @f;
	feature($s, 'utf8') if grep { (my $b = $_->{bytes}) =~ s/^\xEF\xBB\xBF//; $b =~ /[\x80-\xFF]/ } @f;
	feature($s, 'huge_weight') if grep { /\d{19}/ } map { @$_ } map { @{$_->{rows}} } @f;
	feature($s, $s->{fault}) if defined $s->{fault};
	my $e = expect($s, 'in1.csv', 'in2.csv');
	feature($s, $e->{status} ? 'error' : 'valid');
	feature($s, 'overflow') if $e->{stderr} =~ /count overflow/;
	feature($s, 'never_matched') if $e->{stderr} =~ /no row has that value/;
}

# Column names: plain, or with a space, a quote or UTF-8 (never a comma
# or '=', which -g and -e split at).
sub name_for {
	my ($role) = @_;
	my %base = (flag => 'ev', value => 'outcome', w => 'w', events => 'events',
		total => 'total');
	my $name = $base{$role} // $role;
	return $name if $role eq 'events' || $role eq 'total';
	$name =~ s/^key/g/;
	my $r = rand;
	return $r < 0.05 ? "$name x" : $r < 0.08 ? "$name\"q" : $r < 0.1 ? "$name\xC3\xA9" : $name;
}

sub row {
	my ($s, $ka, $va) = @_;
	my @v;
	for my $role (@{$s->{roles}}) {
		if ($role =~ /^key/) {
			push @v, rand() < 0.6 ? $ka->[0] : pick(@$ka);
		} elsif ($role eq 'flag' || ($role =~ /^f\d/ && $s->{mode} eq 'count')) {
			push @v, pick(@FLAGS_OK);
		} elsif ($role eq 'value') {
			push @v, pick(@$va);
		} elsif ($role eq 'w' || $role =~ /^(events|total|f\d)$/) {
			my $c = $s->{huge} && chance(0.3) ? pick(@HUGE) :
				chance(0.1) ? '00' . irand(10) : irand(chance(0.8) ? 10 : 1000);
			push @v, "$c";
		} else {
			push @v, pick(@FILL);
		}
	}
	if ($s->{mode} eq 'merge' && $s->{has_events}) {
		# Events at most the total, as counts must be.
		my ($e, $t) = @{$s->{at}}{qw(events total)};
		$v[$e] = irand(($v[$t] =~ /^0*(\d{1,9})$/ ? $1 : 1000) + 1) . '';
	}
	return \@v;
}

# How a file is written: its line ends, final line end, blank lines and
# byte-order mark.
sub file_style {
	my ($s, $rows, $first) = @_;
	my $r = rand;
	my $f = {rows => $rows};
	$f->{eol} = $r < 0.45 ? 'lf' : $r < 0.7 ? 'crlf' : $r < 0.78 ? 'cr' : 'mixed';
	$f->{final_eol} = chance(0.75);
	$f->{blank} = chance(0.15);
	$r = rand;
	$f->{bom} = $r < 0.1 ? BOM : $r < 0.14 ? substr(BOM, 0, 1 + irand(2)) : '';
	$f->{lead_blank} = $f->{bom} !~ /^\xEF(\xBB)?$/ && chance(0.05);
	$f->{empty} = chance(0.04);   # no bytes but the mark, if any
	$f->{qprob} = pick(0, 0.1, 0.3);
	return $f;
}

# What a fault needs of the options.
sub needs {
	my ($k) = @_;
	my $w = sub { chance(0.5) ? {mode => 'count', weight => 1} : {mode => pick('merge', 'merge_f')} };
	return {
		bad_flag => sub { {mode => 'count', event => pick('flag', 'flags')} },
		bad_weight => $w,
		overflow => $w,
		never_matched => sub { {mode => 'count', event => 'value'} },
		events_exceed => sub { {mode => 'merge', has_events => 1} },
		bad_count => sub { {mode => pick('merge', 'merge_f')} },
		header_differs => sub { {two => 1} },
	}->{$k}->() // {} if $k =~ /^(bad_flag|bad_weight|overflow|never_matched|events_exceed|bad_count|header_differs)$/;
	return {};
}

sub can_fault {
	my ($s, $k) = @_;
	my @rows = @{$s->{files}[0]{rows}};
	my $count = $s->{mode} eq 'count';
	my $data = !$s->{files}[0]{empty} && (@rows || ($s->{two} && !$s->{files}[1]{empty}
		&& @{$s->{files}[1]{rows}}));
	return $data if $k =~ /^(ragged|stray_quote|after_quote|unterminated|nul)$/;
	return !$s->{files}[0]{empty} if $k eq 'partial_bom_quote';
	return $data && $count && $s->{event} =~ /^(flag|flags)$/ if $k eq 'bad_flag';
	return $data && ($s->{weight} || !$count) if $k =~ /^(bad_weight|overflow)$/;
	return $data && $s->{event} eq 'value' if $k eq 'never_matched';
	return !$s->{files}[0]{empty} if $k eq 'unknown_col';
	return $s->{two} && !$s->{files}[0]{empty} && !$s->{files}[1]{empty} if $k eq 'header_differs';
	return $data && $s->{mode} eq 'merge' && $s->{has_events} if $k eq 'events_exceed';
	return $data && !$count if $k eq 'bad_count';
	return 0;
}

# A data row to spoil: in the first file where there is one.
sub some_row {
	my ($s) = @_;
	for my $fi (0 .. $#{$s->{files}}) {
		my $f = $s->{files}[$fi];
		next if $f->{empty} || !@{$f->{rows}};
		return ($fi, irand(scalar @{$f->{rows}}));
	}
	die "no row to spoil\n";
}

sub place_fault {
	my ($s) = @_;
	my $k = $s->{fault};
	my $ncols = @{$s->{roles}};
	if ($k =~ /^(ragged|stray_quote|after_quote|nul)$/) {
		my ($fi, $ri) = some_row($s);
		$s->{spoil} = {file => $fi, row => $ri, field => irand($ncols),
			kind => $k, longer => $ncols == 1 || chance(0.5)};
	} elsif ($k eq 'unterminated') {
		my ($fi) = some_row($s);
		my $f = $s->{files}[$fi];
		$s->{spoil} = {file => $fi, row => $#{$f->{rows}}, field => irand($ncols),
			kind => $k};
	} elsif ($k eq 'partial_bom_quote') {
		$s->{files}[0]{bom} = substr(BOM, 0, 1 + irand(2));
		$s->{files}[0]{lead_blank} = 0;
		$s->{files}[0]{quote_first} = 1;
	} elsif ($k eq 'bad_flag') {
		my ($fi, $ri) = some_row($s);
		my @cols = grep { $s->{roles}[$_] =~ /^(flag|f\d)$/ } 0 .. $ncols - 1;
		$s->{files}[$fi]{rows}[$ri][pick(@cols)] = pick(@BAD_FLAGS);
	} elsif ($k eq 'bad_weight' || $k eq 'bad_count') {
		my ($fi, $ri) = some_row($s);
		my @cols = grep { $s->{roles}[$_] =~ /^(w|events|total|f\d)$/ } 0 .. $ncols - 1;
		$s->{files}[$fi]{rows}[$ri][pick(@cols)] = pick(sort keys %BAD_COUNT);
	} elsif ($k eq 'overflow') {
		# Two rows of one group whose counts pass 2^63-1 together.
		my ($fi, $ri) = some_row($s);
		my $rows = $s->{files}[$fi]{rows};
		my $row = $rows->[$ri];
		my @cols = grep { $s->{roles}[$_] =~ /^(w|total|f\d)$/ } 0 .. $ncols - 1;
		my $c = pick(@cols);
		$row->[$c] = MAXTEXT;
		my @copy = @$row;
		$copy[$c] = pick('1', '5', MAXTEXT);
		if ($s->{mode} eq 'merge' && $s->{has_events}) {
			$copy[$s->{at}{events}] = chance(0.5) ? '0' : '1';
			$row->[$s->{at}{events}] = '0';
		}
		splice @$rows, $ri + 1 + irand(@$rows - $ri), 0, \@copy;
	} elsif ($k eq 'never_matched') {
		my $v = $s->{vchoice};
		$s->{vchoice} = chance(0.4) && $v =~ /[a-z]/ ? uc($v) : 'absent';
		# One that does occur, differing in case only, now and then.
		my %have = map { $_->[$s->{at}{value}] => 1 } map { @{$_->{rows}} } @{$s->{files}};
		$s->{vchoice} .= 'x' while $have{$s->{vchoice}};
	} elsif ($k eq 'unknown_col') {
		$s->{unknown} = chance(0.5) ? 'nosuch' : uc($s->{names}[0]) . 'Z';
	} elsif ($k eq 'header_differs') {
		my @h = @{$s->{names}};
		if (chance(0.5)) { $h[irand(scalar @h)] .= 'x' } else { push @h, 'extra' }
		$s->{header2_override} = \@h;
	} elsif ($k eq 'events_exceed') {
		my ($fi, $ri) = some_row($s);
		my $row = $s->{files}[$fi]{rows}[$ri];
		my ($e, $t) = @{$s->{at}}{qw(events total)};
		$row->[$t] = irand(20) . '';
		$row->[$e] = $row->[$t] + 1 + irand(5) . '';
	}
}

# The options for disp-count (without files), in a random order.
sub args {
	my ($s) = @_;
	my @g;
	my $name = sub { $s->{names}[$s->{at}{$_[0]}] };
	my @keys = map { $name->("key$_") } 1 .. $s->{nkey};
	my @fl = $s->{event} eq 'flags' || $s->{mode} eq 'merge_f' ?
		map { $name->("f$_") } 1 .. $s->{nflags} : ();
	if (defined $s->{unknown}) {
		my $which = pick('key', ($s->{event} =~ /^(flag|value)$/ ? 'e' : ()),
			($s->{event} eq 'flags' || $s->{mode} eq 'merge_f' ? 'f' : ()),
			($s->{weight} ? 'w' : ()));
		$s->{unknown_role} = $which;
		@keys = ($s->{unknown}, @keys[1 .. $#keys]) if $which eq 'key';
		$fl[irand(scalar @fl)] = $s->{unknown} if $which eq 'f';
	}
	$s->{keys} = \@keys;
	$s->{fcols} = \@fl;
	my $unk = sub { defined $s->{unknown_role} && $s->{unknown_role} eq $_[0] ? $s->{unknown} : $_[1] };
	push @g, [pick('-g', '--group'), join(',', @keys)];
	push @g, ['--merge'] if $s->{mode} ne 'count';
	if ($s->{event} eq 'flag') {
		$s->{ecol} = $unk->('e', $name->('flag'));
		push @g, [pick('-e', '--events'), $s->{ecol}];
	} elsif ($s->{event} eq 'value') {
		$s->{ecol} = $unk->('e', $name->('value'));
		push @g, [pick('-e', '--events'), "$s->{ecol}=$s->{vchoice}"];
		push @g, ['--absent-ok'] if $s->{absent_ok};
	}
	push @g, [pick('-f', '--flags'), join(',', @fl)] if @fl;
	if ($s->{weight}) {
		$s->{wcol} = $unk->('w', $name->('w'));
		push @g, [pick('-w', '--weight'), $s->{wcol}];
	}
	push @g, [pick('-t', '--tsv')] if $s->{delim} eq "\t";
	push @g, [pick('-d', '--delimiter'), ';'] if $s->{delim} eq ';';
	push @g, ['--pretty'] if $s->{pretty};
	@g = map { $_->[1] } sort { $a->[0] <=> $b->[0] } map { [rand, $_] } @g;
	# --name=value now and then, the same to getopt.
	return [map { @$_ == 2 && $_->[0] =~ /^--/ && chance(0.3) ? "$_->[0]=$_->[1]" : @$_ } @g];
}

# ---- Writing the bytes ----

# Bytes appended to a file, keeping the line number disp-count reports: a
# line ends at LF, CR LF or a lone CR (disp-count(1)).
sub emit {
	my ($w, $t) = @_;
	return unless length $t;
	my $k = () = $t =~ /\r\n|\r|\n/g;
	$k-- if substr($w->{out}, -1) eq "\r" && substr($t, 0, 1) eq "\n";   # a CRLF cut in two
	$w->{line} += $k;
	$w->{out} .= $t;
}

# A line end in the file's style; with $s, one ending a record, counted.
sub eol_of {
	my ($f, $s) = @_;
	my $e = $f->{eol};
	feature($s, 'eol_mixed') if $s && $e eq 'mixed';
	$e = pick('lf', 'crlf', 'cr') if $e eq 'mixed';
	feature($s, "eol_$e") if $s;
	return {lf => "\n", crlf => "\r\n", cr => "\r"}->{$e};
}

sub needs_quotes {
	my ($v, $d) = @_;
	return index($v, $d) >= 0 || $v =~ /["\r\n]/;
}

# One file: its records, each with the line it starts on and, for a fault
# in the bytes, the line and message disp-count gives.  Sets $f->{bytes},
# $f->{recs} and, for an unterminated quote, $f->{open_err}.
sub render_file {
	my ($s, $fi) = @_;
	my $f = $s->{files}[$fi];
	my $d = $s->{delim};
	my $w = {out => '', line => 1};
	my $partial = $f->{bom} =~ /^\xEF(\xBB)?$/;
	my $malformed = 'malformed CSV (a quote inside an unquoted field, or text after a closing quote)';
	emit($w, $f->{bom});
	my @recs;
	$f->{recs} = \@recs;
	if ($f->{empty}) {
		# Only the mark; a partial one is data, one field on line 1.
		push @recs, {line => 1, fields => [$f->{bom}]} if $partial;
		$f->{bytes} = $w->{out};
		return;
	}
	emit($w, eol_of($f)) for $f->{lead_blank} ? 1 .. 1 + irand(2) : ();
	my $header = $fi > 0 && $s->{header2_override} ? $s->{header2_override} : $s->{names};
	my @all = ($header, @{$f->{rows}});
	my $sp = $s->{spoil} && $s->{spoil}{file} == $fi ? $s->{spoil} : undef;
	for my $ri (0 .. $#all) {
		my @v = @{$all[$ri]};
		my $spoil = $sp && $sp->{row} == $ri - 1 ? $sp : undef;
		if ($spoil && $spoil->{kind} eq 'ragged') {
			if ($spoil->{longer}) { push @v, 'extra' } else { pop @v }
		}
		my $rec = {line => $w->{line}, fields => [@v]};
		for my $j (0 .. $#v) {
			emit($w, $d) if $j;
			my $x = $v[$j];
			my $q = needs_quotes($x, $d) || (@v == 1 && $x eq '') || rand() < $f->{qprob};
			if ($ri == 0 && $j == 0 && $partial) {
				# The mark's bytes are data here: the first name holds
				# them (written already when the name itself starts
				# with them), and a quote after them is a stray one.
				$x = substr($x, length $f->{bom}) if $f->{strip_mark};
				$rec->{fields}[0] = $f->{bom} . $x;
				$q = $f->{quote_first} || needs_quotes($x, $d);
				$rec->{err} = [1, $malformed] if $q;
			}
			if ($spoil && $spoil->{field} == $j && $spoil->{kind} ne 'ragged') {
				my $k = $spoil->{kind};
				if ($k eq 'stray_quote') {
					$rec->{err} = [$w->{line}, $malformed];
					emit($w, 'ab"c');
				} elsif ($k eq 'after_quote') {
					$rec->{err} = [$w->{line}, $malformed];
					emit($w, '"ab"c');
				} elsif ($k eq 'nul') {
					$rec->{err} = [$w->{line}, 'NUL byte in input'];
					emit($w, $q ? "\"n\0l\"" : "n\0l");
				} elsif ($k eq 'unterminated') {
					# The unclosed field swallows the rest of the file,
					# which holds no quote: records of this file end here.
					$f->{open_err} = [$rec->{line}, 'unterminated quoted field'];
					(my $t = $x) =~ s/"//g;
					emit($w, "\"$t" . ($f->{final_eol} ? eol_of($f) : ''));
					$f->{bytes} = $w->{out};
					return;
				}
				next;
			}
			feature($s, 'long_field') if length $x > 200;
			feature($s, 'huge_field') if length $x > 1 << 15;
			if ($q) {
				feature($s, 'quoted');
				feature($s, 'quoted_delim') if index($x, $d) >= 0;
				feature($s, 'doubled_quote') if $x =~ /"/;
				feature($s, 'quoted_crlf') if $x =~ /\r\n/;
				feature($s, 'quoted_lf') if $x =~ /(?<!\r)\n/;
				feature($s, 'quoted_cr') if $x =~ /\r(?!\n)/;
				(my $t = $x) =~ s/"/""/g;
				emit($w, "\"$t\"");
			} else {
				emit($w, $x);
			}
		}
		push @recs, $rec;
		my $last = $ri == $#all;
		if ($last && !$f->{final_eol}) {
			feature($s, 'no_final_eol');
		} else {
			emit($w, eol_of($f, $s));
		}
		if ($f->{blank} && !$last && chance(0.2)) {
			feature($s, 'blank_lines');
			emit($w, eol_of($f)) for 1 .. 1 + irand(2);
		}
	}
	$f->{bytes} = $w->{out};
}

# ---- What disp-count must print ----

# A value as disp-count shows it in a message (err_show): at most 200
# bytes, printable ASCII (backslash doubled) and valid UTF-8 as they are,
# \n \r \t, any other byte as \xHH.
sub show {
	my ($v) = @_;
	my $more = length $v > 200;
	$v = substr($v, 0, 200);
	my $o = '';
	while (length $v) {
		if ($v =~ s/^([\x20-\x7E])//) {
			$o .= $1 eq '\\' ? '\\\\' : $1;
		} elsif ($v =~ s/^([\xC2-\xDF][\x80-\xBF]|\xE0[\xA0-\xBF][\x80-\xBF]|[\xE1-\xEC\xEE\xEF][\x80-\xBF]{2}|\xED[\x80-\x9F][\x80-\xBF]|\xF0[\x90-\xBF][\x80-\xBF]{2}|[\xF1-\xF3][\x80-\xBF]{3}|\xF4[\x80-\x8F][\x80-\xBF]{2})//) {
			$o .= $1;
		} else {
			$v =~ s/^(.)//s;
			$o .= $1 eq "\n" ? '\n' : $1 eq "\r" ? '\r' : $1 eq "\t" ? '\t' : sprintf('\x%02X', ord $1);
		}
	}
	return $o . ($more ? '...' : '');
}

# A field of disp-count's CSV output.
sub out_field {
	my ($v, $d) = @_;
	return $v unless needs_quotes($v, $d) || substr($v, 0, 3) eq BOM;
	$v =~ s/"/""/g;
	return "\"$v\"";
}

sub lcase { (my $v = $_[0]) =~ tr/A-Z/a-z/; $v }

# What disp-count prints for the case, reading its files under @names
# (as disp-count names them: a path or stdin): {status, stdout, stderr};
# stdout undefined where not worked out (--pretty).
sub expect {
	my ($s, @names) = @_;
	my $r = eval { model($s, \@names) };
	return $r if $r;
	die $@ unless ref $@;
	return $@;
}

sub fail {
	my ($file, $line, $col, $msg, $value) = @_;
	my $e = "disp-count: " . show($file) . ":$line: ";
	$e .= "column '" . show($col) . "': " if defined $col;
	$e .= $msg;
	$e .= ": '" . show($value) . "'" if defined $value;
	die {status => 65, stdout => '', stderr => "$e\n"};
}

sub count_of {
	my ($file, $rec, $i, $col) = @_;
	my $v = $rec->{fields}[$i];
	if ($v =~ /^[0-9]+$/) {
		(my $t = $v) =~ s/^0+(?=.)//;
		fail($file, $rec->{line}, $col, 'count too large (the limit is 2^63-1)', $v)
			if length $t > 19 || (length $t == 19 && $t gt MAXTEXT);
		return $t + 0;
	}
	my $why = $BAD_COUNT{$v} // die "DiffGen: no message known for the count '$v'\n";
	fail($file, $rec->{line}, $col, $why, $v);
}

sub flag_of {
	my ($file, $rec, $i, $col) = @_;
	my $v = lcase($rec->{fields}[$i]);
	return 1 if $v eq '1' || $v eq 'true' || $v eq 'yes';
	return 0 if $v eq '0' || $v eq 'false' || $v eq 'no';
	fail($file, $rec->{line}, $col, 'not an event flag (1/0, true/false, yes/no)', $rec->{fields}[$i]);
}

sub model {
	my ($s, $names) = @_;
	my $d = $s->{delim};
	my $count = $s->{mode} eq 'count';
	my @fcols = @{$s->{fcols}};
	my ($ecol, $evalue) = ($s->{ecol}, $s->{event} eq 'value' ? $s->{vchoice} : undef);
	my $wcol = $s->{wcol};
	my (@header, $hfile, $hline, %at, $has_events, $has_total);
	$has_events = $count && defined $ecol;
	$has_total = 1;
	my (%g, $matched, @seen, $caseless);
	$matched = 0;

	my $find = sub {
		my @i = grep { $header[$_] eq $_[0] } 0 .. $#header;
		fail($hfile, $hline, $_[0], 'appears twice in the header (columns are chosen by name)')
			if @i > 1;
		return @i ? $i[0] : -1;
	};
	my $column = sub {
		my $i = $find->($_[0]);
		return $i if $i >= 0;
		die {status => 65, stdout => '', stderr => "disp-count: " . show($hfile) .
			":$hline: unknown column '" . show($_[0]) . "' (columns: " .
			join(', ', map { show($_) } @header) . ")\n"};
	};
	my $bind = sub {
		$at{key} = [map { $column->($_) } @{$s->{keys}}];
		$at{f} = [map { $column->($_) } @fcols];
		if (!$count && @fcols) {
			$at{total} = $find->('total');
			$has_total = $at{total} >= 0;
		} elsif (!$count) {
			$at{events} = $find->('events');
			$has_events = $at{events} >= 0;
			$at{total} = $column->('total');
		} else {
			$at{e} = $column->($ecol) if defined $ecol;
			$at{w} = $column->($wcol) if defined $wcol;
		}
	};
	my $row = sub {
		my ($file, $rec) = @_;
		my ($ev, $n, $etext, $ntext) = (0, 1, '1', '1');
		my @cv;
		my $v = $rec->{fields};
		if (!$count && @fcols) {
			@cv = map { count_of($file, $rec, $at{f}[$_], $fcols[$_]) } 0 .. $#fcols;
			if ($has_total) {
				$n = count_of($file, $rec, $at{total}, 'total');
				$ntext = $v->[$at{total}];
			} else {
				$n = 0;
			}
		} elsif (@fcols) {
			($n, $ntext) = (count_of($file, $rec, $at{w}, $wcol), $v->[$at{w}]) if defined $wcol;
			@cv = map { flag_of($file, $rec, $at{f}[$_], $fcols[$_]) ? $n : 0 } 0 .. $#fcols;
		} elsif (!$count) {
			($ev, $etext) = (count_of($file, $rec, $at{events}, 'events'), $v->[$at{events}])
				if $has_events;
			($n, $ntext) = (count_of($file, $rec, $at{total}, 'total'), $v->[$at{total}]);
			fail($file, $rec->{line}, 'events', 'events exceed total', $etext) if $ev > $n;
		} else {
			($n, $ntext) = (count_of($file, $rec, $at{w}, $wcol), $v->[$at{w}]) if defined $wcol;
			if (defined $evalue) {
				my $x = $v->[$at{e}];
				if ($x eq $evalue) {
					($ev, $etext) = ($n, $ntext);
					$matched++;
				} else {
					push @seen, $x if @seen < 5 && !grep { $_ eq $x } @seen;
					$caseless //= $x if lcase($x) eq lcase($evalue);
				}
			} elsif (defined $ecol && flag_of($file, $rec, $at{e}, $ecol)) {
				($ev, $etext) = ($n, $ntext);
			}
		}
		my @k = map { $v->[$_] } @{$at{key}};
		my $gr = $g{join "\0", @k} //= {key => \@k, events => 0, total => 0,
			count => [map { 0 } @fcols]};
		my $add = sub {
			my ($sum, $x, $col, $text) = @_;
			fail($file, $rec->{line}, $col, "count overflow: the group's sum passes 2^63-1", $text)
				if $$sum > MAX - $x;
			$$sum += $x;
		};
		$add->(\$gr->{count}[$_], $cv[$_], $count ? $wcol : $fcols[$_],
			$count ? $ntext : $v->[$at{f}[$_]]) for 0 .. $#fcols;
		$add->(\$gr->{events}, $ev, $count ? $wcol : 'events', $etext);
		$add->(\$gr->{total}, $n, $count ? $wcol : 'total', $ntext);
	};

	for my $fi (0 .. $#{$s->{files}}) {
		my $f = $s->{files}[$fi];
		my $file = $names->[$fi];
		my $seen_header = 0;
		for my $rec (@{$f->{recs}}) {
			fail($file, $rec->{err}[0], undef, $rec->{err}[1]) if $rec->{err};
			my $nf = @{$rec->{fields}};
			if (!$seen_header) {
				$seen_header = 1;
				if (!defined $hfile) {
					($hfile, $hline, @header) = ($file, $rec->{line}, @{$rec->{fields}});
					$bind->();
				} elsif ($nf != @header || grep { $rec->{fields}[$_] ne $header[$_] } 0 .. $nf - 1) {
					fail($file, $rec->{line}, undef, 'header differs from that of', $hfile);
				}
				next;
			}
			fail($file, $rec->{line}, undef, sprintf('expected %d fields as in the header, found %d',
				scalar @header, $nf)) if $nf != @header;
			$row->($file, $rec);
		}
		fail($file, $f->{open_err}[0], undef, $f->{open_err}[1]) if $f->{open_err};
	}
	if (defined $evalue && !$matched && %g && !$s->{absent_ok}) {
		my $e = "disp-count: -e " . show($ecol) . '=' . show($evalue) .
			": no row has that value in column '" . show($ecol) . "'";
		$e .= "; did you mean '" . show($caseless) . "'?" if defined $caseless;
		$e .= ' (values seen: ' . join(', ', map { "'" . show($_) . "'" } @seen) .
			(@seen == 5 ? ', ...)' : ')') if @seen;
		return {status => 65, stdout => '', stderr => "$e; --absent-ok allows it\n"};
	}
	return {status => 0, stdout => undef, stderr => ''} if $s->{pretty};
	my $events = !@fcols && $has_events;
	my @cols = (@{$s->{keys}}, $events ? 'events' : (), @fcols, $has_total ? 'total' : ());
	my $out = join($d, map { out_field($_, $d) } @cols) . "\n";
	my $cmp = sub {
		my ($x, $y) = @_;
		for my $i (0 .. $#$x) {
			my $c = $x->[$i] cmp $y->[$i];
			return $c if $c;
		}
		return 0;
	};
	for my $gr (sort { $cmp->($a->{key}, $b->{key}) } values %g) {
		$out .= join($d, (map { out_field($_, $d) } @{$gr->{key}}),
			($events ? $gr->{events} : ()), @{$gr->{count}},
			($has_total ? $gr->{total} : ())) . "\n";
	}
	return {status => 0, stdout => $out, stderr => ''};
}

1;
