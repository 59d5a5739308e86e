// One Jest run for every test: unit, component (jsdom), integration against a real SQLite file AND a
// real PostgreSQL database, and end-to-end in Debian's Chromium against the built app.
import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

const moduleNameMapper = {
  "^@/(.*)$": "<rootDir>/$1",
  // `server-only` throws outside Next's server bundle; in tests server modules are simply modules.
  "^server-only$": "<rootDir>/__tests__/setup/empty-module.js",
  // Prisma Client 7 imports .mjs runtime files Jest cannot load; the .js twins are equivalent.
  "^@prisma/client/runtime/(query_compiler_.*)\\.mjs$": "<rootDir>/node_modules/@prisma/client/runtime/$1.js",
};

// Packages published as ES modules only, which Jest (CommonJS) needs compiled like our own code.
const ESM_PACKAGES = ["next-intl", "use-intl", "icu-minify", "@formatjs", "intl-messageformat", "@schummar", "jose"];

async function project(config) {
  const resolved = await createJestConfig({ moduleNameMapper, ...config })();
  return {
    ...resolved,
    transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join("|")})/)`, "^.+\\.module\\.(css|sass|scss)$"],
    modulePathIgnorePatterns: ["<rootDir>/.next", "<rootDir>/.next-e2e"],
  };
}

const integration = (provider) => ({
  displayName: `integration-${provider}`,
  testEnvironment: "node",
  testMatch: ["<rootDir>/__tests__/integration/**/*.test.ts"],
  globalSetup: `<rootDir>/__tests__/setup/${provider}-global-setup.ts`,
  globalTeardown: `<rootDir>/__tests__/setup/${provider}-global-teardown.ts`,
  setupFiles: ["<rootDir>/__tests__/setup/test-env.ts"],
  setupFilesAfterEnv: [`<rootDir>/__tests__/setup/${provider}-database.ts`],
});

export default async function config() {
  return {
    projects: await Promise.all([
      project({
        displayName: "unit",
        testEnvironment: "node",
        testMatch: ["<rootDir>/__tests__/unit/**/*.test.ts"],
      }),
      project({
        displayName: "components",
        testEnvironment: "jsdom",
        testMatch: ["<rootDir>/__tests__/components/**/*.test.tsx"],
        setupFilesAfterEnv: ["<rootDir>/__tests__/setup/components.ts"],
      }),
      project(integration("sqlite")),
      project(integration("postgres")),
      project({
        displayName: "e2e",
        testEnvironment: "node",
        testMatch: ["<rootDir>/e2e/**/*.test.ts"],
        globalSetup: "<rootDir>/e2e/setup/global-setup.ts",
        globalTeardown: "<rootDir>/e2e/setup/global-teardown.ts",
        setupFiles: ["<rootDir>/__tests__/setup/test-env.ts"],
      }),
    ]),
    testTimeout: 30_000,
  };
}
