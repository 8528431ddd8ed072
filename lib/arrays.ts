/**
 * Appends every item of `items` to `target`, one by one. `target.push(...items)` passes each item as
 * a function argument, and past about 100,000 of them V8 throws "RangeError: Maximum call stack
 * size exceeded" (a 20 MB document did); a loop has no such limit. ESLint forbids the spread form.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
