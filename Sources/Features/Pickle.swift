/// A decoded pickle: its result and the objects it refers to.
public struct Pickle: Sendable {
    /// The value STOP returned.
    public let root: PickleValue
    /// The tuples, lists and dicts that values refer to by index.
    public let heap: [PickleObject]
    /// Offset just past the STOP opcode.
    public let end: Int

    /// The items of a tuple value, or `nil` for anything else.
    /// - Complexity: O(1); the array is shared, not copied.
    public func tuple(_ value: PickleValue) -> [PickleValue]? {
        guard case .tuple(let i) = value, heap.indices.contains(i), case .tuple(let items) = heap[i] else { return nil }
        return items
    }

    /// The items of a list value, or `nil` for anything else.
    /// - Complexity: O(1); the array is shared, not copied.
    public func list(_ value: PickleValue) -> [PickleValue]? {
        guard case .list(let i) = value, heap.indices.contains(i), case .list(let items) = heap[i] else { return nil }
        return items
    }

    /// The ordered entries of a dict value, or `nil` for anything else.
    /// - Complexity: O(1); the arrays are shared, not copied.
    public func dict(_ value: PickleValue) -> (keys: [PickleValue], values: [PickleValue])? {
        guard case .dict(let i) = value, heap.indices.contains(i), case .dict(let keys, let values) = heap[i] else { return nil }
        return (keys, values)
    }
}
