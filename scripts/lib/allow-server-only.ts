// Scripts run the server modules directly, outside Next.js: there is no client bundle for the
// `server-only` guard to protect, so it is replaced by an empty module before anything imports it.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "package.json"));
const resolved = require.resolve("server-only");
require.cache[resolved] = { id: resolved, filename: resolved, loaded: true, exports: {} } as NodeJS.Module;
