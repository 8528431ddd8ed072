import { createRequire } from "node:module";

/**
 * The FSRS optimizer (fsrs-rs, compiled by napi-rs) loaded from its Linux x64 package directly.
 * The `@open-spaced-repetition/binding` loader package is not used: it names one optional package
 * per platform, and the registry this project installs from serves only the Linux x64 one, so a lock
 * file with the loader cannot pass `npm ci` (decisions/0036). These declarations are the part of the
 * package's own index.d.ts (0.5.0) this project uses.
 */
export interface BindingReview {
  readonly rating: number;
  readonly deltaT: number;
}
export interface BindingItem {
  readonly reviews: BindingReview[];
}
export interface ModelEvaluation {
  logLoss: number;
  rmseBins: number;
}
export interface FsrsBinding {
  FSRSBindingReview: new (rating: number, deltaT: number) => BindingReview;
  FSRSBindingItem: new (reviews: BindingReview[]) => BindingItem;
  FSRSBinding: new (parameters?: number[]) => { evaluate(items: BindingItem[]): ModelEvaluation };
  computeParameters(items: BindingItem[], options?: { enableShortTerm: boolean; numRelearningSteps?: number; timeout?: number }): Promise<number[]>;
}

export const BINDING_PACKAGE = "@open-spaced-repetition/binding-linux-x64-gnu";

let loaded: FsrsBinding | null = null;

/** The binding, loaded on first use; throws on a platform without it (fitting is then unavailable). */
export function fsrsBinding(): FsrsBinding {
  if (!loaded) {
    if (process.platform !== "linux" || process.arch !== "x64") throw new Error(`The FSRS optimizer is only installed for Linux x64 (this is ${process.platform} ${process.arch}).`);
    loaded = createRequire(import.meta.url)(BINDING_PACKAGE) as FsrsBinding;
  }
  return loaded;
}
