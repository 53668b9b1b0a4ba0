export function run(settings) {
	return `a1 ${settings.greeting}`;
}

import.meta.hot?.accept();
