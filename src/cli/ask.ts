export async function runAsk(_args: string[]): Promise<number> {
  throw new Error('ask: not built yet');
}
