// Configuration every test process shares; database URLs are set per test file by the database setups.
process.env.AUTH_SECRET ??= "test-secret-that-is-long-enough-for-next-auth";
process.env.APP_URL ??= "http://localhost:3000";
