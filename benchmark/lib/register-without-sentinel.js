// dynohot with the side-effect sentinel off (`register({ sentinel: false })`), for the rows that
// measure what the sentinel costs (benchmark/README.md).

import { register } from "../../dist/index.js";

register({ sentinel: false });
