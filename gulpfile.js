const fs = require('node:fs');
const path = require('node:path');
const {
	generateCatalog,
	writeCatalog,
	specPathFromEnv,
	DEFAULT_OUT,
} = require('./scripts/catalog/generate.cjs');

async function generate() {
	const spec = specPathFromEnv();
	if (!fs.existsSync(spec)) {
		console.log(
			`generate: ${spec} not found, using the committed catalog in ${path.relative(__dirname, DEFAULT_OUT)}`,
		);
		return;
	}
	const files = await generateCatalog(spec);
	await writeCatalog(files, DEFAULT_OUT);
	console.log(`generate: wrote ${files.size} catalog files from ${path.relative(__dirname, spec)}`);
}

exports.generate = generate;
