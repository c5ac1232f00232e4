// DuckDB's side of the counting benchmark (tests/bench/count.sh): rows and
// the sum of `flag` by ethnicity, read_csv and GROUP BY on 2 threads,
// through the @duckdb/node-api package installed under MODULES.  Prints
// ethnicity,n,s; appends the seconds the query took (without node's
// start-up and the module's loading) to TIMES.
// Usage: node duckdb.cjs MODULES FILE TIMES
'use strict';
const fs = require('fs');
const path = require('path');
const [modules, file, times] = process.argv.slice(2);
const { DuckDBInstance } = require(path.resolve(modules, '@duckdb/node-api'));

(async () => {
	const t0 = process.hrtime.bigint();
	const db = await DuckDBInstance.create(':memory:', { threads: '2' });
	const conn = await db.connect();
	const quoted = "'" + file.replace(/'/g, "''") + "'";
	const reader = await conn.runAndReadAll(
		'SELECT ethnicity, count(*) AS n, sum(flag) AS s FROM read_csv(' +
		quoted + ', header = true) GROUP BY ethnicity');
	const rows = reader.getRows();
	const t1 = process.hrtime.bigint();
	process.stdout.write('ethnicity,n,s\n' +
		rows.map((r) => r.map(String).join(',')).join('\n') + '\n');
	fs.appendFileSync(times, (Number(t1 - t0) / 1e9).toFixed(3) + '\n');
})().catch((e) => {
	console.error('duckdb.cjs: ' + e.message);
	process.exit(1);
});
