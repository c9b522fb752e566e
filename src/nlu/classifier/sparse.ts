/** Sparse vectors and row-major sparse matrices (CSR) over typed arrays. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export interface SparseMatrix {
  rows: number;
  columns: number;
  /** rowStart[r]..rowStart[r+1] are the entries of row r. */
  rowStart: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

export function stackRows(rows: SparseVector[], columns: number): SparseMatrix {
  let nnz = 0;
  for (const row of rows) nnz += row.indices.length;
  const rowStart = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  let at = 0;
  rows.forEach((row, r) => {
    rowStart[r] = at;
    indices.set(row.indices, at);
    values.set(row.values, at);
    at += row.indices.length;
  });
  rowStart[rows.length] = at;
  return { rows: rows.length, columns, rowStart, indices, values };
}
