/**
 * Boot steps each run in their own task, so no single one blocks input for long on a slow
 * phone, and the static first screen (index.html) paints before any of them.
 */

/** Resolves in a new task, after pending input and rendering had their turn. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves in a task after the next frame has painted. A hidden page paints no frames
 * (requestAnimationFrame waits until it is shown), so there it only waits for a task.
 */
export function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') {
    return nextTask();
  }
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}
