// npm run seed:load: a realistic load data set (1,000 students in 20 classes, every lesson assigned,
// 3 finished attempts per student and lesson) on the configured database, for benchmarks and demos.
import { loadDataSet } from "./lib/load-data";

const started = performance.now();
const classes = await loadDataSet();
console.log(`seed:load: ${classes.length} classes with their students, attempts and answers in ${Math.round((performance.now() - started) / 1000)} s`);
