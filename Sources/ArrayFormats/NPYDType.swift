/// A `.npy` element type such as `<f4`: a kind, a byte size and a byte order.
public struct NPYDType: Sendable, Hashable, CustomStringConvertible {
    /// The family of an element type, NumPy's one-letter type code.
    public enum Kind: Character, Sendable, Hashable {
        case bool = "b"
        case signed = "i"
        case unsigned = "u"
        case float = "f"
    }

    /// The element family.
    public var kind: Kind
    /// Bytes per element: 1, 2, 4 or 8.
    public var size: Int
    /// Whether multi-byte elements are stored most significant byte first.
    public var isBigEndian: Bool

    /// An element type; `size` is not checked, so prefer ``init(descr:)`` for file input.
    public init(kind: Kind, size: Int, isBigEndian: Bool = false) {
        self.kind = kind
        self.size = size
        self.isBigEndian = isBigEndian
    }

    /// Parses a NumPy type string such as `<f4`, `>f8`, `|u1` or `=i4`.
    ///
    /// Returns `nil` for anything this package does not decode (float16,
    /// complex, strings, structured types), so the caller can name the descr.
    public init?(descr: String) {
        let chars = Array(descr)
        guard chars.count >= 3, let kind = Kind(rawValue: chars[1]),
            chars[2...].allSatisfy({ $0.isASCII && $0.isWholeNumber }), let size = Int(String(chars[2...]))
        else { return nil }
        let order = chars[0]
        guard order == "<" || order == ">" || order == "|" || order == "=" else { return nil }
        switch kind {
        case .bool: guard size == 1 else { return nil }
        case .signed, .unsigned: guard [1, 2, 4, 8].contains(size) else { return nil }
        case .float: guard size == 4 || size == 8 else { return nil }
        }
        // `=` means native order, which is little-endian on every platform Swift targets here;
        // `|` means byte order is irrelevant (single bytes).
        self.init(kind: kind, size: size, isBigEndian: order == ">" && size > 1)
    }

    /// The NumPy type string, e.g. `<f4`; single-byte types use `|` as NumPy does.
    public var descr: String {
        let order = size == 1 ? "|" : (isBigEndian ? ">" : "<")
        return "\(order)\(kind.rawValue)\(size)"
    }

    public var description: String { descr }
}
