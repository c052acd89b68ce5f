// Next calls register() once per server process and waits for it before serving requests.
export async function register() {
  // NEXT_RUNTIME is a build-time constant Next injects; the Edge bundle drops this branch.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { boot } = await import('./lib/boot');
    await boot();
  }
}
