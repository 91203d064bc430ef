/// Parses the payloads of header markers (the bytes after the 2-byte length), checking them as libjpeg does.
enum JPEGHeaderParser {
    /// SOF0/1/2. The pixel limit is checked here, before anything is allocated.
    static func frame(_ p: [UInt8], process: JPEGProcess, maxPixels: Int, file: String) throws(ImagingError) -> JPEGFrame {
        guard p.count >= 6 else { throw .corrupt(file: file, reason: "bogus SOF marker length") }
        let precision = Int(p[0])
        let height = Int(p[1]) << 8 | Int(p[2])
        let width = Int(p[3]) << 8 | Int(p[4])
        let count = Int(p[5])
        guard p.count == 6 + 3 * count else { throw .corrupt(file: file, reason: "bogus SOF marker length") }
        guard precision == 8 else {
            throw .unsupported(file: file, reason: "\(precision)-bit JPEG samples (only 8-bit is supported)")
        }
        guard width > 0, height > 0, count > 0 else {
            throw .corrupt(file: file, reason: "empty JPEG image (DNL not supported)")
        }
        guard width * height <= maxPixels else {
            throw .tooLarge(file: file, width: width, height: height, limit: maxPixels)
        }
        guard width <= 65500, height <= 65500 else {
            throw .unsupported(file: file, reason: "image dimension above 65500 pixels")
        }
        guard count == 1 || count == 3 || count == 4 else {
            throw .unsupported(file: file, reason: "\(count) colour components (1, 3 or 4 are supported)")
        }
        var components: [JPEGComponent] = []
        for i in 0..<count {
            let b = 6 + 3 * i
            let h = Int(p[b + 1] >> 4)
            let v = Int(p[b + 1] & 15)
            guard (1...4).contains(h), (1...4).contains(v) else {
                throw .corrupt(file: file, reason: "bogus sampling factors")
            }
            components.append(JPEGComponent(id: p[b], horizontalSampling: h, verticalSampling: v, quantTableIndex: Int(p[b + 2])))
        }
        return JPEGFrame(process: process, width: width, height: height, components: components)
    }

    /// SOS, with component selectors resolved against the frame.
    static func scan(_ p: [UInt8], frame: JPEGFrame, file: String) throws(ImagingError) -> JPEGScanHeader {
        guard let first = p.first, (1...4).contains(Int(first)), p.count == 4 + 2 * Int(first) else {
            throw .corrupt(file: file, reason: "bogus SOS marker length")
        }
        let n = Int(first)
        var scan = JPEGScanHeader(
            componentIndices: [], dcTableIndices: [], acTableIndices: [],
            spectralStart: Int(p[1 + 2 * n]), spectralEnd: Int(p[2 + 2 * n]),
            approximationHigh: Int(p[3 + 2 * n] >> 4), approximationLow: Int(p[3 + 2 * n] & 15))
        for i in 0..<n {
            let id = p[1 + 2 * i]
            guard let index = frame.components.indices.first(where: {
                frame.components[$0].id == id && !scan.componentIndices.contains($0)
            }) else {
                throw .corrupt(file: file, reason: "invalid component ID \(id) in SOS")
            }
            scan.componentIndices.append(index)
            scan.dcTableIndices.append(Int(p[2 + 2 * i] >> 4))
            scan.acTableIndices.append(Int(p[2 + 2 * i] & 15))
        }
        return scan
    }

    /// DQT: one or more tables, 8- or 16-bit, stored in natural order. libjpeg-turbo 2.1 reads
    /// all 64 values of each, so a segment too short for them is an error.
    static func quantTables(_ p: [UInt8], into tables: inout [[Int16]?], file: String) throws(ImagingError) {
        var i = 0
        while i < p.count {
            let precision = Int(p[i] >> 4)
            let index = Int(p[i] & 15)
            i += 1
            guard index < 4 else { throw .corrupt(file: file, reason: "bogus DQT index \(index)") }
            let bytesPer = precision == 0 ? 1 : 2
            guard p.count - i >= 64 * bytesPer else { throw .corrupt(file: file, reason: "bogus DQT marker length") }
            var table = [Int16](repeating: 0, count: 64)
            for k in 0..<64 {
                let v = bytesPer == 2 ? Int(p[i]) << 8 | Int(p[i + 1]) : Int(p[i])
                table[JPEGZigzag.natural[k]] = Int16(truncatingIfNeeded: v)
                i += bytesPer
            }
            tables[index] = table
        }
    }

    /// DHT: one or more raw table definitions (derived when a scan first uses them).
    static func huffmanTables(_ p: [UInt8], dc: inout [JPEGHuffmanDefinition?], ac: inout [JPEGHuffmanDefinition?], file: String) throws(ImagingError) {
        var i = 0
        while p.count - i > 16 {
            let selector = Int(p[i])
            let counts = Array(p[(i + 1)...(i + 16)])
            i += 17
            let total = counts.reduce(0) { $0 + Int($1) }
            guard total <= 256, total <= p.count - i else { throw .corrupt(file: file, reason: "bogus Huffman table definition") }
            let definition = JPEGHuffmanDefinition(counts: counts, symbols: Array(p[i..<(i + total)]))
            i += total
            switch selector {
            case 0..<4: dc[selector] = definition
            case 0x10..<0x14: ac[selector - 0x10] = definition
            default: throw .corrupt(file: file, reason: "bogus DHT index \(selector)")
            }
        }
        guard i == p.count else { throw .corrupt(file: file, reason: "bogus DHT marker length") }
    }

    /// DRI.
    static func restartInterval(_ p: [UInt8], file: String) throws(ImagingError) -> Int {
        guard p.count == 2 else { throw .corrupt(file: file, reason: "bogus DRI marker length") }
        return Int(p[0]) << 8 | Int(p[1])
    }

    /// DAC: arithmetic-coding conditioning, useless here but checked as libjpeg does, since a
    /// bad one makes libjpeg give up on the file.
    static func checkArithmeticConditioning(_ p: [UInt8], file: String) throws(ImagingError) {
        guard p.count % 2 == 0 else { throw .corrupt(file: file, reason: "bogus DAC marker length") }
        for i in stride(from: 0, to: p.count, by: 2) {
            let index = p[i], value = p[i + 1]
            guard index < 32 else { throw .corrupt(file: file, reason: "bogus DAC index \(index)") }
            if index < 16, value & 15 > value >> 4 {
                throw .corrupt(file: file, reason: "bogus DAC value 0x\(JPEGMarkerScanner.hex(value))")
            }
        }
    }

    /// APP14 "Adobe": the colour transform flag, or nil when the segment is something else.
    static func adobeTransform(_ p: [UInt8]) -> Int? {
        guard p.count >= 12, p.starts(with: Array("Adobe".utf8)) else { return nil }
        return Int(p[11])
    }

    /// APP0 "JFIF\0".
    static func isJFIF(_ p: [UInt8]) -> Bool {
        p.count >= 14 && p.starts(with: Array("JFIF".utf8) + [0])
    }
}
