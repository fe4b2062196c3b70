/**
 * Runs `callback` once the browser has painted the current frame: a timeout queued from an animation
 * frame callback runs after that frame is drawn. For work that must not hold back a frame the user is
 * waiting for (the saved state) but should follow it closely. Without animation frames (jsdom, a
 * hidden tab that never paints) a plain timeout stands in.
 */
export function afterNextPaint(callback: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') {
    setTimeout(callback, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(callback, 0));
}
