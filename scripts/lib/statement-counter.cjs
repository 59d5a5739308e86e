// Preloaded (NODE_OPTIONS=--require) into a server that bench:load starts only to count SQL
// statements, never into the app itself. Each HTTP request runs in its own AsyncLocalStorage store;
// better-sqlite3's prepare (the SQLite adapter prepares every statement it sends) and pg's
// Client#query count into the store of the request that caused them, so the mail worker's polling is
// left out; each answered request appends "<method> <url> <status> <statements>" to SESAME_STATEMENT_LOG
// (with SESAME_STATEMENT_SQL=1, followed by each statement's text on its own indented line).
const { AsyncLocalStorage } = require("node:async_hooks");
const { appendFileSync } = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const file = process.env.SESAME_STATEMENT_LOG;
const isNextServer = process.argv.some((arg) => arg.endsWith(path.join("next", "dist", "bin", "next")));

if (file && isNextServer) {
  const requests = new AsyncLocalStorage();
  const withSql = process.env.SESAME_STATEMENT_SQL === "1";
  const count = (sql) => {
    const current = requests.getStore();
    if (!current) return;
    current.statements += 1;
    if (withSql)
      current.sql.push(
        `  ${String(typeof sql === "object" ? sql?.text : sql)
          .replace(/\s+/g, " ")
          .slice(0, 300)}`,
      );
  };
  const fromApp = (name) => require(require.resolve(name, { paths: [process.cwd()] }));
  const counted = (prototype, method) => {
    const original = prototype[method];
    prototype[method] = function (...args) {
      count(args[0]);
      return original.apply(this, args);
    };
  };
  counted(fromApp("better-sqlite3").prototype, "prepare");
  counted(fromApp("pg").Client.prototype, "query");

  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, request, response) {
    if (event !== "request") return emit.apply(this, arguments);
    const current = { statements: 0, sql: [] };
    response.on("finish", () =>
      appendFileSync(
        file,
        [`${request.method} ${request.url} ${response.statusCode} ${current.statements}`, ...current.sql, ""].join("\n"),
      ),
    );
    return requests.run(current, () => emit.apply(this, arguments));
  };
}
