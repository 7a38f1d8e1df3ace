/** FileIterator / FolderIterator: a snapshot of the matching ids taken when the iterator is made. */
import type { Env } from '../core/env';
import { gasObject } from '../core/gasObject';
import { ITERATOR_END } from './context';

class IteratorImpl<T> {
  private i = 0;
  constructor(
    private readonly env: Env,
    private readonly items: Array<() => T>,
  ) {}
  hasNext(): boolean {
    return this.i < this.items.length;
  }
  next(): T {
    if (this.i >= this.items.length) throw this.env.error(ITERATOR_END);
    return this.items[this.i++]();
  }
}

/** `items` are made lazily, one per next(). getContinuationToken is not implemented. */
export function iteratorOf<T>(env: Env, className: 'FileIterator' | 'FolderIterator', items: Array<() => T>) {
  return gasObject(env, `Drive.${className}`, new IteratorImpl(env, items));
}
