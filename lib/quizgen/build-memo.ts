// Answers kept for one build only: a long document asks the taggers (compromise, jieba) about the
// same stretch of words several times (a figure's own words, then its clause), and the answers
// are the same each time. The memo lives while `withBuildMemo` runs; outside it nothing is kept.
let memos: Map<string, Map<string, unknown>> | null = null;

/** Runs one build with its own memos (a nested call shares the outer build's). */
export function withBuildMemo<T>(run: () => T): T {
  const outer = memos;
  memos = outer ?? new Map();
  try {
    return run();
  } finally {
    memos = outer;
  }
}

/** The value for `key` in the memo `name` of the running build, computed once; outside a build, computed afresh. */
export function buildMemo<V>(name: string, key: string, compute: () => V): V {
  if (!memos) return compute();
  let memo = memos.get(name) as Map<string, V> | undefined;
  if (!memo) memos.set(name, (memo = new Map()));
  const known = memo.get(key); // one look-up of the (often long) key when it is there
  if (known !== undefined || memo.has(key)) return known as V;
  const value = compute();
  memo.set(key, value);
  return value;
}
