// After the last test file (jest's globalTeardown): stops the PostgreSQL server the global
// setup started, and removes its folder.
export default async function globalTeardown() {
  await globalThis.respbotPostgres?.stop();
}
