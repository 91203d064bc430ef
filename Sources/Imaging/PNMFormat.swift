/// The six Netpbm formats: bitmap, greymap and pixmap, each in plain (ASCII) or raw (binary) form.
public enum PNMFormat: Int, Sendable, Hashable, CaseIterable {
    case plainBitmap = 1, plainGreymap, plainPixmap, rawBitmap, rawGreymap, rawPixmap

    /// The two-byte magic number, "P1" … "P6".
    public var magic: String { "P\(rawValue)" }

    /// 1 for bitmaps and greymaps, 3 for pixmaps.
    public var channels: Int {
        switch self {
        case .plainPixmap, .rawPixmap: return 3
        default: return 1
        }
    }

    /// Whether samples are ASCII decimal numbers (P1–P3) rather than bytes.
    public var isPlain: Bool { rawValue <= 3 }

    /// Whether this is a 1-bit format (P1, P4), which has no maxval.
    public var isBitmap: Bool { self == .plainBitmap || self == .rawBitmap }

    /// Recognises a magic number from the first two bytes.
    init?(magic first: UInt8, _ second: UInt8) {
        guard first == UInt8(ascii: "P"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(second) else { return nil }
        self.init(rawValue: Int(second - UInt8(ascii: "0")))
    }
}
