// `dynohot/register`: `node --import dynohot/register main.js` turns hot reloading on with the
// default options.

import { register } from "./activate.js";

register();
