// TypeScript wants `.cjs` in imports between `.cts` files; point jest at the `.cts` source.
const fs = require('node:fs');
const path = require('node:path');

module.exports = (request, options) => {
	if (request.startsWith('.') && request.endsWith('.cjs')) {
		const source = path.resolve(options.basedir, request.replace(/\.cjs$/, '.cts'));
		if (fs.existsSync(source)) return source;
	}
	return options.defaultResolver(request, options);
};
