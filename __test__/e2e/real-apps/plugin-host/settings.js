import defaults from "./settings.json" with { type: "json" };

export const settings = { ...defaults, loadedAt: "start-up" };
