/**
 * The few browser globals that in-page checks touch, typed by hand: this
 * folder is compiled with the engine's tsconfig, which has no DOM library.
 * Callbacks passed to `page.evaluate` are sent as source, so they reach
 * the globals through `globalThis` themselves; only these types are shared.
 */
export interface PageNode {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageNode | null;
  querySelectorAll(selector: string): ArrayLike<PageNode>;
}

export interface PageGlobals {
  document: PageNode;
  longestTaskMs: number;
  PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => {
    observe(options: { type: string }): void;
  };
}
