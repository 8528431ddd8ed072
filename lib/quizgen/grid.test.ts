import Decimal from "decimal.js";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { divideByPowerOfTen, naturalGrid, snapToGrid, toFixedDecimal } from "./grid";

// The digit arithmetic of grid.ts must give exactly what decimal.js gives (the bank must not change
// when it is used instead): compared on the edge cases and on seeded random values of every size.
function values(): number[] {
  const random = seedrandom("grid");
  const out = [0, -0, 0.5, -0.5, 1.5, 2.5, 0.05, 0.15, -0.04, 0.004, 1.005, 9.995, 99.5, 999.95, -999.95, 0.1 + 0.2, 1e-7, 1e21, 123456789012345680000, 2022, 2000, 1542002];
  for (let i = 0; i < 5_000; i++) {
    const decimals = Math.floor(random() * 5);
    const magnitude = 10 ** Math.floor(random() * 14 - 5);
    let v = Number(((random() - 0.2) * magnitude).toFixed(decimals + Math.floor(random() * 3)));
    if (random() < 0.1) v = (v / (1 + Math.floor(random() * 3))) * (random() < 0.5 ? 1.3 : 2.5);
    out.push(v);
  }
  return out;
}

const reference = {
  snap: (v: number, grid: number) => new Decimal(v).div(grid).round().times(grid).toNumber(),
  natural: (v: number, decimals: number) => {
    let grid = new Decimal(10).pow(-decimals);
    const exact = new Decimal(v);
    if (exact.isZero()) return grid.toNumber();
    while (grid.lt(1000) && exact.mod(grid.times(10)).isZero()) grid = grid.times(10);
    return grid.toNumber();
  },
};

describe("grid arithmetic on digits", () => {
  const all = values();
  it("rounds to a grid as decimal.js does", () => {
    const wrong = all.flatMap((v) => [1e-4, 0.001, 0.01, 0.1, 1, 10, 100, 1000].filter((g) => !Object.is(snapToGrid(v, g), reference.snap(v, g))).map((g) => `${v} on ${g}`));
    expect(wrong).toEqual([]);
  });
  it("finds the natural grid as decimal.js does", () => {
    const wrong = all.flatMap((v) => [0, 1, 2, 3, 4].filter((d) => !Object.is(naturalGrid(v, d), reference.natural(v, d))).map((d) => `${v} with ${d} decimals`));
    expect(wrong).toEqual([]);
  });
  it("writes fixed decimals and divides by powers of ten as decimal.js does", () => {
    const fixed = all.flatMap((v) => [0, 1, 2, 3, 4].filter((d) => toFixedDecimal(v, d) !== new Decimal(v).toFixed(d)).map((d) => `${v}.toFixed(${d})`));
    const divided = all.flatMap((v) => [1, 10, 1e3, 1e4, 1e6, 1e8, 1e9, 1e12].filter((f) => !Object.is(divideByPowerOfTen(v, f), new Decimal(v).div(f).toNumber())).map((f) => `${v} / ${f}`));
    expect([...fixed, ...divided]).toEqual([]);
  });
  it("reads the examples of its documentation", () => {
    expect([naturalGrid(3, 2), naturalGrid(3.22, 2), naturalGrid(2000, 0)]).toEqual([1, 0.01, 1000]);
    expect([snapToGrid(12.34, 0.1), snapToGrid(0.05, 0.1), snapToGrid(7, 10)]).toEqual([12.3, 0.1, 10]);
    expect([toFixedDecimal(1.005, 2), toFixedDecimal(-0.04, 1), divideByPowerOfTen(2973.7, 1e8)]).toEqual(["1.01", "-0.0", 2.9737e-5]);
  });
});
