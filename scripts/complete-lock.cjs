#!/usr/bin/env node
/**
 * The npm registry mirror on our build machines does not serve other platforms' optional
 * binaries (unrs-resolver's @unrs/resolver-binding-*), so npm writes a lock without them and
 * `npm ci` then refuses it ("Missing: … from lock file"). This adds each missing optional
 * platform package with its os/cpu/libc from its name; npm skips them on other platforms and
 * fetches them by name where they apply. Run it after regenerating package-lock.json:
 *   node scripts/complete-lock.cjs
 */
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const packages = lock.packages;

function platformOf(name) {
	const match = /resolver-binding-([a-z0-9]+)-([a-z0-9]+)(?:-(\w+))?$/.exec(name);
	if (!match) return undefined;
	const [, os, cpu, abi = ''] = match;
	const meta = { cpu: [cpu], os: [os] };
	if (os === 'linux') meta.libc = [abi.startsWith('musl') ? 'musl' : 'glibc'];
	return meta;
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
	for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
		const key = `node_modules/${name}`;
		if (packages[key] || packages[`${location}/${key}`]) continue;
		const platform = platformOf(name);
		if (!platform) continue;
		packages[key] = {
			version,
			cpu: platform.cpu,
			dev: entry.dev,
			...(platform.libc ? { libc: platform.libc } : {}),
			license: 'MIT',
			optional: true,
			os: platform.os,
		};
		added++;
	}
}
lock.packages = Object.fromEntries(
	Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))),
);
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lock: added ${added} optional platform package(s)`);
