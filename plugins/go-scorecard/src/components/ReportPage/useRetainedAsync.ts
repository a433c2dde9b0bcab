import { DependencyList, useRef } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';

/** What {@link useRetainedAsync} gives. */
export interface RetainedAsync<T> {
  /** The latest value loaded, kept while a new one loads (and after it fails). */
  value?: T;
  /** True while a value loads. */
  loading: boolean;
  /** Why the latest load failed. */
  error?: Error;
  /** Loads again (the error state's Retry). */
  retry: () => void;
}

/**
 * `useAsyncRetry` that keeps the last value while new dependencies load, so what is on
 * screen stays (marked as updating) instead of vanishing at every filter change.
 */
export function useRetainedAsync<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): RetainedAsync<T> {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useAsyncRetry(load, deps);
  const last = useRef<T>();
  if (state.value !== undefined) last.current = state.value;
  return {
    value: state.value ?? last.current,
    loading: state.loading,
    error: state.error,
    retry: state.retry,
  };
}
