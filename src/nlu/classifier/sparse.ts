/** Sparse rows and row-major sparse matrices (CSR) over typed arrays. */

/** A reusable sparse row: entries 0..length-1 of indices/values. */
export class SparseRow {
  indices = new Int32Array(256);
  values = new Float32Array(256);
  length = 0;

  /** Makes room for `capacity` entries (the contents are not kept). */
  reserve(capacity: number): void {
    if (capacity <= this.indices.length) return;
    let size = this.indices.length;
    while (size < capacity) size *= 2;
    this.indices = new Int32Array(size);
    this.values = new Float32Array(size);
  }
}

/**
 * A matrix of sparse rows, each followed by a block of dense columns (the word vector part, which
 * most rows have): columns denseStart..denseStart+denseColumns-1 of row r are
 * dense[r * denseColumns ..] × denseScale[r], kept apart so the solver reads them without an
 * index per entry, and quantised to 8 bits per row (a tenth of the memory of index and value;
 * the word vectors they average are 8-bit already).
 */
export interface SparseMatrix {
  rows: number;
  columns: number;
  /** rowStart[r]..rowStart[r+1] are the sparse entries of row r (all columns below denseStart). */
  rowStart: Int32Array;
  indices: Int32Array;
  values: Float32Array;
  /** First dense column (= columns - denseColumns). */
  denseStart: number;
  /** 0 = no dense block. */
  denseColumns: number;
  /** rows × denseColumns, row-major, each row quantised: its value d is dense[r * denseColumns + d] × denseScale[r]. */
  dense: Int8Array;
  denseScale: Float32Array;
}

/** Row r of a matrix as column → value (dense zeros left out). */
export function matrixRow(matrix: SparseMatrix, r: number): Map<number, number> {
  const row = new Map<number, number>();
  for (let k = matrix.rowStart[r] as number; k < (matrix.rowStart[r + 1] as number); k++) row.set(matrix.indices[k] as number, matrix.values[k] as number);
  for (let d = 0; d < matrix.denseColumns; d++) {
    const value = (matrix.dense[r * matrix.denseColumns + d] as number) * (matrix.denseScale[r] as number);
    if (value !== 0) row.set(matrix.denseStart + d, value);
  }
  return row;
}

/** Quantises values[from, from + n) to 8 bits into out[at, at + n); returns the scale (value ≈ out × scale; 0 if all zero). */
export function quantizeInto(values: ArrayLike<number>, from: number, n: number, out: Int8Array, at: number): number {
  let max = 0;
  for (let d = 0; d < n; d++) max = Math.max(max, Math.abs(values[from + d] as number));
  if (max === 0) return 0;
  const scale = max / 127;
  for (let d = 0; d < n; d++) out[at + d] = Math.round((values[from + d] as number) / scale);
  return scale;
}
