/// Why an image could not be read, decoded or written; every case names the file.
public enum ImagingError: Error, Sendable, Hashable {
    /// The file does not exist or cannot be read.
    case unreadable(file: String, reason: String)
    /// The bytes are not a valid image of the detected format (bad CRC, bad checksum, truncation, bad marker, …).
    case corrupt(file: String, reason: String)
    /// A valid file that uses a feature this decoder does not support.
    case unsupported(file: String, reason: String)
    /// The header claims more pixels than the configured limit; nothing was allocated.
    case tooLarge(file: String, width: Int, height: Int, limit: Int)
    /// The format could not be recognised from the file's first bytes.
    case unknownFormat(file: String)
    /// The image cannot be written in the requested format.
    case cannotEncode(file: String, reason: String)
}

extension ImagingError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): cannot read: \(reason)"
        case let .corrupt(file, reason): return "\(file): corrupt image: \(reason)"
        case let .unsupported(file, reason): return "\(file): unsupported: \(reason)"
        case let .tooLarge(file, w, h, limit):
            return "\(file): \(w)×\(h) = \(w * h) pixels exceeds the limit of \(limit) pixels"
        case let .unknownFormat(file): return "\(file): not a PNG, JPEG, PNM or BMP file"
        case let .cannotEncode(file, reason): return "\(file): cannot encode: \(reason)"
        }
    }
}
