import LinearAlgebra

/// Walks a batch of images a core's worth at a time: the work that cannot split one image
/// across cores (preprocessing, embedding) runs on one image per core, while the network, whose
/// layers split themselves, runs on the calling thread. Groups bound how many prepared inputs
/// are held at once.
enum ImageGroups {
    /// Calls `prepare(i)` for every i in 0..<count, `Parallel.coreCount` at a time on all cores,
    /// then `consume(start, prepared)` on the calling thread with that group's results in order.
    /// - Parameters:
    ///   - prepare: must only read shared state; `nil` results are passed on as they are.
    ///   - consume: receives the index of the group's first item and its prepared inputs.
    /// - Complexity: `count` calls of each closure's work; `count / coreCount` groups.
    static func forEach<Prepared>(count: Int, prepare: (Int) -> Prepared?, consume: (_ start: Int, _ prepared: [Prepared?]) -> Void) {
        let group = Parallel.coreCount
        var start = 0
        while start < count {
            let end = min(start + group, count)
            var prepared = [Prepared?](repeating: nil, count: end - start)
            prepared.withUnsafeMutableBufferPointer { slots in
                Parallel.forEach(iterations: end - start) { i in slots[i] = prepare(start + i) }
            }
            consume(start, prepared)
            start = end
        }
    }
}
