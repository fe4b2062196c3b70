/**
 * Under jsdom, typed arrays made by Node internals (undici's request body chunks, TextEncoder) are
 * from another realm than the global `Uint8Array`, so server code that checks
 * `chunk instanceof Uint8Array` skips them and sees an empty body. This wrapper re-sends a string
 * body as a stream of chunks built with the global constructor, so the real server reads it as it
 * does under Node. (The server-side fix is `ArrayBuffer.isView(chunk)`; this keeps component tests
 * independent of it.) A `Blob` body (an uploaded `File`) is jsdom's own class, which Node's fetch
 * cannot read: it is re-sent the same way, from its bytes.
 */
export function jsdomSafeFetch(realFetch: typeof fetch): typeof fetch {
  return (input, init) => {
    const sent = init?.body;
    if (typeof sent !== 'string' && !(sent instanceof Blob)) return realFetch(input, init);
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        const bytes = typeof sent === 'string' ? new TextEncoder().encode(sent) : await blobBytes(sent);
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    });
    // `duplex` is required by fetch for stream bodies but missing from the DOM RequestInit type.
    const streamed: RequestInit & { duplex: 'half' } = { ...init, body, duplex: 'half' };
    return realFetch(input, streamed);
  };
}

/** jsdom's Blob has no `arrayBuffer()` in every version: FileReader is always there. */
function blobBytes(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      reader.result instanceof ArrayBuffer ? resolve(reader.result) : reject(new Error('unreadable blob'));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable blob'));
    reader.readAsArrayBuffer(blob);
  });
}
