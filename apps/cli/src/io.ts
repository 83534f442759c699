/** Where a command writes: the process's streams in the bin, buffers in tests. */
export interface Io {
  /** The directory paths are resolved against and reported relative to. */
  readonly cwd: string;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}
