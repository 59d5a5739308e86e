// Lint: Next's recommended rules (core web vitals, React, hooks, accessibility), typescript-eslint's
// recommended rules, and the layers of docs/decisions/009-layers.md, file by file.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** Who may not import whom: each layer knows only those below it (decision 009). */
const layerZones = [
  { target: "./lib/mail", from: ["./lib/data", "./lib/jobs", "./lib/actions"], message: "lib/mail sits below lib/data and lib/jobs." },
  { target: "./lib/data", from: "./lib/mail", except: ["./queue.ts"], message: "lib/data reaches mail only through lib/mail/queue." },
  { target: "./lib/data", from: ["./lib/jobs", "./lib/actions"], message: "lib/data sits below lib/jobs and lib/actions." },
  {
    target: ["./lib/db", "./lib/db.ts"],
    from: ["./lib/data", "./lib/mail", "./lib/jobs", "./lib/actions"],
    message: "lib/db is the bottom layer.",
  },
  { target: "./lib/jobs", from: "./lib/actions", message: "lib/jobs sits below lib/actions." },
  { target: "./lib", from: ["./app", "./components"], message: "lib sits below pages and components." },
  { target: "./components", from: "./app", message: "components sit below pages." },
];

const config = [
  { ignores: [".next*/**", "lib/generated/**", "node_modules/**", "data/**", "coverage/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // The files eslint-config-next registers its plugins for.
    files: ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
    rules: {
      "import/no-restricted-paths": ["error", { zones: layerZones }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      // Dialogs load what they show when they open (a server action called from an effect, with a
      // loading state first), as does the password strength meter: decision 013 says why this is off.
      "react-hooks/set-state-in-effect": "off",
    },
  },
  {
    // Components call actions; they may name the types of what an action returns (defined in lib/data),
    // never import values from the layers below.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/data/*", "@/lib/db", "@/lib/db/*", "@/lib/mail/*", "@/lib/jobs/*", "@prisma/*", "@/lib/generated/*"],
              allowTypeImports: true,
              message: "Components call actions (lib/actions), never the data, mail or database layers.",
            },
          ],
        },
      ],
    },
  },
  {
    // Node scripts and configuration files written in CommonJS.
    files: ["**/*.cjs", "next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];

export default config;
