import Foundation

/// The principal angles, in radians and ascending, between the row spaces of `a` and `b`.
///
/// Rows need not be orthonormal; both sets are orthonormalised first. The sines
/// come from the eigenvalues of RᵀR with R = B − (BAᵀ)A, which stays accurate
/// for tiny angles where 1 − cos θ would cancel.
/// - Precondition: the same row length, and no more rows than that length.
/// - Complexity: O(k²·d) for k rows of length d.
public func principalAngles(_ a: Matrix<Double>, _ b: Matrix<Double>) -> [Double] {
    precondition(a.columns == b.columns, "subspaces live in different dimensions")
    let d = a.columns
    var qa = a.elements
    var qb = b.elements
    orthonormalizeRows(&qa, count: a.rows, length: d)
    orthonormalizeRows(&qb, count: b.rows, length: d)
    let qaM = Matrix(rows: a.rows, columns: d, elements: qa)
    let qbM = Matrix(rows: b.rows, columns: d, elements: qb)
    // Residual of B's rows after projecting onto A's row space.
    let coefficients = Matrix.product(qbM, qaM, transposeB: true)
    var residual = qbM
    let projection = coefficients * qaM
    for i in 0..<residual.elements.count { residual.elements[i] -= projection.elements[i] }
    let gram = Matrix.product(residual, residual, transposeB: true)
    let sines = ((try? SymmetricEigen(gram))?.values ?? []).map { max($0, 0).squareRoot() }
    return sines.map { asin(min($0, 1)) }.sorted()
}
