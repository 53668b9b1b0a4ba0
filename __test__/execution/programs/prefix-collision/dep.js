const $hot1$ = "dep's $hot1$";
export { $hot1$ as $hot$imports };
