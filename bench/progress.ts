// Progress goes to stderr so that `--json` leaves exactly one JSON object on stdout.
export function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
