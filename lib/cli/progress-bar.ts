/** `label [#########           ]  45 %` for a fraction between 0 and 1. */
export function formatBar(label: string, fraction: number, width = 30): string {
  const clamped = Math.min(1, Math.max(0, fraction));
  // Floor: the bar never claims more than is done.
  const filled = Math.floor(clamped * width);
  return `${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${String(Math.floor(clamped * 100)).padStart(3)} %`;
}

/**
 * A progress bar on a terminal, redrawn in place at most ten times a second;
 * in a log only every 10 % step gets a line, so CI output stays short.
 */
export function createProgressBar(stream: NodeJS.WriteStream, label: string) {
  let lastDraw = 0;
  let lastStep = -1;
  const draw = (fraction: number) => {
    if (stream.isTTY) stream.write(`\r\x1b[K${formatBar(label, fraction)}`);
    else stream.write(`${formatBar(label, fraction)}\n`);
  };
  return {
    update(fraction: number) {
      const now = Date.now();
      const step = Math.floor(fraction * 10);
      if (stream.isTTY ? now - lastDraw < 100 : step === lastStep) return;
      lastDraw = now;
      lastStep = step;
      draw(fraction);
    },
    done() {
      if (stream.isTTY) stream.write(`\r\x1b[K${formatBar(label, 1)}\n`);
      else if (lastStep < 10) draw(1);
    },
  };
}
