import { csvRow } from './cells';

/** A CSV file as a stream: the header (after a BOM), then each batch `nextBatch` returns, until it returns null. */
export function streamCsv(header: readonly string[], nextBatch: () => Promise<string[] | null>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          // A BOM so spreadsheet programs read the file as UTF-8.
          controller.enqueue(encoder.encode(`\uFEFF${csvRow(header)}`));
          return;
        }
        const lines = await nextBatch();
        if (lines === null) controller.close();
        else controller.enqueue(encoder.encode(lines.join('')));
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
