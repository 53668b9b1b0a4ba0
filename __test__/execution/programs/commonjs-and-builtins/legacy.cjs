exports.named = "named export";
exports.other = 2;
