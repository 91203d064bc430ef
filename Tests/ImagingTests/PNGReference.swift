import Foundation
import Imaging

/// Helpers for comparing decodes with PngSuite's JSON references.
enum PNGReference {
    /// The flat integer array of a reference file: `[r, g, b, a, ...]`.
    ///
    /// A tiny parser for exactly this shape: brackets, commas, whitespace and
    /// non-negative integers; anything else is a malformed reference.
    static func numbers(at url: URL) -> [Int]? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        var numbers: [Int] = []
        numbers.reserveCapacity(data.count / 4)
        var current: Int?
        for byte in data {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                current = (current ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09:
                if let value = current { numbers.append(value) }
                current = nil
            default:
                return nil
            }
        }
        if let value = current { numbers.append(value) }
        return numbers
    }

    /// The image's samples as RGBA, the layout of the references (grey is repeated, missing alpha is opaque).
    static func rgba(_ image: Image) -> [Int] {
        let samples: [Int]
        let opaque: Int
        switch image.samples {
        case .uint8(let values):
            samples = values.map(Int.init)
            opaque = 255
        case .uint16(let values):
            samples = values.map(Int.init)
            opaque = 65535
        }
        var result: [Int] = []
        result.reserveCapacity(image.pixelCount * 4)
        for pixel in 0..<image.pixelCount {
            let p = pixel * image.channels
            switch image.channels {
            case 1: result += [samples[p], samples[p], samples[p], opaque]
            case 2: result += [samples[p], samples[p], samples[p], samples[p + 1]]
            case 3: result += [samples[p], samples[p + 1], samples[p + 2], opaque]
            default: result += samples[p..<(p + 4)]
            }
        }
        return result
    }
}
