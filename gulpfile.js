const { generateAll } = require('./scripts/catalog/generate.cjs');

/** The field catalog of every backend whose spec is present (scripts/catalog/backends/). */
async function generate() {
	await generateAll((line) => console.log(`generate: ${line}`));
}

exports.generate = generate;
