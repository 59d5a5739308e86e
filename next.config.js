// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: {
    // Messages are compiled when the app is built, so the browser does not download an ICU parser.
    messages: { path: "./messages", format: "json", locales: ["fr", "en"], sourceLocale: "fr", precompile: true },
  },
});

// Sent with every answer, pages and files alike. The Content-Security-Policy is set per request by
// proxy.ts, with a nonce (lib/csp.ts).
const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  poweredByHeader: false,
  // The build type-checks the app; tests are type-checked by `npm run typecheck` (tsconfig.json).
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // Native and wasm modules stay in node_modules instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "pg"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with HTTP 403 for pages a staff member may not open.
    authInterrupts: true,
  },
  // bench:bundle builds with browser source maps, to tell what each chunk holds.
  productionBrowserSourceMaps: process.env.NEXT_BROWSER_SOURCE_MAPS === "1",
  // Each build can write to its own folder (the e2e tests build into .next-e2e).
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

module.exports = withNextIntl(nextConfig);
