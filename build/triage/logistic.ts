/**
 * L2-regularised logistic regression over sparse rows, fitted by L-BFGS. Written here (60 lines) rather than taken
 * from npm because the packages there are dense-matrix or stochastic; this one is deterministic to the last bit
 * (no random order, a fixed stopping rule), which is what lets a test check the shipped weights.
 */

/** One sparse row: feature indices and values. */
export interface SparseRow {
  idx: Int32Array;
  val: Float64Array;
}

export interface LogisticOptions {
  /** L2 penalty on the weights (not the bias), per example. */
  l2: number;
  /** Extra weight of positive examples (1 = none). */
  positiveWeight?: number;
  maxIterations?: number;
  /** logistic (the model) or squared hinge (a linear SVM, as liblinear's default; the TF-IDF baseline). */
  loss?: 'logistic' | 'squared-hinge';
}

export interface LogisticModel {
  weights: Float64Array;
  bias: number;
}

/** Fits weights and a bias to rows with 0/1 labels and optional per-row weights. */
export function trainLogistic(rows: readonly SparseRow[], labels: ArrayLike<number>, dim: number, options: LogisticOptions, rowWeights?: ArrayLike<number>): LogisticModel {
  const n = rows.length;
  const posWeight = options.positiveWeight ?? 1;
  const sw = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sw[i] = (rowWeights ? rowWeights[i]! : 1) * (labels[i] === 1 ? posWeight : 1);
    total += sw[i]!;
  }
  for (let i = 0; i < n; i++) sw[i]! /= total;
  const hinge = options.loss === 'squared-hinge';
  // Parameters: dim weights, then the bias.
  const objective = (p: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    const b = p[dim]!;
    for (let i = 0; i < n; i++) {
      const { idx, val } = rows[i]!;
      let z = b;
      for (let k = 0; k < idx.length; k++) z += p[idx[k]!]! * val[k]!;
      const y = labels[i]!;
      const m = y === 1 ? z : -z;
      let g: number;
      if (hinge) {
        const slack = Math.max(0, 1 - m);
        loss += sw[i]! * slack * slack;
        g = sw[i]! * -2 * slack * (y === 1 ? 1 : -1);
      } else {
        // log(1 + e^-m), computed stably.
        loss += sw[i]! * (m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m)));
        g = sw[i]! * (1 / (1 + Math.exp(-z)) - y);
      }
      for (let k = 0; k < idx.length; k++) grad[idx[k]!]! += g * val[k]!;
      grad[dim]! += g;
    }
    for (let j = 0; j < dim; j++) {
      loss += 0.5 * options.l2 * p[j]! * p[j]!;
      grad[j]! += options.l2 * p[j]!;
    }
    return loss;
  };
  const p = lbfgs(objective, new Float64Array(dim + 1), options.maxIterations ?? 300);
  return { weights: p.slice(0, dim), bias: p[dim]! };
}

/** Minimises f by L-BFGS (memory 8) with a backtracking line search; stops on a tiny gradient or step. */
function lbfgs(f: (p: Float64Array, g: Float64Array) => number, x0: Float64Array, maxIterations: number): Float64Array {
  const dim = x0.length;
  const memory = 8;
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  let x = x0;
  let g = new Float64Array(dim);
  let fx = f(x, g);
  const dot = (a: Float64Array, b: Float64Array): number => {
    let t = 0;
    for (let i = 0; i < dim; i++) t += a[i]! * b[i]!;
    return t;
  };
  for (let iter = 0; iter < maxIterations; iter++) {
    if (Math.sqrt(dot(g, g)) < 1e-7) break;
    // Two-loop recursion: d = −H g.
    const d = Float64Array.from(g, (v) => -v);
    const alpha: number[] = [];
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k]! * dot(s[k]!, d);
      for (let i = 0; i < dim; i++) d[i]! -= alpha[k]! * y[k]![i]!;
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last]!, y[last]!) / dot(y[last]!, y[last]!);
      for (let i = 0; i < dim; i++) d[i]! *= gamma;
    }
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k]! * dot(y[k]!, d);
      for (let i = 0; i < dim; i++) d[i]! += s[k]![i]! * (alpha[k]! - beta);
    }
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction: restart from steepest descent.
      s.length = 0;
      y.length = 0;
      rho.length = 0;
      for (let i = 0; i < dim; i++) d[i] = -g[i]!;
      slope = dot(g, d);
    }
    let step = iter === 0 && s.length === 0 ? 1 / Math.max(1, Math.sqrt(dot(g, g))) : 1;
    const xNew = new Float64Array(dim);
    const gNew = new Float64Array(dim);
    let fNew = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < dim; i++) xNew[i] = x[i]! + step * d[i]!;
      fNew = f(xNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < fx)) break;
    const sk = new Float64Array(dim);
    const yk = new Float64Array(dim);
    for (let i = 0; i < dim; i++) {
      sk[i] = xNew[i]! - x[i]!;
      yk[i] = gNew[i]! - g[i]!;
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
      if (s.length > memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
    }
    const improvement = fx - fNew;
    x = xNew;
    g = gNew;
    fx = fNew;
    if (improvement < 1e-10 * Math.max(1, Math.abs(fx))) break;
  }
  return x;
}
