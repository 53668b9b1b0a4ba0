export let a = "original";
