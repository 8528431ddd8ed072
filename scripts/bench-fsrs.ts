// npm run bench:fsrs [learners] [days]: does fitting FSRS parameters to a learner's own log predict
// that learner better than the defaults, and does it recover the learner's real memory parameters?
//
// A seeded population of simulated learners (lib/review/simulate.ts: each has known FSRS-6
// parameters and reviews with this app's scheduler) produces review logs. Each log is replayed in
// time order as the FSRS benchmark does (time-series split): its predictions are cut into 5 folds by
// time, and for each of folds 2–5 parameters are fitted on everything before the fold and both the
// defaults and the fitted set predict the fold. Prints log loss and RMSE (bins) (fsrs-rs's own
// evaluation) for defaults, fitted and the learner's true parameters (the floor), and how far the
// recall predicted by defaults and by the fitted set lies from the recall the true parameters predict.
// Asserts nothing. decisions/0036.
import { DEFAULT_PARAMETERS, evaluate, fitParameters, historiesOf, predictedRecall, targetsOf, type Metrics, type Target } from "@/lib/review/fit";
import { seededRandom, simulatedParameters, simulateLearner } from "@/lib/review/simulate";

const LEARNERS = Number(process.argv[2] ?? 8);
const DAYS = Number(process.argv[3] ?? 120);
const NEW_PER_DAY = 10;
const FOLDS = 5;

type Sum = { logLoss: number; rmse: number; n: number };
const blank = (): Sum => ({ logLoss: 0, rmse: 0, n: 0 });
const add = (s: Sum, m: Metrics) => {
  s.logLoss += m.logLoss * m.count;
  s.rmse += m.rmseBins * m.count;
  s.n += m.count;
};
const fmt = (x: number, d = 4) => x.toFixed(d);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

const totals = { defaults: blank(), fitted: blank(), truth: blank() };
const gaps = { defaults: [] as number[], fitted: [] as number[] };
const rows: string[] = [];
const population = seededRandom(20261202);
let fitMs = 0;
let fits = 0;

for (let l = 0; l < LEARNERS; l++) {
  const truth = simulatedParameters(population);
  const log = simulateLearner(truth, { seed: 1000 + l, days: DAYS, newPerDay: NEW_PER_DAY });
  const targets = targetsOf(historiesOf(log));
  const learner = { defaults: blank(), fitted: blank(), truth: blank() };
  let last: number[] = [];
  let lastFold: Target[] = [];
  for (let k = 1; k < FOLDS; k++) {
    const train = targets.slice(0, Math.floor((targets.length * k) / FOLDS));
    const test = targets.slice(train.length, Math.floor((targets.length * (k + 1)) / FOLDS));
    const started = performance.now();
    const fitted = await fitParameters(train);
    fitMs += performance.now() - started;
    fits++;
    for (const [name, params] of [["defaults", null], ["fitted", fitted], ["truth", truth]] as const) {
      const m = evaluate(params, test);
      add(learner[name], m);
      add(totals[name], m);
    }
    last = fitted;
    lastFold = test;
  }
  for (const t of lastFold) {
    const real = predictedRecall(truth, t);
    gaps.defaults.push(Math.abs(predictedRecall(DEFAULT_PARAMETERS, t) - real));
    gaps.fitted.push(Math.abs(predictedRecall(last, t) - real));
  }
  const ll = (s: Sum) => fmt(s.logLoss / s.n);
  rows.push(
    `${String(l + 1).padStart(2)} ${String(log.length).padStart(6)} ${ll(learner.defaults)} ${ll(learner.fitted)} ${ll(learner.truth)}   ` +
      `w0-3 ${truth.slice(0, 4).map((x) => fmt(x, 2)).join("/")} → ${last.slice(0, 4).map((x) => fmt(x, 2)).join("/")}   w20 ${fmt(truth[20], 3)} → ${fmt(last[20], 3)}`,
  );
}

console.log(`FSRS fitting on ${LEARNERS} simulated learners, ${DAYS} days, ${NEW_PER_DAY} new cards a day (time-series split, ${FOLDS} folds)\n`);
console.log(" # reviews  LL def  LL fit  LL true   true → fitted (last fold's fit; defaults w0-3 " + DEFAULT_PARAMETERS.slice(0, 4).map((x) => fmt(x, 2)).join("/") + ", w20 " + fmt(DEFAULT_PARAMETERS[20], 3) + ")");
for (const r of rows) console.log(r);
const avg = (s: Sum) => `${fmt(s.logLoss / s.n)}   ${fmt(s.rmse / s.n)}`;
console.log(`\n              log loss  RMSE(bins)   (${totals.defaults.n} predictions)`);
console.log(`defaults      ${avg(totals.defaults)}`);
console.log(`fitted        ${avg(totals.fitted)}`);
console.log(`true params   ${avg(totals.truth)}`);
console.log(`fitted/defaults: log loss ×${fmt(totals.fitted.logLoss / totals.defaults.logLoss, 3)}, RMSE(bins) ×${fmt(totals.fitted.rmse / totals.defaults.rmse, 3)}`);
console.log(`\nRecovery: mean |R(model) − R(true parameters)| on the last fold: defaults ${fmt(mean(gaps.defaults))}, fitted ${fmt(mean(gaps.fitted))} (×${fmt(mean(gaps.fitted) / mean(gaps.defaults), 3)})`);
console.log(`Fitting time: ${fmt(fitMs / fits / 1000, 2)} s a fit on average`);
