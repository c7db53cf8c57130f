/** Minimal server-sent-events reader for tests (what EventSource does, over fetch). */
export interface SseMessage {
  event: string | null;
  data: string;
  comment: boolean;
}

export class SseReader {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(readonly res: Response) {
    if (!res.body) throw new Error('no body');
    this.reader = res.body.getReader();
  }

  /** The next message (comments included), or null when the stream ended. */
  async next(): Promise<SseMessage | null> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        let event: string | null = null;
        const data: string[] = [];
        let comment = false;
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) comment = true;
          else if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
        }
        if (event === null && data.length === 0 && !comment) continue; // e.g. "retry:"
        return { event, data: data.join('\n'), comment };
      }
      const { done, value } = await this.reader.read();
      if (done) return null;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** The next `version` event's version (skipping heartbeats), or null at the end. */
  async nextVersion(): Promise<number | null> {
    for (;;) {
      const m = await this.next();
      if (m === null) return null;
      if (m.event === 'version') return (JSON.parse(m.data) as { version: number }).version;
    }
  }

  async close(): Promise<void> {
    await this.reader.cancel().catch(() => {});
  }
}
