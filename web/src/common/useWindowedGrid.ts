/**
 * Which items of a long list or grid are in view, so that 500 agent cards
 * or a queue of thousands render a few dozen elements. Items have one
 * fixed height; the list scrolls inside its own container; rows outside
 * the window are stood in for by padding.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';

export interface GridWindow {
  /** Index of the first item rendered. */
  start: number;
  /** One past the last item rendered. */
  end: number;
  columns: number;
  padTop: number;
  padBottom: number;
}

export interface GridLayout {
  /** Height of a row of items, gap included. */
  rowHeight: number;
  /** Narrowest a column may be, gap included; absent for a one-column list. */
  minColumnWidth?: number;
  /** Rows rendered beyond each edge of the view. */
  overscanRows?: number;
}

export function useWindowedGrid(
  container: RefObject<HTMLElement | null>,
  count: number,
  layout: GridLayout,
): GridWindow {
  const [view, setView] = useState({ top: 0, height: 800, width: 800 });

  const measure = useCallback(() => {
    const el = container.current;
    if (!el) return;
    const next = {
      top: el.scrollTop,
      height: el.clientHeight || 800,
      width: el.clientWidth || 800,
    };
    setView((v) =>
      v.top === next.top && v.height === next.height && v.width === next.width ? v : next,
    );
  }, [container]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, [container, measure]);

  const { rowHeight, minColumnWidth, overscanRows = 4 } = layout;
  const columns = minColumnWidth ? Math.max(1, Math.floor(view.width / minColumnWidth)) : 1;
  const rows = Math.ceil(count / columns);
  const firstRow = Math.max(0, Math.floor(view.top / rowHeight) - overscanRows);
  const lastRow = Math.min(rows, Math.ceil((view.top + view.height) / rowHeight) + overscanRows);
  return {
    start: firstRow * columns,
    end: Math.min(count, lastRow * columns),
    columns,
    padTop: firstRow * rowHeight,
    padBottom: Math.max(0, (rows - lastRow) * rowHeight),
  };
}
