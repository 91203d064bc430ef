import Dispatch

// The layers around the matrix products (im2col, batch norm, activations, pooling) are
// memory-bound loops. Left on one core they take about a third of a convolutional epoch
// while the other core idles, so they split their outer loop across cores here.
// Each iteration writes its own slice of the output, so results do not depend on scheduling.

/// Runs `body(i)` for every i in 0..<count, across cores when `elements` (the total work) is large.
/// - Precondition: iterations write disjoint memory.
/// - Complexity: the sum of the iterations' costs.
func parallelLoop(_ count: Int, elements: Int, _ body: (Int) -> Void) {
    guard count > 1, elements >= 1 << 16 else {
        for i in 0..<count { body(i) }
        return
    }
    withoutActuallyEscaping(body) { body in
        let task = UncheckedSendableLoopBody(body: body)
        DispatchQueue.concurrentPerform(iterations: count) { task.body($0) }
    }
}

/// Lets a loop body that writes disjoint memory through raw pointers cross into `concurrentPerform`.
private struct UncheckedSendableLoopBody: @unchecked Sendable {
    let body: (Int) -> Void
}

