exports.banner = (name, version) => `${name} v${version}`;
