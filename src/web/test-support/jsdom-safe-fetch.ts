/**
 * Under jsdom, typed arrays made by Node internals (undici's request body chunks, TextEncoder) are
 * from another realm than the global `Uint8Array`, so server code that checks
 * `chunk instanceof Uint8Array` skips them and sees an empty body. This wrapper re-sends a string
 * body as a stream of chunks built with the global constructor, so the real server reads it as it
 * does under Node. (The server-side fix is `ArrayBuffer.isView(chunk)`; this keeps component tests
 * independent of it.)
 */
export function jsdomSafeFetch(realFetch: typeof fetch): typeof fetch {
  return (input, init) => {
    if (typeof init?.body !== 'string') return realFetch(input, init);
    const chunk = new Uint8Array(new TextEncoder().encode(init.body));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.close();
      },
    });
    // `duplex` is required by fetch for stream bodies but missing from the DOM RequestInit type.
    const streamed: RequestInit & { duplex: 'half' } = { ...init, body, duplex: 'half' };
    return realFetch(input, streamed);
  };
}
