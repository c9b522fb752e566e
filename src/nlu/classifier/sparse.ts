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

export interface SparseMatrix {
  rows: number;
  columns: number;
  /** rowStart[r]..rowStart[r+1] are the entries of row r. */
  rowStart: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}
