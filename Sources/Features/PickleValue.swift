/// A value on a pickle machine's stack.
///
/// Deliberately flat: tuples, lists and dicts are references into the
/// ``Pickle`` heap, so no value nests inside another. That keeps hashing,
/// comparing and freeing free of recursion, which a hostile file could
/// otherwise drive millions of levels deep; and it gives lists and dicts
/// Python's sharing semantics when the memo hands the same object out twice.
public enum PickleValue: Sendable, Hashable {
    case none
    case bool(Bool)
    case int(Int)
    /// An integer too wide for `Int`: little-endian two's-complement bytes, as LONG1 stores them.
    case bigInt([UInt8])
    case string(String)
    /// Index of a tuple in ``Pickle/heap``.
    case tuple(Int)
    /// Index of a list in ``Pickle/heap``.
    case list(Int)
    /// Index of a dict (plain or ordered) in ``Pickle/heap``.
    case dict(Int)
    /// One of the allowed globals, not yet called.
    case global(PickleGlobal)
    /// A tensor storage named by a persistent id.
    case storage(TorchStorageReference)
    /// A tensor built by `_rebuild_tensor_v2`: a view into a storage.
    case tensor(TorchTensorReference)
}

/// A tuple, list or dict made by a pickle.
public enum PickleObject: Sendable, Hashable {
    case tuple([PickleValue])
    case list([PickleValue])
    /// Insertion-ordered, as both `dict` and `OrderedDict` are.
    case dict(keys: [PickleValue], values: [PickleValue])
}
