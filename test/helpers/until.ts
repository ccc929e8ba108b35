// Waiting for an effect that announces itself with no event (a log line, a row in a store):
// checked every 10 ms, so a test waits only as long as the effect takes, and fails saying
// what never happened instead of passing or failing on a guessed sleep.
export async function until(ok: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
