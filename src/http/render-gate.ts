/**
 * At most `limit` renders at once in this process; one more is refused at once rather than queued:
 * laying out a long PDF holds the one event loop, so a few parallel prints would stall every other
 * request. The refused caller answers 503 and the person prints again in a moment.
 */
export function renderGate(limit: number) {
  let running = 0;
  return {
    async run<T>(render: () => Promise<T>): Promise<{ readonly ran: true; readonly value: T } | { readonly ran: false }> {
      if (running >= limit) return { ran: false };
      running++;
      try {
        return { ran: true, value: await render() };
      } finally {
        running--;
      }
    },
  };
}
