// A signal for work that must not compete with the product page's first 3D frame: resolved when that frame is drawn.
let markShown: () => void = () => undefined;

/** Resolves when a product page first draws its model. */
export const firstFrameShown = new Promise<void>((resolve) => {
  markShown = resolve;
});

export function markFirstFrameShown(): void {
  markShown();
}

/** Whether this address opens on a product's 3D view, whose first frame should come before deferrable work. */
export function opensOnFirstFrame(pathname: string): boolean {
  return /^\/products\/[^/]+\/?$/.test(pathname);
}
