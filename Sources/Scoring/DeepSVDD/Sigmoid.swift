import Foundation

/// 1 / (1 + e^−x) elementwise: the decoder's output activation for images in [0, 1].
struct Sigmoid: Sendable, Hashable {
    /// - Complexity: O(n).
    func forward(_ x: Tensor) -> Tensor {
        Tensor(shape: x.shape, values: x.values.map { 1 / (1 + Foundation.exp(-$0)) })
    }

    /// dy·y·(1 − y).
    /// - Complexity: O(n).
    func backward(_ dy: Tensor, output y: Tensor) -> Tensor {
        var dx = dy.values
        for i in dx.indices { dx[i] *= y.values[i] * (1 - y.values[i]) }
        return Tensor(shape: dy.shape, values: dx)
    }
}
